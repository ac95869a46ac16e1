"""Bilingual messages for the headless core: every error a manager may read exists in Chinese and English."""

from __future__ import annotations

import locale
import os

_language: str | None = None


def system_language() -> str:
    for var in ("ACCOUNTDESK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return "zh" if code.lower().startswith("zh") else "en"


def current_language() -> str:
    return _language or system_language()


def set_language(language: str | None) -> None:
    """Set "zh" or "en"; None follows the system again."""
    global _language
    _language = language


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """An English count with its noun agreeing: "1 year", "3 years" (plural defaults to noun + "s")."""
    return f"{count} {singular if count == 1 else (plural or singular + 's')}"


class Message:
    """A sentence in both languages; str() gives the one in use."""

    __slots__ = ("zh", "en")

    def __init__(self, zh: str, en: str) -> None:
        self.zh = zh
        self.en = en

    def text(self, language: str | None = None) -> str:
        return self.zh if (language or current_language()) == "zh" else self.en

    def __str__(self) -> str:
        return self.text()

    def __repr__(self) -> str:
        return f"Message({self.zh!r}, {self.en!r})"


class AccountDeskError(Exception):
    """An error whose message a key-account manager understands, in either language."""

    def __init__(self, zh: str, en: str) -> None:
        self.message = Message(zh, en)
        super().__init__(en)

    def __str__(self) -> str:
        return self.message.text()


class ValidationError(AccountDeskError):
    """Input that cannot be stored; names the field (and row, for imports) at fault."""

    def __init__(self, zh: str, en: str, *, field: str | None = None) -> None:
        super().__init__(zh, en)
        self.field = field
