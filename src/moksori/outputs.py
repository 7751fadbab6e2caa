"""Writing output files: private to their owner, and whole or not at all.

Exports, reports and written-back originals hold testimony in clear, so every
file the CLI or library writes goes through :func:`open_output`:

- it is created ``0600`` whatever the umask (directories we create: ``0700``);
- it is written under no name (Linux ``O_TMPFILE``) or, where that is not
  supported, under a hidden ``.NAME.moksori-part`` beside the target, and only
  renamed onto the target once complete and synced. A failure removes the
  temporary file; a run killed outright leaves nothing with ``O_TMPFILE``, and
  the hidden file of the fallback is removed by the next export to that name.

A target that exists and is not a regular file (``/dev/stdout``, a pipe) is
written in place: renaming over it would replace the device, not write to it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from moksori.errors import OutputError

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
PART_SUFFIX = ".moksori-part"
_LEGACY_PART = ".part"  # what the .qdpx export of earlier versions left behind
_O_TMPFILE: int | None = getattr(os, "O_TMPFILE", None)


def part_path(target: Path) -> Path:
    """The hidden name a file is written under before it becomes ``target``."""
    return target.with_name(f".{target.name}{PART_SUFFIX}")


def remove_stale_parts(target: Path) -> None:
    """Remove what a killed earlier run left while writing ``target``."""
    for stale in (part_path(target), target.with_name(f".{target.name}{_LEGACY_PART}")):
        with contextlib.suppress(FileNotFoundError):
            if stale.is_file() and not stale.is_symlink():
                stale.unlink()


def private_dir(path: str | Path) -> Path:
    """Create ``path`` and missing parents as ``0700``; an existing folder is left as it is."""
    path = Path(path)
    missing = []
    p = path
    while not p.exists():
        missing.append(p)
        if p.parent == p:
            break
        p = p.parent
    for d in reversed(missing):
        try:
            os.mkdir(d, PRIVATE_DIR)
        except FileExistsError:
            continue
        except OSError as exc:
            raise OutputError(f"cannot create folder {d} ({exc.strerror or exc})") from None
        os.chmod(d, PRIVATE_DIR)
    return path


def _is_special(path: Path) -> bool:
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        return False


def _open_unnamed(folder: Path) -> int | None:
    """A file with no name in ``folder`` (``O_TMPFILE``), or None where unsupported."""
    if _O_TMPFILE is None or not os.path.isdir("/proc/self/fd"):
        return None
    try:
        return os.open(folder, _O_TMPFILE | os.O_RDWR, PRIVATE_FILE)
    except OSError:
        return None  # the file system does not support it (EOPNOTSUPP, EISDIR, EINVAL)


def _name(fh: BinaryIO, part: Path) -> None:
    """Give the finished unnamed file the name ``part`` (then renamed onto the target).

    ``linkat(AT_SYMLINK_FOLLOW)`` on its /proc link, as open(2) documents; Python
    calls plain link() unless a directory fd is given, hence ``dst_dir_fd``. Where
    that fails, the bytes are copied to ``part`` instead.
    """
    folder = os.open(part.parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.link(f"/proc/self/fd/{fh.fileno()}", part.name, dst_dir_fd=folder, follow_symlinks=True)
        return
    except OSError:
        pass
    finally:
        os.close(folder)
    copy = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    with os.fdopen(copy, "wb") as out, open(fh.fileno(), "rb", closefd=False) as src:
        os.fchmod(out.fileno(), PRIVATE_FILE)
        src.seek(0)
        shutil.copyfileobj(src, out)
        out.flush()
        os.fsync(out.fileno())


@contextlib.contextmanager
def open_output(path: str | Path) -> Iterator[BinaryIO]:
    """A binary file to write ``path`` through; it appears only if the block succeeds."""
    target = Path(path)
    if _is_special(target):
        try:
            device = open(target, "wb")  # closed by the with below
        except OSError as exc:
            raise OutputError(f"cannot write {target} ({exc.strerror or exc})") from None
        with device:
            yield device
        return
    folder = target.parent if str(target.parent) else Path(".")
    part = part_path(target)
    try:
        remove_stale_parts(target)
        fd = _open_unnamed(folder)
        unnamed = fd is not None
        if fd is None:
            fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
        os.fchmod(fd, PRIVATE_FILE)
    except OSError as exc:
        raise OutputError(f"cannot write {target} ({exc.strerror or exc})") from None
    committed = False
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
            if unnamed:
                _name(fh, part)
        os.replace(part, target)
        committed = True
    except OSError as exc:
        raise OutputError(f"cannot write {target} ({exc.strerror or exc})") from None
    finally:
        if not committed:
            with contextlib.suppress(OSError):
                part.unlink()


def write_output(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path``, private and whole (see :func:`open_output`)."""
    with open_output(path) as fh:
        fh.write(data)
    return Path(path)


def write_text_output(path: str | Path, text: str) -> Path:
    """UTF-8 text with LF line ends, private and whole."""
    return write_output(path, text.encode("utf-8"))
