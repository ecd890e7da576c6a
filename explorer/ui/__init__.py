"""The Voila app's widgets (ipywidgets + bqplot). The core never imports this package."""

from __future__ import annotations

from .app import ExplorerApp
from .link import query_now, when_visitor_arrives


def app(query: str | None = None):
    """Build the dashboard for the page's query string (or `query`).

    In a preheated kernel the dashboard is built from the catalog defaults ahead of the visitor
    and shows the link's scenario as soon as the request arrives (before the browser connects)."""
    from ..server.hooks import install_kernel_guards

    install_kernel_guards()
    explorer = ExplorerApp(query_now() if query is None else query)
    if query is None:
        when_visitor_arrives(explorer.load_link)
    return explorer.widget


__all__ = ["ExplorerApp", "app"]
