"""What pages that follow changes share: reload at once when visible, otherwise once when next shown."""

from __future__ import annotations


class ReloadsWhenShown:
    """Mix into a page (before QWidget) that implements ``reload()``; ``reload()`` clears ``_stale``.

    A hidden page does no work for changes it cannot show; it catches up the moment it appears,
    whether the main window shows it (``page_shown``) or Qt does (``showEvent``).
    """

    _stale = True

    def reload(self) -> None:
        raise NotImplementedError

    def request_reload(self) -> None:
        if self.isVisible():  # type: ignore[attr-defined]
            self.reload()
        else:
            self._stale = True

    def page_shown(self) -> None:
        if self._stale:
            self.reload()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)  # type: ignore[misc]
        if self._stale:
            self.reload()
