"""回访日历: the month grid and week agenda of revisits and care dates, today's list, filters,
completing / skipping / moving a revisit, revisit sheets (preview and PDF) and the .ics export."""

from __future__ import annotations

import calendar as month_calendar
from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale, QPoint, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core import i18n
from accountdesk.core.changes import Changes
from accountdesk.core.revisits.calendar_data import (
    CalendarRange,
    calendar_range,
    calendar_tiers,
    month_grid_start,
    revisit_owners,
    week_start,
)
from accountdesk.core.revisits.plans import RevisitRow
from accountdesk.core.team.identity import signed_in_owner
from accountdesk.ui.calendar import exports as revisit_exports
from accountdesk.ui.calendar.exports import NO_TIER
from accountdesk.ui.calendar.grid import WEEKS, MonthGrid
from accountdesk.ui.calendar.items import (
    DUE_COLOR,
    AgendaEntry,
    AgendaView,
    RevisitActions,
    agenda_entries,
    day_title,
    short_day,
)
from accountdesk.ui.kit.page_base import ReloadsWhenShown
from accountdesk.ui.kit.retranslate import Retranslating
from accountdesk.ui.kit.theme import MUTED_TEXT, OVERDUE_COLOR, TIER_COLORS


class RevisitCalendarPage(ReloadsWhenShown, Retranslating, QWidget):
    """The calendar page. Everything it shows comes from one read (calendar_data.calendar_range)
    on the reader thread; changes to revisits, interactions, contacts or customers reload it."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("revisitCalendarPage")
        today = context.today()
        self.year, self.month = today.year, today.month
        self.selected_day = today
        self.mode = context.settings.value("calendar/mode", "month") or "month"
        self.owner_id: int | None = None
        self.me: int | None = None  # the signed-in owner: the calendar opens on their revisits
        self._owner_names: dict[int, str] = {}
        self._owner_chosen = False  # the person picked an owner here: a later sign-in choice does not override it
        self.tier: str | None = None
        self.data: CalendarRange | None = None
        self.current: RevisitRow | None = None
        self._serial = 0
        self._stale = True
        self.revisit_actions = RevisitActions(self, context, on_done=self._action_done)
        self._build()
        self.retranslate()
        self.reload_choices()
        self._apply_mode()
        context.hub.operation_did_execute.connect(self._on_changes)
        self.reload()

    # --- building -----------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.prev_button = QPushButton("‹")
        self.prev_button.setObjectName("previousPeriod")
        self.today_button = QPushButton()
        self.today_button.setObjectName("todayButton")
        self.next_button = QPushButton("›")
        self.next_button.setObjectName("nextPeriod")
        for button in (self.prev_button, self.next_button):
            button.setFixedWidth(34)
        self.period_label = QLabel()
        self.period_label.setObjectName("periodLabel")
        font = self.period_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.period_label.setFont(font)
        self.month_button = QPushButton()
        self.month_button.setObjectName("monthView")
        self.week_button = QPushButton()
        self.week_button.setObjectName("weekView")
        self.mode_group = QButtonGroup(self)
        for button in (self.month_button, self.week_button):
            button.setCheckable(True)
            self.mode_group.addButton(button)
        self.owner_combo = QComboBox()
        self.owner_combo.setObjectName("ownerFilter")
        self.tier_combo = QComboBox()
        self.tier_combo.setObjectName("tierFilter")
        for combo, letters in ((self.owner_combo, 7), (self.tier_combo, 5)):
            # As wide as a few characters, not the longest owner's name: the bar fits 1280 wide.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(letters)
        self.print_button = QPushButton()
        self.print_button.setObjectName("printSheets")
        self.pdf_button = QPushButton()
        self.pdf_button.setObjectName("saveSheetsPdf")
        self.ics_button = QPushButton()
        self.ics_button.setObjectName("exportIcs")
        top.addWidget(self.title)
        top.addSpacing(16)
        top.addWidget(self.prev_button)
        top.addWidget(self.today_button)
        top.addWidget(self.next_button)
        top.addSpacing(8)
        top.addWidget(self.period_label)
        top.addSpacing(12)
        top.addWidget(self.month_button)
        top.addWidget(self.week_button)
        top.addStretch(1)
        self.owner_label = QLabel()
        self.tier_label = QLabel()
        top.addWidget(self.owner_label)
        top.addWidget(self.owner_combo)
        top.addWidget(self.tier_label)
        top.addWidget(self.tier_combo)
        layout.addLayout(top)
        # The legend, then what can be made of the period shown: on a row of their own, so the
        # period's name above is never squeezed at 1280 wide.
        second = QHBoxLayout()
        self.legend = QLabel()
        self.legend.setObjectName("calendarLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        second.addWidget(self.legend, 1)
        second.addWidget(self.print_button)
        second.addWidget(self.pdf_button)
        second.addWidget(self.ics_button)
        layout.addLayout(second)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.views = QStackedWidget()
        self.grid = MonthGrid()
        self.week_list = AgendaView(self.reschedule)
        self.week_list.setObjectName("weekAgenda")
        self.week_list.agenda().compact_care = True
        self.views.addWidget(self.grid)
        self.views.addWidget(self.week_list)
        self.splitter.addWidget(self.views)

        side = QWidget()
        side.setObjectName("calendarSide")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 0, 0, 0)
        self.today_title = QLabel()
        self.today_title.setObjectName("todayTitle")
        title_font = self.today_title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
        title_font.setBold(True)
        self.today_title.setFont(title_font)
        self.today_counts = QLabel()
        self.today_counts.setObjectName("todayCounts")
        self.today_counts.setTextFormat(Qt.TextFormat.RichText)
        self.today_list = AgendaView(None)
        self.today_list.setObjectName("todayList")
        self.day_title = QLabel()
        self.day_title.setObjectName("dayTitle")
        self.day_title.setFont(title_font)
        self.day_list = AgendaView(self.reschedule, fixed_day=lambda: self.selected_day)
        self.day_list.setObjectName("dayAgenda")
        side_layout.addWidget(self.today_title)
        side_layout.addWidget(self.today_counts)
        side_layout.addWidget(self.today_list, 3)
        side_layout.addSpacing(6)
        side_layout.addWidget(self.day_title)
        side_layout.addWidget(self.day_list, 2)
        buttons = QHBoxLayout()
        self.complete_button = QPushButton()
        self.complete_button.setObjectName("primaryButton")
        self.reschedule_button = QPushButton()
        self.reschedule_button.setObjectName("rescheduleRevisit")
        self.skip_button = QPushButton()
        self.skip_button.setObjectName("skipRevisit")
        self.open_button = QPushButton()
        self.open_button.setObjectName("openCustomer")
        for button in (self.complete_button, self.reschedule_button, self.skip_button, self.open_button):
            buttons.addWidget(button)
        side_layout.addLayout(buttons)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([760, 420])
        state = self.context.settings.state("calendar/splitter")
        if state is not None:
            self.splitter.restoreState(state)
        layout.addWidget(self.splitter, 1)

        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(self.go_today)
        self.month_button.clicked.connect(lambda: self.set_mode("month"))
        self.week_button.clicked.connect(lambda: self.set_mode("week"))
        self.owner_combo.currentIndexChanged.connect(self._filters_changed)
        self.tier_combo.currentIndexChanged.connect(self._filters_changed)
        self.print_button.clicked.connect(self.print_sheets)
        self.pdf_button.clicked.connect(self.save_sheets_pdf)
        self.ics_button.clicked.connect(self.export_ics)
        self.grid.day_selected.connect(self._grid_day_selected)
        self.grid.revisit_dropped.connect(self.reschedule)
        self.grid.revisit_activated.connect(self._grid_revisit_activated)
        for view in (self.today_list, self.day_list, self.week_list):
            view.selectionModel().currentChanged.connect(lambda _c, _p, view=view: self._list_current_changed(view))
            view.activated.connect(lambda _index: self.complete_current())  # double-click or Enter
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(lambda pos, view=view: self._context_menu(view, pos))
        self.complete_button.clicked.connect(self.complete_current)
        self.reschedule_button.clicked.connect(self.reschedule_current)
        self.skip_button.clicked.connect(self.skip_current)
        self.open_button.clicked.connect(self.open_current)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Revisit calendar"))
        self.today_button.setText(self.tr("Today"))
        self.prev_button.setToolTip(self.tr("Previous"))
        self.next_button.setToolTip(self.tr("Next"))
        self.month_button.setText(self.tr("Month"))
        self.week_button.setText(self.tr("Week"))
        self.owner_label.setText(self.tr("Owner"))
        self.tier_label.setText(self.tr("Tier"))
        self.print_button.setText(self.tr("Print sheets…"))
        self.print_button.setToolTip(self.tr("Preview and print the revisit sheets of the period shown"))
        self.pdf_button.setText(self.tr("Save PDF…"))
        self.pdf_button.setToolTip(self.tr("Save the revisit sheets of the period shown as a PDF"))
        self.ics_button.setText(self.tr("Export .ics…"))
        self.ics_button.setToolTip(self.tr("Export every planned revisit to a calendar file (Outlook, phone)"))
        self.complete_button.setText(self.tr("Complete…"))
        self.reschedule_button.setText(self.tr("Reschedule…"))
        self.skip_button.setText(self.tr("Skip"))
        self.open_button.setText(self.tr("Open customer"))
        self.grid.model().headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 6)
        chips = "&nbsp;&nbsp;".join(f"<span style='color:{color}'>●</span> {tier}" for tier, color in TIER_COLORS.items())
        overdue, due = self.tr("overdue"), self.tr("due")
        care, drag = self.tr("birthdays and anniversaries"), self.tr("Drag a customer onto another day to reschedule.")
        self.legend.setText(
            f"<span style='color:{MUTED_TEXT}'>{chips}&nbsp;&nbsp;&nbsp;"
            f"<span style='color:{OVERDUE_COLOR}'>■</span> {overdue}&nbsp;&nbsp;"
            f"<span style='color:{DUE_COLOR}'>■</span> {due}&nbsp;&nbsp;"
            f"<span style='color:#be185d'>♥</span> {care}&nbsp;&nbsp;&nbsp;{drag}</span>")
        if self.owner_combo.count():
            self.owner_combo.setItemText(0, self.tr("All owners"))
            mine = self.owner_combo.findData(self.me) if self.me is not None else -1
            if mine > 0:
                self.owner_combo.setItemText(mine, self._owner_text(self.me, self._owner_names.get(self.me, "")))
        if self.tier_combo.count():
            self.tier_combo.setItemText(0, self.tr("All tiers"))
            last = self.tier_combo.count() - 1
            if self.tier_combo.itemData(last) == NO_TIER:
                self.tier_combo.setItemText(last, self.tr("Not graded"))
        self._show()

    def reload_choices(self) -> None:
        """Owners and tiers to filter by (a small read, by primary keys)."""
        login = self.context.user
        owners, tiers, me = self.context.operations.read_now(
            lambda s: (revisit_owners(s), calendar_tiers(s), signed_in_owner(s, login)))
        self._owner_names = dict(owners)
        self.me = me if me in self._owner_names else None
        if not self._owner_chosen and self.me is not None:
            self.owner_id = self.me
        for combo, items, current in ((self.owner_combo, owners, self.owner_id), (self.tier_combo, None, self.tier)):
            combo.blockSignals(True)
            combo.clear()
            if items is not None:
                combo.addItem(self.tr("All owners"), None)
                for user_id, name in items:
                    combo.addItem(self._owner_text(user_id, name), user_id)
            else:
                combo.addItem(self.tr("All tiers"), None)
                for tier in tiers:
                    combo.addItem(self.tr("Tier %1").replace("%1", tier), tier)
                combo.addItem(self.tr("Not graded"), NO_TIER)
            index = combo.findData(current)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    # --- period and mode ------------------------------------------------------------------

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.context.settings.set_value("calendar/mode", mode)
        self._apply_mode()
        self._show()

    def _apply_mode(self) -> None:
        week = self.mode == "week"
        self.views.setCurrentWidget(self.week_list if week else self.grid)
        self.week_button.setChecked(week)
        self.month_button.setChecked(not week)

    def visible_range(self) -> tuple[date, date]:
        """The period the sheets and the title refer to: the month, or the selected day's week."""
        if self.mode == "week":
            start = week_start(self.selected_day)
            return start, start + timedelta(days=6)
        last = month_calendar.monthrange(self.year, self.month)[1]
        return date(self.year, self.month, 1), date(self.year, self.month, last)

    def show_month(self, year: int, month: int, day: date | None = None) -> None:
        if day is None:
            today = self.context.today()
            day = today if (today.year, today.month) == (year, month) else date(year, month, 1)
        self.selected_day = day
        if (year, month) != (self.year, self.month):
            self.year, self.month = year, month
            self.reload()
        else:
            self._show()

    def step(self, direction: int) -> None:
        if self.mode == "week":
            day = self.selected_day + timedelta(days=7 * direction)
            self.show_month(day.year, day.month, day)
            return
        month = self.month + direction
        year = self.year + (month - 1) // 12
        month = (month - 1) % 12 + 1
        self.show_month(year, month)

    def go_today(self) -> None:
        today = self.context.today()
        self.show_month(today.year, today.month, today)

    def _owner_text(self, user_id: int, name: str) -> str:
        return self.tr("Me (%1)").replace("%1", name) if user_id == self.me else name

    def _filters_changed(self) -> None:
        if self.owner_combo.currentData() != self.owner_id:
            self._owner_chosen = True
        self.owner_id = self.owner_combo.currentData()
        self.tier = self.tier_combo.currentData()
        self.reload()

    # --- reading --------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the six weeks on screen and today's list on the reader thread; a result that
        arrives after a newer request is dropped."""
        self._stale = False
        self._serial += 1
        serial = self._serial
        first = month_grid_start(self.year, self.month)
        last = first + timedelta(days=WEEKS * 7 - 1)
        today = self.context.today()
        owner_id, tier = self.owner_id, self.tier

        def done(data: CalendarRange) -> None:
            if serial == self._serial:
                self.data = data
                self._show()

        self.context.operations.read(lambda s: calendar_range(s, first, last, today, owner_id, tier), done,
                                     label=self.tr("Reading the calendar…"))

    def _language(self) -> str:
        return i18n.current_language()

    def _show(self) -> None:
        data = self.data
        if data is None:
            return
        language = self._language()
        today = self.context.today()
        start, end = self.visible_range()
        if self.mode == "week":
            # A week runs Monday to Sunday, so its range needs no weekdays; short enough for 1280 wide.
            self.period_label.setText(self.tr("%1 – %2").replace("%1", short_day(start)).replace("%2", short_day(end)))
            self.period_label.setToolTip(self.tr("%1 – %2").replace("%1", day_title(start)).replace("%2", day_title(end)))
        else:
            self.period_label.setText(QLocale().toString(QDate(self.year, self.month, 1), self.tr("MMMM yyyy")))
            self.period_label.setToolTip("")
        # Never squeezed below its text: the filters give way first.
        self.period_label.setMinimumWidth(self.period_label.sizeHint().width())
        self.grid.month().set_month(self.year, self.month, data.start, today, data.revisits, data.care, language)
        self.grid.blockSignals(True)
        self.grid.select_day(self.selected_day)
        self.grid.blockSignals(False)
        days = [start + timedelta(days=i) for i in range(7)] if self.mode == "week" else []
        self.week_list.agenda().set_entries(agenda_entries(days, data.revisits, data.care, headers=True), today,
                                            language)
        self._show_day(language)
        entries = [AgendaEntry("revisit", row.due_on, revisit=row) for row in data.today_list]
        self.today_list.agenda().set_entries(entries, today, language)
        overdue = sum(1 for row in data.today_list if row.status == "overdue")
        due = len(data.today_list) - overdue
        self.today_title.setText(self.tr("Today · %1").replace("%1", day_title(today)))
        if data.today_list:
            overdue_text = self.tr("%1 overdue").replace("%1", str(overdue))
            due_text = self.tr("%1 due").replace("%1", str(due))
            grace_text = self.tr("grace %Ln day(s)", "", data.grace_days)
            self.today_counts.setText(
                f"<span style='color:{OVERDUE_COLOR}; font-weight:600'>{overdue_text}</span>&nbsp;&nbsp;&nbsp;"
                f"<span style='color:{DUE_COLOR}; font-weight:600'>{due_text}</span>&nbsp;&nbsp;&nbsp;"
                f"<span style='color:{MUTED_TEXT}'>{grace_text}</span>")
        else:
            nothing = self.tr("Nothing due today.")
            self.today_counts.setText(f"<span style='color:{MUTED_TEXT}'>{nothing}</span>")
        self._reselect()

    def _show_day(self, language: str | None = None) -> None:
        data = self.data
        if data is None:
            return
        day = self.selected_day
        entries = agenda_entries([day], data.revisits, data.care, headers=False)
        self.day_list.agenda().set_entries(entries, self.context.today(), language or self._language())
        count = sum(1 for e in entries if e.revisit is not None)
        self.day_title.setText(self.tr("%1 · %Ln revisit(s)", "", count).replace("%1", day_title(day)))

    def _grid_day_selected(self, day: date) -> None:
        self.selected_day = day
        if self.mode == "week":
            self._show()
        else:
            self._show_day()

    def _grid_revisit_activated(self, plan_id: int) -> None:
        if self.day_list.select_plan(plan_id):
            self.day_list.setFocus()
            self.complete_current()

    # --- the revisit acted on ---------------------------------------------------------------

    def _list_current_changed(self, view: AgendaView) -> None:
        entry = view.current_entry()
        if entry is not None and entry.revisit is not None:
            self.current = entry.revisit
            for other in (self.today_list, self.day_list, self.week_list):
                if other is not view:
                    other.clearSelection()
        elif entry is not None:
            self.current = None
        self._update_buttons()

    def _reselect(self) -> None:
        """After a reload the acted-on revisit keeps its selection if it is still shown."""
        plan_id = self.current.plan_id if self.current is not None else None
        self.current = None
        if plan_id is not None:
            for view in (self.day_list, self.today_list, self.week_list):
                if view.select_plan(plan_id):
                    break
        self._update_buttons()

    def _update_buttons(self) -> None:
        writable = not self.context.read_only
        planned = self.current is not None and self.current.state == "planned"
        self.complete_button.setEnabled(writable and planned)
        self.reschedule_button.setEnabled(writable and planned)
        self.skip_button.setEnabled(writable and planned)
        self.open_button.setEnabled(self.current is not None)
        for button in (self.pdf_button, self.print_button, self.ics_button):
            button.setEnabled(True)

    def select_revisit(self, plan_id: int) -> bool:
        """Make a revisit the one acted on (today's list first, then the day's, then the week's)."""
        return any(view.select_plan(plan_id) for view in (self.today_list, self.day_list, self.week_list))

    def complete_current(self):
        row = self.current
        if row is None or row.state != "planned":
            return None
        return self.revisit_actions.complete(row.plan_id, row.customer_name, row.channel, planned_on=row.due_on,
                                             purpose=row.purpose)

    def reschedule_current(self):
        row = self.current
        if row is None or row.state != "planned":
            return None
        return self.revisit_actions.reschedule_with_dialog(row.plan_id, row.customer_name, row.due_on)

    def skip_current(self) -> None:
        row = self.current
        if row is not None and row.state == "planned":
            self.revisit_actions.skip(row.plan_id, row.customer_name)

    def open_current(self) -> None:
        if self.current is not None:
            self.revisit_actions.open_customer(self.current.customer_id)

    def reschedule(self, plan_id: int, new_date: date) -> None:
        """Move a revisit to a day: what a drop onto the grid or an agenda does."""
        self.revisit_actions.reschedule(plan_id, new_date)

    def _context_menu(self, view: AgendaView, pos: QPoint) -> None:
        index = view.indexAt(pos)
        if not index.isValid():
            return
        view.setCurrentIndex(index)
        if self.current is None:
            return
        menu = QMenu(self)
        for button in (self.complete_button, self.reschedule_button, self.skip_button, self.open_button):
            action = menu.addAction(button.text())
            action.setEnabled(button.isEnabled())
            action.triggered.connect(button.click)
        menu.popup(view.viewport().mapToGlobal(pos))

    def _action_done(self, action: str, result) -> None:
        hub = self.context.hub
        if action == "complete":
            _interaction_id, _plan_id, next_due = result
            hub.status_message.emit(self.tr("Revisit logged; the next one is planned for %1.").replace(
                "%1", next_due.isoformat()))
        elif action == "reschedule":
            hub.status_message.emit(self.tr("Revisit moved to %1.").replace("%1", result.isoformat()))
        elif action == "skip":
            hub.status_message.emit(self.tr("Revisit skipped; the next one is planned for %1.").replace(
                "%1", result.isoformat()))

    # --- sheets and export (revisit_exports.py) ----------------------------------------------

    def print_sheets(self) -> None:
        revisit_exports.print_sheets(self)

    def show_preview(self, sheets, weekly, *, printed_on: date, owner: str | None) -> None:
        from accountdesk.ui.calendar.print_preview import show_print_preview

        show_print_preview(self, sheets, weekly, printed_on=printed_on, owner=owner)

    def save_sheets_pdf(self) -> None:
        revisit_exports.save_sheets_pdf(self)

    def export_ics(self) -> None:
        revisit_exports.export_ics(self)

    # --- changes and layout ------------------------------------------------------------------

    def _on_changes(self, changes: Changes, _initiator: object) -> None:
        relevant = (changes.everything or changes.revisits or changes.interactions or changes.contacts
                    or changes.customer_list or changes.tiers or changes.settings or bool(changes.customers))
        if changes.users or changes.everything:
            self.reload_choices()
        if relevant:
            self.request_reload()

    def save_layout(self) -> None:
        self.context.settings.set_state("calendar/splitter", self.splitter.saveState())
