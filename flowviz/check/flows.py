"""Data flows against the integration tables and against their own declared paths."""

from __future__ import annotations

import re
from collections.abc import Iterator

from flowviz.check.base import finding, quote
from flowviz.config import Config
from flowviz.model import Diagnostic, Flow, Integration, Map, Step


def _is_actor(model: Map, system: str | None) -> bool:
    found = model.system(system) if system else None
    return found is not None and found.kind == "actor"


def _alternatives(method: str) -> set[str]:
    parts = re.split(r"\s*(?:/|,|;|\+|\bили\b|\bor\b)\s*", method.lower())
    return {re.sub(r"[\W_]+", "", p) for p in parts if re.sub(r"[\W_]+", "", p)}


def same_method(a: str, b: str) -> bool:
    """Whether two method texts name a common method (``Webhook/API`` and ``REST API`` do)."""
    left, right = _alternatives(a), _alternatives(b)
    return any(x == y or x in y or y in x for x in left for y in right)


def _name(model: Map, system_id: str) -> str:
    system = model.system(system_id)
    return system.name if system else system_id


def unbacked_steps(model: Map, config: Config) -> Iterator[Diagnostic]:
    """FV230-FV232: a step moving data between two systems needs an integration row."""
    rows: dict[tuple[str | None, str | None], list[Integration]] = {}
    for row in model.integrations:
        rows.setdefault((row.source, row.target), []).append(row)
    for flow in model.flows:
        for step in flow.steps:
            if step.source is None or step.target is None or step.source == step.target:
                continue
            if _is_actor(model, step.source) or _is_actor(model, step.target):
                continue
            yield from _backing(model, flow, step, rows)


def _backing(
    model: Map, flow: Flow, step: Step, rows: dict[tuple[str | None, str | None], list]
) -> Iterator[Diagnostic]:
    pair = f"{_name(model, step.source)} → {_name(model, step.target)}"
    forward = rows.get((step.source, step.target), [])
    if not forward:
        backward = rows.get((step.target, step.source), [])
        if backward:
            yield finding(
                model,
                "FV231",
                "info",
                step.line,
                f"step {flow.number}.{step.number} ({pair}) is backed only by integration "
                f"{backward[0].id}, which runs the other way",
                hint="check the direction, or add the integration row for this direction",
            )
        else:
            yield finding(
                model,
                "FV230",
                "warning",
                step.line,
                f"step {flow.number}.{step.number} moves data {pair}, but no integration row "
                "connects these systems",
                hint="add the integration to the source system's section (2-5)",
            )
        return
    real = [r for r in forward if r.method and "method" not in r.placeholders]
    if step.method and real and not any(same_method(step.method, r.method) for r in real):
        methods = ", ".join(quote(r.method) for r in real)
        yield finding(
            model,
            "FV232",
            "info",
            step.line,
            f"step {flow.number}.{step.number} ({pair}) goes through {quote(step.method)}, "
            f"but the integration row says {methods}",
            hint="use the same method name in the step and in the table",
        )


def _pairs(flow: Flow) -> list[tuple[str, str]]:
    return [
        (a, b)
        for left, right in zip(flow.path, flow.path[1:], strict=False)
        for a in left
        for b in right
    ]


def declared_paths(model: Map, config: Config) -> Iterator[Diagnostic]:
    """FV233-FV235: the arrows in a flow's title agree with its steps."""
    for flow in model.flows:
        if not flow.path:
            continue
        moves = {(s.source, s.target) for s in flow.steps}
        taking_part = {s.source for s in flow.steps} | {s.target for s in flow.steps}
        named = [system for stage in flow.path for system in stage]
        for system in dict.fromkeys(named):
            if system not in taking_part:
                yield finding(
                    model,
                    "FV233",
                    "warning",
                    flow.line,
                    f"flow {flow.number} names {quote(_name(model, system))} in its path "
                    f"{quote(flow.path_text)}, but no step involves it",
                    hint="add the step, or correct the path in the title",
                )
        for source, target in _pairs(flow):
            if source in taking_part and target in taking_part and (source, target) not in moves:
                yield finding(
                    model,
                    "FV234",
                    "warning",
                    flow.line,
                    f"flow {flow.number}'s path has {_name(model, source)} → "
                    f"{_name(model, target)}, but no step sends data that way",
                    hint="add the step, or correct the arrows in the title",
                )
        for system in sorted(taking_part - set(named) - {None}, key=str):
            if not _is_actor(model, system):
                line = next(s.line for s in flow.steps if system in (s.source, s.target))
                yield finding(
                    model,
                    "FV235",
                    "info",
                    line,
                    f"{quote(_name(model, system))} takes part in flow {flow.number} but is not "
                    f"in its path {quote(flow.path_text)}",
                    hint="add it to the arrows in the title if it belongs there",
                )
