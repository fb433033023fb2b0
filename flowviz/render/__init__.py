"""Renderers: the model (or a view of it) into text formats. They never parse maps."""
