"""The 基本信息 tab: a customer's own fields, edited in place and saved with a version check."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core.archive import records as archive
from accountdesk.core.i18n import ValidationError
from accountdesk.core.team.conflicts import ConflictError
from accountdesk.ui.customers.duplicate_warning import IDENTITY_FIELDS, DuplicateGuard
from accountdesk.ui.customers.record_dialogs import ERROR_STYLE, fill_owner_combo, owner_combo, owner_value
from accountdesk.ui.customers.tab_base import CustomerTab
from accountdesk.ui.kit import labels
from accountdesk.ui.kit.conflict_dialog import settle_conflict
from accountdesk.ui.kit.dialogs import error_text

TEXT_FIELDS = ("code", "name", "company", "contact_person", "phone", "landline", "email", "position", "address",
               "region", "industry", "source", "birthday", "cooperation_since")
CHOICE_FIELDS = ("stage", "need_type", "purchasing_power")
NUMBER_FIELDS = ("referrals", "followers")
LEFT = ("code", "name", "company", "contact_person", "phone", "landline", "email", "position", "address", "region")


def custom_fields_text(fields: dict | None) -> str:
    """A customer's custom fields as the form edits them: one "name: text" a line."""
    return "\n".join(f"{name}: {text}" for name, text in (fields or {}).items())


def custom_fields_of(text: str) -> dict[str, str] | None:
    """The form's lines back to name → text (a line without a colon names no field and is left out)."""
    fields: dict[str, str] = {}
    for line in text.splitlines():
        name, colon, value = line.replace("：", ":").partition(":")
        if not colon:
            continue
        if name.strip() and value.strip():
            fields[name.strip()] = value.strip()
    return fields or None
RIGHT = ("owner", "stage", "need_type", "purchasing_power", "industry", "source", "birthday", "cooperation_since",
         "referrals", "followers", "tags")


def _as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def read_customer_form(session, customer_id: int) -> dict:
    customer = archive.get_customer(session, customer_id, include_deleted=True)
    values = {key: _as_text(getattr(customer, key)) for key in TEXT_FIELDS}
    values.update({key: getattr(customer, key) for key in CHOICE_FIELDS})
    values.update({key: getattr(customer, key) or 0 for key in NUMBER_FIELDS})
    values["notes"] = customer.notes or ""
    values["custom_fields"] = customer.custom_fields or None
    values["owner"] = customer.owner.name if customer.owner else ""
    values["tags"] = ", ".join(tag.name for tag in customer.tags)
    values["version"] = customer.version
    values["deleted"] = customer.deleted_at is not None
    # The stored values themselves: the base a save is merged against, three ways.
    values["base"] = archive.loaded_values(customer)
    return values


class BasicInfoTab(CustomerTab):
    """Save is enabled once something differs from what was loaded. The save carries the version
    and the values the form loaded: a colleague's save in between is merged with it field by field,
    and only a field both of us changed asks which to keep."""

    watches = ("customer_list",)  # plus the customer's own edits (see concerns)

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.loaded: dict = {}
        self._owners: list[tuple[str, str]] = []
        self.widgets: dict[str, QWidget] = {}
        self._labels: dict[str, QLabel] = {}
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        grid = QGridLayout(body)
        grid.setHorizontalSpacing(32)
        left, right = QFormLayout(), QFormLayout()
        for form in (left, right):
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
            form.setHorizontalSpacing(14)
        for key in LEFT:
            self._add(left, key, QLineEdit())
        for key in RIGHT:
            if key == "owner":
                widget: QWidget = owner_combo([], None)
            elif key in CHOICE_FIELDS:
                widget = QComboBox()
            elif key in NUMBER_FIELDS:
                widget = QSpinBox()
                widget.setRange(0, 10**9)
            else:
                widget = QLineEdit()
            if not isinstance(widget, QLineEdit):
                widget.setMinimumWidth(220)  # room for the longest choice in either language
            self._add(right, key, widget)
        for key in ("birthday", "cooperation_since"):
            self.widgets[key].setPlaceholderText("YYYY-MM-DD")
        self.widgets["tags"].setPlaceholderText(self.tr("e.g. VIP, East China"))
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        notes = QPlainTextEdit()
        notes.setObjectName("field_notes")
        notes.setFixedHeight(90)
        self.widgets["notes"] = notes
        self._labels["notes"] = QLabel()
        grid.addWidget(self._labels["notes"], 1, 0, 1, 2)
        grid.addWidget(notes, 2, 0, 1, 2)
        # Columns an imported sheet brought that have no field of their own, one "name: text" a line.
        custom = QPlainTextEdit()
        custom.setObjectName("field_custom_fields")
        custom.setFixedHeight(80)
        self.widgets["custom_fields"] = custom
        self._labels["custom_fields"] = QLabel()
        grid.addWidget(self._labels["custom_fields"], 3, 0, 1, 2)
        grid.addWidget(custom, 4, 0, 1, 2)
        grid.setRowStretch(5, 1)
        scroll.setWidget(body)
        outer.addWidget(scroll)
        self.error_label = QLabel()
        self.error_label.setObjectName("formError")
        self.error_label.setStyleSheet("color: #b91c1c;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        outer.addWidget(self.error_label)
        self.duplicate_guard = DuplicateGuard(context)
        outer.addWidget(self.duplicate_guard)
        bar = QHBoxLayout()
        self.status = QLabel()
        self.status.setObjectName("mutedText")
        self.revert_button = QPushButton()
        self.revert_button.setObjectName("revertCustomer")
        self.save_button = QPushButton()
        self.save_button.setObjectName("primaryButton")
        bar.addWidget(self.status, 1)
        bar.addWidget(self.revert_button)
        bar.addWidget(self.save_button)
        outer.addLayout(bar)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.refresh)
        for widget in self.widgets.values():
            self._connect_dirty(widget)
        self.retranslate()

    def _add(self, form: QFormLayout, key: str, widget: QWidget) -> None:
        widget.setObjectName(f"field_{key}")
        label = QLabel()
        form.addRow(label, widget)
        self.widgets[key] = widget
        self._labels[key] = label

    def _connect_dirty(self, widget: QWidget) -> None:
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            widget.textChanged.connect(self._update_state)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(self._update_state)
            if widget.isEditable():
                widget.editTextChanged.connect(self._update_state)
        elif isinstance(widget, QSpinBox):
            widget.valueChanged.connect(self._update_state)

    def concerns(self, changes) -> bool:
        # The form reloads when this customer itself changed (not its contacts or deals).
        if self.customer_id is None:
            return False
        if changes.everything and self.changed_fields():
            # A colleague's commit (live refresh) must not wipe what the manager is typing; if they
            # changed this customer too, the save meets the version check and shows mine / theirs.
            return False
        if changes.everything or changes.users:
            return True
        own = not any(changes.touches(n) for n in ("contacts", "transactions", "interactions", "feedback",
                                                   "revisits", "reminders"))
        return self.customer_id in changes.customers and own

    def retranslate(self) -> None:
        names = {"owner": self.tr("Owner"), "name": self.tr("Customer name *"), "tags": self.tr("Tags"),
                 "notes": self.tr("Notes"), "custom_fields": self.tr("Custom fields (one \"name: text\" a line)")}
        for key, label in self._labels.items():
            label.setText(names.get(key) or labels.field(key))
        self._fill_choice("stage", labels.choices(labels.STAGES))
        self._fill_choice("need_type", labels.choices(labels.NEED_TYPES))
        self._fill_choice("purchasing_power", labels.choices(labels.LEVELS))
        self.save_button.setText(self.tr("Save changes"))
        self.revert_button.setText(self.tr("Revert"))
        self._update_state()

    def _fill_choice(self, key: str, items: list[tuple[str, str]]) -> None:
        box: QComboBox = self.widgets[key]  # type: ignore[assignment]
        current = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem("—", None)
        for code, text in items:
            box.addItem(text, code)
        box.setCurrentIndex(max(box.findData(current), 0) if current is not None else 0)
        box.blockSignals(False)

    # --- loading ----------------------------------------------------------------------

    def reload(self) -> None:
        customer_id = self.customer_id

        def read(session):
            users = [(u.name, u.display_name or u.name) for u in archive.list_users(session)]
            return read_customer_form(session, customer_id), users

        self.loaded, self._owners = self.context.operations.read_now(read)
        self._show(self.loaded)

    def _show(self, values: dict) -> None:
        for widget in self.widgets.values():
            widget.blockSignals(True)
        for key in TEXT_FIELDS + ("tags",):
            self.widgets[key].setText(values[key])  # type: ignore[attr-defined]
        for key in CHOICE_FIELDS:
            box: QComboBox = self.widgets[key]  # type: ignore[assignment]
            box.setCurrentIndex(max(box.findData(values[key]), 0) if values[key] else 0)
        for key in NUMBER_FIELDS:
            self.widgets[key].setValue(values[key])  # type: ignore[attr-defined]
        fill_owner_combo(self.widgets["owner"], self._owners, values["owner"])  # type: ignore[arg-type]
        self.widgets["notes"].setPlainText(values["notes"])  # type: ignore[attr-defined]
        self.widgets["custom_fields"].setPlainText(custom_fields_text(values["custom_fields"]))  # type: ignore[attr-defined]
        for widget in self.widgets.values():
            widget.blockSignals(False)
        self._clear_error()
        self.duplicate_guard.reset()
        self.save_button.setText(self.tr("Save changes"))
        self._update_state()

    # --- editing ----------------------------------------------------------------------

    def current_values(self) -> dict:
        values = {key: self.widgets[key].text().strip() for key in TEXT_FIELDS + ("tags",)}  # type: ignore[attr-defined]
        values.update({key: self.widgets[key].currentData() for key in CHOICE_FIELDS})  # type: ignore[attr-defined]
        values.update({key: self.widgets[key].value() for key in NUMBER_FIELDS})  # type: ignore[attr-defined]
        values["owner"] = owner_value(self.widgets["owner"])  # type: ignore[arg-type]
        values["notes"] = self.widgets["notes"].toPlainText().strip()  # type: ignore[attr-defined]
        values["custom_fields"] = custom_fields_of(self.widgets["custom_fields"].toPlainText())  # type: ignore[attr-defined]
        return values

    def changed_fields(self) -> dict:
        if not self.loaded:
            return {}
        current = self.current_values()
        return {key: value for key, value in current.items() if value != self.loaded.get(key)}

    def _update_state(self) -> None:
        if not hasattr(self, "save_button"):
            return
        changed = self.changed_fields()
        writable = bool(self.loaded) and not self.read_only() and not self.loaded.get("deleted")
        name_ok = bool(self.widgets["name"].text().strip())  # type: ignore[attr-defined]
        self.save_button.setEnabled(writable and bool(changed) and name_ok)
        self.revert_button.setEnabled(bool(changed))
        for widget in self.widgets.values():
            widget.setEnabled(writable)
        if not name_ok and self.loaded:
            self.status.setText(self.tr("The customer name must not be empty."))
        elif changed:
            self.status.setText(self.tr("Unsaved changes: %1").replace(
                "%1", labels.join(labels.field(k) for k in changed)))
        else:
            self.status.setText("")

    def save(self) -> None:
        changed = self.changed_fields()
        if not changed or self.customer_id is None:
            return
        customer_id, version, base = self.customer_id, self.loaded["version"], self.loaded["base"]
        fields = {key: (value if value != "" else None) for key, value in changed.items()}

        def work(session):
            archive.update_customer(session, customer_id, fields, expected_version=version, base=base)

        def write() -> None:
            self.context.operations.mutate(work, lambda _r: self._saved(), self._failed, initiator=self,
                                           label=self.tr("Saving…"))

        self._clear_error()
        if changed.keys() & set(IDENTITY_FIELDS):
            self.duplicate_guard.check(self.current_values(), customer_id, write,
                                       warned=lambda: self.save_button.setText(self.tr("Save anyway")))
        else:
            write()

    def _saved(self) -> None:
        self.refresh()
        self.status.setText(self.tr("Saved."))

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ConflictError):
            if not settle_conflict(self.context, self, error, lambda _r: self._saved(), self._failed):
                self.status.setText(self.tr("Not saved yet: your changes are still here."))
        elif isinstance(error, ValidationError):
            self._show_error(error)
        else:
            self.context.runner.default_error_handler(error)

    def _show_error(self, error: ValidationError) -> None:
        self.error_label.setText(error_text(error))
        self.error_label.show()
        widget = self.widgets.get(error.field or "")
        if widget is not None:
            widget.setStyleSheet(ERROR_STYLE)
            widget.setFocus()

    def _clear_error(self) -> None:
        self.error_label.hide()
        for widget in self.widgets.values():
            widget.setStyleSheet("")
