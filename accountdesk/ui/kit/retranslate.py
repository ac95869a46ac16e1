"""Widgets that set their texts again when the interface language changes."""

from __future__ import annotations

from PySide6.QtCore import QEvent


class Retranslating:
    """Mix into a QWidget subclass (before the Qt base) and implement ``retranslate()``.

    Call ``self.retranslate()`` at the end of ``__init__``; it runs again on every
    LanguageChange event, so all texts are set in one place.
    """

    def retranslate(self) -> None:  # pragma: no cover - overridden
        pass

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]
