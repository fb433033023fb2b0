"""The explorer, for ``streamlit run streamlit_app.py`` (``flowviz explore`` runs the same)."""

from flowviz.explorer.page import main

main()
