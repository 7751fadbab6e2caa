"""Taguette's stored HTML as plain text, with its UTF-8 byte offsets mapped.

Taguette counts a highlight's start and end in UTF-8 bytes of the HTML's text
content (every text node, tags not counted). The text is built as a browser
shows it (paragraphs and ``<br>`` as line breaks, markup whitespace collapsed)
with, for every byte offset, the position it lands on in that text.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

_BLOCKS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 ul ol li dl dt dd blockquote pre table caption thead tbody "
    "tfoot tr section article header footer address figure hr".split()
)
_CELLS = frozenset({"td", "th"})
_HIDDEN = frozenset({"script", "style", "head", "title", "template"})
_SPACE = " \t\n\f"


@dataclass
class HtmlText:
    """Plain text of a Taguette document; lo/hi take a byte offset to a text position."""

    text: str
    lo: list[int]  # byte offset -> position, for a highlight start
    hi: list[int]  # byte offset -> position, for a highlight end

    @property
    def size(self) -> int:
        return len(self.lo) - 1


class _TextBuilder(HTMLParser):
    """Walks the HTML as html5lib tokenises it and emits the text a reader sees."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.lo: list[int] = []
        self.hi: list[int] = [0]
        self.hidden = 0
        self.pre = 0
        self.after_pre = False

    def _line_start(self) -> bool:
        return not self.out or self.out[-1] == "\n"

    def _insert(self, ch: str) -> None:  # text of our own, covering no Taguette byte
        self.out.append(ch)

    def _newline(self) -> None:
        if not self._line_start():
            self._insert("\n")

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "br":
            if not (len(self.out) >= 2 and self.out[-1] == self.out[-2] == "\n"):
                self._insert("\n")
        elif tag in _BLOCKS:
            self._newline()
            if tag == "pre":
                self.pre += 1
                self.after_pre = True  # html5lib drops a newline right after <pre>
        elif tag in _CELLS and not self._line_start():
            self._insert("\t")

    def handle_startendtag(self, tag: str, attrs: Any) -> None:
        if tag == "br" or tag in _BLOCKS:
            self.handle_starttag(tag, attrs)
            if tag == "pre":
                self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            if tag == "pre":
                self.pre = max(0, self.pre - 1)
            self._newline()

    def handle_data(self, data: str) -> None:
        if self.after_pre and data.startswith("\n"):
            data = data[1:]
        self.after_pre = False
        for ch in data:
            n = len(ch.encode("utf-8"))
            here = len(self.out)
            keep = not self.hidden
            if keep and not self.pre and ch in _SPACE:
                keep = not self._line_start() and self.out[-1] not in _SPACE
                ch = " "
            if keep:
                self.out.append(ch)
                self.lo += [here] * n
                self.hi += [here + 1] * n
            else:  # counted by Taguette, not shown: both ends go to the next shown text
                self.lo += [here] * n
                self.hi += [here] * n


def html_text(html: str) -> HtmlText:
    """The text of Taguette's stored HTML and the map from its byte offsets."""
    builder = _TextBuilder()
    builder.feed(html.replace("\r\n", "\n").replace("\r", "\n"))  # as html5lib's input stream
    builder.close()
    builder.lo.append(len(builder.out))
    return HtmlText("".join(builder.out), builder.lo, builder.hi)
