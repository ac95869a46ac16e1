"""Where a database file lives: network shares and sync folders, and what each means for safety."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePath, PureWindowsPath

from accountdesk.core.i18n import Message
from accountdesk.core.storage.sqlite_file import read_sqlite_facts

# File systems that reach another machine. WAL needs shared memory between every process
# using the file, which a network filesystem cannot give (SQLite documentation, "WAL").
NETWORK_FILESYSTEMS = frozenset({
    "cifs", "smb", "smb2", "smb3", "smbfs", "nfs", "nfs3", "nfs4", "afs", "ncpfs", "9p",
    "ceph", "glusterfs", "lustre", "gpfs", "davfs", "webdav", "afpfs", "ocfs2", "beegfs",
    "fuse.sshfs", "sshfs", "fuse.davfs2", "fuse.glusterfs", "fuse.cephfs", "fuse.rclone",
    "fuse.s3fs", "fuse.gcsfuse", "fuse.smbnetfs",
})

DRIVE_REMOTE = 4  # GetDriveTypeW: a network drive


@dataclass(frozen=True)
class Mount:
    """One line of the mount table: which file system serves which folder."""

    device: str
    point: str
    fstype: str


@dataclass(frozen=True)
class LocationWarning:
    """Something about where the file lives that the user should know before working in it."""

    kind: str  # "network" | "sync"
    place: str  # e.g. "cifs mount //server/team at /mnt/team", "Dropbox"
    message: Message
    # True when switching the file to team mode (`accountdesk share on`) is the remedy.
    offer_shared_mode: bool = False


# --- reading the mount table ------------------------------------------------------------------

_OCTAL_ESCAPE = re.compile(r"\\([0-7]{3})")


def _unescape_proc(field: str) -> str:
    # /proc/mounts writes a space as \040, a tab as \011, a backslash as \134.
    return _OCTAL_ESCAPE.sub(lambda m: chr(int(m.group(1), 8)), field)


def parse_proc_mounts(text: str) -> list[Mount]:
    mounts = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 3:
            mounts.append(Mount(_unescape_proc(parts[0]), _unescape_proc(parts[1]), parts[2].lower()))
    return mounts


_MAC_MOUNT_LINE = re.compile(r"^(?P<device>.+?) on (?P<point>.+) \((?P<fstype>[^,)]+)")


def parse_mount_output(text: str) -> list[Mount]:
    """The output of macOS/BSD `mount`: "//user@server/share on /Volumes/share (smbfs, nodev, …)"."""
    mounts = []
    for line in text.splitlines():
        match = _MAC_MOUNT_LINE.match(line.strip())
        if match:
            mounts.append(Mount(match["device"], match["point"], match["fstype"].strip().lower()))
    return mounts


def system_mounts(platform: str | None = None) -> list[Mount]:
    """The mount table of this machine; empty where it cannot be read (never an error)."""
    platform = platform or sys.platform
    try:
        if platform.startswith("linux"):
            return parse_proc_mounts(Path("/proc/mounts").read_text(encoding="utf-8", errors="replace"))
        if platform == "darwin" or "bsd" in platform:
            output = subprocess.run(["mount"], capture_output=True, text=True, timeout=5, check=False).stdout
            return parse_mount_output(output)
    except (OSError, subprocess.SubprocessError):
        pass
    return []


def mount_of(path: PurePath, mounts: Iterable[Mount]) -> Mount | None:
    """The mount serving `path`: the one with the longest mount point above it."""
    best: Mount | None = None
    text = str(path)
    for mount in mounts:
        point = mount.point.rstrip("/") or "/"
        inside = text == point or text.startswith(point if point == "/" else point + "/")
        if inside and (best is None or len(point) > len(best.point.rstrip("/") or "/")):
            best = mount
    return best


def windows_drive_type(root: str) -> int | None:
    """GetDriveTypeW for a drive root such as "Z:\\"; None when not on Windows."""
    if sys.platform != "win32":
        return None
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined]


# --- network locations ------------------------------------------------------------------------


def is_unc_path(path: str | PurePath) -> bool:
    text = str(path)
    return text.startswith("\\\\") or (text.startswith("//") and not text.startswith("///"))


def network_place(
    path: str | PurePath,
    *,
    mounts: Iterable[Mount] | None = None,
    drive_type: Callable[[str], int | None] | None = None,
    platform: str | None = None,
) -> str | None:
    """A description of the network location holding `path`, or None when it is local."""
    platform = platform or sys.platform
    text = str(path)
    if is_unc_path(text):
        return f"UNC {text}"
    if platform == "win32":
        absolute = os.path.abspath(text) if sys.platform == "win32" else text
        drive = PureWindowsPath(absolute).drive
        if is_unc_path(drive):
            return f"UNC {absolute}"
        if drive.endswith(":") and (drive_type or windows_drive_type)(drive + "\\") == DRIVE_REMOTE:
            return f"network drive {drive}"
        return None
    # Symlinks resolved: a link in the home folder may point into a network mount.
    resolved = PurePath(os.path.realpath(text))
    table = system_mounts(platform) if mounts is None else mounts
    mount = mount_of(resolved, table)
    if mount is not None and (mount.fstype in NETWORK_FILESYSTEMS or mount.fstype.startswith("nfs")):
        return f"{mount.fstype} mount {mount.device} at {mount.point}"
    return None


# --- sync folders ---------------------------------------------------------------------------

# (service, folder names that are the root of its synced tree, marker files/folders in that root)
SYNC_SERVICES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("Dropbox", ("dropbox",), (".dropbox", ".dropbox.cache")),
    ("OneDrive", ("onedrive",), ()),
    ("Google Drive", ("google drive", "googledrive", "my drive", "我的云端硬盘"), (".tmp.drivedownload",)),
    ("iCloud Drive", ("icloud drive", "icloud~", "com~apple~clouddocs", "mobile documents"), ()),
    ("Syncthing", (), (".stfolder",)),
    ("坚果云 Nutstore", ("nutstore", "nutstore files", "我的坚果云", "坚果云"), (".nutstore",)),
    ("百度网盘同步空间 Baidu Netdisk sync", ("baidusyncdisk", "百度网盘同步空间", "baidunetdiskworkspace"), ()),
    ("Seafile", ("seafile", "seadrive"), ()),
)


def _folder_matches(name: str, roots: tuple[str, ...]) -> bool:
    lowered = name.lower()
    for root in roots:
        # "Dropbox (Team)", "OneDrive - Contoso", "GoogleDrive-me@example.com" are roots too.
        if lowered == root or lowered.startswith(root + " (") or lowered.startswith(root + " -") \
                or lowered.startswith(root + "-"):
            return True
    return False


def sync_service_of(path: str | PurePath, *, look_for_markers: bool = True) -> str | None:
    """The sync service whose folder holds `path` (by folder names and marker files), or None.

    Both the path as given and with symlinks resolved are checked: a link to a file inside
    Dropbox is still synced by Dropbox.
    """
    candidates = [PurePath(path)]
    if not isinstance(path, PureWindowsPath) or sys.platform == "win32":
        candidates = [PurePath(os.path.abspath(str(path))), PurePath(os.path.realpath(str(path)))]
    for candidate in dict.fromkeys(candidates):
        service = _sync_service(candidate, look_for_markers)
        if service is not None:
            return service
    return None


def _sync_service(pure: PurePath, look_for_markers: bool) -> str | None:
    for service, roots, markers in SYNC_SERVICES:
        if roots and any(_folder_matches(part, roots) for part in pure.parts[:-1]):
            return service
        if markers and look_for_markers:
            for folder in pure.parents:
                if any(os.path.exists(os.path.join(folder, marker)) for marker in markers):
                    return service
    return None


# --- the warnings ---------------------------------------------------------------------------


def _network_warning(place: str) -> LocationWarning:
    return LocationWarning(
        kind="network",
        place=place,
        offer_shared_mode=True,
        message=Message(
            f"数据库位于网络位置（{place}），但尚未设为团队共享模式。单人模式使用的 WAL 日志在网络文件系统上"
            "不可靠，多人同时使用可能损坏数据。建议切换为团队共享模式（回滚日志、完全同步；"
            "命令：accountdesk share on），或者把文件放回本机硬盘。",
            f"The database is on a network location ({place}) but is not marked for team use. "
            "The WAL journal used in single mode is not reliable on a network filesystem, and several "
            "people working at once could damage the data. Switch it to team mode (rollback journal, "
            "full sync; command: accountdesk share on), or keep the file on a local disk.",
        ),
    )


def _sync_warning(service: str) -> LocationWarning:
    return LocationWarning(
        kind="sync",
        place=service,
        message=Message(
            f"数据库位于同步文件夹（{service}）中。同步工具会在写入过程中复制整个文件，"
            "两台电脑同时修改时会产生“冲突副本”，改动可能丢失，文件也可能损坏。"
            "建议：单人使用时把文件放在同步文件夹之外，备份交给 AccountDesk 的自动备份；"
            "团队使用时把文件放在共享网络驱动器上并开启团队模式（accountdesk share on），"
            "或使用 PostgreSQL 服务器。已出现的冲突副本可以用 accountdesk merge 合并。",
            f"The database is inside a sync folder ({service}). Sync tools copy the whole file while it "
            "is being written; when two computers change it, they make a 'conflicted copy', changes can "
            "be lost and the file can be damaged. Instead: working alone, keep the file outside the sync "
            "folder and rely on AccountDesk's automatic backups; as a team, put the file on a shared "
            "network drive in team mode (accountdesk share on) or use a PostgreSQL server. A conflicted "
            "copy that already exists can be merged with 'accountdesk merge'.",
        ),
    )


def location_warnings(
    path: str | Path,
    *,
    shared: bool | None = None,
    mounts: Iterable[Mount] | None = None,
    drive_type: Callable[[str], int | None] | None = None,
    platform: str | None = None,
    look_for_markers: bool = True,
) -> list[LocationWarning]:
    """What the user should hear about where the database file lives (empty: nothing).

    `shared` is the file's mode (read from the file when None); `mounts`, `drive_type` and
    `platform` replace the machine's own facts in tests.
    """
    if shared is None:
        shared = _file_is_shared(Path(path))
    warnings = []
    place = network_place(path, mounts=mounts, drive_type=drive_type, platform=platform)
    if place is not None and not shared:
        warnings.append(_network_warning(place))
    service = sync_service_of(path, look_for_markers=look_for_markers)
    if service is not None:
        warnings.append(_sync_warning(service))
    return warnings


def _file_is_shared(path: Path) -> bool:
    try:
        return read_sqlite_facts(path).shared if path.is_file() else False
    except Exception:  # not ours or unreadable: open_database says so in its own words
        return False
