"""Graph view -> the plan of an architecture picture drawn with mingrammer's ``diagrams``.

The plan is plain data: a node per system with a stable id (from its system id), its label and
the ``diagrams`` class of its icon; a cluster per group; an edge per graph edge, labelled by
method and styled by status as the Graphviz pictures are. The map's roles are coarse (site,
CRM, ESP, analytics, other); an analytics or other system whose name or product says more
(a pixel, call tracking, a warehouse or BI tool, a bot or messenger) gets the finer icon from
``KEYWORDS``, a table kept as data. Nothing here imports ``diagrams``: ``backend.run_diagrams``
draws the plan.
"""

from __future__ import annotations

import re
import textwrap
from functools import cache
from typing import Literal, NamedTuple

from flowviz.graph import Cluster, Edge, Graph, Node, fact
from flowviz.render.dot import (
    BIG_GRAPH_ATTRS,
    BIG_GRAPH_EDGES,
    STATUS_SAMPLE,
    STATUS_STYLE,
    LabelMode,
)
from flowviz.render.ids import unique_ids
from flowviz.render.quoting import html
from flowviz.wording import Language, shorten, word

IconKind = Literal[
    "site",
    "crm",
    "email",
    "analytics",
    "pixel",
    "calltracking",
    "warehouse",
    "messenger",
    "other",
    "person",
]

ICONS: dict[IconKind, str] = {
    "site": "diagrams.azure.general.Browser",
    "crm": "diagrams.azure.managementgovernance.MyCustomers",
    "email": "diagrams.aws.engagement.SimpleEmailServiceSesEmail",
    "analytics": "diagrams.azure.general.Dashboard",
    "pixel": "diagrams.azure.general.Tag",
    "calltracking": "diagrams.alibabacloud.application.CloudCallCenter",
    "warehouse": "diagrams.azure.databases.SQLDataWarehouses",
    "messenger": "diagrams.azure.ml.BotServices",
    "other": "diagrams.azure.general.Resource",
    "person": "diagrams.azure.identity.Users",
}
"""The icon of each kind of system: a class of ``diagrams`` (its bundled picture)."""

ROLE_ICON: dict[str, IconKind] = {
    "cms": "site",
    "crm": "crm",
    "esp": "email",
    "analytics": "analytics",
    "other": "other",
    "actor": "person",
}
"""The model's role -> the kind of icon it gets when no keyword says more."""

REFINABLE = frozenset({"analytics", "other"})
"""Roles whose icon a keyword may refine (a CRM, a site or an ESP stays what the map says)."""

KEYWORDS: tuple[tuple[IconKind, str | None, tuple[str, ...]], ...] = (
    # (kind, the product's own icon or None for the kind's, words in a name or product)
    ("calltracking", None, ("calltouch", "comagic", "ringostat", "callibri", "mango office")),
    ("calltracking", None, ("call tracking", "calltracking", "call-tracking", "коллтрекинг")),
    ("calltracking", None, ("коллтрекинга", "колтрекинг", "uis", "телефония", "телефонии")),
    ("messenger", "diagrams.saas.chat.Telegram", ("telegram", "телеграм", "телеграмм")),
    ("messenger", "diagrams.saas.chat.Slack", ("slack",)),
    ("messenger", None, ("whatsapp", "viber", "wazzup", "jivo", "jivosite", "chatbot")),
    ("messenger", None, ("bot", "бот", "бота", "боты", "чат-бот", "messenger", "мессенджер")),
    ("warehouse", "diagrams.gcp.analytics.Bigquery", ("bigquery", "big query")),
    ("warehouse", "diagrams.onprem.database.Clickhouse", ("clickhouse",)),
    ("warehouse", "diagrams.onprem.analytics.Powerbi", ("power bi", "powerbi")),
    ("warehouse", "diagrams.gcp.analytics.Looker", ("looker", "looker studio", "data studio")),
    ("warehouse", "diagrams.onprem.analytics.Tableau", ("tableau",)),
    ("warehouse", "diagrams.onprem.analytics.Metabase", ("metabase",)),
    ("warehouse", "diagrams.saas.analytics.Snowflake", ("snowflake",)),
    ("warehouse", "diagrams.aws.analytics.Redshift", ("redshift",)),
    ("warehouse", None, ("datalens", "bi", "dwh", "data warehouse", "warehouse", "хранилище")),
    ("warehouse", None, ("superset", "postgresql", "postgres", "mysql", "дашборд", "дашборды")),
    ("pixel", None, ("pixel", "пиксель", "пикселя", "пиксели", "conversions api")),
)
"""First match wins: brands before generic words. Matched as whole words, in any case."""

Attrs = tuple[tuple[str, str], ...]
"""Graphviz attributes as (name, value) pairs, in the order they are written."""

LABEL_WRAP = 18
"""Characters per line of a node's label under its icon."""
LABEL_MAX = 64
"""Longest node or cluster label (the map's name is cut with an ellipsis beyond it)."""
EDGE_WRAP = 20
"""Characters per line of an edge's label."""
FONT = "DejaVu Sans"
ICON_HEIGHT = 1.9
"""Height of a node whose label is one line (the icon, then the label under it)."""
LINE_HEIGHT = 0.25
"""What each further line of a label adds to its node's height (inches)."""

GRAPH_ATTRS: Attrs = (
    ("fontname", FONT),
    ("fontsize", "18"),
    ("labelloc", "t"),
    ("labeljust", "l"),
    ("pad", "0.4"),
    ("nodesep", "0.7"),
    ("ranksep", "1.4"),
    ("splines", "spline"),
)
"""``diagrams``' default orthogonal edges cannot place labels: ``dot`` draws splines here."""
NODE_ATTRS: Attrs = (("fontname", FONT), ("fontsize", "12"))
EDGE_ATTRS: Attrs = (("fontname", FONT), ("fontsize", "10"), ("arrowsize", "0.8"))
CLUSTER_ATTRS: Attrs = (("fontname", FONT), ("fontsize", "13"), ("margin", "16"))


class PlanNode(NamedTuple):
    """A system drawn as an icon with its name under it."""

    id: str
    """Node id in ``diagrams``' DOT (``nodeid``): the system id."""
    element: str
    """The graph's node id (``system:<id>``), the SVG element's id."""
    label: str
    """Its name, wrapped to lines."""
    kind: IconKind
    """What kind of system the icon shows."""
    icon: str
    """The ``diagrams`` class that draws it, as ``module.Class``."""
    cluster: str | None = None
    """Id of the cluster it sits in."""
    attrs: Attrs = ()
    """Graphviz attributes of its own (its height, for a label of several lines)."""


class PlanCluster(NamedTuple):
    """A group of tools drawn as a box around them."""

    id: str
    """The group's system id (``cluster_<id>`` in DOT)."""
    element: str
    """The graph's cluster id (``cluster:<id>``)."""
    label: str
    """The group's name."""


class PlanEdge(NamedTuple):
    """An arrow between two systems, labelled by method."""

    id: str
    """The graph's edge id (``integration:2.1``, ``pair:<a>/<b>``), the SVG element's id."""
    source: str
    """Id of the sending node."""
    target: str
    """Id of the receiving node."""
    label: str
    """The method (a folded edge: the count and the methods), wrapped to lines."""
    style: Attrs
    """Graphviz attributes for its status (colour, dashes, width)."""


class Plan(NamedTuple):
    """What ``diagrams`` draws for one graph."""

    name: str
    """File stem: ``architecture`` (a filter adds ``.<filter>-<value>``)."""
    title: str
    """The picture's title in the map's language."""
    nodes: tuple[PlanNode, ...]
    clusters: tuple[PlanCluster, ...]
    edges: tuple[PlanEdge, ...]
    legend: str
    """An HTML-like Graphviz label (escaped already): the edge styles used; empty for none."""
    labels: LabelMode = "label"
    """How edge labels are drawn: ``label``, ``xlabel`` or not at all."""
    graph_attrs: Attrs = GRAPH_ATTRS
    node_attrs: Attrs = NODE_ATTRS
    edge_attrs: Attrs = EDGE_ATTRS
    cluster_attrs: Attrs = CLUSTER_ATTRS


def to_plan(graph: Graph, labels: LabelMode = "label") -> Plan:
    """The architecture plan of ``graph`` (the overview, or any view of systems)."""
    clusters = {cluster.id: cluster for cluster in graph.clusters}
    ids = node_ids(graph)
    return Plan(
        name=graph.name,
        title=graph.title,
        nodes=tuple(plan_node(node, clusters, ids[node.id]) for node in graph.nodes),
        clusters=tuple(_cluster(cluster) for cluster in graph.clusters),
        edges=tuple(_edge(edge, ids) for edge in graph.edges),
        legend=_legend(graph),
        labels=labels,
        graph_attrs=GRAPH_ATTRS + _bounds(graph),
    )


def _bounds(graph: Graph) -> Attrs:
    """Bounds on ``dot``'s optimisation passes for a big picture, as the Graphviz ones have."""
    return tuple(BIG_GRAPH_ATTRS.items()) if len(graph.edges) > BIG_GRAPH_EDGES else ()


def node_key(key: str) -> str:
    """A DOT-safe node id from a system id (already an ASCII slug; anything else becomes
    ``_``, so that no ``:`` can read as a port).

    >>> node_key("iandeks-metrika")
    'iandeks-metrika'
    >>> node_key("a:b c")
    'a_b_c'
    """
    return re.sub(r"[^A-Za-z0-9_-]", "_", key) or "_"


def node_ids(graph: Graph) -> dict[str, str]:
    """The graph's node ids -> DOT node ids: each system id made DOT-safe, ``-2``, ``-3``
    added should two become the same (ids of a hand-edited YAML map are not always slugs)."""
    ends = [end for edge in graph.edges for end in (edge.source, edge.target)]
    keys = [*(node.id for node in graph.nodes), *ends]
    return unique_ids(keys, lambda key: node_key(key.removeprefix("system:")))


def plan_node(node: Node, clusters: dict[str, Cluster], node_id: str | None = None) -> PlanNode:
    """``node`` as an icon: its kind from its role, refined by a keyword of its name."""
    kind, icon = icon_for(node)
    cluster = clusters.get(node.cluster or "")
    label = wrap(shorten(node.label, LABEL_MAX), LABEL_WRAP)
    height = ICON_HEIGHT + LINE_HEIGHT * label.count("\n")
    return PlanNode(
        id=node_id or node_key(node.key),
        element=node.id,
        label=label,
        kind=kind,
        icon=icon,
        cluster=node_key(cluster.key) if cluster else None,
        attrs=(("height", f"{height:.2f}"),),
    )


def icon_for(node: Node) -> tuple[IconKind, str]:
    """The kind of icon for ``node`` and the ``diagrams`` class that draws it. A group's own
    node has the group's role."""
    role = (fact(node.facts, "kind") or node.kind) if node.kind == "group" else node.kind
    kind = ROLE_ICON.get(role, "other")
    if role in REFINABLE:
        found = refine(f"{node.label} {fact(node.facts, 'product')}")
        if found is not None:
            return found[0], found[1] or ICONS[found[0]]
    return kind, ICONS[kind]


def refine(text: str) -> tuple[IconKind, str | None] | None:
    """The first ``KEYWORDS`` row with a word in ``text``: its kind and brand icon.

    >>> refine("Telegram-бот")
    ('messenger', 'diagrams.saas.chat.Telegram')
    >>> refine("VK Pixel")
    ('pixel', None)
    >>> refine("Обработка заказов") is None
    True
    """
    folded = text.casefold()
    for kind, icon, pattern in _patterns():
        if pattern.search(folded):
            return kind, icon
    return None


@cache
def _patterns() -> tuple[tuple[IconKind, str | None, re.Pattern[str]], ...]:
    return tuple(
        (kind, icon, re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)"))
        for kind, icon, words in KEYWORDS
    )


def wrap(text: str, width: int) -> str:
    """``text`` in lines of at most ``width`` characters (a longer word keeps its line).

    >>> wrap("Офлайн-конверсии VK Реклама", 18)
    'Офлайн-конверсии\\nVK Реклама'
    """
    lines = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
    return "\n".join(lines) or text


def _cluster(cluster: Cluster) -> PlanCluster:
    return PlanCluster(node_key(cluster.key), cluster.id, shorten(cluster.label, LABEL_MAX))


def _edge(edge: Edge, ids: dict[str, str]) -> PlanEdge:
    status = edge.status if _is_integration(edge) else "unknown"
    style = STATUS_STYLE[status]
    attrs = {**style, "fontcolor": style["color"].split(":")[0]}
    return PlanEdge(
        id=edge.id,
        source=ids[edge.source],
        target=ids[edge.target],
        label=wrap(edge.label, EDGE_WRAP),
        style=tuple(attrs.items()),
    )


def _is_integration(edge: Edge) -> bool:
    """Whether ``edge`` stands for integration rows (styled by their status)."""
    return not edge.members or edge.members[0].kind == "integration"


def _legend(graph: Graph) -> str:
    """The edge styles the picture uses, with their names, as an HTML-like label."""
    statuses = dict.fromkeys(edge.status for edge in graph.edges if _is_integration(edge))
    if not statuses:
        return ""
    rows = [_legend_title(graph.language)]
    for status in statuses:
        colour = STATUS_STYLE[status]["color"].split(":")[0]
        rows.append(
            f'<TR><TD><FONT COLOR="{colour}">{STATUS_SAMPLE[status]}</FONT></TD>'
            f'<TD ALIGN="LEFT">{html(word(graph.language, status))}</TD></TR>'
        )
    table = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2">'
    return f"<{table}{''.join(rows)}</TABLE>>"


def _legend_title(language: Language) -> str:
    return f'<TR><TD COLSPAN="2" ALIGN="LEFT"><B>{html(word(language, "legend"))}</B></TD></TR>'
