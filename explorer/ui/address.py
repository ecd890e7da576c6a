"""The scenario's shareable link: shown in a field with a copy button, and put in the address bar.

One synced string per change (no output area, no round trip): the browser calls
`history.replaceState`, which changes the URL without a reload or a history entry, and shows
the resulting address in the field.
"""

from __future__ import annotations

import anywidget
import traitlets

# Keyboard and screen-reader fixes for ipywidgets' own views, now and whenever they are drawn
# again: a slider's handle (role=slider) gets its label's text as its name, and an accordion's
# header (a plain div) becomes a button that Tab reaches and Enter or Space opens.
# Only a query string ("?a=1&b=2") is ever applied: the path and host stay the page's own.
_ESM = """
function nameSliders() {
  for (const s of document.querySelectorAll(".explorer-app .widget-slider")) {
    const label = s.querySelector(".widget-label");
    const handle = s.querySelector(".noUi-handle");
    const name = label ? label.textContent.trim() : "";
    if (handle && name && handle.getAttribute("aria-label") !== name)
      handle.setAttribute("aria-label", name);
  }
  for (const h of document.querySelectorAll(".explorer-app .jupyter-widget-Collapse-header")) {
    const isOpen = h.parentElement?.classList.contains("jupyter-widget-Collapse-open");
    const open = isOpen ? "true" : "false";
    if (h.getAttribute("aria-expanded") !== open) h.setAttribute("aria-expanded", open);
    if (h.dataset.explorerKeys) continue;
    h.dataset.explorerKeys = "1";
    h.tabIndex = 0;
    h.setAttribute("role", "button");
    h.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); h.click(); }
    });
  }
}
let naming = false;
new MutationObserver(() => {
  if (naming) return;
  naming = true;
  requestAnimationFrame(() => { nameSliders(); naming = false; });
}).observe(document.body, {
  childList: true, subtree: true, attributes: true, attributeFilter: ["class"],
});

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
  nameSliders();
}
export default { render };
"""


class AddressBar(anywidget.AnyWidget):
    """Holds `query` (a string starting with "?"); the browser shows the link and puts it in the
    address bar."""

    _esm = traitlets.Unicode(_ESM).tag(sync=True)
    query = traitlets.Unicode("").tag(sync=True)
