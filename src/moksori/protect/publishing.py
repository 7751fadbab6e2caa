"""What the project lets out, and how: the redaction policy, the shared list,
the k threshold, redacted exports and the shareable copy.

Each change is a use case audited in its own transaction, as the caller
names (``actor``) or else as the project's actor, so the CLI and the web
leave the same trail.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path

from moksori.protect import policy as policy_store
from moksori.protect import shared_list as shared_store
from moksori.protect.export import FORMATS, ExportReport, export_documents
from moksori.protect.policy import Policy
from moksori.protect.publish import ShareOptions
from moksori.protect.share import ShareReport, share
from moksori.protect.shared_list import SharedList
from moksori.protect.vault import Vault
from moksori.store.database import Connection, create_keyed
from moksori.store.schema import migrate

__all__ = ["FORMATS", "Publishing", "ShareOptions", "share_project"]


class Publishing:
    def __init__(self, conn: Connection, actor: str | None = None) -> None:
        self.conn = conn
        self.actor = actor

    def _who(self, actor: str | None) -> str | None:
        return actor if actor is not None else self.actor

    # --- the policy and the shared list -------------------------------------------
    def policy(self) -> Policy:
        return policy_store.load(self.conn)

    def set_policy(self, type_: str, action: str, *, actor: str | None = None) -> Policy:
        return policy_store.set_action(self.conn, type_, action, actor=self._who(actor))

    def shared_list(self) -> SharedList:
        return shared_store.load(self.conn)

    def change_shared_list(
        self, phrase: str, *, allow: bool, actor: str | None = None
    ) -> SharedList:
        return shared_store.change(self.conn, phrase, allow=allow, actor=self._who(actor))

    # --- the k threshold --------------------------------------------------------------
    def k_threshold(self) -> int:
        return policy_store.k_threshold(self.conn)

    def set_k_threshold(self, k: int, *, actor: str | None = None) -> int:
        return policy_store.set_k_threshold(self.conn, k, self._who(actor))

    # --- outputs ------------------------------------------------------------------------
    def export(
        self,
        doc_ids: Sequence[int],
        out_dir: Path,
        fmt: str,
        *,
        unreviewed: int = 0,
        actor: str | None = None,
    ) -> ExportReport:
        """Redacted documents as files (txt, docx, html); audited as DEID_EXPORT."""
        return export_documents(
            self.conn, list(doc_ids), out_dir, fmt, actor=self._who(actor), unreviewed=unreviewed
        )

    def share(
        self, out: Path, passphrase: str, vault: Vault | None, options: ShareOptions
    ) -> ShareReport:
        """The redacted, shareable copy in a new encrypted file; audited as DEID_SHARE."""
        if options.actor is None:
            options.actor = self.actor
        report: ShareReport = share_project(self.conn, out, passphrase, vault, options)
        return report


def share_project(
    conn: Connection,
    out: Path,
    passphrase: str,
    vault: Vault | None,
    options: ShareOptions | None = None,
) -> ShareReport:
    """Write the redacted, shareable copy of a project to a new encrypted file.

    ``options``: attributes withheld or generalised, risk accepted; the copy is
    refused below the project's k without one. A failed copy leaves no file.
    """
    db = create_keyed(out, passphrase)
    try:
        migrate(db.conn)
        return share(conn, db.conn, vault, out, options)
    except BaseException:
        db.conn.close()
        for p in (out, Path(f"{out}-wal"), Path(f"{out}-shm")):
            p.unlink(missing_ok=True)
        raise
    finally:
        with contextlib.suppress(Exception):
            db.conn.close()
