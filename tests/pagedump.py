"""Test tooling: turn a saved web page into the whole-page text dump a simple scraper writes.

The dump is what newsrooms hand briefcast as ``.txt`` when their scraper keeps everything:
the headline on the first line, then the page's visible text, one block element per line,
top to bottom: menus, banners, share buttons, captions, teasers, comments and footers
included. Not product code: the product reads dumps, it never makes them.
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html

# Never shown: code, styles, metadata, embedded documents, form option lists.
_INVISIBLE = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object",
              "canvas", "select", "option", "math"}
# Each of these starts and ends a line of the dump.
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section",
           "article", "header", "footer", "nav", "aside", "figure", "figcaption",
           "blockquote", "table", "tr", "td", "th", "dd", "dt", "dl", "form", "main", "pre",
           "address", "details", "summary", "body", "caption", "fieldset", "legend", "hr",
           "button", "label"}
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def page_title(tree: lxml.html.HtmlElement) -> str:
    """The headline a scraper stores: ``og:title``, else the first ``<h1>``, else ``<title>``."""
    for xpath in ('string(//meta[@property="og:title"]/@content)', "string(//h1)",
                  "string(//title)"):
        text = " ".join(str(tree.xpath(xpath)).split())
        if text:
            return text
    return ""


def page_dump(html: str) -> str:
    """The page as a scraper's plain-text export: title line, then one line per text block."""
    tree = lxml.html.document_fromstring(html)
    lines: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        text = " ".join("".join(buffer).split())
        if text:
            lines.append(text)
        buffer.clear()

    def walk(element: lxml.etree._Element) -> None:
        tag = element.tag.lower() if isinstance(element.tag, str) else None
        hidden = tag is None or tag in _INVISIBLE or element.get("hidden") is not None or bool(
            _HIDDEN.search(element.get("style") or ""))
        if not hidden:
            block = tag in _BLOCKS or tag == "br"
            if block:
                flush()
            buffer.append(element.text or "")
            for child in element:
                walk(child)
            if block:
                flush()
        buffer.append(element.tail or "")

    body = tree.find("body")
    walk(body if body is not None else tree)
    flush()
    return "\n".join([page_title(tree), *lines]) + "\n"
