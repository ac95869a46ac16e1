"""Faults a person can meet that are not our own checks: a full disk, a damaged, locked or read-only
file, a folder where a file was meant, a server out of reach. Each becomes a message that names
the file and what to do; anything else is unexpected and is for the log."""

from __future__ import annotations

import errno
import re
import shutil
import sqlite3
from pathlib import Path

from accountdesk.core.i18n import AccountDeskError, Message
from accountdesk.core.storage.credentials import public_address, scrub

_DISK_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
# Characters a terminal or a cell would act on rather than show (C0 and C1 controls, DEL).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class DiskFullError(AccountDeskError):
    """A write ran out of space; what was half-written has been removed."""

    def __init__(self, target: Path | str, needed: int | None = None) -> None:
        self.target = Path(target)
        self.needed = needed
        folder = _existing_folder(self.target)
        free = _free_bytes(folder)
        need_zh = f"约需 {megabytes(needed)}，" if needed else ""
        need_en = f"it needs about {megabytes(needed)}; " if needed else ""
        free_zh = f"现有可用空间 {megabytes(free)}。" if free is not None else ""
        free_en = f"{megabytes(free)} are free. " if free is not None else ""
        more = max(needed - free, 0) if needed and free is not None else None
        ask_zh = f"请至少腾出 {megabytes(more)} 后重试" if more else "请腾出空间后重试"
        ask_en = f"Free at least {megabytes(more)} and try again" if more else "Free some space and try again"
        super().__init__(
            f"“{folder}”所在的磁盘已满，无法写入“{self.target.name}”：{need_zh}{free_zh}{ask_zh}。"
            "没有留下写了一半的文件。",
            f"The disk holding '{folder}' is full, so '{self.target.name}' could not be written: {need_en}{free_en}"
            f"{ask_en}. No half-written file was left behind.",
        )


def megabytes(size: int | None) -> str:
    if size is None:
        return "?"
    return f"{max(size, 0) / (1024 * 1024):,.1f} MB"


def _existing_folder(path: Path) -> Path:
    folder = path if path.is_dir() else path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def _free_bytes(folder: Path) -> int | None:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


# SQLite reports some writes that ran out of room (its write-ahead log, its shared memory) only as
# a "disk I/O error"; with less than this free beside the file, that is a full disk.
_NEARLY_FULL_BYTES = 1024 * 1024


def is_disk_full(error: BaseException, target: str | Path | None = None) -> bool:
    """ENOSPC from the operating system, or SQLite's SQLITE_FULL, however wrapped; SQLite's I/O
    error on `target` when its disk is (nearly) full."""
    for cause in _chain(error):
        if isinstance(cause, OSError) and cause.errno in _DISK_FULL_ERRNOS:
            return True
        if isinstance(cause, sqlite3.Error) and "database or disk is full" in str(cause):
            return True
        if isinstance(cause, sqlite3.Error) and "disk I/O error" in str(cause) and target is not None \
                and "://" not in str(target):
            free = _free_bytes(_existing_folder(Path(target)))
            if free is not None and free < _NEARLY_FULL_BYTES:
                return True
    return False


def is_damage(error: BaseException) -> bool:
    """SQLite found the file damaged ("malformed", "not a database") while reading it."""
    return any(isinstance(cause, sqlite3.DatabaseError) and any(
        words in str(cause) for words in ("malformed", "file is not a database", "file is encrypted"))
        for cause in _chain(error))


def damage_detail(error: BaseException) -> str:
    for cause in _chain(error):
        if isinstance(cause, sqlite3.DatabaseError):
            return str(cause)
    return str(error)


def _chain(error: BaseException):
    seen = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        orig = getattr(current, "orig", None)  # SQLAlchemy's DBAPIError wraps the driver's error
        current = orig if isinstance(orig, BaseException) else (current.__cause__ or current.__context__)


def visible(text: str) -> str:
    """Text as it may be printed: control characters shown as their pictures (␛, ␀), never sent raw."""
    def picture(match: re.Match[str]) -> str:
        code = ord(match[0])
        if code < 0x20:
            return chr(0x2400 + code)
        return "\u2421" if code == 0x7F else "\ufffd"

    return CONTROL_CHARACTERS.sub(picture, text)


def describe(error: BaseException, target: str | Path | None = None) -> Message | None:
    """The message a person reads for `error` (met while working on `target`), or None when the
    error is unexpected: a bug, whose traceback belongs in the log."""
    if isinstance(error, AccountDeskError):
        return error.message
    where = str(target) if target is not None else None
    for cause in _chain(error):
        message = _describe_one(cause, where)
        if message is not None:
            return message
    return None


def _describe_one(error: BaseException, where: str | None) -> Message | None:
    if isinstance(error, AccountDeskError):
        return error.message
    if isinstance(error, OSError) and not isinstance(error, sqlite3.Error):
        return _describe_os_error(error, where)
    if isinstance(error, sqlite3.Error):
        return _describe_sqlite_error(error, where)
    if isinstance(error, MemoryError):
        return Message(
            "内存不足，操作未完成，没有写入任何数据。请关闭其他程序后重试，或把文件拆小。",
            "There is not enough memory; the action did not finish and nothing was written. Close other "
            "programs and try again, or split the file.",
        )
    name = type(error).__name__
    module = type(error).__module__ or ""
    if module.startswith("psycopg") and name in {"OperationalError", "InterfaceError"}:
        return server_unreachable(where, error)
    if module.startswith("sqlalchemy") and name in {"ArgumentError", "NoSuchModuleError"}:
        return bad_address(where or "", str(error))
    return None


def _describe_os_error(error: OSError, where: str | None) -> Message | None:
    name = error.filename or where or ""
    if error.errno in _DISK_FULL_ERRNOS:
        return DiskFullError(Path(name) if name else Path.cwd()).message
    if isinstance(error, IsADirectoryError):
        return Message(f"“{name}”是一个文件夹，不是文件。请给出文件的路径。",
                       f"'{name}' is a folder, not a file. Give the path of a file.")
    if isinstance(error, NotADirectoryError):
        return Message(f"“{name}”的路径中有一段不是文件夹。请检查路径。",
                       f"Part of the path '{name}' is not a folder. Check the path.")
    if isinstance(error, FileNotFoundError):
        return Message(f"找不到文件或文件夹：“{name}”。请检查路径。",
                       f"File or folder not found: '{name}'. Check the path.")
    if isinstance(error, PermissionError):
        return Message(f"没有权限访问“{name}”。请检查文件和文件夹的权限，或换一个位置。",
                       f"No permission to use '{name}'. Check the permissions of the file and its folder, "
                       "or choose another place.")
    if error.errno == errno.EROFS:
        return Message(f"“{name}”位于只读的磁盘或共享上，无法写入。请换一个可写的位置。",
                       f"'{name}' is on a read-only disk or share and cannot be written. Choose a writable place.")
    if error.errno == errno.EIO:
        return Message(f"读写“{name}”时磁盘出错（输入/输出错误）。请检查磁盘、U 盘或网络共享是否仍然连接。",
                       f"The disk reported an input/output error on '{name}'. Check that the disk, USB drive "
                       "or network share is still connected.")
    strerror = error.strerror or str(error)
    return Message(f"无法读写“{name}”：{strerror}。", f"Cannot read or write '{name}': {strerror}.")


def _describe_sqlite_error(error: sqlite3.Error, where: str | None) -> Message | None:
    text = str(error)
    name = where or "?"
    if "database or disk is full" in text:
        return DiskFullError(Path(name)).message
    if "malformed" in text or "file is not a database" in text or "file is encrypted" in text:
        return damaged_message(name, text)
    if "readonly database" in text:
        return Message(
            f"数据库“{name}”无法写入：文件或其所在文件夹是只读的（若旁边有“-journal”文件，SQLite 需要在该文件夹中写入才能完成上次中断的保存）。"
            "请把数据库连同它旁边的 -journal/-wal 文件一起复制到可写的文件夹后再打开；不要删除这些文件。",
            f"The database '{name}' cannot be written: the file or its folder is read-only (if a '-journal' file "
            "lies beside it, SQLite must write in that folder to finish an interrupted save). Copy the database "
            "together with its -journal/-wal files to a writable folder and open it there; do not delete those files.",
        )
    if "unable to open database file" in text:
        return Message(
            f"无法打开数据库“{name}”：文件夹不存在、不可写，或它是一个文件夹。请检查路径和权限。",
            f"Cannot open the database '{name}': its folder is missing or not writable, or it is a folder. "
            "Check the path and the permissions.",
        )
    if "database is locked" in text or "database table is locked" in text:
        return Message(
            f"数据库“{name}”正被其他人或程序使用（已等待仍未释放）。请稍后重试。",
            f"The database '{name}' is in use by someone or something else (the wait ran out). Try again shortly.",
        )
    if "disk I/O error" in text:
        if where is not None and is_disk_full(error, where):
            return DiskFullError(Path(where)).message
        return Message(
            f"读写数据库“{name}”时磁盘出错。请检查磁盘、U 盘或网络共享是否仍然连接；数据库没有写入一半的修改。",
            f"The disk reported an error reading or writing '{name}'. Check that the disk, USB drive or network "
            "share is still connected; no change was half-written.",
        )
    return None


def damaged_message(name: str | Path, detail: str = "", backup: Path | str | None = None) -> Message:
    """A damaged database: named as damaged, with the newest verified backup when there is one."""
    detail_part = f"（{detail}）" if detail else ""
    detail_en = f" ({detail})" if detail else ""
    if backup is not None:
        zh_backup = f"最近一份完好的备份是“{backup}”，可用 accountdesk restore 恢复它"
        en_backup = f"The newest verified backup is '{backup}'; restore it with 'accountdesk restore'"
    else:
        zh_backup = "没有找到完好的备份；可用 accountdesk export 把还能读出的记录导出"
        en_backup = "No verified backup was found; export what can still be read with 'accountdesk export'"
    return Message(
        f"数据库“{name}”已损坏{detail_part}。{zh_backup}。损坏的文件未作任何改动。",
        f"The database '{name}' is damaged{detail_en}. {en_backup}. The damaged file was left unchanged.",
    )


def bad_address(address: str, detail: str = "") -> Message:
    return Message(
        f"无法识别数据库地址“{address}”（{detail}）。请给出一个数据库文件的路径，或 postgresql://用户@主机:端口/数据库 形式的地址。",
        f"The database address '{address}' is not understood ({detail}). Give the path of a database file or "
        "a URL of the form postgresql://user@host:port/database.",
    )


def server_unreachable(where: str | None, error: BaseException) -> Message:
    where = public_address(where) if where else where
    detail = scrub(str(error).strip().splitlines()[0]) if str(error).strip() else type(error).__name__
    return Message(
        f"无法连接数据库服务器“{where or ''}”（{detail}）。请检查网络、服务器地址和端口，以及服务器是否在运行。",
        f"Cannot reach the database server '{where or ''}' ({detail}). Check the network, the server's address "
        "and port, and that the server is running.",
    )
