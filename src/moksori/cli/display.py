"""One status line per file: a file name can neither start a new line nor turn text around.

File names come from whoever made the folder. A newline in one would print a
second, forged status line ("✓ added"); a right-to-left override (U+202E) would
show ``txt.exe`` as ``exe.txt`` or reverse the rest of the line; ``[bold]`` would be
read as rich markup. Every name and message the CLI prints on a status line goes
through :func:`line`.
"""

from __future__ import annotations

import unicodedata

from rich.markup import escape as _markup_escape

# Directional marks, embeddings, overrides and isolates (Unicode bidi controls).
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\x1b": "\\e"}


def _visible(ch: str) -> str:
    if ch in _SHORT:
        return _SHORT[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _is_hidden(ch: str) -> bool:
    # Cc: C0/C1 controls and DEL; Zl/Zp: line and paragraph separators.
    return ch in BIDI_CONTROLS or unicodedata.category(ch) in ("Cc", "Zl", "Zp")


def line(text: str) -> str:
    """``text`` for one rich status line: hidden controls shown as escapes, markup inert."""
    shown = "".join(_visible(ch) if _is_hidden(ch) else ch for ch in text)
    return _markup_escape(shown)
