"""What `add` will read: regular files only, opened so a swap cannot slip in anything else.

A folder handed over for ingest may hold a pipe (reading it waits forever), a link
to ``/dev/zero`` (reading it never ends) or a ``.txt`` link to ``/etc/passwd`` or a
private key. So every entry is checked with ``lstat`` (links are not followed unless
asked, and then only to regular files outside ``/dev``, ``/proc`` and ``/sys``), every
open uses ``O_NOFOLLOW | O_NONBLOCK`` and checks again with ``fstat`` what it opened
(the entry may have been swapped since it was listed), and no read takes more than
the size limit plus one byte.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from moksori.errors import FileTooLarge, IngestError

SYSTEM_ROOTS = ("/dev", "/proc", "/sys")  # never read, even through a followed link
FOLLOW_HINT = "add --follow-symlinks to read what it points to"
_CHUNK = 1 << 20


class NotRegularFile(IngestError):
    """A pipe, device, socket, folder or link where a file was expected."""


@dataclass(frozen=True)
class Entry:
    """A file `add` may read: ``path`` has no link in its last part."""

    path: Path
    size: int


def kind_of(mode: int) -> str:
    """What a non-regular entry is, in words a researcher knows."""
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    return "not a file"


def _not_regular(name: str, mode: int) -> NotRegularFile:
    return NotRegularFile(name, f"not a regular file ({kind_of(mode)}); skipped")


def is_system_path(path: str) -> bool:
    return any(path == root or path.startswith(root + "/") for root in SYSTEM_ROOTS)


def check_entry(path: Path, name: str, *, follow_symlinks: bool = False) -> Entry:
    """The regular file at ``path`` (a followed link becomes its real target).

    Raises :class:`NotRegularFile` (one line naming the file) for anything else.
    """
    try:
        st = os.lstat(path)
    except OSError as exc:
        raise IngestError(name, f"cannot read file ({exc.strerror})") from None
    if stat.S_ISREG(st.st_mode):
        if is_system_path(os.path.realpath(path)):  # /proc/self/environ is "regular"
            raise NotRegularFile(name, "a device or system file; skipped")
        return Entry(path, st.st_size)
    if not stat.S_ISLNK(st.st_mode):
        raise _not_regular(name, st.st_mode)
    if not follow_symlinks:
        raise NotRegularFile(name, f"a symbolic link, not followed; skipped ({FOLLOW_HINT})")
    target = os.path.realpath(path)
    if is_system_path(target):
        raise NotRegularFile(name, "a link to a device or system file; skipped")
    try:
        st = os.stat(target)
    except OSError:
        raise NotRegularFile(name, "a link to nothing (broken symbolic link); skipped") from None
    if not stat.S_ISREG(st.st_mode):
        raise NotRegularFile(name, f"a link to {kind_of(st.st_mode)}, not a file; skipped")
    return Entry(Path(target), st.st_size)


def _system_devices() -> set[int]:
    devices = set()
    for root in SYSTEM_ROOTS:
        try:
            devices.add(os.stat(root).st_dev)
        except OSError:
            pass
    return devices


def open_regular(path: Path, name: str) -> int:
    """A read-only descriptor of the regular file at ``path``, never of anything else.

    ``O_NOFOLLOW`` refuses a link swapped in after listing, ``O_NONBLOCK`` keeps a
    pipe from blocking the open, and ``fstat`` checks what was really opened.
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    flags |= getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if os.path.islink(path):
            raise NotRegularFile(name, "a symbolic link, not followed; skipped") from None
        raise IngestError(name, f"cannot read file ({exc.strerror})") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise _not_regular(name, st.st_mode)
        if st.st_dev in _system_devices():
            raise NotRegularFile(name, "a device or system file; skipped")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_regular(path: Path, name: str, max_bytes: int) -> bytes:
    """The bytes of the regular file at ``path``; never more than ``max_bytes`` + 1 read."""
    fd = open_regular(path, name)
    try:
        chunks: list[bytes] = []
        got = 0
        while got <= max_bytes:
            chunk = os.read(fd, min(_CHUNK, max_bytes + 1 - got))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
    except OSError as exc:
        raise IngestError(name, f"cannot read file ({exc.strerror})") from None
    finally:
        os.close(fd)
    if got > max_bytes:
        raise FileTooLarge(name, f"file is over the {max_bytes / 1e6:.0f} MB limit")
    return b"".join(chunks)
