"""The bundled Chinese font: registered with Qt, shown when the system has no Chinese font, always printed.

A machine with no font for Simplified Chinese (a fresh Linux install) would show every hanzi as
a box. AccountDesk ships AccountDesk Sans SC, a subset of Noto Sans CJK SC (resources/fonts/,
made by tools/make_cjk_font.py). On screen the system's own Chinese font wins where there is
one, since it matches the platform; printed sheets always use the bundled font, embedded in the
PDF, so a sheet looks the same whichever machine printed it.

QtGui only, never QtWidgets: printing from the command line uses this too.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QGuiApplication

from accountdesk.core.i18n import AccountDeskError
from accountdesk.paths import bundled

BUNDLED_FAMILY = "AccountDesk Sans SC"
BUNDLED_FILE = "AccountDeskSansSC-Regular.otf"
# System families that carry Simplified Chinese well, best first: Windows, macOS, then Linux.
SYSTEM_CJK_FAMILIES = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
)

_lock = threading.Lock()  # a PDF can be written on a worker thread while the GUI starts
_registered: str | None = None


class FontUnavailable(AccountDeskError):
    """The bundled font is missing or Qt would not load it."""


def bundled_font_path() -> Path:
    return bundled("resources") / "fonts" / BUNDLED_FILE


def register_bundled_font() -> str:
    """Add the bundled font to Qt's font database, once per process; returns its family.

    Needs a QGuiApplication (Qt has no font database before one exists).
    """
    global _registered
    with _lock:
        if _registered is not None:
            return _registered
        if QGuiApplication.instance() is None:
            raise RuntimeError("register_bundled_font() needs a QGuiApplication")
        path = bundled_font_path()
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if BUNDLED_FAMILY not in families:
            raise FontUnavailable(
                f"无法加载内置中文字体“{path}”，请重新安装 AccountDesk。",
                f"Cannot load the bundled Chinese font '{path}'; please reinstall AccountDesk.",
            )
        _registered = BUNDLED_FAMILY
        return _registered


def system_cjk_family() -> str | None:
    """The system's own font for Simplified Chinese, or None when it has none."""
    installed = set(QFontDatabase.families())
    preferred = next((family for family in SYSTEM_CJK_FAMILIES if family in installed), None)
    if preferred is not None:
        return preferred
    others = [
        family
        for family in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
        if family != BUNDLED_FAMILY and not QFontDatabase.isPrivateFamily(family)
    ]
    return others[0] if others else None


def ensure_cjk_font() -> str:
    """The family to show Chinese on screen: the system's own, else the bundled one.

    The bundled font is registered either way (it costs about 2 ms): printing uses it, and
    a PDF may be written on a worker thread, which should find it already there.
    """
    system = system_cjk_family()
    bundled_family = register_bundled_font()
    return system or bundled_family


def print_family() -> str:
    """The family every printed page uses: the bundled font, registered if need be."""
    return register_bundled_font()
