"""The explorer's Streamlit script: ``streamlit run`` runs it once per page event."""

from flowviz.explorer.page import main

main()
