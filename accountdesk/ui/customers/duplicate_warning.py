"""The warning a customer form shows before saving a record that looks like one already kept (same phone, code or a similar name)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QWidget

from accountdesk.core.archive.duplicates import DuplicateHit, similar_customers

# The fields a likeness is judged by: editing anything else never asks again.
IDENTITY_FIELDS = ("code", "name", "company", "phone")


class DuplicateGuard(QLabel):
    """Shown above a form's buttons. The first save of values that resemble a kept customer shows
    who and why and does not save; saving the same values again saves them (a warning, never a
    refusal: two firms may share a switchboard number)."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("duplicateWarning")
        self.setWordWrap(True)
        self.setStyleSheet("color: #92400e; background: #fef3c7; border: 1px solid #f59e0b; "
                           "border-radius: 4px; padding: 6px;")
        self.hits: list[DuplicateHit] = []
        self._acknowledged: dict | None = None
        self.hide()

    @staticmethod
    def identity(values: dict) -> dict:
        return {key: (values.get(key) or "").strip() for key in IDENTITY_FIELDS}

    def reset(self) -> None:
        self.hits = []
        self._acknowledged = None
        self.hide()

    @property
    def waiting_for_confirmation(self) -> bool:
        return self._acknowledged is not None

    def check(self, values: dict, customer_id: int | None, proceed: Callable[[], None],
              *, warned: Callable[[], None] | None = None) -> None:
        """Call `proceed` now if these values were already shown as alike (or resemble no one);
        otherwise show whom they resemble and call `warned`."""
        identity = self.identity(values)
        if self._acknowledged == identity:
            self.hide()
            proceed()
            return

        def found(hits: list[DuplicateHit]) -> None:
            if not hits:
                self.reset()
                proceed()
                return
            self.hits = hits
            self._acknowledged = identity
            self.setText(self.describe(hits))
            self.show()
            if warned is not None:
                warned()

        def unread(_error: BaseException) -> None:
            # The warning is advice: a look that failed (a server gone a moment) must not hold the
            # save, which keeps the typing and retries by itself.
            self.reset()
            proceed()

        self.context.operations.read(lambda session: similar_customers(session, identity, customer_id), found,
                                     unread, label=self.tr("Looking for duplicates…"))

    def describe(self, hits: list[DuplicateHit]) -> str:
        shown = hits[:5]
        lines = [self.tr("This looks like a customer you already have:")]
        lines += [f"• {hit.name}（{hit.code}）— {hit.reason_text()}" for hit in shown]
        if len(hits) > len(shown):
            lines.append(self.tr("… and %n more", "", len(hits) - len(shown)))
        lines.append(self.tr("Save again to keep it as a separate customer, or merge the two later "
                             "(select both in the list → Merge customers…)."))
        return "\n".join(lines)
