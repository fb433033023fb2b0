"""Section 8's figures: the measurable requirements present and within bounds."""

from __future__ import annotations

from collections.abc import Iterator

from flowviz.check.base import finding, in_template_shape, quote
from flowviz.config import Config
from flowviz.model import Diagnostic, Map, Requirement

NAMES = {
    "timeout": "request timeout",
    "retries": "retries",
    "throughput": "throughput",
    "latency": "latency",
    "success_rate": "success rate",
}


def _bounds(config: Config) -> dict[str, tuple[str, float, str]]:
    """key -> ('max' or 'min', bound, unit)."""
    b = config.requirements
    return {
        "timeout": ("max", b.timeout_max, "s"),
        "retries": ("min", float(b.retries_min), ""),
        "throughput": ("min", b.throughput_min, "requests/minute"),
        "latency": ("max", b.latency_max, "s"),
        "success_rate": ("min", b.success_rate_min, "%"),
    }


def _section_line(model: Map) -> int:
    return next((s.line for s in model.sections if s.kind == "requirements"), 1)


def missing_requirements(model: Map, config: Config) -> Iterator[Diagnostic]:
    """FV260: a measurable requirement (timeout, retries, throughput, ...) is not given."""
    if not in_template_shape(model):
        return
    given = {r.key for r in model.requirements if r.value is not None}
    for key, name in NAMES.items():
        if key not in given:
            yield finding(
                model,
                "FV260",
                "warning",
                _section_line(model),
                f"technical requirements give no {name} figure",
                hint="state it with a number, e.g. as the template does",
            )


def _format(value: float) -> str:
    return f"{value:g}"


def out_of_bounds(model: Map, config: Config) -> Iterator[Diagnostic]:
    """FV261: a figure outside the bounds (the template's values, or flowviz.yaml's)."""
    bounds = _bounds(config)
    for requirement in model.requirements:
        if requirement.key not in bounds or requirement.value is None:
            continue
        yield from _check_one(model, requirement, *bounds[requirement.key])


def _check_one(
    model: Map, requirement: Requirement, side: str, bound: float, unit: str
) -> Iterator[Diagnostic]:
    value = requirement.value or 0.0
    bad = value > bound if side == "max" else value < bound
    if bad:
        limit = "at most" if side == "max" else "at least"
        yield finding(
            model,
            "FV261",
            "warning",
            requirement.line,
            f"{NAMES[requirement.key]} {quote(requirement.text)} is outside the bound: "
            f"{limit} {_format(bound)}{(' ' + unit) if unit else ''}",
            hint="meet the bound, or set it in flowviz.yaml 'requirements' if the project agreed "
            "on another one",
        )
