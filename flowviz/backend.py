"""The only code that writes output files (and, later, runs Graphviz)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from flowviz.errors import FlowvizError


def write_text(path: str | Path, text: str) -> None:
    """Write ``text`` as UTF-8 atomically: a failure never leaves a half-written file."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
                out.write(text)
            Path(temp).replace(target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise FlowvizError(f"cannot write output ({exc.strerror or exc})", str(path)) from None
