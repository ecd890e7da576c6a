"""The scenario's shareable link: shown in a field with a copy button, and put in the address bar.

One synced string per change (no output area, no round trip): the browser calls
`history.replaceState`, which changes the URL without a reload or a history entry, and shows
the resulting address in the field.
"""

from __future__ import annotations

import anywidget
import traitlets

# Only a query string ("?a=1&b=2") is ever applied: the path and host stay the page's own.
_ESM = """
function render({ model, el }) {
  el.classList.add("explorer-share");
  const row = document.createElement("div");
  row.style.cssText =
    "display:flex;flex-wrap:wrap;align-items:center;gap:6px;margin:4px 0;width:100%";
  const label = document.createElement("label");
  label.textContent = "Link to this scenario";
  const input = document.createElement("input");
  input.type = "text";
  input.readOnly = true;
  input.style.cssText = "flex:1 1 280px;min-width:0;font-size:0.85em;padding:2px 4px";
  input.setAttribute("aria-label", "Link to this scenario");
  input.addEventListener("focus", () => input.select());
  const button = document.createElement("button");
  button.textContent = "Copy link";
  button.className = "jupyter-button";
  button.addEventListener("click", () => {
    input.select();
    const done = () => {
      button.textContent = "Copied";
      setTimeout(() => { button.textContent = "Copy link"; }, 1500);
    };
    if (navigator.clipboard && window.isSecureContext)
      navigator.clipboard.writeText(input.value).then(done, () => {});
    else if (document.execCommand && document.execCommand("copy")) done();
  });
  row.append(label, input, button);
  el.append(row);
  const apply = () => {
    const q = model.get("query");
    if (typeof q === "string" && q.startsWith("?") && q !== window.location.search) {
      window.history.replaceState(null, "", q);
    }
    input.value = window.location.href;
  };
  model.on("change:query", apply);
  apply();
}
export default { render };
"""


class AddressBar(anywidget.AnyWidget):
    """Holds `query` (a string starting with "?"); the browser shows the link and puts it in the
    address bar."""

    _esm = traitlets.Unicode(_ESM).tag(sync=True)
    query = traitlets.Unicode("").tag(sync=True)
