"""One exception hierarchy, with messages a researcher can act on.

The CLI prints ``str(error)`` as a single line. Messages must never contain
passphrases, keys or personal data from documents.
"""

from __future__ import annotations


class MoksoriError(Exception):
    """Base of every error moksori raises on purpose."""


class ProjectError(MoksoriError):
    """The project file cannot be used as asked."""


class ProjectNotFound(ProjectError):
    pass


class ProjectExists(ProjectError):
    pass


class WrongPassphrase(ProjectError):
    pass


class SchemaTooNew(ProjectError):
    pass


class PassphraseMissing(ProjectError):
    pass


class WeakPassphrase(ProjectError):
    """A new project, vault or shared copy asked for a passphrase too short to resist guessing."""


class OutputError(MoksoriError):
    """An export or other output file cannot be written. The message names the file."""


class AuditError(MoksoriError):
    """A use case tried to write something the audit trail must not hold (a bug)."""


class NotFound(MoksoriError):
    """A document, segment or other record does not exist."""


class QueryError(MoksoriError):
    """A search query cannot be parsed."""


class IngestError(MoksoriError):
    """A file cannot be ingested. The message names the file."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")

    def __reduce__(self) -> tuple[type[IngestError], tuple[str, str]]:
        # Errors travel back from worker processes; pickle the two fields.
        return (type(self), (self.source, self.reason))


class UnsupportedFormat(IngestError):
    pass


class EmptyFile(IngestError):
    pass


class NotText(IngestError):
    """Binary content where text was expected."""


class CorruptFile(IngestError):
    pass


class EncryptedFile(IngestError):
    """Password-protected documents cannot be read."""


class FileTooLarge(IngestError):
    pass


class UnsafeFile(IngestError):
    """Zip bombs, XML entity attacks and the like."""


class NoTextLayer(IngestError):
    pass


class Undecodable(IngestError):
    """Text whose encoding cannot be told apart from damage: kept as bytes, never read."""


# --- coding workflow --------------------------------------------------------
class CodingError(MoksoriError):
    """A codebook, coding, case, memo or reliability request cannot be carried out."""


class UnknownCode(NotFound):
    pass


class UnknownCoder(NotFound):
    pass


class UnknownCase(NotFound):
    pass


class RangeOutsideDocument(CodingError):
    """A coding or link range does not fit the document's text."""


class CodebookConflict(CodingError):
    """A name is taken, a move would make a cycle, a code still has codings, …"""


class AttributeValueError(CodingError):
    """A value does not fit its attribute's type. Import errors name the row and column."""


class MergeError(CodingError):
    """Two projects cannot be merged (passphrase, schema version, conflicts)."""


# --- de-identification --------------------------------------------------------
class DeidError(MoksoriError):
    """A de-identification request cannot be carried out."""


class VaultError(DeidError):
    """The key vault cannot be used: missing, malformed, wrong passphrase, other project."""


class WrongVaultPassphrase(VaultError):
    pass


class VaultMismatch(VaultError):
    """The vault belongs to another project."""


class KnownNamesError(DeidError):
    """A known-names entry is empty, duplicated or conflicting."""


class UnreviewedFindings(DeidError):
    """An export would run while findings still await review."""


class ModelMissing(DeidError):
    """The shipped de-identification model is missing or damaged: the scan refuses to run."""


class UnknownEntity(NotFound):
    pass
