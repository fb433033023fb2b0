"""Structurizr DSL: a ``structurizr`` block in a document, or a whole ``workspace.dsl``.

Each relationship between two elements of the model is an edge labelled by its description,
its technology the method; an element is named by its label, its identifier (in any case)
naming it too; a person is no system; views, styles and properties draw nothing; a statement
of the model that does not parse is reported with its line.
"""

from __future__ import annotations

from flowviz.load import load
from tests.loose_support import named_edges

WORKSPACE = """workspace "Shop" {

    model {
        customer = person "Customer" "Buys things"

        group "Sales" {
            crm = softwareSystem "CRM" "Holds the leads" {
                crmApi = container "API" "REST API"
                crmDb = container "DB" "Postgres"
                crmApi -> crmDb "Reads and writes" "REST API"
            }
            site = softwareSystem "Site" {
                siteApi = container "API"
                -> crm "Sends leads to" "HTTPS"
            }
        }
        esp = softwareSystem "ESP"

        customer -> site "Fills in the form"
        CRM -> esp "Syncs contacts to"
        siteApi -> crmApi "Posts the lead"
    }

    views {
        container crm "crm-containers" {
            include *
            autoLayout lr
        }
        styles {
            element "Person" {
                shape person
            }
        }
    }
}
"""


def test_a_workspace_file_is_read_as_its_model_draws(write_map) -> None:
    model = load(write_map(WORKSPACE, "workspace.dsl"))
    assert named_edges(model) == [
        ("CRM", "CRM", 10),
        ("Site", "CRM", 14),
        ("CRM", "ESP", 20),
        ("Site", "CRM", 21),
    ]
    first, *_, last = model.integrations
    assert (first.source_data, first.method) == ("Reads and writes", "REST API")
    names = {s.id: s.name for s in model.systems}
    assert [names[p] for p in (*first.source_parts, *first.target_parts)] == ["API (CRM)", "DB"]
    assert [names[p] for p in (*last.source_parts, *last.target_parts)] == [
        "API (Site)",
        "API (CRM)",
    ]
    assert not {"Customer", "Sales"} & set(names.values())


def test_a_structurizr_block_in_a_document_is_read(write_map) -> None:
    text = (
        "# Landscape\n\n```structurizr\n"
        'tilda = softwareSystem "Tilda"\n'
        'amo = softwareSystem "amoCRM"\n'
        'tilda -> amo "Заявка <script>alert(1)</script>"\n'
        "```\n"
    )
    model = load(write_map(text))
    assert named_edges(model) == [("Tilda", "amoCRM", 6)]
    assert model.integrations[0].source_data == "Заявка <script>alert(1)</script>"


def test_a_statement_of_the_model_that_does_not_parse_is_reported_with_its_line(
    write_map,
) -> None:
    text = (
        "```structurizr\n"
        'a = softwareSystem "A"\n'
        'b = softwareSystem "B"\n'
        'a -> "B" "oops\n'
        'a -> b "Sends"\n'
        "```\n"
    )
    model = load(write_map(text))
    assert named_edges(model) == [("A", "B", 5)]
    assert [(d.code, d.line) for d in model.diagnostics if d.code == "FV112"] == [("FV112", 4)]


def test_comments_deployment_and_dynamic_views_draw_no_integration(write_map) -> None:
    """A ``/* … */`` comment may open the file; relationships between deployment nodes and the
    steps of a dynamic view repeat or place the model, and draw no integration of their own."""
    text = (
        "/*\n * Big Bank\n */\n\nworkspace {\n    model {\n"
        '        a = softwareSystem "A"\n'
        '        b = softwareSystem "B"\n'
        '        a -> b "Sends"\n'
        '        deploymentEnvironment "Live" {\n'
        '            p = deploymentNode "Primary" {\n            }\n'
        '            p -> s "Replicates data to"\n'
        "        }\n    }\n    views {\n"
        '        dynamic a "Flow" {\n            b -> a "Answers"\n        }\n'
        "    }\n}\n"
    )
    model = load(write_map(text, "workspace.dsl"))
    assert named_edges(model) == [("A", "B", 9)]
    assert not [d for d in model.diagnostics if d.code == "FV112"]
