"""One canonical text form for storage, search and offsets.

All offsets in the project refer to normalised text, so this must be
deterministic and idempotent: NFC, LF line ends, no BOM or invisible
characters, no control codes except tab and newline, and no private-use
characters (HWP and Word put font-specific symbols there).
"""

from __future__ import annotations

import re
import unicodedata

# Symbol / Wingdings glyphs that HWP and Word exports carry as U+F0xx
# private-use characters (mostly list bullets), mapped to their Unicode look-alikes.
PUA_SYMBOLS: dict[int, str] = {
    0xF06C: "●",  # Wingdings l: black circle
    0xF06E: "■",  # Wingdings n: black square
    0xF06F: "□",  # Wingdings o: white square
    0xF071: "❑",  # Wingdings q
    0xF075: "◆",  # Wingdings u: black diamond
    0xF076: "❖",  # Wingdings v
    0xF0A7: "▪",  # Wingdings §: small black square (common Word bullet)
    0xF0B7: "•",  # Symbol bullet (the default Word/HWP bullet)
    0xF0D8: "➢",  # Wingdings Ø: arrowhead bullet
    0xF0FB: "✗",  # Wingdings ballot x
    0xF0FC: "✓",  # Wingdings check mark
    0xF0AE: "→",  # Symbol arrowright
    0xF0DE: "⇒",  # Symbol arrowdblright
    0xF0B4: "×",  # Symbol multiply
    0xF0B0: "°",  # Symbol degree
    0xF0B1: "±",  # Symbol plusminus
}

_ZERO_WIDTH = (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD)
_LINE_SEPARATORS = (0x2028, 0x2029, 0x0085)
_PUA = range(0xE000, 0xF900)
_CRLF = re.compile(r"\r\n?")


def _build_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {cp: None for cp in _PUA}
    table.update(PUA_SYMBOLS)
    for cp in _ZERO_WIDTH:
        table[cp] = None
    for cp in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)):
        if chr(cp) not in "\t\n\r":
            # A space keeps words on either side of a stray control apart.
            table[cp] = " "
    for cp in (0x0B, 0x0C, *_LINE_SEPARATORS):  # vertical tab, form feed
        table[cp] = "\n"
    return table


# Character replacements of `normalise`, public for code that maps positions through it.
REPLACEMENTS = _build_table()
_NEEDS_REPLACING = re.compile(
    "["
    + "".join(re.escape(chr(cp)) for cp in sorted(REPLACEMENTS) if cp not in _PUA)
    + "\ue000-\uf8ff]"
)


def normalise(text: str) -> str:
    """Return the canonical form of ``text`` (idempotent).

    Character replacements run before NFC so that removing an invisible
    character between two combining pieces cannot leave an uncomposed pair.
    """
    # Each step copies the text, so it runs only when needed: a file can be
    # hundreds of megabytes, mostly already in canonical form.
    if _NEEDS_REPLACING.search(text):
        text = text.translate(REPLACEMENTS)
    if "\r" in text:
        text = _CRLF.sub("\n", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text
