"""Per-machine preferences (QSettings): language, recent databases, window and table layout."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from accountdesk.core.storage.credentials import public_address

ORGANIZATION = "AccountDesk"
APPLICATION = "AccountDesk"
MAX_RECENT = 8

LANGUAGE_KEY = "ui/language"  # "system" | "zh_CN" | "en"


class AppSettings:
    """Typed access to QSettings. Team-wide settings live in the database instead."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.qsettings = qsettings or _default_qsettings()

    @classmethod
    def in_file(cls, path: Path) -> AppSettings:
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    # --- language ---------------------------------------------------------------------

    @property
    def language(self) -> str:
        value = str(self.qsettings.value(LANGUAGE_KEY, "system"))
        return value if value in ("system", "zh_CN", "en") else "system"

    @language.setter
    def language(self, value: str) -> None:
        self.qsettings.setValue(LANGUAGE_KEY, value)

    @property
    def user_name(self) -> str | None:
        """The name this person chose in Settings (None: the login name)."""
        value = self.qsettings.value("user/name")
        return str(value).strip() or None if value else None

    # --- databases --------------------------------------------------------------------

    # A server's address is kept without its password (which lives in the OS keyring, if anywhere);
    # one saved by an older version with its password is cleaned when read.

    def recent_databases(self) -> list[str]:
        value = self.qsettings.value("databases/recent", [])
        if isinstance(value, str):  # QSettings hands back a one-element list as a plain string
            value = [value]
        stored = [str(v) for v in (value or []) if v]
        recent = list(dict.fromkeys(public_address(v) for v in stored))
        if recent != stored:
            self.qsettings.setValue("databases/recent", recent)
        return recent

    def add_recent_database(self, target: str) -> None:
        target = public_address(target)
        recent = [target] + [t for t in self.recent_databases() if t != target]
        self.qsettings.setValue("databases/recent", recent[:MAX_RECENT])
        self.qsettings.setValue("databases/last", target)

    def forget_database(self, target: str) -> None:
        target = public_address(target)
        self.qsettings.setValue("databases/recent", [t for t in self.recent_databases() if t != target])

    @property
    def last_database(self) -> str | None:
        value = self.qsettings.value("databases/last")
        if not value:
            return None
        last = public_address(str(value))
        if last != str(value):
            self.qsettings.setValue("databases/last", last)
        return last

    # --- layout (window geometry, splitters, table headers) ---------------------------

    def state(self, key: str) -> QByteArray | None:
        value = self.qsettings.value(f"layout/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_state(self, key: str, value: QByteArray) -> None:
        self.qsettings.setValue(f"layout/{key}", value)

    # --- anything else a feature wants to remember ------------------------------------

    def value(self, key: str, default=None):
        return self.qsettings.value(key, default)

    def set_value(self, key: str, value) -> None:
        self.qsettings.setValue(key, value)

    def sync(self) -> None:
        self.qsettings.sync()


def _default_qsettings() -> QSettings:
    # ACCOUNTDESK_DATA_DIR relocates everything the app keeps (tests, portable use), the
    # preferences included; otherwise the platform's native place.
    override = os.environ.get("ACCOUNTDESK_DATA_DIR")
    if override:
        Path(override).mkdir(parents=True, exist_ok=True)
        return QSettings(str(Path(override) / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings(ORGANIZATION, APPLICATION)
