"""Debian's headless Chromium, driven by Playwright, as every browser test and the README's
screenshot start it (Playwright's own browser download is not used)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
"""Headless as root, with none of Chromium's own connections (the network is closed here)."""


@contextmanager
def chromium() -> Iterator[Any]:
    """A running headless Chromium (a Playwright ``Browser``), closed on exit."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 (only browser tests)

    if not CHROMIUM.is_file():
        raise RuntimeError(f"{CHROMIUM} is missing: run 'make setup' (it installs Chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Seen:
    """What a page asked for and said while it was watched."""

    requests: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    """Console messages as ``"type: text"`` and uncaught exceptions as ``"pageerror: ..."``."""
    dialogs: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[str]:
        """The console's errors and the uncaught exceptions."""
        return [line for line in self.console if line.startswith(("error: ", "pageerror: "))]


@contextmanager
def watching(page: Any) -> Iterator[Seen]:
    """Record ``page``'s requests, console messages, uncaught exceptions and dialogs (each
    dismissed) until the block ends."""
    seen = Seen()
    handlers = {
        "request": lambda request: seen.requests.append(request.url),
        "console": lambda message: seen.console.append(f"{message.type}: {message.text}"),
        "pageerror": lambda error: seen.console.append(f"pageerror: {error}"),
        "dialog": lambda dialog: (seen.dialogs.append(dialog.message), dialog.dismiss()),
    }
    for event, handler in handlers.items():
        page.on(event, handler)
    try:
        yield seen
    finally:
        for event, handler in handlers.items():
            page.remove_listener(event, handler)
