"""Writing a file whole or not at all: a temporary file beside the target, renamed onto it only when
complete; on any failure nothing partial remains, and a full disk says how much room was needed."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from accountdesk.core.faults import DiskFullError, is_disk_full
from accountdesk.core.i18n import AccountDeskError


def _default_mode() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


_NEW_FILE_MODE = _default_mode()
# SQLite's companions of a file it writes: removed with a temporary database that failed.
SQLITE_SIDECARS = ("-journal", "-wal", "-shm")


def check_target(path: Path) -> None:
    """Refuse, before any work, a target that cannot become a file: a folder, or a missing folder."""
    if path.is_dir():
        raise AccountDeskError(f"“{path}”是一个文件夹；请给出要写入的文件名。",
                               f"'{path}' is a folder; give the name of the file to write.")
    if not path.parent.is_dir():
        raise AccountDeskError(f"无法写入“{path}”：文件夹“{path.parent}”不存在。",
                               f"Cannot write '{path}': the folder '{path.parent}' does not exist.")


def remove_partial(path: Path) -> None:
    """A temporary file and whatever SQLite kept beside it."""
    for leftover in (path, *(path.with_name(path.name + s) for s in SQLITE_SIDECARS)):
        with suppress(OSError):
            leftover.unlink(missing_ok=True)


@contextmanager
def written_whole(path: Path | str, *, needed: int | None = None) -> Iterator[Path]:
    """Yields a temporary path in the target's folder; it replaces `path` when the block ends without
    error, and is removed otherwise. `needed` (bytes) is what a full disk's message asks for; by
    default, what had been written when the disk filled."""
    path = Path(path)
    check_target(path)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    os.close(handle)
    partial = Path(name)
    try:
        # mkstemp makes the file private; the result gets the mode a plain new file would have.
        os.chmod(partial, path.stat().st_mode & 0o777 if path.exists() else _NEW_FILE_MODE)
        yield partial
        with partial.open("rb+") as written:
            os.fsync(written.fileno())
        os.replace(partial, path)
    except BaseException as error:
        reached = partial.stat().st_size if partial.exists() else 0
        remove_partial(partial)
        if is_disk_full(error):
            raise DiskFullError(path, needed or reached or None) from error
        raise


def write_whole_bytes(path: Path | str, data: bytes) -> None:
    """Write `data` to `path` whole or not at all."""
    with written_whole(path, needed=len(data)) as partial:
        partial.write_bytes(data)
