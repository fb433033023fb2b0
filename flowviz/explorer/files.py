"""Which map the explorer opens: files directly in a root folder, by name, or an upload.

Only files whose resolved path lies inside the root open; a link that leads out of it is
refused. Uploads are size-limited and read like any map file (``flowviz.source.decode``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from flowviz.errors import FlowvizError, MapError
from flowviz.explorer import PATH_VARIABLE
from flowviz.load import DATA_SUFFIXES

MAP_SUFFIXES = (".md", ".markdown", *sorted(DATA_SUFFIXES))
UPLOAD_MAX_MB = 5
"""The largest upload accepted, in megabytes (a map of 1,000 integrations is 0.4 MB)."""
UPLOAD_MAX_BYTES = UPLOAD_MAX_MB * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Opened:
    """A map's bytes, its name as shown, and its ``flowviz.yaml`` (empty when none)."""

    name: str
    data: bytes
    config: bytes = b""
    folder: str = ""
    """The folder whose ``flowviz.yaml`` applies ("" for an upload)."""


@dataclass(frozen=True, slots=True)
class Place:
    """Where the explorer looks: the root folder and the file chosen at start, if any."""

    root: Path
    chosen: str | None = None


def place(target: str | None = None) -> Place:
    """The root and first map for ``target`` (a map file or a folder; default the path in
    ``FLOWVIZ_EXPLORE_PATH``, else the working folder). A file selects itself and its folder
    becomes the root."""
    given = Path(target or os.environ.get(PATH_VARIABLE) or ".")
    if given.is_file():
        if given.suffix.lower() not in MAP_SUFFIXES:
            raise FlowvizError(
                f"not a map file (must end in {', '.join(MAP_SUFFIXES)})", str(given)
            )
        return Place(given.resolve().parent, given.name)
    if not given.is_dir():
        raise FlowvizError("no such map file or folder", str(given))
    return Place(given.resolve())


def list_maps(root: Path) -> list[str]:
    """Names of the map files directly in ``root`` that open (inside it once resolved)."""
    names = []
    for entry in sorted(root.iterdir(), key=lambda p: p.name):
        if entry.suffix.lower() in MAP_SUFFIXES and _inside(entry, root) and entry.is_file():
            names.append(entry.name)
    return names


def _inside(path: Path, root: Path) -> bool:
    return path.resolve().is_relative_to(root.resolve())


def open_map(root: Path, name: str) -> Opened:
    """The map ``name`` in ``root``; a FlowvizError for anything outside it, a link out of
    it, a folder or a file that is not a map."""
    candidate = root / name
    if Path(name).is_absolute() or ".." in Path(name).parts:
        raise FlowvizError("refused: only maps inside the explorer's folder open", name)
    if candidate.is_symlink() and not _inside(candidate, root):
        raise FlowvizError("refused: a link that leads outside the explorer's folder", name)
    if not _inside(candidate, root):
        raise FlowvizError("refused: only maps inside the explorer's folder open", name)
    if candidate.suffix.lower() not in MAP_SUFFIXES:
        raise FlowvizError(f"not a map file (must end in {', '.join(MAP_SUFFIXES)})", name)
    if not candidate.is_file():
        raise FlowvizError("no such map file", name)
    config = candidate.resolve().parent / "flowviz.yaml"
    settings = config.read_bytes() if config.is_file() and _inside(config, root) else b""
    return Opened(name, candidate.read_bytes(), settings, str(candidate.parent))


def take_upload(name: str, data: bytes) -> Opened:
    """An uploaded map, refused above ``UPLOAD_MAX_BYTES`` or with a name that is not a map's."""
    shown = Path(name).name or "upload"
    if Path(shown).suffix.lower() not in MAP_SUFFIXES:
        raise MapError(f"not a map file (must end in {', '.join(MAP_SUFFIXES)})", shown)
    if len(data) > UPLOAD_MAX_BYTES:
        raise MapError(
            f"file is too large ({len(data)} bytes, at most {UPLOAD_MAX_BYTES} in an upload)",
            shown,
        )
    return Opened(shown, data)
