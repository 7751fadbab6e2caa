"""What an account that reads redacted views only (a viewer) may see, on every page."""

from __future__ import annotations

from moksori.access.sessions import Session
from moksori.project import Project
from moksori.protect.scrub import Scrubber
from moksori.web.context import Forbidden


class Redactor:
    """What an account that reads redacted views only may see.

    The redacted view of a document never scanned for personal data is its
    stored text, so such documents are withheld entirely (not shown as
    stored); speaker labels and memos are scrubbed of every known name.
    """

    def __init__(self, project: Project) -> None:
        self.deid = project.deid
        self.views = self.deid.views()
        self.unscanned = set(self.deid.findings.unscanned_documents())
        self._scrubber: Scrubber | None = None

    def readable(self, doc_id: int) -> bool:
        return doc_id not in self.unscanned

    def text(self, doc_id: int) -> str:
        self._check(doc_id)
        return self.views(doc_id).text

    def map_range(self, doc_id: int, start: int, end: int) -> tuple[int, int]:
        self._check(doc_id)
        return self.views(doc_id).map_range(start, end)

    def quote(self, doc_id: int, start: int, end: int) -> str:
        self._check(doc_id)
        return self.views.quote(doc_id, start, end)

    def hidden(self, doc_id: int, start: int, end: int) -> bool:
        """Whether [start, end) of the original lies wholly inside replaced text."""
        view = self.views(doc_id)
        return any(r.start <= start and end <= r.end for r in view.replacements)

    def scrub(self, text: str | None, prose: bool = False) -> str | None:
        if self._scrubber is None:
            self._scrubber = self.deid.scrubber()
        return self._scrubber.deep(text) if prose else self._scrubber(text)

    @staticmethod
    def label(doc_id: int) -> str:
        """File names and titles often carry the interviewee's name."""
        return f"document {doc_id}"

    def _check(self, doc_id: int) -> None:
        if doc_id in self.unscanned:
            raise Forbidden(
                f"document {doc_id} has not been scanned for personal data yet; "
                "it can be shown redacted once it has been scanned (moksori deid scan)"
            )


def reads_originals(session: Session) -> bool:
    """Owners and coders read stored text; viewers read redacted views only."""
    return session.user.can("code")
