"""Every element of an imported project file is accounted for: imported, or skipped with a reason.

The importer marks each element it handles. What nobody marked at the end is
listed as skipped ("not imported"), so an empty ``skipped`` in the report
really means nothing in the file was lost, whatever a producer put there.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from lxml import etree

from moksori.interop.refi import local_name

# What carries content a researcher could miss; properties (Description, CodeRef,
# NoteRef, PlainTextContent) travel with their element.
TRACKED = frozenset(
    {
        "User", "Code", "Variable", "Case", "VariableValue", "SourceRef", "SelectionRef",
        "TextSource", "PDFSource", "PictureSource", "AudioSource", "VideoSource",
        "Transcript", "PlainTextSelection", "PDFSelection", "PictureSelection",
        "AudioSelection", "VideoSelection", "TranscriptSelection", "Coding", "Note",
        "Link", "Set", "MemberCode", "MemberSource", "MemberNote", "Graph",
    }
)  # fmt: skip
UNHANDLED = "not imported (moksori has no rule for it)"


class Ledger:
    """The elements handled so far (held, so lxml keeps one proxy per element)."""

    def __init__(self, root: etree._Element) -> None:
        self.root = root
        self.seen: set[etree._Element] = set()

    def mark(self, *els: etree._Element) -> None:
        self.seen.update(els)

    def skip_tree(
        self, el: etree._Element, report: Any, where: str, reason: str | None = None
    ) -> None:
        """``el`` is skipped as a whole (reported as ``reason``, unless the caller already
        did): what it holds is skipped with it, each "<kind> in <where>"."""
        if reason is not None:
            report.skip(reason)
        self.seen.add(el)
        for inner in el.iter():
            if inner is el or not isinstance(inner.tag, str) or inner in self.seen:
                continue
            kind = local_name(inner)
            if kind in TRACKED:
                self.seen.add(inner)
                report.skip(f"{kind} in {where}")

    def close(self, report: Any) -> Counter[str]:
        """Count the file's elements by kind; any nobody handled is reported as skipped."""
        found: Counter[str] = Counter()
        for el in self.root.iter():
            if not isinstance(el.tag, str):
                continue
            kind = local_name(el)
            if kind not in TRACKED:
                continue
            found[kind] += 1
            if el not in self.seen:
                report.skip(f"{kind}: {UNHANDLED}")
        return found
