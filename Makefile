# flowviz: `make demo` sets everything up and runs the main job on the bundled example map;
# `make test` runs the whole test suite (lint included).
EXAMPLE ?= maps/ru-petshop.md
STEM := $(basename $(notdir $(EXAMPLE)))
VENV := .venv/bin

.PHONY: setup demo test lint format golden pictures bench explore clean

setup:
	@scripts/setup.sh

demo: setup
	$(VENV)/flowviz render $(EXAMPLE) --view overview,flows,identifiers,architecture --format svg,png -o output/$(STEM)
	$(VENV)/flowviz export $(EXAMPLE) --to json -o output/$(STEM)/map.json
	$(VENV)/flowviz export $(EXAMPLE) --to yaml -o output/$(STEM)/map.yaml
	$(VENV)/flowviz export $(EXAMPLE) --to mermaid -o output/$(STEM)/map.mermaid.md
	$(VENV)/flowviz export $(EXAMPLE) --to html -o output/$(STEM)/report.html
	$(VENV)/flowviz export $(EXAMPLE) --to drawio -o output/$(STEM)/overview.drawio
	$(VENV)/flowviz check $(EXAMPLE)
	@echo "demo: pictures (overview, flow-N, identifiers, architecture as SVG and PNG), report.html (open it in a browser), map.mermaid.md, overview.drawio, map.json and map.yaml are in output/$(STEM)/"
	@echo "demo: 'make explore' opens the example in the explorer at http://localhost:8501 (Ctrl+C stops it)"

test: setup lint
	PYTHONDONTWRITEBYTECODE= $(VENV)/python -m pytest -n auto

lint: setup
	$(VENV)/ruff check .
	$(VENV)/ruff format --check .

format: setup
	$(VENV)/ruff format .
	$(VENV)/ruff check --fix .

golden: setup
	FLOWVIZ_UPDATE_GOLDEN=1 $(VENV)/python -m pytest tests/test_golden.py tests/test_schema.py tests/test_drawio.py tests/test_mermaid.py -q

# The pictures the README shows, drawn from the bundled example by this code (the explorer's
# screenshot is taken by its browser test).
pictures: setup
	$(VENV)/flowviz render $(EXAMPLE) --view overview,flow:1 --format svg -o docs/images/$(STEM)
	$(VENV)/python scripts/screenshot_report.py $(EXAMPLE) docs/images/$(STEM)/report.png
	FLOWVIZ_UPDATE_SCREENSHOTS=1 $(VENV)/python -m pytest tests/test_explorer_graph.py -q -k player

bench: setup
	$(VENV)/python benchmarks/bench.py
	$(VENV)/python benchmarks/bench_render.py
	$(VENV)/python benchmarks/bench_explorer.py
	$(VENV)/python benchmarks/bench_explorer_graph.py

# The explorer in the browser: the example map and the maps beside it (PORT=8502 for another port).
explore: setup
	$(VENV)/flowviz explore $(EXAMPLE) $(if $(PORT),--port $(PORT))

clean:
	rm -rf output .pytest_cache .ruff_cache
