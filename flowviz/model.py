"""The typed model of an integration map: plain data, no parsing and no rendering.

Every object keeps the 1-based source ``line`` it came from. Text fields hold the map's own
words; where a cell only held a template placeholder (``[Например: X]``, ``[указать]``) the field
holds the example value (or nothing) and its name is listed in ``placeholders``.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from flowviz.records import Field, Record, record

SCHEMA = "flowviz/map@1"
MAP_KINDS = frozenset({"integrations", "identifiers", "flows", "id_schema"})
"""Kinds of section that make a document an integration map in the template's shape."""

SystemKind = Literal["cms", "crm", "esp", "analytics", "other", "actor"]
Severity = Literal["error", "warning", "info"]
Status = Literal["configured", "needs_setup", "not_required", "unknown"]
SectionKind = Literal[
    "overview",
    "checklist",
    "integrations",
    "identifiers",
    "flows",
    "requirements",
    "tests",
    "id_schema",
    "other",
]


@record
class Diagnostic(Record):
    """One finding about the map, in the shape every output shares."""

    code: str = Field(description="Stable code, e.g. FV101.")
    severity: Severity = Field(description="error, warning or info.")
    file: str = Field(description="The map file as given.")
    line: int = Field(description="1-based line of the finding.")
    column: int = Field(1, description="1-based column of the cell or text, else 1.")
    message: str = Field(description="One sentence, quoting the map's own words.")
    section: str | None = Field(None, description="Number (or title) of the section.")
    hint: str | None = Field(None, description="How to fix it, when there is a clear way.")


@record
class Section(Record):
    """A top-level section of the map as found by its number and keywords."""

    number: int | None = Field(description="The number in the heading, if any.")
    kind: SectionKind = Field(description="What the section holds.")
    owner: str | None = Field(None, description="For integration sections: the system id.")
    title: str = Field(description="Heading text.")
    line: int = Field(description="Line of the heading.")
    end_line: int = Field(description="Last line of the section.")
    not_required_line: int | None = Field(
        None, description="Line where the section says it is not required ('Не требуется')."
    )
    justification: str | None = Field(None, description="Why it is not required.")


@record
class Project(Record):
    """Section 1's project facts."""

    name: str | None = Field(None, description="Project name.")
    client: str | None = Field(None, description="Client name.")
    date: str | None = Field(None, description="Creation date as written.")
    owner: str | None = Field(None, description="Responsible person or role.")
    sources: str | None = Field(None, description="Where the requirements come from.")
    goals: list[str] = Field(default_factory=list, description="The integration goals.")
    extra: dict[str, str] = Field(default_factory=dict, description="Other labelled facts.")
    line: int | None = Field(None, description="Line of the first project fact.")
    lines: dict[str, int] = Field(default_factory=dict, description="Line of each fact.")
    placeholders: list[str] = Field(default_factory=list, description="Unfilled fields.")


@record
class System(Record):
    """A system (or an actor) that sends or receives data."""

    id: str = Field(description="ASCII slug of the product name, else of the role.")
    name: str = Field(description="Display name in the map's own words.")
    kind: SystemKind = Field(description="Role of the system.")
    product: str | None = Field(None, description="Product named in section 1.")
    url: str | None = Field(None, description="URL, domain or access as section 1 gives it.")
    ids: list[str] = Field(default_factory=list, description="Container / pixel / account IDs.")
    aliases: list[str] = Field(default_factory=list, description="Every surface form seen.")
    parent: str | None = Field(None, description="Id of the group this tool belongs to.")
    line: int | None = Field(None, description="Line where the system is declared.")
    placeholders: list[str] = Field(default_factory=list, description="Unfilled fields.")


@record
class Details(Record):
    """A technical-details cell, with the facts read out of it."""

    text: str = Field("", description="The cell text.")
    urls: list[str] = Field(default_factory=list, description="URLs named.")
    http_method: str | None = Field(None, description="GET, POST, ...")
    format: str | None = Field(None, description="JSON, XML, ...")
    auth: str | None = Field(None, description="Bearer, OAuth 2.0, API key, ...")
    trigger: str | None = Field(None, description="What starts the transfer.")


@record
class Integration(Record):
    """One row of an integration table: data moving from one system to another."""

    id: str = Field(description="'<section>.<row>', e.g. '2.1'.")
    section: int | None = Field(description="Section number.")
    number: int | None = Field(None, description="The row's № cell.")
    line: int = Field(description="Line of the row.")
    source: str | None = Field(description="Id of the sending system.")
    target: str | None = Field(description="Id of the receiving system.")
    source_parts: list[str] = Field(default_factory=list, description="Tools on the source side.")
    target_parts: list[str] = Field(default_factory=list, description="Tools on the target side.")
    source_data: str = Field("", description="What data leaves the source.")
    target_text: str = Field("", description="The receiver cell as written.")
    method: str = Field("", description="Integration method.")
    identifiers: list[str] = Field(default_factory=list, description="Identifiers passed.")
    fields: list[str] = Field(default_factory=list, description="Data fields passed.")
    purpose: str = Field("", description="Why the data moves.")
    details: Details = Field(default_factory=Details, description="Technical details.")
    status: Status = Field("unknown", description="Normalised status.")
    status_text: str = Field("", description="The status cell as written.")
    justification: str | None = Field(None, description="Why it is not required.")
    columns: dict[str, int] = Field(default_factory=dict, description="1-based cell columns.")
    placeholders: list[str] = Field(default_factory=list, description="Unfilled fields.")


@record
class Identifier(Record):
    """A user or record identifier (sections 6 and 10)."""

    name: str = Field(description="The identifier, e.g. client_id.")
    owner: str | None = Field(None, description="Id of the system that creates it.")
    owner_text: str = Field("", description="The owner as written.")
    description: str = Field("", description="Section 6's description.")
    uniqueness: str = Field("", description="Uniqueness (section 10).")
    format: str = Field("", description="Format (section 10).")
    rules: str = Field("", description="Sync rules (section 10).")
    bindings: str = Field("", description="Bindings to other systems (section 10).")
    line: int = Field(description="Line of its first definition.")
    lines: list[int] = Field(default_factory=list, description="Every defining line.")
    placeholders: list[str] = Field(default_factory=list, description="Unfilled fields.")


@record
class IdRule(Record):
    """A row of the identifier sync table (section 6)."""

    source: str | None = Field(description="Id of the source system.")
    source_parts: list[str] = Field(
        default_factory=list, description="Tools of the source group the rule names (GA4)."
    )
    source_ids: list[str] = Field(default_factory=list, description="Source identifiers.")
    target: str | None = Field(description="Id of the target system.")
    target_parts: list[str] = Field(
        default_factory=list, description="Tools of the target group the rule names."
    )
    target_ids: list[str] = Field(default_factory=list, description="Target identifiers.")
    method: str = Field("", description="Sync method.")
    priority: str = Field("", description="Priority as written.")
    line: int = Field(description="Line of the row.")
    columns: dict[str, int] = Field(default_factory=dict, description="1-based cell columns.")
    placeholders: list[str] = Field(default_factory=list, description="Unfilled fields.")


@record
class Binding(Record):
    """A numbered binding rule of section 10 ("Привязка client_id к lead_id")."""

    number: int | None = Field(None, description="Its number.")
    title: str = Field(description="Its title.")
    identifiers: list[str] = Field(default_factory=list, description="Identifiers it binds.")
    items: list[str] = Field(default_factory=list, description="Its sub-points.")
    line: int = Field(description="Line of the title.")


@record
class Step(Record):
    """One step of a data flow."""

    number: int = Field(description="1-based position in the flow.")
    text: str = Field(description="The step as written.")
    source: str | None = Field(description="Id of the acting system or actor.")
    target: str | None = Field(description="Id of the receiving system; null when internal.")
    source_parts: list[str] = Field(default_factory=list, description="Tools on the source side.")
    target_parts: list[str] = Field(default_factory=list, description="Tools on the target side.")
    method: str | None = Field(None, description="'через X' / 'via X'.")
    identifiers: list[str] = Field(default_factory=list, description="Identifiers mentioned.")
    created: list[str] = Field(default_factory=list, description="Identifiers created here.")
    notes: list[str] = Field(default_factory=list, description="Its nested sub-points.")
    line: int = Field(description="Line of the step.")
    lines: list[int] = Field(default_factory=list, description="Lines of its sub-points.")


@record
class Flow(Record):
    """A numbered data flow of section 7."""

    number: int = Field(description="Flow number.")
    title: str = Field(description="Title without the path.")
    path: list[list[str]] = Field(
        default_factory=list, description="Declared path: stages of system ids."
    )
    path_text: str = Field("", description="The declared path as written.")
    line: int = Field(description="Line of the flow title.")
    steps: list[Step] = Field(default_factory=list, description="Its steps in order.")


@record
class Requirement(Record):
    """A technical requirement of section 8, with its figures where the text gives them."""

    key: str = Field(description="timeout, retries, throughput, latency, success_rate, ...")
    group: str = Field(description="general, performance, monitoring or other.")
    label: str = Field(description="The label as written.")
    text: str = Field(description="The value as written.")
    comparator: str | None = Field(None, description="'<=', '>=' or '='.")
    value: float | None = Field(None, description="The figure in base units.")
    unit: str | None = Field(None, description="s, count, per_minute, percent.")
    backoff: list[float] = Field(default_factory=list, description="Retry delays in seconds.")
    window: float | None = Field(None, description="Time window in seconds (alerts).")
    line: int = Field(description="Line of the requirement.")
    placeholders: list[str] = Field(default_factory=list, description="Unfilled fields.")


@record
class TestStage(Record):
    """A row of the test plan (section 9)."""

    number: int | None = Field(None, description="Its № cell.")
    name: str = Field(description="The stage.")
    systems: list[str] = Field(default_factory=list, description="Ids of the systems tested.")
    systems_text: str = Field("", description="The systems cell as written.")
    criteria: str = Field("", description="Success criteria.")
    owner: str = Field("", description="Responsible role.")
    due: str = Field("", description="Deadline or duration.")
    line: int = Field(description="Line of the row.")
    columns: dict[str, int] = Field(default_factory=dict, description="1-based cell columns.")
    placeholders: list[str] = Field(default_factory=list, description="Unfilled fields.")


@record
class ChecklistItem(Record):
    """A box of the mandatory-fields checklist."""

    text: str = Field(description="The item text.")
    checked: bool = Field(description="Whether the box is ticked.")
    section: int | None = Field(None, description="The section number it names.")
    line: int = Field(description="Line of the item.")


@record
class Map(Record):
    """An integration map read into typed data."""

    schema_: Literal["flowviz/map@1"] = Field(SCHEMA, alias="schema", description="Version.")
    file: str = Field(description="The source file as given.")
    language: Literal["ru", "en"] = Field(description="Language of the headings.")
    project: Project = Field(default_factory=Project, description="Section 1's facts.")
    sections: list[Section] = Field(default_factory=list, description="Sections found.")
    systems: list[System] = Field(default_factory=list, description="Systems and actors.")
    integrations: list[Integration] = Field(default_factory=list, description="Rows 2-5+.")
    identifiers: list[Identifier] = Field(default_factory=list, description="Identifiers.")
    id_rules: list[IdRule] = Field(default_factory=list, description="Identifier sync rules.")
    bindings: list[Binding] = Field(default_factory=list, description="Binding rules.")
    flows: list[Flow] = Field(default_factory=list, description="Data flows.")
    requirements: list[Requirement] = Field(default_factory=list, description="Section 8.")
    tests: list[TestStage] = Field(default_factory=list, description="Section 9.")
    checklist: list[ChecklistItem] = Field(default_factory=list, description="Checklist.")
    diagnostics: list[Diagnostic] = Field(default_factory=list, description="Findings.")

    __pydantic_config__: ClassVar = {"extra": "forbid", "populate_by_name": True}

    def system(self, system_id: str) -> System | None:
        """The system with ``system_id``, if any."""
        return next((s for s in self.systems if s.id == system_id), None)
