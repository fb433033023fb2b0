"""Who a name of a document not in the template is: a system already known (by identity
rules: a port, an edition, a platform, a role word or a component word never make a second one),
a product of the catalogue, a component named by its form, or a new system; and the systems
named in a text."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from flowviz.model import Flow, Integration, Step
from flowviz.parse.arrows import (
    VARIABLE,
    component_head,
    component_qualifier,
    is_component,
    is_record,
    key,
)
from flowviz.parse.arrows import name_of as _name_of
from flowviz.parse.context import Context
from flowviz.parse.keywords import (
    COMPONENT_HEADS,
    END_SUFFIXES,
    KIND_TAILS,
    NOT_PART_WORDS,
    PART_WORDS,
    PRODUCT_USER_WORDS,
    RUSSIAN_COMPONENT_STEMS,
    alternation,
)
from flowviz.parse.participants import is_verb
from flowviz.parse.systems import (
    MORE_PRODUCTS,
    PLATFORM_BRANDS,
    PLATFORM_WORDS,
    ROLE_NAMES,
    ROLE_WORDS,
    VENDOR_WORDS,
    Mention,
    Registry,
    another_without_maker,
    catalogue_kind,
    catalogue_pattern,
    catalogue_spelling,
    compact,
    initials,
    names_who_runs_it,
    opens_a_makers_product,
    role_stems,
    short_forms,
)
from flowviz.parse.text import URL, stems, without_emoji


def component_system(title: str, ctx: Context, extra: dict[str, list[str]]) -> str | None:
    """The system a heading names when it is a component's name (``Google Ads Reporting
    Service``), else None."""
    name = without_emoji(title).strip(" *_`#:")
    script = _SCRIPT_TITLE.fullmatch(name)
    if script is not None:
        return system_of(script["file"], ctx, extra, exact=True)
    if not is_component(name) or len(name.split()) > MAX_COMPONENT_TITLE_WORDS:
        return None
    return system_of(name, ctx, extra, exact=True)


_SCRIPT_TITLE = re.compile(
    r"(?:\d+(?:\.\d+)*\.?\s+)?(?:[^()`]{0,60}\(`?)?"
    r"(?P<file>[\w.-]+\.(?:py|js|mjs|ts|php|rb|go|gs|sh))`?\)?"
)
"""A heading naming a script by its file, alone or in brackets after what it does (``###
`main_daily_report.py` ``, ``### 1. Почасовой замер пинга (`main_ping_probe.py`)``): the
script is the component its steps are done by."""


MAX_COMPONENT_TITLE_WORDS = 6


def component_named(short: str, ctx: Context) -> str | None:
    """The one component of the document whose name is ``short`` and a component word
    (``Payment`` -> ``Payment Service``, ``Заказы`` -> ``Сервис заказов``), else None."""
    if ctx.registry.lookup(short, fuzzy=False) is not None:
        return None
    return _short_forms(ctx.registry).get(stems(short))


_PLAIN_QUALIFIERS = frozenset(
    {"api", "main", "edge", "public", "central", "core", "основной", "главный", "единый"}
)
"""Words before a component word that leave it the one component of its kind (``API
Gateway`` is the document's ``Gateway``; ``Draft backend`` is not its ``Backend``)."""


def _short_forms(registry: Registry) -> dict[tuple[str, ...], str]:
    """The stems of each component's qualifier (``Mailer`` of ``Mailer Service``) and of its
    component word (``Gateway`` of ``API Gateway``) -> the component, for the short forms
    only one component has."""
    found: dict[tuple[str, ...], set[str]] = {}
    for system in registry.systems.values():
        qualifier = component_qualifier(system.name)
        if qualifier != system.name:
            found.setdefault(stems(qualifier), set()).add(system.id)
            if qualifier.casefold() in _PLAIN_QUALIFIERS:  # ``Gateway`` of ``API Gateway``
                found.setdefault(stems(component_head(system.name)), set()).add(system.id)
    return {key: ids.pop() for key, ids in found.items() if len(ids) == 1 and key}


def short_names_merged(
    registry: Registry, integrations: list[Integration], flows: list[Flow]
) -> tuple[list[Integration], list[Flow]]:
    """The systems named only by a component's qualifier (``Mailer``, read before ``Mailer
    Service`` was known) merged into that component, in the rows and the flow steps; never
    two that an edge joins (``Forms Runner`` saves into ``Forms Runner database``), nor a
    product of the catalogue (``Razorpay`` beside ``Razorpay Service``)."""
    forms = _short_forms(registry)
    linked = {frozenset((row.source, row.target)) for row in integrations}
    merged = {
        system.id: forms[stems(system.name)]
        for system in list(registry.systems.values())
        if stems(system.name) in forms
        and forms[stems(system.name)] != system.id
        and system.parent is None
        and system.kind == "other"  # a product (``Razorpay``) is not ``Razorpay Service``
        and not any(other.parent == system.id for other in registry.systems.values())
        and frozenset((system.id, forms[stems(system.name)])) not in linked  # two apart
    }
    merged.update(_makers_products(registry, set(merged)))
    for short, component in merged.items():
        registry.alias(component, registry.systems[short].name)
        del registry.systems[short]
    if not merged:
        return integrations, flows

    def moved(item: Integration | Step) -> Integration | Step:
        ends = {"source": merged.get(item.source or "", item.source)}
        ends["target"] = merged.get(item.target or "", item.target)
        return item.model_copy(update=ends)

    rows = [moved(row) for row in integrations]
    flows = [f.model_copy(update={"steps": [moved(s) for s in f.steps]}) for f in flows]
    return rows, flows  # type: ignore[return-value]


def _makers_products(registry: Registry, merging: set[str]) -> dict[str, str]:
    """The systems a document names by a product without its maker (``Redshift``, ``Kafka``)
    while another is that product with it (``Amazon Redshift``, ``Apache Kafka``) -> the one
    with the maker: a maker never makes a second system."""
    by_name = {system.name.casefold(): system for system in registry.systems.values()}
    merged: dict[str, str] = {}
    for system in by_name.values():
        maker, _, rest = system.name.partition(" ")
        short = by_name.get(rest.casefold())
        if maker.casefold() not in VENDOR_WORDS or short is None or short.id in merging:
            continue
        parts = short.parent is not None or system.parent is not None
        if short.id != system.id and not parts and _same_product(system.name, short.name):
            merged[short.id] = system.id
    return merged


def _same_product(full: str, rest: str) -> bool:
    """Whether ``rest`` names the product ``full`` names with its maker: a product of the
    catalogue or a distinctive short form of it (not ``SHEETS`` of ``GOOGLE SHEETS``), unless
    the name without the maker is another product (``Active Directory`` of ``Azure Active
    Directory``)."""
    if another_without_maker(full):
        return False
    return catalogue_kind(rest) is not None or rest in short_forms(full)


def boxes_apart(names: Iterable[str], ctx: Context, extra: dict[str, list[str]]) -> None:
    """The boxes of one diagram, each a system of its own: a box whose name opens another's
    (``Shipstation`` beside ``Shipstation Shipping App``) would be taken for it, so both are
    made systems now, each by its own name, and so are two boxes named with the same letters
    spaced apart (``CommunicationServices`` beside ``Communication Services``); one that only
    adds an access word (``Eventbrite API`` beside ``Eventbrite``) stays the same end."""
    drawn = list(dict.fromkeys(name.strip() for name in names if name.strip()))
    registry = ctx.registry
    for short in drawn:
        longer = [n for n in drawn if _opens_with_name(n, short) and key(n) != key(short)]
        spaced = [n for n in drawn if n != short and _spaced_apart(n, short)]
        for name in (short, *longer) if longer else ():
            if registry.lookup_name(name) is None:
                registry.add(name, product_kind(name, extra) or "other")  # type: ignore[arg-type]
        for name in (short, *spaced) if spaced else ():
            if registry.lookup_written(name) is None:
                registry.add(name, product_kind(name, extra) or "other")  # type: ignore[arg-type]


def _spaced_apart(name: str, other: str) -> bool:
    """Whether two boxes' names hold the same letters spaced or cased apart
    (``CommunicationServices``, ``Communication Services``)."""
    return compact(name) == compact(other) and name.split() != other.split()


def _opens_with_name(name: str, short: str) -> bool:
    """Whether ``name`` is ``short`` and more words (``Shipstation Shipping App``)."""
    words, opening = name.casefold().split(), short.casefold().split()
    return len(words) > len(opening) and words[: len(opening)] == opening


def known_end(name: str, ctx: Context, extra: dict[str, list[str]]) -> bool:
    """An end that is a system on its own: a product of the catalogue, a role word (``Сайт``,
    ``CRM``) or a system of an edge table of the document."""
    return (
        product_kind(name, extra) is not None or ctx.registry.lookup(name, fuzzy=False) is not None
    )


def product_kind(name: str, extra: dict[str, list[str]]) -> str | None:
    """The catalogue kind of ``name``, of its first words (``Telegram Bot``) or of its last
    words after who runs it (``Managed Service for ClickHouse``)."""
    words = re.split(r"\s+", name.strip())
    for size in range(min(len(words), 3), 0, -1):
        kind = catalogue_kind(" ".join(words[:size]), extra)
        if kind is not None:
            return kind
    for size in range(min(len(words) - 1, 3), 0, -1):  # ``Managed Service for ClickHouse``
        kind = catalogue_kind(" ".join(words[-size:]), extra)
        if kind is not None and names_who_runs_it(words[:-size]):
            return kind
    if len(words) > 1 and words[0].casefold() in PLATFORM_BRANDS:
        return "other"  # ``AWS SQS``, ``Azure Key Vault``: a service of a cloud platform
    return role_stems().get(stems(name))


def names_finder(
    ctx: Context, extra: dict[str, list[str]]
) -> Callable[[str], list[tuple[int, str]]]:
    """Systems named in a text: known ones, products of the catalogue and components named
    by their form (``Booking Service``), the last two made systems."""
    catalogue = catalogue_pattern(extra)
    seen: dict[str, tuple[tuple[int, ...], list[tuple[int, str]]]] = {}

    def names(text: str) -> list[tuple[int, str]]:
        """The systems ``text`` names; asked again while the registry is as it was (a step is
        read clause by clause), the same answer without reading again."""
        state = ctx.registry.state()
        if text in seen and seen[text][0] == state:
            return seen[text][1]
        found = read(text)
        seen[text] = (ctx.registry.state(), found)
        return found

    def read(text: str) -> list[tuple[int, str]]:
        if "://" in text:  # an address names no system (``https://github.com/...``)
            text = URL.sub(lambda url: " " * len(url.group()), text)  # kept as long
        text = _STAGE_ORDER.sub(lambda run: _stages_blanked(run, catalogue), text)
        for match in catalogue.finditer(text):
            if opens_a_makers_product(match, text):
                continue  # ``SAP S/4HANA Cloud``: one of the maker's products, not the maker
            part = _part_named(match, text, extra)
            if part is not None:
                system_of(match.group() + part, ctx, extra, exact=True)
                continue  # ``RudderStack Data Plane``, ``Braze Currents``: a system
            spelling = catalogue_spelling(match.group(), extra)
            if spelling == match.group() or match.group()[:1].isupper():
                system_of(spelling, ctx, extra, exact=True)  # ``метрики`` is a common word
        for match in _YOUR_SYSTEM.finditer(text):
            system_of(_your_system(match.group()), ctx, extra, exact=True)
        for match in VARIABLE.finditer(text):
            system_of(match.group(), ctx, extra, exact=True)  # ``{{ cns-short-name }}``
        for match in _POSSESSED_COMPONENT.finditer(text):
            owned = system_of(f"{match['owner']} {match['head'].title()}", ctx, extra, True)
            ctx.registry.alias(owned, match.group())  # as written: ``Acme's worker``
        for match in _CODE_COMPONENT.finditer(text):
            system_of(match.group(), ctx, extra, exact=True)  # ``EventService``
        for match in _RUSSIAN_COMPONENT.finditer(text):
            if match["product"].casefold() not in _GENERIC_TAILS and not _translated(match):
                named = _server_nominative(match.group().rstrip("."))
                system_of(_capitalised(named), ctx, extra, exact=True)
        for match in _COMPONENT_NAME.finditer(text):
            qualifier = component_qualifier(match.group())
            if _two_products(match.group(), catalogue):
                continue  # ``из Amazon Rekognition AWS Lambda создаёт``: two names side by side
            if catalogue_kind(qualifier, extra) is None and not ctx.registry.lookup_name(qualifier):
                _component_named(match.group(), ctx, extra)  # not ``Discord server``
        found = ctx.registry.mentions(text, actors=False)
        mentions = [_role_alone(m, ctx) for m in _qualifiers_dropped(found, text)]
        return [
            (m.start, m.system)
            for m in mentions
            if not m.pending
            and not m.weak
            and (stems(m.surface) not in role_stems() or m.system in _role_systems(ctx))
            and not _a_record_said(m)
        ]

    return names


def _two_products(name: str, catalogue: re.Pattern[str]) -> bool:
    """Whether a component's name is two products of the catalogue side by side, the second
    ending it (``Amazon Rekognition AWS Lambda``): two systems, no component."""
    products = list(catalogue.finditer(name))
    return len(products) > 1 and products[-1].end() == len(name) and products[0].start() == 0


def _a_record_said(mention: Mention) -> bool:
    """Whether a system a drawing names by a kind of record in lower case (a ``cart``, an
    ``order`` node) is only that word in a sentence (``for cart creation``, ``the payment
    operations``): the record, not the node."""
    return mention.surface.islower() and is_record(mention.surface)


def _component_named(name: str, ctx: Context, extra: dict[str, list[str]]) -> None:
    """A component named by its form made a system; ``X Lambda function`` and ``X Lambda``
    are one, whichever the document names first."""
    short = _LAMBDA_FUNCTION.sub("", name)
    known = ctx.registry.lookup_name(short) if short != name else None
    if known is not None:
        ctx.registry.alias(known, name)
        return
    found = system_of(name, ctx, extra, exact=True)
    if short != name:
        ctx.registry.alias(found, short)


_STAGE_ORDER = re.compile(
    r"(?<![\w-])[a-zа-яё][\w-]*(?:\s*(?:→|->|=>|⇒|➜|⟶)\s*[a-zа-яё][\w-]*){2,}(?![\w-])"
)
"""Three or more words in lower case joined by arrows inside a sentence (``pipeline: triage →
research → scoring``): the order of a tool's stages, no systems (where a box of a drawing is
named by one of the words)."""


def _stages_blanked(run: re.Match[str], catalogue: re.Pattern[str]) -> str:
    """An order of stages as spaces (kept as long), unless a product of the catalogue is one
    of its words (``tilda → amocrm → unisender``: systems in lower case)."""
    return run.group() if catalogue.search(run.group()) else " " * len(run.group())


_PRODUCT_PART = re.compile(
    r"(?:[ \t]+[A-Z][\w-]*){0,2}[ \t]+(?=[A-Z])(?i:" + alternation(PART_WORDS) + r")(?![\w-])"
)
"""Capitalised words after a product that name a part of it, the last a part word (`` Data
Plane``, `` Crawler``; not `` job`` of ``the Stream Analytics job``)."""


_NAMED_PART = re.compile(r"(?:[ \t]+[A-Z][a-z][\w-]*){1,3}(?![\w-])(?![ \t]+[A-Z])")
"""One to three capitalised words after a product that may go on its name (`` Currents``,
`` Connected Content``)."""


def _part_named(product: re.Match[str], text: str, extra: dict[str, list[str]]) -> str | None:
    """The words after a capitalised product of ``text`` that name a part of it, a system of
    its own: words ending in a part word (`` Data Plane``), or capitalised words that are not
    a thing the product holds or shows (``Shopify Orders``, ``Slack Setup``), what a step does
    (``HubSpot Deduplication``) or another product (`` Currents`` of ``Braze Currents``)."""
    if not product.group()[:1].isupper():
        return None
    part = _PRODUCT_PART.match(text, product.end())
    if part is not None:
        return part.group()
    named = _NAMED_PART.match(text, product.end())
    if named is None:
        return None
    words = [word.casefold() for word in named.group().split()]
    if words[-1] in NOT_PART_WORDS or any(word.endswith(("tion", "ment")) for word in words):
        return None
    if is_verb(words[0]):
        return None  # ``Power Pages Starts Live Chat``: what the product does, no part
    return named.group() if catalogue_kind(named.group().strip(), extra) is None else None


_COMPONENT_NAME = re.compile(
    r"(?<![\w.-])(?!(?:The|A|An|This|That|Our|Your|Each|Every|Its|Their|Any)\s)"
    r"(?:[A-Z][\w-]*\s+){1,4}(?i:"
    + "|".join(sorted((h for h in COMPONENT_HEADS if h.isascii()), key=len, reverse=True))
    + r")(?![\w-])(?!\s+(?:for|of|для)\b)"
    r"|(?<![\w.-])(?!(?:The|A|An|This|That|Our|Your|Each|Every|Its|Their|Any)\s)"
    r"(?:[A-Z][\w-]*\s+){2,3}(?i:lambda(?:\s+function)?|function)(?![\w-])"
)
"""A component named in prose by its form: up to four capitalised words and a component word
(``Booking Service``, ``Payments DB``, ``SAP BTP Event Mesh Service``), or two or three and a
function's word (``Notification Processor Lambda``; not ``Cloud Function``, a kind of
service)."""
_LAMBDA_FUNCTION = re.compile(r"(?i)(?<=lambda)\s+function$")
_RUSSIAN_COMPONENT = re.compile(
    r"(?<![\w-])(?:(?:" + "|".join(RUSSIAN_COMPONENT_STEMS) + r")[а-яё]{0,4}"
    r"(?:\s+(?!(?:в|во|на|из|с|со|к|ко|от|до|по|для|через|и|или)\s)[а-яё]+){0,3}?"
    r"|(?:локальн[а-яё]{2,4}\s+)?сервер[а-яё]{0,3}"
    r"(?:\s+(?!(?:в|во|на|из|с|со|к|ко|от|до|по|для|через|и|или)\s)[а-яё]+){0,3}?)"
    r"\s+(?P<product>[A-Z][\w.-]*(?:[ /][A-Z][\w.-]*)*)",
    re.IGNORECASE,
)
"""A Russian component named head first, what it does (if it says), then the product it belongs to
(``Служба подготовки Azure AD``, ``агент подготовки Azure AD Connect``, ``Модуль Azure AD
Connect/AD Sync``); a preposition is not one of its words (``из служб в Azure Data Explorer``
names Data Explorer alone)."""


def _translated(found: re.Match[str]) -> bool:
    """Whether a head word right before its product only translates the product's own word
    (``функция Cloud Functions``, ``шлюз API Gateway``): the product, no component of it; not
    ``службу API`` (a generic tail) nor ``Функция Azure``."""
    head = found.group().split(maxsplit=1)[0].casefold()
    english = next((w for s, w in RUSSIAN_COMPONENT_STEMS.items() if head.startswith(s)), None)
    between = found.group()[: found.start("product") - found.start()].split()[1:]
    return english is not None and not between and english in found["product"].casefold()


_PLURAL_SERVERS = re.compile(r"(?i)сервер(?:ы|ов|ам|ами|ах)")
_SERVER_FORM = re.compile(r"(?i)^(?:(локальн)[а-яё]{2,4}\s+)?(сервер)[а-яё]{0,3}(?![\w-])")


def _server_nominative(name: str) -> str:
    """A server named in any case form as its name reads in the nominative (``локальном
    сервере Exchange`` -> ``локальный сервер Exchange``), the name a drawing shows."""

    def nominative(found: re.Match[str]) -> str:
        plural = _PLURAL_SERVERS.fullmatch(found[0].rsplit(maxsplit=1)[-1]) is not None
        local = f"{found[1]}{'ые' if plural else 'ый'} " if found[1] else ""
        return local + found[2] + ("ы" if plural else "")

    return _SERVER_FORM.sub(nominative, name, count=1)


_GENERIC_TAILS = frozenset({*COMPONENT_HEADS, *END_SUFFIXES, "rest", "rest api", "http"})


def _capitalised(name: str) -> str:
    """A name as a heading writes it: its first letter in capitals."""
    return name[:1].upper() + name[1:]


_YOUR_SYSTEM = re.compile(
    r"(?<![\w-])(?:your|ваш|вашу|вашего|вашему|вашем|ваша|вашей)\s+"
    r"(?:server|backend|system|сервер[а-я]{0,2}|бэкенд[а-я]{0,2}|систем[а-я]{1,2})(?![\w-])",
    re.IGNORECASE,
)
"""The reader's own system, which a provider's page talks to (``send the token to your
server``, ``отправьте токен в вашу систему``): a system of the page."""


def _your_system(found: str) -> str:
    """The reader's own system named as one name whatever its case form (``вашу систему``,
    ``вашей системы`` are ``Ваша система``)."""
    head = found.rsplit(maxsplit=1)[-1].casefold()
    if found.isascii():
        return f"Your {head}"
    if head.startswith("систем"):
        return "Ваша система"
    return "Ваш сервер" if head.startswith("сервер") else "Ваш бэкенд"


_POSSESSED_COMPONENT = re.compile(
    r"(?<![\w.-])(?P<owner>[A-Z][\w.-]*)['’]s\s+(?P<head>"
    + "|".join(
        sorted((h for h in COMPONENT_HEADS if h.isascii() and h != "api"), key=len, reverse=True)
    )
    + r")(?![\w-])"
)
"""A component named by the product it belongs to and its component word (``Dittofeed's
worker``, ``Acme's backend``): a system, named ``Dittofeed Worker``."""


_CODE_COMPONENT = re.compile(
    r"(?<![\w.-])(?:[A-Z][a-z0-9]+)+(?:"
    + "|".join(sorted((h.title() for h in COMPONENT_HEADS if h.isascii()), key=len, reverse=True))
    + r"|API|DB)(?![\w-])"
)
"""A component named as code is: words run together, the last a component word
(``EventService``, ``DataBus``, ``PaymentsAPI``)."""


def _qualifiers_dropped(mentions: list[Mention], text: str) -> list[Mention]:
    """The mentions without a role word that qualifies the name before it (``Airtable CRM``:
    Airtable used as the CRM, one system)."""
    out: list[Mention] = []
    for mention in mentions:
        role = stems(mention.surface) in role_stems()
        if role and out and not text[out[-1].end : mention.start].strip():
            continue
        out.append(mention)
    return out


def _role_alone(mention: Mention, ctx: Context) -> Mention:
    """A role word written as such (``your CRM``, not a case form or a longer word of the
    same stem) in a document that names no product of that role: the role's own system,
    made now; any other mention as it is."""
    kind = role_stems().get(stems(mention.surface))
    if kind is None or not mention.pending or mention.surface.casefold() not in _ROLE_WORDS:
        return mention
    if any(d.kind == kind for d in ctx.registry.systems.values()):
        return mention
    settled = ctx.registry.settle([mention])[0]
    ctx.registry.systems[settled.system].name = mention.surface[:1].upper() + mention.surface[1:]
    return settled


_ROLE_WORDS = frozenset(word for words in ROLE_WORDS.values() for word in words)
"""A role word (``Analytics``, ``CRM``) names no product in a document without section 1; it
names the system of that role where an edge statement made one (``Сайт → amoCRM``), or where
the document names no product of that role at all (``a request from your CRM``)."""


def _role_systems(ctx: Context) -> set[str]:
    """The systems role words name: those an edge statement made, and components that
    claimed a role (``Службы приложений — веб-приложения``)."""
    return {*ROLE_NAMES, *ctx.registry.roles.values()}


def engine_of(text: str, ctx: Context, extra: dict[str, list[str]]) -> str | None:
    """The workflow engine the document is about: the automation product it names first."""
    products = [
        p
        for p in (*MORE_PRODUCTS["automation"], *extra.get("automation", []))
        if p not in _NO_ENGINES
    ]
    found = re.finditer(alternation(products), text, re.IGNORECASE)
    catalogue = catalogue_pattern(extra)
    match = next((m for m in found if _engine_named(m, text, catalogue)), None)
    if match is not None:
        return system_of(match.group(), ctx, extra, exact=True)
    itself = _THIS_WORKFLOW.search(text)
    return system_of("Workflow", ctx, extra, exact=True) if itself else None


_NO_ENGINES = frozenset({"aws glue"})
"""Automation products that are a step of a pipeline, not the engine that runs the document's
steps (``AWS Glue`` beside Lambda, EMR and Step Functions)."""


def _engine_named(match: re.Match[str], text: str, catalogue: re.Pattern[str]) -> bool:
    """Whether an automation product found in ``text`` is named as itself: not as the start
    of a part of it (``AWS Glue`` of ``AWS Glue Crawler``), nor inside a longer product's name
    (``Apache Airflow`` of ``Amazon Managed Workflows for Apache Airflow``)."""
    start, end = match.span()
    if _IN_A_FILE_NAME.match(text, end):
        return False  # ``zapier-workflow.json``: a file of the product, not the product
    around = catalogue.finditer(text, max(start - _LONGEST_NAME, 0), end + _LONGEST_NAME)
    longer = any(
        m.start() <= start and end <= m.end() and m.end() - m.start() > end - start for m in around
    )
    return not longer and _PRODUCT_PART.match(text, end) is None


_IN_A_FILE_NAME = re.compile(r"[-_.]?[\w-]*\.(?:json|ya?ml|js|ts|py|md|txt|csv)\b")
"""What follows a product's name inside a file's name."""


_LONGEST_NAME = 60
"""How far before an engine's name a longer product's name holding it may start."""


_THIS_WORKFLOW = re.compile(r"(?<!\w)this\s+workflow(?!\w)", re.IGNORECASE)
"""How a document names the workflow it describes when it names no engine for it."""


def system_of(text: str, ctx: Context, extra: dict[str, list[str]], exact: bool = False) -> str:
    """The system an end names, merged with one of the same identity (a diagram's label
    ``Сайт на WordPress`` is the document's ``Сайт`` when there is one)."""
    text = _PORT.sub("", text) or text  # ``Notification Service :8084``
    head = _name_of(text)
    name = _kind_dropped(text, extra) if exact else _access_dropped(head, extra)
    registry = ctx.registry
    if _products_user(text, extra):
        return registry.lookup_name(text) or registry.add(text, "actor").id
    found = registry.lookup(text, fuzzy=False) or registry.lookup(name, fuzzy=False)
    if found is not None and (_by_role_only(name, ctx) or _other_component(name, found, ctx)):
        found = None  # ``Google Analytics`` is not the GTM that plays the analytics role
    if found is not None and exact and _named_in_part(name, ctx):
        found = None  # ``Router nginx`` is not ``Router Load Balancer``
    if found is None and _on_platform(text, head):
        found = registry.lookup(head, fuzzy=False)
    if found is None:
        found = registry.add(name, product_kind(name, extra) or "other").id  # type: ignore[arg-type]
        _maker_dropped(found, name, ctx, extra)
    if text != name or _edition_named(text, registry.systems[found].name):
        registry.alias(found, text)
    return found


def _products_user(name: str, extra: dict[str, list[str]]) -> bool:
    """Whether an end names the people of a product (``WhatsApp User``, ``Slack users``,
    ``Пользователь Telegram``): a person, not the product."""
    words = name.split()
    if len(words) < 2:
        return False
    for person, product in ((words[-1], words[:-1]), (words[0], words[1:])):
        if person.casefold() in PRODUCT_USER_WORDS and catalogue_kind(" ".join(product), extra):
            return True
    return False


def _maker_dropped(system: str, name: str, ctx: Context, extra: dict[str, list[str]]) -> None:
    """A product of the catalogue named with its maker (``Amazon DynamoDB``, ``Google
    BigQuery``) also answers to the name without it, where that is distinctive
    (``DynamoDB``, not ``Ads`` of ``Google Ads``)."""
    words = name.split(maxsplit=1)
    if not words or catalogue_kind(name, extra) is None:
        return
    maker = words[0].casefold()
    for form in short_forms(name):
        if form.split(maxsplit=1)[0].casefold() != maker:
            ctx.registry.alias(system, form, derived=True)


def _access_dropped(name: str, extra: dict[str, list[str]]) -> str:
    """A product named with the way into it (``Salesforce Org``, ``Jira instance``,
    ``Eventbrite API``) or with what kind of thing it is (``Adyen payment service provider``)
    is the product."""
    words = name.split()
    if len(words) > 1 and words[-1].casefold() in END_SUFFIXES:
        rest = " ".join(words[:-1])
        if catalogue_kind(rest, extra) is not None:
            return rest
    return _kind_dropped(name, extra)


def _kind_dropped(name: str, extra: dict[str, list[str]]) -> str:
    """A product followed by what kind of thing it is, in lower case (``Adyen payment service
    provider``, ``Mailchimp email service``), is the product; a part written with capitals
    (``Stripe Payment Service``) keeps its name."""
    for tail in KIND_TAILS:
        if name.endswith(" " + tail) and len(name) > len(tail) + 1:
            rest = name[: -len(tail) - 1].strip()
            if catalogue_kind(rest, extra) is not None:
                return rest
    return name


def _edition_named(short: str, name: str) -> bool:
    """Whether ``name`` is an edition of ``short`` (``1С:УНФ`` of ``1С``)."""
    return name.casefold().startswith(short.strip().casefold() + ":")


def _by_role_only(name: str, ctx: Context) -> bool:
    """Whether a name reaches a known system only through a word of it that any system of its
    kind could have: a product's full name (``Google Analytics``) through its role word (the
    system being another product that plays that role), a component's name (``User
    Service``) through its component word (``Event Service``)."""
    if stems(name) in role_stems():
        return False
    found = ctx.registry.mentions(name, actors=False)
    if catalogue_kind(name) is not None:
        return bool(found) and all(stems(m.surface) in role_stems() for m in found)
    covered = sum(len(m.surface.split()) for m in found)
    whole = covered >= len(name.split())
    return (
        is_component(name)
        and bool(found)
        and not whole
        and all(_head_only(m.surface) for m in found)
    )


def _named_in_part(name: str, ctx: Context) -> bool:
    """Whether a full name (a diagram's label) reaches a known system only through some of
    its words, the others naming something of their own (``Router nginx``, ``Draft backend``),
    not a role, a component word, a platform or a version (``Сайт на Drupal 10``)."""
    found = ctx.registry.mentions(name, actors=False)
    if not found:
        return False
    rest = name
    for mention in sorted(found, key=lambda m: -m.start):
        rest = rest[: mention.start] + " " + rest[mention.end :]
    words = [w.casefold() for w in re.findall(r"[^\W\d_][\w.+-]*", rest)]
    plain = {*COMPONENT_HEADS, *PLATFORM_WORDS, "на", "on", "в", "in", "for", "для", "the"}
    return any(w not in plain and stems(w) not in role_stems() for w in words)


def _other_component(name: str, found: str, ctx: Context) -> bool:
    """Whether a component's name (``Event queue``) reached a system of another component
    word (``Event Service``), or a product (``YouTube``) the component named after it
    (``YouTube Channel Service``): different systems."""
    system = ctx.registry.systems[found]
    if name.strip() in initials(system.name):
        return False  # ``ALB`` of ``Application Load Balancer``
    if not is_component(name):
        named_after = is_component(system.name) and catalogue_kind(name) is not None
        return named_after and stems(system.name) != stems(name)
    heads = {component_head(n) for n in (system.name, *system.aliases)}
    return component_head(name) not in heads


def _head_only(surface: str) -> bool:
    """Whether a mention's words are only component words (``Service``)."""
    return all(word in COMPONENT_HEADS for word in surface.casefold().split())


_PORT = re.compile(r"\s+:\d{2,5}\s*$")
"""A port after a name (``RabbitMQ :5672``) is no part of the system's name."""


def _on_platform(text: str, head: str) -> bool:
    """Whether ``text`` is ``head`` and the platform it runs on (``Сайт на WordPress``)."""
    rest = text[len(head) :].split()
    return any(" ".join(rest[:n]).casefold() in PLATFORM_WORDS for n in (1, 2))


def end_in_group(
    text: str, group: str, ctx: Context, extra: dict[str, list[str]], exact: bool
) -> tuple[str, list[str]]:
    """(system, parts) of an end: a node drawn in a diagram group is a tool of the group's
    system, as a tool of a group is in the template (the group the end, the node its part)."""
    system = system_of(text, ctx, extra, exact)
    if not group:
        return system, []
    drafts = ctx.registry.systems
    owner = drafts[system].parent or system_of(group, ctx, extra, exact=True)
    if system == owner and stems(text) != stems(group):  # ``Клиент на Node.js`` in ``Клиенты``
        system = ctx.registry.add(text, product_kind(text, extra) or "other").id
    if owner == system or drafts[owner].parent is not None:
        return system, []
    drafts[system].parent = owner
    return owner, [system]
