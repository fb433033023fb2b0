"""The ``flowviz`` command: a thin shell over the library; the only place that prints or exits."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click

from flowviz import __version__
from flowviz.check import check
from flowviz.codes import CODES, unknown_codes
from flowviz.config import CONFIG_NAME, Config, load_config
from flowviz.errors import FlowvizError, UsageError
from flowviz.exports import EXPORT_FORMATS, ExportRequest, export
from flowviz.load import DATA_SUFFIXES, load
from flowviz.model import Diagnostic, Map
from flowviz.render import findings as findings_format

STATUSES = ("configured", "needs_setup", "not_required", "unknown")
DEFAULT_VIEWS = "overview,flows,identifiers"
RENDER_EXAMPLES = """
\b
Examples:
  flowviz render maps/client.md                      # overview, flows, identifiers as SVG
  flowviz render maps/client.md --view all --format svg,png,dot
  flowviz render maps/client.md --view flow:2 -o docs/img
  flowviz render maps/client.md --view system:amoCRM --direction out --depth 2
  flowviz render maps/client.md --identifier client_id --status needs_setup
  flowviz render maps/client.md --view architecture --format png,svg
"""

EXPORT_EXAMPLES = """
\b
Examples:
  flowviz export maps/client.md --to json -o map.json           # flowviz/map@1 data
  flowviz export maps/client.md --to mermaid -o integrations.md # GitHub / GitLab Markdown
  flowviz export maps/client.md --to html -o report.html        # one file, works offline
  flowviz export maps/client.md --to drawio -o overview.drawio  # open in diagrams.net
"""
DIRECTIONS = ("in", "out", "both")
"""Choices the options offer; the modules behind each command are imported when it runs,
so that ``flowviz check`` does not pay for drawing or YAML."""
FINDING_FORMATS = ("text", "json", "github")


class Failed(Exception):
    """The command ran but its verdict is 'fail' (exit code 1)."""


class Unusable(Exception):
    """Some input could not be read; what could be read was done (exit code 2)."""


def _config_for(path: str) -> Config:
    """flowviz.yaml beside a Markdown map (a YAML export carries none)."""
    if Path(path).suffix.lower() in DATA_SUFFIXES:
        return Config()
    return load_config(path)


def _read(path: str) -> tuple[Map, Config]:
    config = _config_for(path)
    _known_codes(config.ignore, path)
    return load(path, config), config


def _readable(paths: Sequence[str]) -> list[tuple[str, Map, Config]]:
    """The maps among ``paths`` that can be read; one error line on stderr for each other."""
    read = []
    for path in paths:
        try:
            read.append((path, *_read(path)))
        except FlowvizError as exc:
            click.echo(f"flowviz: {exc}", err=True)
    return read


def _report_unreadable(any_unreadable: bool) -> None:
    """Exit 2 once every readable map is done, when some could not be read."""
    if any_unreadable:
        raise Unusable


def _known_codes(codes: Sequence[str], path: str | None = None) -> None:
    unknown = unknown_codes(tuple(codes))
    if unknown:
        where = f" in {Path(path).parent / CONFIG_NAME}" if path else ""
        raise UsageError(
            f"unknown finding code{where}: {', '.join(unknown)} "
            f"(flowviz's codes: {', '.join(CODES)})"
        )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="flowviz", message="%(prog)s %(version)s")
def cli() -> None:
    """Read integration maps into a typed graph and export, check and draw them."""


@cli.command("export", epilog=EXPORT_EXAMPLES)
@click.argument("map_path", metavar="MAP", type=click.Path(dir_okay=True, path_type=str))
@click.option(
    "--to",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    default="json",
    show_default=True,
    help="Output format.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=str),
    help="Write to FILE, not stdout ('-' is stdout).",
)
@click.option(
    "--no-redact", is_flag=True, help="Keep secrets found in cells (redacted by default)."
)
def export_command(map_path: str, fmt: str, output: str | None, no_redact: bool) -> None:
    """Export MAP (Markdown or flowviz YAML/JSON) as one file: its data (json, yaml:
    flowviz/map@1), the overview as DOT, Markdown with the overview, identifiers and every
    flow as Mermaid diagrams that GitHub and GitLab draw as they are (mermaid), an HTML report
    (html: one self-contained page with every picture, the tables and the check's findings,
    searchable, working offline), or the overview as a diagrams.net file laid out by Graphviz
    (drawio: open and edit it in draw.io or Confluence). Secrets are redacted unless
    --no-redact."""
    from flowviz.backend import write_bytes  # noqa: PLC0415 (only this command and render)

    model, config = _read(map_path)
    made = export(ExportRequest(model, config, map_path, redact=not no_redact), fmt)
    for finding in made.findings:
        click.echo(findings_format.one_line(finding), err=True)
    if output and output != "-":
        write_bytes(output, made.data)
        click.echo(output)
    else:
        click.echo(made.data, nl=False)


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

    A map that cannot be read gets one error line; the others are still checked.
    Exit status: 0 clean, 1 errors (with --strict: warnings too), 2 unusable input."""
    _known_codes(ignored)
    found: list[Diagnostic] = []
    read = _readable(map_paths)
    for _, model, config in read:
        found.extend(check(model, config, ignored))
    render = {
        "text": lambda: findings_format.to_text(found, [path for path, _, _ in read]),
        "json": lambda: findings_format.to_json(found),
        "github": lambda: findings_format.to_github(found),
    }[fmt]
    click.echo(render(), nl=False)
    _report_unreadable(len(read) < len(map_paths))
    failing = {"error", "warning"} if strict else {"error"}
    if any(item.severity in failing for item in found):
        raise Failed


def _csv_choice(value: str, allowed: Sequence[str], what: str) -> list[str]:
    items = [item.strip().lower() for item in value.split(",") if item.strip()]
    for item in items:
        if item not in allowed:
            raise UsageError(f"unknown {what}: {item!r} (must be one of {', '.join(allowed)})")
    return list(dict.fromkeys(items))


def _output_folders(map_paths: Sequence[str], output: str | None) -> list[Path]:
    """One folder per map: ``output/<stem>/`` (or ``DIR`` for one map, ``DIR/<stem>/`` for
    several); two maps with one stem get ``<stem>-2``, so no two share a folder."""
    if output and len(map_paths) == 1:
        return [Path(output)]
    base = Path(output or "output")
    folders: list[Path] = []
    for path in map_paths:
        stem, n = Path(path).stem, 1
        while base / (stem if n == 1 else f"{stem}-{n}") in folders:
            n += 1
        folders.append(base / (stem if n == 1 else f"{stem}-{n}"))
    return folders


@cli.command("render", epilog=RENDER_EXAMPLES)
@click.argument("map_paths", metavar="MAP...", nargs=-1, required=True)
@click.option("-o", "--output", metavar="DIR", help="Folder for the pictures [output/<map-stem>/].")
@click.option(
    "--view",
    "view_names",
    default=DEFAULT_VIEWS,
    show_default=True,
    help="Comma-separated: overview, flows, flow:N, identifiers, system:S, architecture, all.",
)
@click.option(
    "--format",
    "formats",
    default="svg",
    show_default=True,
    help="Comma-separated: svg, png, dot (the architecture picture has no dot).",
)
@click.option("--system", "system_name", metavar="S", help="Only S and its neighbourhood.")
@click.option("--identifier", metavar="I", help="Only what carries identifier I.")
@click.option("--status", type=click.Choice(STATUSES), help="Only integrations with this status.")
@click.option("--method", metavar="M", help="Only links whose method contains M.")
@click.option("--flow", "flow_number", type=int, metavar="N", help="Only what flow N uses.")
@click.option(
    "--direction",
    type=click.Choice(DIRECTIONS),
    default="both",
    show_default=True,
    help="With --system or system:S: links into it, out of it, or both.",
)
@click.option(
    "--depth",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="With --system or system:S: how many links away.",
)
@click.option("--no-fold", is_flag=True, help="Draw every integration row as its own edge.")
@click.option("--no-redact", is_flag=True, help="Keep secrets found in cells in tooltips.")
def render_command(
    map_paths: tuple[str, ...],
    output: str | None,
    view_names: str,
    formats: str,
    system_name: str | None,
    identifier: str | None,
    status: str | None,
    method: str | None,
    flow_number: int | None,
    direction: str,
    depth: int,
    no_fold: bool,
    no_redact: bool,
) -> None:
    """Draw MAP(s) as pictures: overview, data flows, identifiers, systems, architecture.

    Writes output/<map-stem>/overview.svg, flow-<n>.svg, identifiers.svg, system-<id>.svg and
    architecture.svg (the overview with an icon per system, drawn by mingrammer's diagrams, in
    PNG and SVG only); a filter adds .<filter>-<value> before the extension. Prints each file
    written.
    Every integration is drawn or reported: exit 1 when Graphviz could not draw one."""
    from flowviz.backend import write_bytes  # noqa: PLC0415 (only this command and export)
    from flowviz.pictures import (  # noqa: PLC0415 (only this command)
        ARCHITECTURE_FORMATS,
        PICTURE_FORMATS,
        draw,
        draw_architecture,
    )
    from flowviz.views import (  # noqa: PLC0415
        Filters,
        build,
        parse_views,
        resolve_identifier,
        resolve_system,
    )

    picture_formats = _csv_choice(formats, PICTURE_FORMATS, "format")
    incomplete = False
    folders = dict(zip(map_paths, _output_folders(map_paths, output), strict=True))
    read = _readable(map_paths)
    for path, model, config in read:
        folder = folders[path]
        filters = Filters(
            system=resolve_system(model, system_name) if system_name else None,
            identifier=resolve_identifier(model, identifier) if identifier else None,
            status=status,
            method=method,
            flow=flow_number,
            direction=direction,  # type: ignore[arg-type]
            depth=depth,
        )
        specs = parse_views(model, view_names)
        graphs = build(
            model,
            specs,
            filters,
            fold=not no_fold,
            redact=not no_redact,
            allow=config.secrets_allowlist,
        )
        for graph in graphs:
            if graph.kind == "architecture" and not set(picture_formats) & {*ARCHITECTURE_FORMATS}:
                click.echo(
                    f"flowviz: {path}: the architecture picture is PNG or SVG, not "
                    f"{', '.join(picture_formats)}: not drawn",
                    err=True,
                )
                continue
            drawer = draw_architecture if graph.kind == "architecture" else draw
            picture = drawer(graph, picture_formats, path)
            for fmt, data in picture.outputs.items():
                target = folder / f"{graph.name}.{fmt}"
                write_bytes(target, data)
                click.echo(str(target))
            for finding in picture.findings:
                click.echo(findings_format.one_line(finding), err=True)
            incomplete = incomplete or not picture.complete
    _report_unreadable(len(read) < len(map_paths))
    if incomplete:
        raise Failed


@cli.command("explore")
@click.argument("path", required=False, default=".", type=click.Path(path_type=str))
@click.option(
    "--port", type=click.IntRange(1, 65535), help="Port to serve on [STREAMLIT_SERVER_PORT, 8501]."
)
def explore_command(path: str, port: int | None) -> None:
    """Open PATH (a map file, or a folder of maps) in the browser: figures, the picture of any
    view, tables and findings, filtered by system, identifier, status, method or flow.

    A file selects itself and its folder becomes the root; only maps inside the root open.
    Runs 'streamlit run' (headless, no usage statistics) until stopped with Ctrl+C."""
    import os  # noqa: PLC0415

    from flowviz.backend import explorer_command, run_explorer  # noqa: PLC0415

    try:
        import streamlit  # noqa: F401, PLC0415 (only this command needs it)
    except ImportError:
        raise UsageError("the explorer needs Streamlit: pip install 'streamlit>=1.50'") from None
    from flowviz.explorer import APP, PATH_VARIABLE  # noqa: PLC0415
    from flowviz.explorer.files import place  # noqa: PLC0415

    where = place(path)
    chosen = where.root / where.chosen if where.chosen else where.root
    shown = port or os.environ.get("STREAMLIT_SERVER_PORT") or 8501
    click.echo(f"flowviz explorer: {chosen}")
    click.echo(f"Open http://localhost:{shown} (Ctrl+C stops it)")
    env = {**os.environ, PATH_VARIABLE: str(chosen)}
    run_explorer(explorer_command(APP, port), env)


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
    except Unusable:
        return 2
    except Failed:
        return 1
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.UsageError as exc:
        command = exc.ctx.command_path if exc.ctx else "flowviz"
        click.echo(f"flowviz: {exc.format_message()} (see '{command} --help')", err=True)
        return 2
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
