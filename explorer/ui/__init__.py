"""The Voila app's widgets (ipywidgets + bqplot). The core never imports this package."""

from __future__ import annotations

import os

from .app import ExplorerApp


def app(query: str | None = None):
    """Build the dashboard; the query string defaults to the page URL's (Voila's QUERY_STRING)."""
    from ..server.hooks import install_kernel_guards

    install_kernel_guards()
    return ExplorerApp(os.environ.get("QUERY_STRING", "") if query is None else query).widget


__all__ = ["ExplorerApp", "app"]
