"""The pack's page machinery: the print stylesheet, a page, an escaped table, and the notebooks'
small Markdown subset as HTML."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

_CSS = """
body { font-family: Georgia, serif; max-width: 46em; margin: 2em auto; line-height: 1.45; }
h1, h2, h3 { font-family: Helvetica, Arial, sans-serif; }
table { border-collapse: collapse; width: 100%; margin: 1em 0; }
th, td { border: 1px solid #888; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
.blank { border-bottom: 1px solid #000; height: 2.2em; margin-bottom: 0.6em; }
.box { border: 2px solid #000; padding: 0.2em 0.8em; margin: 1em 0; }
.fold { border-top: 2px dashed #000; margin: 1.5em 0; padding-top: 0.3em; }
code { font-size: 0.95em; }
@media print { a { color: black; text-decoration: none; } .noprint { display: none; }
  section { page-break-inside: avoid; } .fold { page-break-after: always; } }
"""


def html_page(title: str, body: str) -> str:
    """A whole HTML page: the title as its heading, the print stylesheet, the body."""
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head>\n"
        f"<body>\n<h1>{html.escape(title)}</h1>\n{body}\n</body></html>\n"
    )


def html_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """An HTML table of escaped text: a header row, then the rows."""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>\n" for r in rows
    )
    return f"<table><tr>{head}</tr>\n{body}</table>\n"


def printed_html(details: str) -> str:
    """HTML with its closed <details> opened as headed sections, for paper."""
    details = re.sub(r"<details><summary>(.*?)</summary>", r"<h4>\1</h4>", details)
    return details.replace("</details>", "")


def inline_html(text: str) -> str:
    """One paragraph of the notebooks' small Markdown subset (bold, italic, code, anchors) as
    HTML, its line breaks joined."""
    inline = html.escape(" ".join(text.split()), quote=False)
    inline = re.sub(r'&lt;a id="([\w-]+)"&gt;&lt;/a&gt;', r"<a id='\1'></a>", inline)
    inline = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", inline)
    inline = re.sub(r"\*(.+?)\*", r"<i>\1</i>", inline)
    return re.sub(r"`(.+?)`", r"<code>\1</code>", inline)


def markdown_html(text: str) -> str:
    """The glossary's small Markdown subset (headings, paragraphs, bold, italic, code) as HTML;
    its inline anchors are kept."""
    out = []
    for block in re.split(r"\n\s*\n", text.strip()):
        inline = inline_html(block)
        m = re.match(r"(#+) (.*)", inline)
        if m:
            level = min(len(m[1]) + 1, 4)
            out.append(f"<h{level}>{m[2]}</h{level}>")
        else:
            out.append(f"<p>{inline}</p>")
    return "\n".join(out[1:])  # the page supplies its own title
