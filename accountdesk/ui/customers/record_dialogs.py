"""Small forms for one record (new customer, contact, transaction, feedback); they stay open until saved."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core.i18n import ValidationError
from accountdesk.ui.kit import labels
from accountdesk.ui.kit.dialogs import error_text

ERROR_STYLE = "border: 1px solid #b91c1c;"


def qdate(value: date | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value else QDate()


def pydate(value: QDate) -> date | None:
    return date(value.year(), value.month(), value.day()) if value.isValid() else None


class RecordDialog(QDialog):
    """A form that emits ``submitted(values)``; the caller saves and either closes it
    (``saved()``) or shows the core's complaint next to the field (``show_error``)."""

    submitted = Signal(dict)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        outer = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        outer.addLayout(self.form)
        self.error_label = QLabel()
        self.error_label.setObjectName("formError")
        self.error_label.setStyleSheet("color: #b91c1c;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        outer.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        # Translated in this class's own context: self.tr() would look it up under the subclass.
        self.save_button.setText(QCoreApplication.translate("RecordDialog", "Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self._fields: dict[str, QWidget] = {}

    def add_row(self, key: str, label: str, widget: QWidget) -> QWidget:
        widget.setObjectName(f"field_{key}")
        self.form.addRow(label, widget)
        self._fields[key] = widget
        return widget

    def field(self, key: str) -> QWidget:
        return self._fields[key]

    def values(self) -> dict:  # pragma: no cover - overridden
        return {}

    def _submit(self) -> None:
        self.clear_error()
        self.submitted.emit(self.values())

    def saved(self, _result=None) -> None:
        self.accept()

    def clear_error(self) -> None:
        self.error_label.hide()
        for widget in self._fields.values():
            widget.setStyleSheet("")

    def show_error(self, error: BaseException) -> None:
        """The core's message under the form, and the field it names outlined."""
        self.error_label.setText(error_text(error))
        self.error_label.show()
        name = getattr(error, "field", None)
        widget = self._fields.get(name or "") or self._fields.get({"amount_cents": "amount"}.get(name or "", ""))
        if widget is not None:
            widget.setStyleSheet(ERROR_STYLE)
            widget.setFocus()

    def handles(self, error: BaseException) -> bool:
        """Validation errors are shown in the form; anything else goes to the general handler."""
        if isinstance(error, ValidationError):
            self.show_error(error)
            return True
        return False


def text_of(widget: QWidget) -> str:
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText().strip()
    return widget.text().strip()  # type: ignore[attr-defined]


def combo(items: list[tuple[str | None, str]], current: str | None = None) -> QComboBox:
    box = QComboBox()
    for code, text in items:
        box.addItem(text, code)
    index = box.findData(current)
    box.setCurrentIndex(max(index, 0))
    return box


def owner_combo(owners: list[tuple[str, str]], current: str | None) -> QComboBox:
    """Owners shown by the name people know them by; a new name can be typed (the core then
    adds that user). ``owners`` are (login name, display name) pairs."""
    box = QComboBox()
    box.setEditable(True)
    fill_owner_combo(box, owners, current)
    return box


def fill_owner_combo(box: QComboBox, owners: list[tuple[str, str]], current: str | None) -> None:
    box.blockSignals(True)
    box.clear()
    box.addItem("", "")
    for name, display in owners:
        box.addItem(display or name, name)
    index = box.findData(current or "")
    if index >= 0:
        box.setCurrentIndex(index)
    else:
        box.setCurrentText(current or "")
    box.blockSignals(False)


def owner_value(box: QComboBox) -> str:
    """The login name of the chosen owner, or the typed name of a new one ("" for none)."""
    text = box.currentText().strip()
    index = box.findText(text)
    return str(box.itemData(index)) if index >= 0 else text


class NewCustomerDialog(RecordDialog):
    def __init__(self, owners: list[tuple[str, str]], default_owner: str | None, parent: QWidget | None = None,
                 *, duplicate_guard: QWidget | None = None) -> None:
        super().__init__(self.tr("New customer"), parent)
        self.duplicate_guard = duplicate_guard
        if duplicate_guard is not None:
            # Under the fields, above the core's complaint and the buttons.
            self.layout().insertWidget(1, duplicate_guard)  # type: ignore[union-attr]
        self.add_row("name", self.tr("Customer name *"), QLineEdit())
        self.add_row("contact_person", self.tr("Contact person"), QLineEdit())
        self.add_row("phone", self.tr("Phone"), QLineEdit())
        self.add_row("company", self.tr("Company"), QLineEdit())
        self.add_row("industry", self.tr("Industry"), QLineEdit())
        self.add_row("owner", self.tr("Owner"), owner_combo(owners, default_owner))
        self.add_row("code", self.tr("Code"), QLineEdit()).setPlaceholderText(self.tr("Assigned automatically"))
        name = self.field("name")
        name.textChanged.connect(lambda text: self.save_button.setEnabled(bool(text.strip())))
        self.save_button.setEnabled(False)

    def values(self) -> dict:
        values = {key: text_of(self.field(key)) for key in ("name", "contact_person", "phone", "company", "industry", "code")}
        values["owner"] = owner_value(self.field("owner"))
        return {key: value for key, value in values.items() if value}

    def warned_of_duplicates(self) -> None:
        self.save_button.setText(self.tr("Save anyway"))


class ContactDialog(RecordDialog):
    def __init__(self, contact: dict | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Edit contact") if contact else self.tr("New contact"), parent)
        contact = contact or {}
        self.add_row("name", self.tr("Name *"), QLineEdit(contact.get("name") or ""))
        self.add_row("position", self.tr("Position"), QLineEdit(contact.get("position") or ""))
        self.add_row("phone", self.tr("Phone"), QLineEdit(contact.get("phone") or ""))
        self.add_row("email", self.tr("Email"), QLineEdit(contact.get("email") or ""))
        self.add_row("wechat", self.tr("WeChat"), QLineEdit(contact.get("wechat") or ""))
        primary = QCheckBox(self.tr("Primary contact"))
        primary.setChecked(bool(contact.get("is_primary")))
        self.add_row("is_primary", "", primary)
        calendar = combo([("solar", self.tr("Solar (Gregorian)")), ("lunar", self.tr("Lunar"))],
                         contact.get("birth_calendar") or "solar")
        self.add_row("birth_calendar", self.tr("Birthday calendar"), calendar)
        month = QSpinBox()
        month.setRange(0, 12)
        month.setSpecialValueText(self.tr("—"))
        month.setValue(contact.get("birth_month") or 0)
        day = QSpinBox()
        day.setRange(0, 31)
        day.setSpecialValueText(self.tr("—"))
        day.setValue(contact.get("birth_day") or 0)
        self.add_row("birth_month", self.tr("Birthday month"), month)
        self.add_row("birth_day", self.tr("Birthday day"), day)
        leap = QCheckBox(self.tr("Leap month (lunar only)"))
        leap.setChecked(bool(contact.get("birth_leap_month")))
        self.add_row("birth_leap_month", "", leap)
        year = QLineEdit(str(contact.get("birth_year") or ""))
        year.setPlaceholderText(self.tr("Optional"))
        year.setValidator(QRegularExpressionValidator(QRegularExpression(r"^\d{0,4}$")))
        self.add_row("birth_year", self.tr("Birth year"), year)
        self.add_row("notes", self.tr("Notes"), QPlainTextEdit(contact.get("notes") or ""))
        self.field("notes").setFixedHeight(70)

    def values(self) -> dict:
        month = self.field("birth_month").value()
        day = self.field("birth_day").value()
        return {
            "name": text_of(self.field("name")),
            "position": text_of(self.field("position")),
            "phone": text_of(self.field("phone")),
            "email": text_of(self.field("email")),
            "wechat": text_of(self.field("wechat")),
            "is_primary": self.field("is_primary").isChecked(),
            "birth_calendar": self.field("birth_calendar").currentData(),
            "birth_month": month or None,
            "birth_day": day or None,
            "birth_leap_month": self.field("birth_leap_month").isChecked(),
            "birth_year": text_of(self.field("birth_year")) or None,
            "notes": text_of(self.field("notes")),
        }


class TransactionDialog(RecordDialog):
    def __init__(self, today: date, transaction: dict | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Edit transaction") if transaction else self.tr("New transaction"), parent)
        transaction = transaction or {}
        when = QDateEdit(qdate(transaction.get("occurred_on") or today))
        when.setCalendarPopup(True)
        when.setDisplayFormat("yyyy-MM-dd")
        self.add_row("occurred_on", self.tr("Date *"), when)
        self.add_row("product", self.tr("Product"), QLineEdit(transaction.get("product") or ""))
        quantity = QSpinBox()
        quantity.setRange(0, 10**9)
        quantity.setSpecialValueText(self.tr("—"))
        quantity.setValue(transaction.get("quantity") or 0)
        self.add_row("quantity", self.tr("Quantity"), quantity)
        amount = QLineEdit(str(transaction["amount"]) if transaction.get("amount") is not None else "")
        amount.setPlaceholderText("0.00")
        # Money is typed as text and stored exactly: at most two decimals, never a float.
        amount.setValidator(QRegularExpressionValidator(QRegularExpression(r"^-?\d{0,12}([.]\d{0,2})?$")))
        self.add_row("amount", self.tr("Amount (¥) *"), amount)
        self.add_row("notes", self.tr("Notes"), QPlainTextEdit(transaction.get("notes") or ""))
        self.field("notes").setFixedHeight(70)

    def values(self) -> dict:
        return {
            "occurred_on": pydate(self.field("occurred_on").date()),
            "product": text_of(self.field("product")),
            "quantity": self.field("quantity").value() or None,
            "amount": text_of(self.field("amount")),
            "notes": text_of(self.field("notes")),
        }


class FeedbackDialog(RecordDialog):
    def __init__(self, today: date, feedback: dict | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Edit feedback") if feedback else self.tr("New feedback"), parent)
        feedback = feedback or {}
        self.add_row("kind", self.tr("Kind *"), combo(labels.choices(labels.FEEDBACK_KINDS), feedback.get("kind")))
        received = QDateEdit(qdate(feedback.get("received_on") or today))
        received.setCalendarPopup(True)
        received.setDisplayFormat("yyyy-MM-dd")
        self.add_row("received_on", self.tr("Received"), received)
        content = QPlainTextEdit(feedback.get("content") or "")
        content.setFixedHeight(110)
        self.add_row("content", self.tr("Content *"), content)

    def values(self) -> dict:
        return {
            "kind": self.field("kind").currentData(),
            "received_on": pydate(self.field("received_on").date()),
            "content": text_of(self.field("content")),
        }


class ResolveFeedbackDialog(RecordDialog):
    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Resolve feedback"), parent)
        resolution = QPlainTextEdit()
        resolution.setFixedHeight(90)
        self.add_row("resolution", self.tr("How it was resolved"), resolution)
        when = QDateEdit(qdate(today))
        when.setCalendarPopup(True)
        when.setDisplayFormat("yyyy-MM-dd")
        self.add_row("resolved_on", self.tr("Resolved on"), when)

    def values(self) -> dict:
        return {
            "resolution": text_of(self.field("resolution")),
            "resolved_on": pydate(self.field("resolved_on").date()),
        }
