"""The explorer: one map in the browser (Streamlit), filtered by system, identifier, status,
method or flow, with its figures, interactive picture, tables and check findings.

``files`` chooses a map under a root folder (or takes an upload), ``state`` keeps the filters
in the page's URL, ``data`` reads, checks and draws (cached on the file's content), ``page``
lays the page out. ``graph`` is the interactive picture (a custom component: pan, zoom, hover,
clicks), ``interact`` what its clicks, the flow player and the identifier tracer do. ``app.py``
is the script ``streamlit run`` starts.
"""

from __future__ import annotations

from pathlib import Path

APP = Path(__file__).with_name("app.py")
"""The script ``flowviz explore`` runs (the repository's ``streamlit_app.py`` does the same)."""
PATH_VARIABLE = "FLOWVIZ_EXPLORE_PATH"
"""Environment variable naming the map file or folder the explorer opens."""

__all__ = ["APP", "PATH_VARIABLE"]
