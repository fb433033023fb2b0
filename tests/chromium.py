"""Debian's headless Chromium, driven by Playwright, as every browser test and the README's
screenshot start it (Playwright's own browser download is not used)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
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
