"""How ``pytest -n N`` shares the tests out among its workers (the hook is imported by
``conftest``)."""

from __future__ import annotations

import zlib
from typing import Any

import pytest

SHARED = {
    "test_explorer_graph.py": "browser",
    "test_html_report.py": "browser",
    "test_mermaid.py": "browser",
    "test_explorer_app.py": "explorer",
    "test_render_cli.py": "render",
    "test_determinism.py": "determinism",
}
"""Modules whose tests share costly set-up (a Chromium and its one tab, an explorer server,
Mermaid's Node run, Streamlit's caches, every view drawn by ``dot``, everything written by this
process and another one), by the group of tests one xdist worker runs, so that the set-up is
made once per run rather than once per worker. These groups are handed out first, in this
order (the longest first); every other module is one unit too (its fixtures and the maps it
reads are made once), handed out after them, the modules with the most tests first."""


LONG = (
    "test_real_outputs.py#0",
    "test_real_outputs.py#1",
    "test_real_documents.py",
    "test_properties.py",
    "test_same_results.py",
    "test_reading_mermaid.py",
)
"""Units of many seconds each, handed out right after the shared groups (longest first), so
that no long one is left to run alone at the end."""

SPLIT = {"test_real_outputs.py": 2}
"""Long modules of tests that share no set-up, each handed out in this many parts (by a hash
of the test's id, so that a part holds the same tests on every run)."""


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """``pytest -n N`` (``--dist load``, the default) hands out each group of ``SHARED`` and
    every other module as one unit, as a worker frees up (pytest-xdist's own ``loadgroup``
    marks do not take effect under pytest 9)."""
    if config.getvalue("dist") != "load":
        return None
    from xdist.scheduler import LoadScopeScheduling  # noqa: PLC0415 (only with xdist)

    class SharedSetUp(LoadScopeScheduling):  # type: ignore[misc]
        def _split_scope(self, nodeid: str) -> str:
            module = nodeid.split("::", 1)[0].rsplit("/", 1)[-1]
            if module in SPLIT:
                return f"{module}#{zlib.crc32(nodeid.encode()) % SPLIT[module]}"
            return SHARED.get(module, module)

        def schedule(self) -> None:
            """As xdist's first ``schedule`` with the groups of ``SHARED`` first (xdist orders
            units by their number of tests only, which puts three long tests last)."""
            if self.collection is not None or not self._check_nodes_have_same_collection():
                super().schedule()
                return
            self.collection = list(next(iter(self.registered_collections.values())))
            units: dict[str, dict[str, bool]] = {}
            for nodeid in self.collection:
                units.setdefault(self._split_scope(nodeid), {})[nodeid] = False
            first = [*dict.fromkeys(SHARED.values()), *LONG]
            rank = {group: index for index, group in enumerate(first)}
            for scope in sorted(units, key=lambda s: (rank.get(s, len(rank)), -len(units[s]))):
                self.workqueue[scope] = units[scope]
            for _ in range(len(self.nodes) - len(self.workqueue)):  # more workers than units
                unused, _ = self.assigned_work.popitem()
                unused.shutdown()
            for node in self.nodes:
                self._assign_work_unit(node)
            for node in self.nodes:
                self._reschedule(node)

        def mark_test_complete(self, node: Any, item_index: int, duration: float = 0) -> None:
            """As xdist's, but a finished unit leaves the worker's list, which xdist reads
            through on every report (thousands of one-test units made that quadratic)."""
            nodeid = self.registered_collections[node][item_index]
            work = self.assigned_work[node]
            scope = self._split_scope(nodeid)
            work[scope][nodeid] = True
            if all(work[scope].values()):
                del work[scope]
            self._reschedule(node)

        def _assign_work_unit(self, node: Any) -> None:
            """As xdist's, with the tests' places looked up in a dictionary, not a list."""
            scope, work_unit = self.workqueue.popitem(last=False)
            self.assigned_work.setdefault(node, {})[scope] = work_unit
            if node not in places:
                places[node] = {n: i for i, n in enumerate(self.registered_collections[node])}
            node.send_runtest_some([places[node][n] for n, done in work_unit.items() if not done])

    places: dict[Any, dict[str, int]] = {}

    return SharedSetUp(config, log)
