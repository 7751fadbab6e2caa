"""One canonical text form for storage, search and offsets.

All offsets in the project refer to normalised text, so this must be
deterministic and idempotent. The rule: text is kept as written, only its
encoding of line ends and composition is unified.

- A BOM at the very start goes (it marks the encoding, not the text).
- CR and CRLF become LF; VT, FF, NEL, U+2028 and U+2029 are line ends too (1:1 LF).
- Other C0/C1 control codes become a space (1:1): XML exports cannot carry them,
  and a space keeps the words on either side apart.
- The Wingdings/Symbol private-use bullets of HWP and Word map 1:1 to their
  Unicode look-alikes (:data:`PUA_SYMBOLS`).
- Everything else is kept: zero-width space and joiners, word joiner, a BOM
  inside the text, soft hyphen, variation selectors, other private-use characters
  (an HWP file's old hangul lives there). A ZWJ emoji stays one emoji and a ZWSP
  between two words keeps them two words; detection and search read past these
  characters themselves (protect.visible, korean.terms).
- Then NFC.
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

BOM = "\ufeff"
_LINE_ENDS = (0x0B, 0x0C, 0x0085, 0x2028, 0x2029)  # vertical tab, form feed, NEL, LS, PS
_CRLF = re.compile(r"\r\n?")


def _build_table() -> dict[int, str]:
    table: dict[int, str] = dict(PUA_SYMBOLS)
    for cp in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)):
        if chr(cp) not in "\t\n\r":
            table[cp] = " "
    for cp in _LINE_ENDS:
        table[cp] = "\n"
    return table


# Character replacements of `normalise` (each 1:1; CR/CRLF and a leading BOM are
# handled apart), public for code that maps positions through it.
REPLACEMENTS = _build_table()
_NEEDS_REPLACING = re.compile(
    "[" + "".join(re.escape(chr(cp)) for cp in sorted(REPLACEMENTS)) + "]"
)


def normalise(text: str) -> str:
    """Return the canonical form of ``text`` (idempotent).

    Replacements are 1:1 and run before NFC, so NFC sees the final characters.
    """
    # Each step copies the text, so it runs only when needed: a file can be
    # hundreds of megabytes, mostly already in canonical form.
    if text.startswith(BOM):
        text = text.lstrip(BOM)  # all of a doubled BOM, so a second pass has nothing left
    if "\r" in text:  # first, so a CR before a NEL or VT stays a line end of its own
        text = _CRLF.sub("\n", text)
    if _NEEDS_REPLACING.search(text):
        text = text.translate(REPLACEMENTS)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text
