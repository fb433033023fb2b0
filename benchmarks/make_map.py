"""Synthetic integration maps of any size, shared by every benchmark.

``make_map(rows, language="ru", seed=0)`` returns a fully filled map that follows the ten-section
template (the headings and columns of ``maps/ru-petshop.md`` / ``maps/en-saas.md``):

- section 1 declares the core systems (CMS, CRM, ESP, analytics with two tools) and, in
  "Другие системы" / "Other systems", every further system (payments, telephony, ERP,
  warehouses, shops' tills, delivery, marketplaces, ...);
- exactly ``rows`` integration rows, one receiver each, spread over sections 2-5 and one extra
  integration section per further system that sends data ("11. Интеграции 1С:ERP с внешними
  системами", ...);
- identifiers defined in sections 6 and 10 and used in the rows, the sync table of section 6;
- about ``rows / 10`` flows of 3-7 steps in section 7; every system-to-system step repeats an
  integration row (same sender, same receiver, same method);
- sections 8 and 9 filled.

This module is the generator only. The words are data in ``make_map_data/``: ``ru.yaml`` and
``en.yaml`` hold everything a map of that language says, ``shared.yaml`` the kinds of system and
what each kind sends to which kinds. The same ``seed`` gives the same text. ``--check`` (CLI)
reads the map back with flowviz and verifies counts, step counts, findings and step backing.

    python benchmarks/make_map.py ROWS [--language en] [--seed N] [-o FILE] [--check]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).with_name("make_map_data")
LANGUAGES = tuple(sorted(p.stem for p in DATA.glob("*.yaml") if p.stem != "shared"))
"""One data file per language: ``make_map_data/<language>.yaml``."""
CORE = ("cms", "crm", "esp", "analytics")
"""The kinds of the core systems, whose integrations are sections 2-5 in this order."""
PAGE_TAGGING = ("cms",)
"""Kinds that reach analytics through the tag on every page (``tag_method``)."""
LINK_TAGGING = ("esp", "sms", "chat")
"""Kinds that reach analytics through tagged links (``link_method``); any other kind posts to one
tool's server API."""
HTTP_METHODS = ("POST", "PATCH", "PUT")

# Weights and shares of the random choices.
CORE_SECTION_WEIGHT = 1.5
"""Rows of a core section (2-5) against 1 for an extra section."""
ROWS_PER_SYSTEM = 25
"""One further system per 25 integration rows (at least 2)."""
NOT_REQUIRED_BELOW = 0.04
NEEDS_SETUP_BELOW = 0.3
"""A row's status: "not required" when a draw in [0, 1) is below 0.04, "needs setup" below 0.3,
else "configured"."""
EXTRA_ID_SHARE = 0.3
"""Rows that also carry email or phone."""
FLOW_STEPS = (3, 7)
ACTOR_SHARE = 0.6
"""Flows that start with a person's action."""
INTERNAL_SHARE = 0.4
"""Flows that end with a step inside the last system."""
CREATED_SHARE = 0.6
"""First steps that say the receiver creates its identifier (when it has one)."""
ROWS_PER_SYNC_RULE = 15
"""One rule in section 6's sync table per 15 rows (at least 5)."""

# --------------------------------------------------------------------------------------------
# Content
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Data:
    """A kind of record a system sends: the source-data cell, the object of a flow step, the
    data fields and an API resource name."""

    title: str
    phrase: str
    fields: str
    res: str
    tool: str = ""
    """For analytics: the tool (part) the data comes from."""


@dataclass(frozen=True, slots=True)
class Kind:
    """What systems of one kind own, send and receive."""

    ids: tuple[str, ...]
    sends: tuple[Data, ...]
    routes: tuple[tuple[str, ...], ...]
    """Receiver kinds for each record of ``sends``."""
    fallback: tuple[str, ...]
    """Receiver kinds when none of a record's is in the map."""
    methods: tuple[str, ...]
    """Methods by which data gets INTO a system of this kind."""
    purposes: tuple[str, ...]
    """Why data is sent to a system of this kind."""


@dataclass(frozen=True, slots=True)
class Content:
    """Everything one language's maps are made of."""

    kinds: dict[str, Kind]
    bindings: dict[str, str]
    """The identifier each identifier is bound to (section 10)."""
    words: dict[str, Any]
    """The language file as read: systems, identifiers and the wording of every section."""


def _read(name: str) -> dict[str, Any]:
    path = DATA / f"{name}.yaml"
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with path.open(encoding="utf-8") as file:
        data = yaml.load(file, Loader=loader)
    _only_text(data, path.name)
    return data


def _only_text(value: object, where: str) -> None:
    """Refuse anything but text: an unquoted ``yes``, ``3`` or ``null`` is not a word."""
    if isinstance(value, dict):
        for key, item in value.items():
            _only_text(key, where)
            _only_text(item, f"{where}: {key}")
    elif isinstance(value, list):
        for item in value:
            _only_text(item, where)
    elif not isinstance(value, str):
        raise ValueError(f"{where}: {value!r} is not text; quote it")


@cache
def content(language: str) -> Content:
    """The content of ``language``'s maps, read once per process."""
    shared, words = _read("shared"), _read(language)
    kinds = {}
    for name, structure in shared["kinds"].items():
        local = words["kinds"][name]
        records = local["records"]
        if list(records) != list(structure["sends"]):
            raise ValueError(
                f"{language}.yaml: the records of {name!r} must be, in this order, "
                f"{list(structure['sends'])} (shared.yaml), not {list(records)}"
            )
        kinds[name] = Kind(
            ids=tuple(structure["ids"]),
            sends=tuple(Data(**record) for record in records.values()),
            routes=tuple(tuple(receivers) for receivers in structure["sends"].values()),
            fallback=tuple(structure["fallback"]),
            methods=tuple(local["methods"]),
            purposes=tuple(local["purposes"]),
        )
    return Content(kinds, shared["bindings"], words)


# --------------------------------------------------------------------------------------------
# The map being built
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class System:
    """A system of the generated map."""

    key: str
    name: str
    kind: str
    host: str
    nom: str
    """How a flow step names it as the sender."""
    acc: str
    """How a flow step names it as the receiver, preposition included."""
    cells: tuple[str, ...]
    """Ways a receiver cell names it."""
    path: str
    """Its name in a flow title's path."""
    ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Target:
    """One way to address a receiver: the system, its cell text, step phrase and a fixed method
    (analytics tools take one method each)."""

    system: System
    cell: str
    acc: str
    method: str | None = None
    ids: tuple[str, ...] = ()


@dataclass(slots=True)
class Row:
    """One integration row."""

    sender: System
    target: Target
    data: Data
    method: str
    ids: list[str]
    fields: str
    purpose: str
    details: str
    status: str
    nom: str
    """The sender as a flow step names it (an analytics tool for section 5 rows)."""


@dataclass(slots=True)
class Section:
    number: int
    title: str
    source_header: str
    owner: System
    rows: list[Row] = field(default_factory=list)


@dataclass(slots=True)
class Flow:
    number: int
    title: str
    path: list[str]
    steps: list[str]
    backed: list[Row]


@dataclass(slots=True)
class Built:
    """The generated text and what it should read back into."""

    text: str
    rows: list[Row]
    flows: list[Flow]
    systems: list[System]


class _Builder:
    """Draws one map. Every random choice goes through ``self.rng`` in a fixed order, so the
    order of the calls below is part of the output: keep it when changing them."""

    def __init__(self, rows: int, language: str, seed: int) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"language must be one of {LANGUAGES}, not {language!r}")
        if rows < 1:
            raise ValueError("rows must be at least 1")
        self.rows = rows
        self.rng = random.Random(seed)
        found = content(language)
        self.kinds, self.bindings, self.words = found.kinds, found.bindings, found.words
        project = self.rng.choice(self.words["projects"])
        self.project, self.domain, self.about = project["name"], project["domain"], project["about"]
        self.slug = self.domain.split(".")[0]
        self.systems: list[System] = []
        self.core: dict[str, System] = {}
        self.targets: dict[str, list[Target]] = {}
        self.tools: dict[str, dict[str, str]] = self.words["analytics"]["tools"]
        self.notes: dict[str, str] = {}

    def _host(self, pattern: str) -> str:
        return pattern.format(domain=self.domain, slug=self.slug)

    # -- systems ----------------------------------------------------------------------------
    def declare_systems(self) -> None:
        for key in CORE[:3]:
            spec = self.words["core"][key]
            name, nom = spec["name"], spec["nom"]
            cells = (name, *spec["cells"])
            path = spec.get("path", nom)
            ids = self.kinds[key].ids
            host = self._host(spec["host"])
            self.core[key] = System(key, name, key, host, nom, spec["acc"], cells, path, ids)
        group = self.words["analytics"]
        cell = group["cell"].format(tools=", ".join(self.tools))
        ids = tuple(tool["id"] for tool in self.tools.values())
        name = group["name"]
        self.core["analytics"] = System(
            "analytics", name, "analytics", "", name, group["acc"], (cell,), name, ids
        )
        self.systems = list(self.core.values())
        self._declare_others()
        self._targets()

    def _declare_others(self) -> None:
        pool = [(o["name"], o["kind"], o["note"], o["host"]) for o in self.words["others"]]
        for city in self.words["cities"]:
            for kind, name in self.words["regional"].items():
                pool.append((name.format(city=city), kind, "", f"{kind}-{len(pool)}.{self.domain}"))
        wanted = max(2, min(len(pool), self.rows // ROWS_PER_SYSTEM))
        for index, (name, kind, note, host) in enumerate(pool[:wanted]):
            acc = self.words["receiver"].format(name=name)
            cells = (name, f"**{name}**")
            ids = self.kinds[kind].ids
            system = System(f"o{index}", name, kind, self._host(host), name, acc, cells, name, ids)
            self.systems.append(system)
            self.notes[name] = note

    def _targets(self) -> None:
        for system in self.systems:
            if system.key != "analytics":
                self.targets.setdefault(system.kind, []).append(
                    Target(system, "", system.acc, None, system.ids)
                )
        group = self.core["analytics"]
        self.targets["analytics"] = [
            Target(group, group.cells[0], group.acc, None, group.ids),
            *(
                Target(group, name, tool["acc"], tool["method"], (tool["id"],))
                for name, tool in self.tools.items()
            ),
        ]

    def _analytics_targets(self, sender: System) -> list[Target]:
        """The site tags pages for the whole group, mail and chat links carry UTM parameters;
        other systems post conversions to one tool's server API."""
        group, *tools = self.targets["analytics"]
        for kinds, method in (
            (PAGE_TAGGING, self.words["analytics"]["tag_method"]),
            (LINK_TAGGING, self.words["analytics"]["link_method"]),
        ):
            if sender.kind in kinds:
                return [Target(group.system, group.cell, group.acc, method, group.ids)]
        return tools

    # -- integration sections ---------------------------------------------------------------
    def sections(self) -> list[Section]:
        titles = self.words["integrations"]["titles"]
        tools = ", ".join(self.tools)
        out = [
            Section(
                number,
                titles[key]["title"].format(tools=tools),
                titles[key]["source"],
                self.core[key],
            )
            for number, key in enumerate(CORE, 2)
        ]
        other = titles["other"]
        senders = [s for s in self.systems[4:] if self.kinds[s.kind].sends]
        for system in senders[: max(0, self.rows - 4)]:
            title = other["title"].format(name=system.name)
            header = other["source"].format(name=system.name)
            out.append(Section(len(out) + 7, title, header, system))
        weights = [CORE_SECTION_WEIGHT if s.number <= 5 else 1.0 for s in out]
        for section, count in zip(out, _spread(self.rows, weights), strict=True):
            section.rows = [self.row(section.owner) for _ in range(count)]
        return out

    def row(self, sender: System) -> Row:
        rng = self.rng
        kind = self.kinds[sender.kind]
        index = rng.randrange(len(kind.sends))
        data = kind.sends[index]
        present = [k for k in kind.routes[index] if self._receivers(k, sender)]
        present = present or [k for k in kind.fallback if self._receivers(k, sender)]
        target = rng.choice(self._receivers(rng.choice(present or ["crm"]), sender))
        method = target.method or self._method(sender, data, target)
        if sender.key == "analytics":
            nom = data.tool
            source_ids = [self.tools[data.tool]["id"]]
        else:
            nom = sender.nom
            source_ids = list(sender.ids)
        ids = list(dict.fromkeys([*source_ids[:2], *target.ids[:2]]))
        if rng.random() < EXTRA_ID_SHARE:
            ids.append(rng.choice(["email", "phone"]))
        cell = target.cell or rng.choice(target.system.cells)
        status = self._draw_status()
        purpose = rng.choice(self.kinds[target.system.kind].purposes)
        return Row(
            sender=sender,
            target=Target(target.system, cell, target.acc, target.method, target.ids),
            data=data,
            method=method,
            ids=ids,
            fields=data.fields,
            purpose=purpose,
            details=self._details(method, target.system, data),
            status=status,
            nom=nom,
        )

    def _draw_status(self) -> str:
        roll = self.rng.random()
        if roll < NOT_REQUIRED_BELOW:
            return "nr"
        if roll < NEEDS_SETUP_BELOW:
            return "needs_setup"
        return "configured"

    def _receivers(self, kind: str, sender: System) -> list[Target]:
        if kind == "analytics":
            return [] if sender.key == "analytics" else self._analytics_targets(sender)
        return [t for t in self.targets.get(kind, []) if t.system is not sender]

    def _method(self, sender: System, data: Data, target: Target) -> str:
        if sender.key == "analytics":
            return self.tools[data.tool]["export"]
        method = self.rng.choice(self.kinds[target.system.kind].methods)
        senders = self.words["sender_only"].get(method)
        if senders is not None and sender.kind not in senders:
            return self.words["default_method"]
        return method

    def _details(self, method: str, receiver: System, data: Data) -> str:
        words = self.words["integrations"]
        trigger = self.rng.choice(words["triggers"])
        http = self.rng.choice(HTTP_METHODS)
        template = words["details"].get(method, words["details"]["default"])
        return template.format(
            host=receiver.host, res=data.res, domain=self.domain, trigger=trigger, http=http
        )

    # -- flows ------------------------------------------------------------------------------
    def flows(self, sections: list[Section]) -> list[Flow]:
        usable = [r for s in sections for r in s.rows if r.status != "nr"]
        by_sender: dict[str, list[Row]] = {}
        for row in usable:
            by_sender.setdefault(row.sender.key, []).append(row)
        count = max(1, round(self.rows / 10)) if usable else 0
        return [self._flow(n + 1, usable, by_sender) for n in range(count)]

    def _flow(self, number: int, usable: list[Row], by_sender: dict[str, list[Row]]) -> Flow:
        rng = self.rng
        total = rng.randint(*FLOW_STEPS)
        actor = rng.random() < ACTOR_SHARE
        internal = rng.random() < INTERNAL_SHARE
        if total - actor - internal < 2:
            internal = False
        if total - actor - internal < 2:
            actor = False
        chain = [rng.choice(usable)]
        while len(chain) < total - actor - internal:
            chain.append(self._next(chain, usable, by_sender))
        steps = [self._step(row, n == 0) for n, row in enumerate(chain)]
        if actor:
            steps.insert(0, self._actor_step(chain[0].sender))
        if internal:
            steps.append(self.words["flows"]["internal"].format(system=chain[-1].target.system.nom))
        path = [chain[0].sender.path]
        for row in chain:
            if row.sender.path != path[-1] or row.target.system.path in path:
                break
            path.append(row.target.system.path)
        title = chain[0].data.title.split(" (")[0]
        return Flow(number, title, path, steps, chain)

    def _next(self, chain: list[Row], usable: list[Row], by_sender: dict[str, list[Row]]) -> Row:
        """The next step: from the last receiver to a system not yet in the flow if possible,
        else from any system of the flow."""
        seen = {r.sender.key for r in chain} | {r.target.system.key for r in chain}
        last = by_sender.get(chain[-1].target.system.key, [])
        anywhere = [r for key in sorted(seen) for r in by_sender.get(key, [])]
        for pool in (last, anywhere):
            fresh = [r for r in pool if r.target.system.key not in seen]
            if fresh:
                return self.rng.choice(fresh)
        rest = [r for r in last or anywhere if r not in chain]
        return self.rng.choice(rest or usable)

    def _step(self, row: Row, first: bool) -> str:
        rng, words = self.rng, self.words["flows"]
        own = [i for i in row.ids if i in row.target.ids]
        theirs = [i for i in row.ids if i not in row.target.ids and i not in ("email", "phone")]
        if own and first and rng.random() < CREATED_SHARE:
            clause = words["created"].format(id=own[0])
        elif own and theirs:
            clause = words["tied"].format(other=theirs[0], own=own[0])
        else:
            clause = words["key"].format(id=(theirs or own or ["email"])[0])
        return words["step"].format(
            sender=row.nom,
            verb=rng.choice(words["verbs"]),
            data=row.data.phrase,
            receiver=row.target.acc,
            method=row.method,
            clause=clause,
        )

    def _actor_step(self, system: System) -> str:
        """A person's action that starts a flow, in the system where it happens."""
        words = self.words["flows"]
        choices = words["actor"].get(system.kind, [words["actor_default"]])
        return self.rng.choice(choices).format(system=system.name)

    # -- rendering --------------------------------------------------------------------------
    def build(self) -> Built:
        self.declare_systems()
        sections = self.sections()
        flows = self.flows(sections)
        parts = [
            self._head(),
            self._overview(),
            *[self._integrations(s) for s in sections[:4]],
            self._identifiers(sections),
            self._flows(flows),
            self._requirements(),
            self._tests(sections),
            self._id_schema(),
            *[self._integrations(s) for s in sections[4:]],
        ]
        text = "\n---\n\n".join(parts)
        rows = [r for s in sections for r in s.rows]
        return Built(text, rows, flows, self.systems)

    def _h(self, number: int, title: str) -> str:
        return f"{self.words['heading']} {number}. {title}\n\n"

    def _head(self) -> str:
        return self.words["head"].format(project=self.project, further=len(self.systems) - 4)

    def _overview(self) -> str:
        words = self.words["overview"]
        others = ", ".join(
            f"{s.name} ({self.notes[s.name]})" if self.notes[s.name] else s.name
            for s in self.systems[4:]
        )
        core = self.core
        return self._h(1, words["title"]) + words["text"].format(
            project=self.project,
            about=self.about,
            person=self.rng.choice(words["people"]),
            domain=self.domain,
            cms=core["cms"].name,
            crm=core["crm"].name,
            crm_host=core["crm"].host,
            esp=core["esp"].name,
            esp_host=core["esp"].host,
            others=others,
        )

    def _integrations(self, section: Section) -> str:
        words = self.words["integrations"]
        head = self._h(section.number, section.title)
        if not section.rows:
            return head + words["none"] + "\n"
        columns = [c.format(source=section.source_header) for c in words["columns"]]
        intro = words["intro"].format(
            name=section.owner.name, count=len(section.rows), domain=self.domain
        )
        rows = [
            [
                str(n),
                f"**{row.data.title} ({row.data.tool})**"
                if row.data.tool
                else f"**{row.data.title}**",
                row.target.cell,
                row.method,
                ", ".join(row.ids),
                row.fields,
                row.purpose,
                row.details,
                self._status(row.status),
            ]
            for n, row in enumerate(section.rows, 1)
        ]
        return head + intro + "\n\n" + _table(columns, rows) + "\n"

    def _status(self, status: str) -> str:
        words = self.words["integrations"]
        if status == "nr":
            return f"{words['status']['nr']} — {self.rng.choice(words['not_required'])}"
        return words["status"][status]

    def _used_ids(self) -> list[tuple[str, str]]:
        """(identifier, owner name) of every identifier the map defines."""
        out: dict[str, str] = {}
        for system in self.systems:
            if system.key == "analytics":
                for name, tool in self.tools.items():
                    out.setdefault(tool["id"], name)
            else:
                for ident in system.ids:
                    out.setdefault(ident, system.name)
        universal = self.words["sync"]["universal"]
        out.setdefault("email", universal)
        out.setdefault("phone", universal)
        return list(out.items())

    def _identifiers(self, sections: list[Section]) -> str:
        words = self.words["sync"]
        lines = [self._h(6, words["title"]), words["list"] + "\n\n"]
        for ident, owner in self._used_ids():
            about = self.words["identifiers"][ident]["about"]
            owned = "" if owner == words["universal"] else f" ({owner})"
            lines.append(f"- **{ident}**{owned} — {about}\n")
        lines.append("\n" + words["rules"] + "\n\n")
        rules = []
        seen: set[tuple[str, str]] = set()
        limit = max(5, self.rows // ROWS_PER_SYNC_RULE)
        for row in (r for s in sections for r in s.rows):
            pair = (row.sender.key, row.target.system.key)
            if pair in seen or len(seen) >= limit:
                continue
            seen.add(pair)
            source_ids = [i for i in row.ids if i not in row.target.ids] or ["email"]
            target_ids = [i for i in row.ids if i in row.target.ids] or source_ids[:1]
            rules.append(
                [
                    f"**{row.sender.name if row.sender.key != 'analytics' else row.nom}**",
                    " / ".join(source_ids),
                    f"**{row.target.system.path}**",
                    " / ".join(target_ids),
                    words["method"].format(method=row.method, id=source_ids[0]),
                    self.rng.choice(words["priorities"]),
                ]
            )
        return "".join(lines) + _table(words["columns"], rules) + "\n"

    def _flows(self, flows: list[Flow]) -> str:
        words = self.words["flows"]
        out = [self._h(7, words["title"]), words["list"] + "\n"]
        for flow in flows:
            path = self.words["arrow"].join(flow.path)
            out.append(f"\n**{words['flow']} {flow.number}: {flow.title} ({path})**\n\n")
            out.extend(f"{n}. {step}\n" for n, step in enumerate(flow.steps, 1))
        return "".join(out)

    def _requirements(self) -> str:
        words = self.words["requirements"]
        return self._h(8, words["title"]) + words["text"].format(domain=self.domain)

    def _tests(self, sections: list[Section]) -> str:
        words = self.words["tests"]
        stages = []
        for section in (s for s in sections if s.rows):
            owner = section.owner.path
            receivers = " / ".join(dict.fromkeys(r.target.system.path for r in section.rows))
            days = self.rng.randint(1, 3)
            stages.append(
                [
                    str(len(stages) + 1),
                    words["stage"].format(system=owner),
                    f"{owner}{self.words['arrow']}{receivers}",
                    words["criteria"].format(count=len(section.rows), section=section.number),
                    self.rng.choice(words["owners"]),
                    words["days"]["one" if days == 1 else "more"].format(days=days),
                ]
            )
        stages.append([str(len(stages) + 1), *words["end_to_end"]])
        head = self._h(9, words["title"]) + words["intro"] + "\n\n" + words["list"] + "\n\n"
        return head + _table(words["columns"], stages) + "\n"

    def _id_schema(self) -> str:
        words = self.words["schema"]
        texts = self.words["identifiers"]
        used = self._used_ids()
        rows = [
            [
                f"**{ident}**",
                owner,
                texts[ident]["unique"],
                texts[ident]["format"],
                texts[ident]["rules"],
                texts[ident]["bindings"],
            ]
            for ident, owner in used
        ]
        defined = {i for i, _ in used}
        pairs = [(i, self.bindings[i]) for i, _ in used if self.bindings.get(i) in defined]
        items = [
            words["binding"].format(n=n, id=left, partner=right, how=texts[left]["bindings"])
            for n, (left, right) in enumerate(pairs, 1)
        ]
        return (
            self._h(10, words["title"])
            + _table(words["columns"], rows)
            + f"\n\n{words['rules']}\n\n"
            + "\n".join(items)
        )


def _table(columns: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A Markdown table, without a newline at the end."""
    lines = [columns, ["---"] * len(columns), *rows]
    return "\n".join(
        "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |" for cells in lines
    )


def _spread(total: int, weights: list[float]) -> list[int]:
    """``total`` split in proportion to ``weights`` (largest remainder), each at least 1 while
    ``total`` allows."""
    base = min(total, len(weights))
    counts = [1] * base + [0] * (len(weights) - base)
    rest = total - base
    whole = sum(weights)
    shares = [rest * w / whole for w in weights]
    counts = [c + int(s) for c, s in zip(counts, shares, strict=True)]
    order = sorted(range(len(weights)), key=lambda i: int(shares[i]) - shares[i])
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


def build(rows: int, *, language: str = "ru", seed: int = 0) -> Built:
    """The map text with what it should read back into (rows, flows and their backing rows)."""
    return _Builder(rows, language, seed).build()


def make_map(rows: int, *, language: str = "ru", seed: int = 0) -> str:
    """A realistic, fully filled integration map with exactly ``rows`` integration rows."""
    return build(rows, language=language, seed=seed).text


# --------------------------------------------------------------------------------------------
# Self-check against flowviz
# --------------------------------------------------------------------------------------------


def check(rows: int, *, language: str = "ru", seed: int = 0) -> tuple[list[str], list[str]]:
    """Read a generated map with flowviz; return (problems, notes).

    Problems: a wrong integration count, a row read with another sender or receiver, a finding
    above ``info``, a flow with another number of steps, a system-to-system step that is not
    read as the generated row's sender, receiver and method or that no integration backs.
    Notes: ``info`` findings (a generated map should have none)."""
    import flowviz  # noqa: PLC0415 - only the self-check needs flowviz

    built = build(rows, language=language, seed=seed)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"map-{rows}-{language}.md"
        path.write_text(built.text, encoding="utf-8")
        model = flowviz.load(path)
    problems = [
        f"finding {d.code} ({d.severity}) at line {d.line}: {d.message}"
        for d in model.diagnostics
        if d.severity != "info"
    ]
    notes = [
        f"finding {d.code} (info) at line {d.line}: {d.message}"
        for d in model.diagnostics
        if d.severity == "info"
    ]
    if len(model.integrations) != len(built.rows):
        problems.append(f"{len(model.integrations)} integrations read, {len(built.rows)} generated")
    ids = {s.name: s.id for s in model.systems}

    def edge(row: Row) -> tuple[str | None, str | None, str]:
        return ids.get(row.sender.name), ids.get(row.target.system.name), row.method

    for n, (row, read) in enumerate(zip(built.rows, model.integrations, strict=False), 1):
        if edge(row) != (read.source, read.target, read.method):
            problems.append(
                f"row {n} (line {read.line}): read {read.source} -> {read.target}, "
                f"generated {edge(row)[:2]}"
            )
    if len(model.flows) != len(built.flows):
        problems.append(f"{len(model.flows)} flows read, {len(built.flows)} generated")
    edges = {(i.source, i.target, i.method) for i in model.integrations}
    actors = {s.id for s in model.systems if s.kind == "actor"}
    for flow, made in zip(model.flows, built.flows, strict=False):
        if len(flow.steps) != len(made.steps):
            problems.append(
                f"flow {flow.number}: {len(flow.steps)} steps read, {len(made.steps)} generated"
            )
        steps = [s for s in flow.steps if s.source and s.target and s.source not in actors]
        read = [(s.source, s.target, s.method) for s in steps]
        if read != [edge(r) for r in made.backed]:
            problems.append(
                f"flow {flow.number}: system steps read as {read}, "
                f"generated {[edge(r) for r in made.backed]}"
            )
        problems += [
            f"flow {flow.number} step {s.number}: no integration {s.source} -> {s.target} "
            f"via {s.method!r}"
            for s, key in zip(steps, read, strict=True)
            if key not in edges
        ]
    return problems, notes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rows", type=int, help="number of integration table rows")
    parser.add_argument("--language", choices=LANGUAGES, default="ru")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
    parser.add_argument(
        "--check", action="store_true", help="read the map back with flowviz and report problems"
    )
    args = parser.parse_args(argv)
    if args.rows < 1:
        parser.error("ROWS must be at least 1")
    if args.check:
        problems, notes = check(args.rows, language=args.language, seed=args.seed)
        for line in problems + notes:
            print(line, file=sys.stderr)
        print(
            f"{args.rows} rows, {args.language}, seed {args.seed}: "
            + ("OK" if not problems else f"{len(problems)} problem(s)")
        )
        return 1 if problems else 0
    text = make_map(args.rows, language=args.language, seed=args.seed)
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
