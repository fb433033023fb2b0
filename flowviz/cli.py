"""The ``flowviz`` command: a thin shell over the library; the only place that prints or exits."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from flowviz import __version__
from flowviz.backend import write_text
from flowviz.errors import FlowvizError
from flowviz.load import load
from flowviz.render.data import to_json, to_yaml

EXPORTERS = {"json": to_json, "yaml": to_yaml}


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="flowviz", message="%(prog)s %(version)s")
def cli() -> None:
    """Read integration maps into a typed graph and export, check and draw them."""


@cli.command("export")
@click.argument("map_path", metavar="MAP", type=click.Path(dir_okay=True, path_type=str))
@click.option(
    "--to",
    "fmt",
    type=click.Choice(sorted(EXPORTERS)),
    default="json",
    show_default=True,
    help="Output format.",
)
@click.option("-o", "--output", type=click.Path(path_type=str), help="Write to FILE, not stdout.")
def export_command(map_path: str, fmt: str, output: str | None) -> None:
    """Export MAP (Markdown or flowviz YAML/JSON) as flowviz/map@1 data."""
    text = EXPORTERS[fmt](load(map_path))
    if output:
        write_text(output, text)
    else:
        click.echo(text, nl=False)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI with ``argv``; return the exit code (2 for unusable input)."""
    try:
        cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="flowviz",
            standalone_mode=False,
        )
    except FlowvizError as exc:
        click.echo(f"flowviz: {exc}", err=True)
        return 2
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.Abort:
        click.echo("flowviz: aborted", err=True)
        return 130
    except KeyboardInterrupt:
        return 130
    return 0


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
