# flowviz: `make demo` sets everything up and runs the main job on the bundled example map;
# `make test` runs the whole test suite (lint included).
EXAMPLE ?= maps/ru-petshop.md
STEM := $(basename $(notdir $(EXAMPLE)))
VENV := .venv/bin

.PHONY: setup demo test lint format golden bench clean

setup:
	@scripts/setup.sh

demo: setup
	$(VENV)/flowviz export $(EXAMPLE) --to json -o output/$(STEM)/map.json
	$(VENV)/flowviz export $(EXAMPLE) --to yaml -o output/$(STEM)/map.yaml
	$(VENV)/flowviz check $(EXAMPLE)
	@echo "demo: wrote output/$(STEM)/map.json and map.yaml"

test: setup lint
	$(VENV)/python -m pytest

lint: setup
	$(VENV)/ruff check .
	$(VENV)/ruff format --check .

format: setup
	$(VENV)/ruff format .
	$(VENV)/ruff check --fix .

golden: setup
	FLOWVIZ_UPDATE_GOLDEN=1 $(VENV)/python -m pytest tests/test_golden.py tests/test_schema.py -q

bench: setup
	$(VENV)/python benchmarks/bench.py

clean:
	rm -rf output .pytest_cache .ruff_cache
