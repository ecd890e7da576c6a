"""A widget that mirrors the scenario into the page's address bar, so the URL is a shareable link.

One synced string per change (no output area, no round trip): the browser calls
`history.replaceState`, which changes the URL without a reload or a history entry.
"""

from __future__ import annotations

import anywidget
import traitlets

# Only a query string ("?a=1&b=2") is ever applied: the path and host stay the page's own.
_ESM = """
function render({ model, el }) {
  el.style.display = "none";
  const apply = () => {
    const q = model.get("query");
    if (typeof q === "string" && q.startsWith("?") && q !== window.location.search) {
      window.history.replaceState(null, "", q);
    }
  };
  model.on("change:query", apply);
  apply();
}
export default { render };
"""


class AddressBar(anywidget.AnyWidget):
    """Holds `query` (a string starting with "?") and puts it in the browser's address bar."""

    _esm = traitlets.Unicode(_ESM).tag(sync=True)
    query = traitlets.Unicode("").tag(sync=True)
