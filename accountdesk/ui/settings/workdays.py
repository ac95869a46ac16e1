"""Settings section for planning: each owner's daily capacity, the team's extra days off and make-up
working days, and a preview of the special days the calendar knows (and from which source)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core import i18n
from accountdesk.core.i18n import ValidationError
from accountdesk.core.revisits.levelling import DEFAULT_CAPACITY
from accountdesk.core.revisits.team_calendar import (
    CalendarPreview,
    KnownDay,
    calendar_preview,
    save_planning,
    special_days,
)
from accountdesk.core.revisits.workdays import OFFICIAL, STATUTORY, WorkCalendar, parse_override_lines
from accountdesk.core.team.identity import Owner, list_owners
from accountdesk.ui.kit.dialogs import error_text
from accountdesk.ui.kit.retranslate import Retranslating

PREVIEW_LIMIT = 12
_WEEKDAYS_ZH = "一二三四五六日"
_WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class PlanningSettings(Retranslating, QWidget):
    """Capacities and the team's days, saved together; saving levels every plan again."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("planningSettings")
        self.owners: list[Owner] = []
        self.preview: CalendarPreview | None = None
        self.saved_text = ""
        self.capacity_spins: dict[int, QSpinBox] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(16)

        self.capacity_box = QGroupBox()
        capacity_layout = QVBoxLayout(self.capacity_box)
        self.capacity_hint = QLabel()
        self.capacity_hint.setObjectName("mutedText")
        self.capacity_hint.setWordWrap(True)
        capacity_layout.addWidget(self.capacity_hint)
        self.capacity_table = QTableWidget(0, 3)
        self.capacity_table.setObjectName("capacityTable")
        self.capacity_table.verticalHeader().hide()
        self.capacity_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.capacity_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.capacity_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        capacity_layout.addWidget(self.capacity_table, 1)
        layout.addWidget(self.capacity_box, 2)

        self.days_box = QGroupBox()
        days_layout = QVBoxLayout(self.days_box)
        self.days_hint = QLabel()
        self.days_hint.setObjectName("mutedText")
        self.days_hint.setWordWrap(True)
        days_layout.addWidget(self.days_hint)
        self.days_edit = QPlainTextEdit()
        self.days_edit.setObjectName("teamDays")
        self.days_edit.setPlaceholderText("2027-02-05 休 春节\n2027-02-20 班 春节调休")
        days_layout.addWidget(self.days_edit, 1)
        self.days_error = QLabel()
        self.days_error.setObjectName("warningText")
        self.days_error.setWordWrap(True)
        self.days_error.hide()
        days_layout.addWidget(self.days_error)
        self.source_label = QLabel()
        self.source_label.setObjectName("calendarSource")
        self.source_label.setWordWrap(True)
        days_layout.addWidget(self.source_label)
        self.preview_title = QLabel()
        days_layout.addWidget(self.preview_title)
        self.preview_table = QTableWidget(0, 3)
        self.preview_table.setObjectName("holidayPreview")
        self.preview_table.verticalHeader().hide()
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        preview_header = self.preview_table.horizontalHeader()
        preview_header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        preview_header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        preview_header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        days_layout.addWidget(self.preview_table, 2)
        layout.addWidget(self.days_box, 3)

        save_row = QHBoxLayout()
        save_row.addStretch(1)
        self.save_button = QPushButton()
        self.save_button.setObjectName("savePlanning")
        save_row.addWidget(self.save_button)
        days_layout.addLayout(save_row)

        self.days_edit.textChanged.connect(self._preview_typed)
        self.save_button.clicked.connect(self.save)
        self.retranslate()
        self.reload()

    # --- reading --------------------------------------------------------------------------

    def reload(self) -> None:
        today = self.context.today()
        self.owners, self.preview = self.context.operations.read_now(
            lambda session: (list_owners(session), calendar_preview(session, today, limit=PREVIEW_LIMIT)))
        self.saved_text = self.preview.text
        self._fill_capacities()
        self.days_edit.blockSignals(True)
        self.days_edit.setPlainText(self.preview.text)
        self.days_edit.blockSignals(False)
        self._show_days(self.preview.days)
        self._show_sources()
        self.days_error.hide()

    def _fill_capacities(self) -> None:
        self.capacity_spins.clear()
        self.capacity_table.setRowCount(len(self.owners))
        for row, owner in enumerate(self.owners):
            name = QTableWidgetItem(owner.label if owner.label == owner.name else f"{owner.label} ({owner.name})")
            self.capacity_table.setItem(row, 0, name)
            count = QTableWidgetItem(f"{owner.customers:,}")
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.capacity_table.setItem(row, 1, count)
            spin = QSpinBox()
            spin.setObjectName(f"capacity_{owner.id}")
            spin.setRange(0, 200)  # 0 shows as "default"
            spin.setValue(owner.capacity or 0)
            self.capacity_table.setCellWidget(row, 2, spin)
            self.capacity_spins[owner.id] = spin
        self._retranslate_spins()

    def _retranslate_spins(self) -> None:
        for spin in self.capacity_spins.values():
            spin.setSpecialValueText(self.tr("default (%1)").replace("%1", str(DEFAULT_CAPACITY)))
            spin.setSuffix(self.tr(" a day"))

    def _preview_typed(self) -> None:
        """The preview follows the box as it is typed (pure: no database), and says what is wrong."""
        try:
            overrides = parse_override_lines(self.days_edit.toPlainText())
        except ValidationError as error:
            self.days_error.setText(error_text(error))
            self.days_error.show()
            return
        self.days_error.hide()
        calendar = WorkCalendar({o.on: o for o in overrides})
        self._show_days(special_days(calendar, self.context.today(), PREVIEW_LIMIT))

    def _show_days(self, days: list[KnownDay]) -> None:
        zh = i18n.current_language() == "zh"
        self.preview_table.setRowCount(len(days))
        for row, known in enumerate(days):
            weekday = f"周{_WEEKDAYS_ZH[known.on.weekday()]}" if zh else _WEEKDAYS_EN[known.on.weekday()]
            self.preview_table.setItem(row, 0, QTableWidgetItem(f"{known.on.isoformat()} {weekday}"))
            mark = self.tr("day off") if known.off else self.tr("working day")
            self.preview_table.setItem(row, 1, QTableWidgetItem(mark))
            name = known.name + (self.tr(" (team list)") if known.team else "")
            self.preview_table.setItem(row, 2, QTableWidgetItem(name))

    def _show_sources(self) -> None:
        if self.preview is None:
            return
        names = {OFFICIAL: self.tr("the State Council's official schedule, make-up working days included"),
                 STATUTORY: self.tr("statutory holidays only (the make-up working days are not known yet: "
                                    "add them below)"),
                 }
        weekends = self.tr("weekends only (no holiday list for this year yet: add the days below)")
        self.source_label.setText("\n".join(
            self.tr("%1: %2").replace("%1", str(year)).replace("%2", names.get(source, weekends))
            for year, source in sorted(self.preview.sources.items())))

    # --- saving ---------------------------------------------------------------------------

    def changed_capacities(self) -> dict[int, int | None]:
        found: dict[int, int | None] = {}
        for owner in self.owners:
            value = self.capacity_spins[owner.id].value() or None
            if value != owner.capacity:
                found[owner.id] = value
        return found

    def save(self) -> None:
        capacities = self.changed_capacities()
        text = self.days_edit.toPlainText()
        days_text = text if text.strip() != self.saved_text.strip() else None
        if days_text is not None:
            try:
                parse_override_lines(days_text)
            except ValidationError as error:
                self.context.dialogs.warn(self, self.tr("Working days"), error_text(error))
                return
        if not capacities and days_text is None:
            self.context.hub.status_message.emit(self.tr("Nothing to save."))
            return
        today = self.context.today()

        def done(_changes) -> None:
            self.reload()
            self.context.hub.status_message.emit(self.tr("Saved; the planned revisits were spread over the working "
                                                         "days again."))

        self.context.operations.mutate(
            lambda session: save_planning(session, today, capacities=capacities, days_text=days_text), done,
            lambda error: self.context.dialogs.error(self, self.tr("Working days"), error_text(error)),
            initiator=self, label=self.tr("Planning the revisits again…"))

    def retranslate(self) -> None:
        self.capacity_box.setTitle(self.tr("Daily capacity"))
        self.capacity_hint.setText(self.tr("How many contacts each owner can make in a day. Today's list stops "
                                           "there, and planned revisits are spread so that no working day holds "
                                           "more."))
        self.capacity_table.setHorizontalHeaderLabels([self.tr("Owner"), self.tr("Customers"),
                                                       self.tr("Contacts a day")])
        self._retranslate_spins()
        self.days_box.setTitle(self.tr("Working days"))
        self.days_hint.setText(self.tr("Revisits are planned on working days only. One day a line: the date, 休 "
                                       "(a day off) or 班 (a make-up working day), and a name; lines starting "
                                       "with # are notes. Use it for company holidays, or when the official "
                                       "schedule for a year is newer than the app."))
        self.preview_title.setText(self.tr("Coming days off and make-up working days:"))
        self.preview_table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Is"), self.tr("Why")])
        self.save_button.setText(self.tr("Save and plan again"))
        self._show_sources()
        if self.preview is not None:
            self._preview_typed()
