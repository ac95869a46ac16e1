"""Before the window opens on Linux: are the system libraries Qt's desktop platform loads installed?

PySide6's wheels carry Qt but not the X11 (xcb) and Wayland client libraries Qt loads for a
real window. Where one is missing (libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1 are not on a
stock Debian), Qt prints a terse plugin error and aborts the process. This check runs first,
without importing Qt, and says which Debian/Ubuntu packages to install instead.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

from accountdesk.core.i18n import Message

# The shared libraries (by soname) that Qt's xcb platform plugin, its libQt6XcbQpa and
# libQt6Gui load and PySide6 does not ship, with the Debian/Ubuntu package that provides each.
# tests/test_desktop_check.py compares this with what the installed PySide6 asks for.
GUI_LIBRARIES: dict[str, str] = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11.so.6": "libx11-6",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
}
XCB_LIBRARIES: dict[str, str] = {
    **GUI_LIBRARIES,
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}
WAYLAND_LIBRARIES: dict[str, str] = {
    **GUI_LIBRARIES,
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
}
PLATFORM_LIBRARIES = {"xcb": XCB_LIBRARIES, "wayland": WAYLAND_LIBRARIES}

Loader = Callable[[str], object]


def _load(soname: str) -> object:
    return ctypes.CDLL(soname)


def missing_libraries(libraries: Mapping[str, str], load: Loader | None = None) -> list[str]:
    """The sonames in `libraries` that the dynamic loader cannot load, in the order given."""
    load = load or _load
    missing = []
    for soname in libraries:
        try:
            load(soname)
        except OSError:
            missing.append(soname)
    return missing


def desktop_platforms(environ: Mapping[str, str]) -> list[str]:
    """The desktop platforms Qt will try to open a window on, in its order, each with a display.

    QT_QPA_PLATFORM decides when set (only its xcb and wayland entries need system libraries);
    unset, Qt tries Wayland first in a Wayland session, then X11.
    """
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        names = [entry.split(":", 1)[0].strip() for entry in chosen.split(";")]
    elif environ.get("XDG_SESSION_TYPE") == "wayland":
        names = ["wayland", "xcb"]
    else:
        names = ["xcb"]
    displays = {"xcb": environ.get("DISPLAY"), "wayland": environ.get("WAYLAND_DISPLAY")}
    platforms = []
    for name in names:
        if name not in PLATFORM_LIBRARIES:
            break  # Qt uses this one (offscreen, vnc, eglfs…) before any desktop platform
        if displays[name]:
            platforms.append(name)
    return platforms


def desktop_libraries_problem(
    environ: Mapping[str, str] | None = None, *, system: str | None = None, load: Loader | None = None
) -> Message | None:
    """Why Qt could not open a window here, naming the packages to install; None when it can
    (or when this is not a Linux desktop, where Qt says for itself what is wrong)."""
    environ = os.environ if environ is None else environ
    if not (system or sys.platform).startswith("linux"):
        return None
    platforms = desktop_platforms(environ)
    if not platforms:
        return None
    missing: dict[str, list[str]] = {}
    for platform in platforms:
        missing[platform] = missing_libraries(PLATFORM_LIBRARIES[platform], load)
        if not missing[platform]:
            return None  # Qt falls through to the first platform that loads
    # Name what X11 needs: Qt falls back to it in a Wayland session too, and XWayland is everywhere.
    platform = "xcb" if "xcb" in missing else platforms[0]
    sonames = missing[platform]
    table = PLATFORM_LIBRARIES[platform]
    packages = list(dict.fromkeys(table[soname] for soname in sonames))
    command = "sudo apt-get install " + " ".join(packages)
    return Message(
        f"AccountDesk 无法打开窗口：缺少 Qt 显示窗口（{platform}）所需的系统库：{'、'.join(sonames)}。\n"
        f"在 Debian / Ubuntu 上请安装：\n    {command}\n"
        "其他发行版请安装提供这些库的软件包。不开窗口的命令（如 accountdesk sheets）不受影响。",
        f"AccountDesk cannot open its window: Qt's {platform} platform needs system libraries that "
        f"are missing: {', '.join(sonames)}.\n"
        f"On Debian / Ubuntu install them with:\n    {command}\n"
        "On other distributions, install the packages that provide these libraries. Commands "
        "that open no window (such as accountdesk sheets) work without them.",
    )
