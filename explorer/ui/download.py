"""Downloads the kernel makes on a click, and a read-only text with a Copy button.

`Downloads` draws a row of buttons. A click sends one small message to the kernel, which answers
with the file's bytes in one message; the browser turns them into a Blob and clicks a temporary
link to it. Nothing is sent while nobody clicks (no data URL is rebuilt per slider step), and
no request leaves the page (no CDN, no network).

`CopyText` is a labelled read-only textarea with a Copy button (the citation, the embed
snippet): its text is sent only when the kernel changes it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import anywidget
import traitlets

# what a download may be; anything else is sent as opaque bytes
MIMES = ("text/csv", "application/json", "image/png", "text/plain")
_NAME_MAX = 80

_ESM = """
const MIMES = new Set(["text/csv", "application/json", "image/png", "text/plain"]);
function safeName(name) {
  const n = String(name ?? "").replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[-.]+/, "");
  return n.slice(0, 80) || "download";
}
function render({ model, el }) {
  el.classList.add("explorer-downloads");
  const row = document.createElement("div");
  row.style.cssText = "display:flex;flex-wrap:wrap;gap:6px;margin:4px 0";
  const draw = () => {
    const context = model.get("context");
    row.replaceChildren(...model.get("buttons").map((label) => {
      const b = document.createElement("button");
      b.type = "button";
      b.className = "jupyter-button explorer-download";
      b.textContent = label;
      b.dataset.button = label;
      if (context) b.setAttribute("aria-label", `${label}: ${context}`);
      b.addEventListener("click", () => model.send({ event: "click", button: label }));
      return b;
    }));
  };
  model.on("change:buttons", draw);
  model.on("change:context", draw);
  draw();
  el.append(row);
  const onMessage = (msg, buffers) => {
    if (!msg || msg.event !== "download" || !buffers || buffers.length !== 1) return;
    const type = MIMES.has(msg.mime) ? msg.mime : "application/octet-stream";
    const url = URL.createObjectURL(new Blob([buffers[0]], { type }));
    const a = document.createElement("a");
    a.href = url;
    a.download = safeName(msg.filename);
    a.style.display = "none";
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  };
  model.on("msg:custom", onMessage);
  // the page's own address (no query): the kernel makes the scenario's absolute link from it
  const page = window.location.origin + window.location.pathname;
  if (model.get("page") !== page) {
    model.set("page", page);
    model.save_changes();
  }
  return () => {
    model.off("msg:custom", onMessage);
    model.off("change:buttons", draw);
    model.off("change:context", draw);
  };
}
export default { render };
"""

# The chart cards' tabs: ipywidgets' grey-on-grey labels of unselected tabs fail WCAG contrast,
# its 15 px padding would take that much from the figure's width on a phone, and its scrolling
# panel (a figure a few px too big) would be a scrolled region that the keyboard cannot reach.
CARD_CSS = """
.explorer-card .widget-tab > .lm-TabBar .lm-TabBar-tab,
.explorer-card .widget-tab > .lm-TabBar .lm-TabBar-tab .lm-TabBar-tabLabel { color: #1f1f1f; }
.explorer-card .widget-tab > .lm-TabBar .lm-TabBar-tab { background: #ececec; }
.explorer-card .widget-tab > .lm-TabBar .lm-TabBar-tab.lm-mod-current { background: #ffffff; }
.explorer-card .widget-tab > .widget-tab-contents { padding: 4px 0; overflow: visible; }
.explorer-card .widget-tab > .lm-TabBar .lm-TabBar-tab:focus-visible {
  outline: 2px solid #0072b2; outline-offset: -2px;
}
"""

_COPY_ESM = """
let count = 0;
function render({ model, el }) {
  el.classList.add("explorer-copytext");
  const id = `explorer-copytext-${++count}`;
  const label = document.createElement("label");
  label.htmlFor = id;
  label.style.cssText = "display:block;font-size:0.85em;margin-top:6px";
  const text = document.createElement("textarea");
  text.id = id;
  text.readOnly = true;
  text.rows = 3;
  text.style.cssText = "width:100%;max-width:560px;box-sizing:border-box;font-size:0.8em";
  text.addEventListener("focus", () => text.select());
  const button = document.createElement("button");
  button.type = "button";
  button.className = "jupyter-button";
  button.textContent = "Copy";
  button.addEventListener("click", () => {
    text.select();
    const done = () => {
      button.textContent = "Copied";
      setTimeout(() => { button.textContent = "Copy"; }, 1500);
    };
    if (navigator.clipboard && window.isSecureContext)
      navigator.clipboard.writeText(text.value).then(done, () => {});
    else if (document.execCommand && document.execCommand("copy")) done();
  });
  const apply = () => {
    label.textContent = model.get("label");
    button.setAttribute("aria-label", `Copy: ${model.get("label")}`);
    text.value = model.get("value");
  };
  model.on("change:value", apply);
  model.on("change:label", apply);
  apply();
  el.append(label, text, button);
  return () => { model.off("change:value", apply); model.off("change:label", apply); };
}
export default { render };
"""


def safe_filename(name: str, ext: str = "") -> str:
    """A file name the browser may save: letters, digits, ``.``, ``_`` and ``-`` only.

    Anything else becomes ``-``; leading dots and dashes go (no hidden files, no options), at
    most 80 characters, ``download`` when nothing is left; `ext` is added when missing.

    Examples
    --------
    >>> safe_filename("../../etc/passwd")
    'etc-passwd'
    >>> safe_filename("Where the site's power goes", ".csv")
    'Where-the-site-s-power-goes.csv'
    >>> safe_filename("", ".png")
    'download.png'
    """
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", str(name)).lstrip("-.")
    if ext and stem.lower().endswith(ext.lower()):
        stem = stem[: -len(ext)]
    stem = stem[: _NAME_MAX - len(ext)].rstrip("-.") or "download"
    return stem + ext


class Downloads(anywidget.AnyWidget):
    """A row of buttons; a click calls the kernel's handler, which may `deliver` a file.

    ``page`` is the page's address without its query, reported by the browser when it draws the
    row (untrusted: check it before use, e.g. with `explorer.ui.cite.safe_link`).
    """

    _esm = traitlets.Unicode(_ESM).tag(sync=True)
    _css = traitlets.Unicode(CARD_CSS).tag(sync=True)
    buttons = traitlets.List(traitlets.Unicode()).tag(sync=True)
    context = traitlets.Unicode("").tag(sync=True)  # what the buttons are for (their aria-label)
    page = traitlets.Unicode("").tag(sync=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._handlers: dict[str, Callable[[], None]] = {}
        self.delivered: list[tuple[str, str, int]] = []  # (filename, mime, bytes) sent
        self.on_msg(self._on_message)

    def on_click(self, button: str, handler: Callable[[], None]) -> None:
        """Call `handler()` when the button labelled `button` is clicked."""
        self._handlers[button] = handler

    def click(self, button: str) -> None:
        """What a click in the browser does (also for tests)."""
        handler = self._handlers.get(button)
        if handler is not None:
            handler()

    def deliver(self, data: bytes | str, filename: str, mime: str) -> None:
        """Send a file to the browser, which saves it as `filename` (sanitised)."""
        raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        name = safe_filename(filename)
        kind = mime if mime in MIMES else "application/octet-stream"
        self.send({"event": "download", "filename": name, "mime": kind}, [raw])
        self.delivered.append((name, kind, len(raw)))

    def _on_message(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict) and content.get("event") == "click":
            button = content.get("button")
            if isinstance(button, str):
                self.click(button)


class CopyText(anywidget.AnyWidget):
    """A labelled read-only textarea with a Copy button."""

    _esm = traitlets.Unicode(_COPY_ESM).tag(sync=True)
    label = traitlets.Unicode("").tag(sync=True)
    value = traitlets.Unicode("").tag(sync=True)
