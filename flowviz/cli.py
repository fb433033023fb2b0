"""The ``flowviz`` command: a thin shell over the library; the only place that prints or exits."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click

from flowviz import __version__
from flowviz.backend import write_text
from flowviz.check import check
from flowviz.config import Config, load_config
from flowviz.errors import FlowvizError
from flowviz.load import DATA_SUFFIXES, load
from flowviz.model import Diagnostic, Map
from flowviz.render import findings as findings_format
from flowviz.render.data import to_json, to_yaml
from flowviz.views import redacted

EXPORTERS = {"json": to_json, "yaml": to_yaml}
FINDING_FORMATS = ("text", "json", "github")


class Failed(Exception):
    """The command ran but its verdict is 'fail' (exit code 1)."""


def _config_for(path: str) -> Config:
    """flowviz.yaml beside a Markdown map (a YAML export carries none)."""
    if Path(path).suffix.lower() in DATA_SUFFIXES:
        return Config()
    return load_config(path)


def _read(path: str) -> tuple[Map, Config]:
    config = _config_for(path)
    return load(path, config), config


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
@click.option(
    "--no-redact", is_flag=True, help="Keep secrets found in cells (redacted by default)."
)
def export_command(map_path: str, fmt: str, output: str | None, no_redact: bool) -> None:
    """Export MAP (Markdown or flowviz YAML/JSON) as flowviz/map@1 data."""
    model, config = _read(map_path)
    if not no_redact:
        model = redacted(model, config.secrets_allowlist)
    text = EXPORTERS[fmt](model)
    if output:
        write_text(output, text)
    else:
        click.echo(text, nl=False)


@cli.command("check")
@click.argument("map_paths", metavar="MAP...", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FINDING_FORMATS),
    default="text",
    show_default=True,
    help="text for people, json for tools, github for Actions annotations.",
)
@click.option("--strict", is_flag=True, help="Fail (exit 1) on warnings too, not only errors.")
@click.option(
    "--ignore",
    "ignored",
    multiple=True,
    metavar="CODE",
    help="Switch a rule off (repeatable); flowviz.yaml 'ignore' adds to these.",
)
def check_command(
    map_paths: tuple[str, ...], fmt: str, strict: bool, ignored: tuple[str, ...]
) -> None:
    """Check MAP(s): report what is missing or inconsistent, with a line for every finding.

    Exit status: 0 clean, 1 errors (with --strict: warnings too), 2 unusable input."""
    found: list[Diagnostic] = []
    for path in map_paths:
        model, config = _read(path)
        found.extend(check(model, config, ignored))
    render = {
        "text": lambda: findings_format.to_text(found, map_paths),
        "json": lambda: findings_format.to_json(found),
        "github": lambda: findings_format.to_github(found),
    }[fmt]
    click.echo(render(), nl=False)
    failing = {"error", "warning"} if strict else {"error"}
    if any(item.severity in failing for item in found):
        raise Failed


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
    except Failed:
        return 1
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
