"""Markdown maps into the model: blocks (tokens), sections, then one builder per section kind."""
