"""Settings sections for the team's rules: tier policies (行动方案) and reminders (lead times, churn, festivals)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core.changes import Changes
from accountdesk.core.i18n import ValidationError, current_language
from accountdesk.core.reminders.care_dates import FESTIVAL_NAMES, CustomDay
from accountdesk.core.reminders.settings import ANY_TIER, load_reminder_settings, save_reminder_settings
from accountdesk.core.storage.models import INTERACTION_KINDS, LIFECYCLE_STAGES
from accountdesk.core.team.identity import list_owners
from accountdesk.core.tiering.policies import tier_policies, update_tier_policy
from accountdesk.core.tiering.resources import ROLE_LABELS, owner_roles, set_owner_role
from accountdesk.core.tiering.sheet_text import model_summaries
from accountdesk.core.tiering.stage_policies import load_stage_policies, update_stage_policy
from accountdesk.ui.dashboard.tables import tier_text
from accountdesk.ui.kit import labels
from accountdesk.ui.kit.dialogs import error_text
from accountdesk.ui.kit.retranslate import Retranslating

POLICY_FIELDS = ("revisit_interval_days", "channel", "service_level", "discount_percent", "rep_level", "action_plan")
STAGE_FIELDS = ("interval_days", "channel", "action")
TIER_ROLE = Qt.ItemDataRole.UserRole + 1


class PolicyEditor(Retranslating, QWidget):
    """One row per tier; an edited cell is saved at once (and put back if the core refuses it)."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("policyEditor")
        self._filling = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.hint = QLabel()
        self.hint.setObjectName("mutedText")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.table = QTableWidget(0, len(POLICY_FIELDS))
        self.table.setObjectName("policyTable")
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(len(POLICY_FIELDS) - 1, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((150, 120, 150, 90, 130)):
            self.table.setColumnWidth(column, width)
        self.table.verticalHeader().setDefaultSectionSize(40)
        layout.addWidget(self.table, 1)
        # Beside the tiers: what each lifecycle stage adds (the stricter of the two plans revisits).
        self.stage_hint = QLabel()
        self.stage_hint.setObjectName("mutedText")
        self.stage_hint.setWordWrap(True)
        layout.addWidget(self.stage_hint)
        self.stage_table = QTableWidget(len(LIFECYCLE_STAGES), len(STAGE_FIELDS))
        self.stage_table.setObjectName("stagePolicyTable")
        self.stage_table.setEditTriggers(self.table.editTriggers())
        stage_header = self.stage_table.horizontalHeader()
        stage_header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        stage_header.setSectionResizeMode(len(STAGE_FIELDS) - 1, QHeaderView.ResizeMode.Stretch)
        self.stage_table.setColumnWidth(0, 170)
        self.stage_table.setColumnWidth(1, 120)
        layout.addWidget(self.stage_table, 1)
        # Each owner's rep level, which the tier board and statistics hold against a tier's rep level.
        self.roles_hint = QLabel()
        self.roles_hint.setObjectName("mutedText")
        self.roles_hint.setWordWrap(True)
        layout.addWidget(self.roles_hint)
        self.roles = QTableWidget(0, 2)
        self.roles.setObjectName("ownerRoles")
        self.roles.verticalHeader().hide()
        self.roles.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.roles.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.roles.setMaximumHeight(220)
        layout.addWidget(self.roles)
        self.table.itemChanged.connect(self._on_item_changed)
        self.stage_table.itemChanged.connect(self._on_stage_item_changed)
        self.retranslate()
        self.reload()

    def tiers(self) -> list[str]:
        return [self.table.verticalHeaderItem(r).data(TIER_ROLE) for r in range(self.table.rowCount())]

    def reload(self) -> None:
        def read(session):
            policies = tier_policies(session)
            active = next((m for m in model_summaries(session) if m.active), None)
            tiers = list((active.definition.get("tiers") if active else None) or [])
            return policies, tiers, load_stage_policies(session)

        policies, model_tiers, stages = self.context.operations.read_now(read)
        self._reload_roles()
        by_tier = {p.tier: p for p in policies}
        tiers = model_tiers + [p.tier for p in policies if p.tier not in model_tiers]
        self._filling = True
        self.table.setRowCount(len(tiers))
        for row, tier in enumerate(tiers):
            head = QTableWidgetItem(tier_text(tier))
            head.setData(TIER_ROLE, tier)
            self.table.setVerticalHeaderItem(row, head)
            policy = by_tier.get(tier)
            values = policy.as_dict() if policy is not None else {}
            for column, name in enumerate(POLICY_FIELDS):
                if name == "channel":
                    self._channel_combo(row, values.get("channel"))
                    continue
                value = values.get(name)
                text = "" if value is None else str(value)
                self.table.setItem(row, column, QTableWidgetItem(text))
        for row, stage in enumerate(LIFECYCLE_STAGES):
            policy = stages[stage]
            head = QTableWidgetItem(labels.stage(stage))
            head.setData(TIER_ROLE, stage)
            self.stage_table.setVerticalHeaderItem(row, head)
            days = QTableWidgetItem("" if policy.interval_days is None else str(policy.interval_days))
            self.stage_table.setItem(row, 0, days)
            self._stage_channel_combo(row, policy.channel)
            self.stage_table.setItem(row, 2, QTableWidgetItem(policy.action or ""))
        self._filling = False

    def _stage_channel_combo(self, row: int, value: str | None) -> None:
        combo = QComboBox()
        combo.addItem("—", None)
        for kind in INTERACTION_KINDS:
            combo.addItem(labels.interaction_kind(kind), kind)
        combo.setCurrentIndex(max(combo.findData(value), 0))
        combo.currentIndexChanged.connect(
            lambda _i, r=row, c=combo: self.save_stage_field(r, "channel", c.currentData()))
        self.stage_table.setCellWidget(row, 1, combo)

    def _on_stage_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        name = STAGE_FIELDS[item.column()]
        text = item.text().strip()
        value: object = text
        if name == "interval_days":
            if not text:
                value = None
            else:
                try:
                    value = int(text)
                except ValueError:
                    self._refused(ValidationError("回访间隔须为正整数（天），留空则沿用等级的间隔",
                                                  "the revisit interval is a whole number of days, or empty"))
                    return
        self.save_stage_field(item.row(), name, value)

    def save_stage_field(self, row: int, name: str, value: object) -> None:
        stage = LIFECYCLE_STAGES[row]
        self.context.operations.mutate(
            lambda session: update_stage_policy(session, stage, {name: value}),
            lambda _changes: self.context.hub.status_message.emit(
                self.tr("Saved the policy of the %1 stage.").replace("%1", labels.stage(stage))),
            self._refused, initiator=self, label=self.tr("Saving the stage policy…"),
            changes=Changes(settings=True, revisits=True))
    def _reload_roles(self) -> None:
        def read(session):
            owners = list_owners(session)
            roles = owner_roles(session, [o.id for o in owners])
            return [(o.id, o.label, roles.get(o.id)) for o in owners]

        rows = self.context.operations.read_now(read)
        self.roles.setRowCount(len(rows))
        for row, (owner_id, label, role) in enumerate(rows):
            self.roles.setItem(row, 0, QTableWidgetItem(label))
            combo = QComboBox()
            for code, name in ROLE_LABELS.items():
                combo.addItem(name.text(), code)
            combo.setCurrentIndex(max(combo.findData(role), 0))
            combo.setEnabled(not self.context.read_only)
            combo.currentIndexChanged.connect(lambda _i, o=owner_id, c=combo: self.save_role(o, c.currentData()))
            self.roles.setCellWidget(row, 1, combo)

    def save_role(self, owner_id: int, role: str) -> None:
        self.context.operations.mutate(
            lambda session: set_owner_role(session, owner_id, role),
            lambda _user: self.context.hub.status_message.emit(self.tr("Saved the owner's rep level.")),
            self._refused, initiator=self, label=self.tr("Saving the rep level…"), changes=Changes(users=True))

    def _channel_combo(self, row: int, value: str | None) -> None:
        combo = QComboBox()
        combo.addItem("—", None)
        for kind in INTERACTION_KINDS:
            combo.addItem(labels.interaction_kind(kind), kind)
        combo.setCurrentIndex(max(combo.findData(value), 0))
        combo.currentIndexChanged.connect(lambda _i, r=row, c=combo: self.save_field(r, "channel", c.currentData()))
        self.table.setCellWidget(row, POLICY_FIELDS.index("channel"), combo)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        name = POLICY_FIELDS[item.column()]
        text = item.text().strip()
        value: object = text
        if name == "revisit_interval_days":
            try:
                value = int(text)
            except ValueError:
                self._refused(ValidationError("回访间隔须为正整数（天）",
                                              "the revisit interval must be a whole number of days above 0"))
                return
        self.save_field(item.row(), name, value)

    def save_field(self, row: int, name: str, value: object) -> None:
        tier = self.tiers()[row]
        self.context.operations.mutate(
            lambda session: update_tier_policy(session, tier, {name: value}),
            lambda _changes: self.context.hub.status_message.emit(
                self.tr("Saved the policy of %1.").replace("%1", tier_text(tier))),
            self._refused, initiator=self, label=self.tr("Saving the tier policy…"),
            changes=Changes(tiers=True, settings=True))

    def _refused(self, error: BaseException) -> None:
        self.context.dialogs.warn(self, self.tr("Tier policy"), error_text(error))
        self.reload()  # the stored value comes back

    def retranslate(self) -> None:
        self.hint.setText(self.tr("What each tier gets (行动方案): how often it is revisited and how, the service "
                                  "level, discount and rep. Double-click a cell to change it; it is saved at once."))
        self.roles_hint.setText(self.tr("Each owner's rep level: the tier board and statistics warn when a "
                                        "customer's owner is below the rep level of its tier."))
        self.roles.setHorizontalHeaderLabels([self.tr("Owner"), self.tr("Rep level")])
        self.table.setHorizontalHeaderLabels([
            self.tr("Revisit every (days)"), self.tr("Channel"), self.tr("Service level"), self.tr("Discount %"),
            self.tr("Rep level"), self.tr("Action plan")])
        self.stage_hint.setText(self.tr("What each lifecycle stage adds: a revisit interval (empty: the tier's), a "
                                        "channel and a suggested action. A customer is revisited on the stricter of "
                                        "its tier and its stage: the shorter interval, the more personal channel."))
        self.stage_table.setHorizontalHeaderLabels([self.tr("At most every (days)"), self.tr("Channel"),
                                                    self.tr("Suggested action")])
        for row in range(self.stage_table.rowCount()):
            head = self.stage_table.verticalHeaderItem(row)
            if head is not None:
                head.setText(labels.stage(head.data(TIER_ROLE)))
            combo = self.stage_table.cellWidget(row, 1)
            if combo is not None:
                for index in range(1, combo.count()):
                    combo.setItemText(index, labels.interaction_kind(combo.itemData(index)))
        for row in range(self.table.rowCount()):
            head = self.table.verticalHeaderItem(row)
            head.setText(tier_text(head.data(TIER_ROLE)))
            combo = self.table.cellWidget(row, POLICY_FIELDS.index("channel"))
            for index in range(1, combo.count()):
                combo.setItemText(index, labels.interaction_kind(combo.itemData(index)))


class ReminderEditor(Retranslating, QWidget):
    """Lead times, churn thresholds and festivals (built-in and the team's own days), saved together."""

    LEADS = ("birthday", "festival", "anniversary", "revisit")

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("reminderEditor")
        self.settings = None
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setHorizontalSpacing(16)

        self.lead_box = QGroupBox()
        lead_form = QFormLayout(self.lead_box)
        self.lead_spins = {kind: self._days_spin(0, 60) for kind in self.LEADS}
        self.grace_spin = self._days_spin(0, 60)
        self.catch_up_spin = self._days_spin(0, 60)
        self.lead_labels = {key: QLabel() for key in (*self.LEADS, "grace", "catch_up")}
        for key, spin in (*self.lead_spins.items(), ("grace", self.grace_spin), ("catch_up", self.catch_up_spin)):
            lead_form.addRow(self.lead_labels[key], spin)
        layout.addWidget(self.lead_box, 0, 0)

        self.churn_box = QGroupBox()
        churn_form = QFormLayout(self.churn_box)
        self.gap_spin = QDoubleSpinBox()
        self.gap_spin.setRange(1.0, 10.0)
        self.gap_spin.setSingleStep(0.5)
        self.drop_spin = QSpinBox()
        self.drop_spin.setRange(1, 100)
        self.drop_spin.setSuffix(" %")
        self.window_spin = self._days_spin(7, 730)
        self.complaint_spin = self._days_spin(1, 365)
        self.silence_spins: dict[str, QSpinBox] = {}
        self.churn_labels = {key: QLabel() for key in ("gap", "drop", "window", "complaint")}
        for key, spin in (("gap", self.gap_spin), ("drop", self.drop_spin), ("window", self.window_spin),
                          ("complaint", self.complaint_spin)):
            churn_form.addRow(self.churn_labels[key], spin)
        self.churn_form = churn_form
        self.silence_labels: dict[str, QLabel] = {}
        layout.addWidget(self.churn_box, 0, 1)

        self.festival_box = QGroupBox()
        festival_layout = QVBoxLayout(self.festival_box)
        self.festival_list = QListWidget()
        self.festival_list.setObjectName("festivalList")
        for code in FESTIVAL_NAMES:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            self.festival_list.addItem(item)
        festival_layout.addWidget(self.festival_list)
        layout.addWidget(self.festival_box, 1, 0)

        self.custom_box = QGroupBox()
        custom_layout = QVBoxLayout(self.custom_box)
        self.custom_table = QTableWidget(0, 4)
        self.custom_table.setObjectName("customDays")
        self.custom_table.verticalHeader().hide()
        self.custom_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        custom_layout.addWidget(self.custom_table)
        custom_buttons = QHBoxLayout()
        self.add_day_button = QPushButton()
        self.remove_day_button = QPushButton()
        custom_buttons.addWidget(self.add_day_button)
        custom_buttons.addWidget(self.remove_day_button)
        custom_buttons.addStretch(1)
        custom_layout.addLayout(custom_buttons)
        layout.addWidget(self.custom_box, 1, 1)

        save_row = QHBoxLayout()
        save_row.addStretch(1)
        self.save_button = QPushButton()
        self.save_button.setObjectName("primaryButton")
        save_row.addWidget(self.save_button)
        layout.addLayout(save_row, 2, 0, 1, 2)
        layout.setRowStretch(1, 1)

        self.add_day_button.clicked.connect(lambda: self._add_custom_row(CustomDay("", "", "", 1, 1)))
        self.remove_day_button.clicked.connect(
            lambda: self.custom_table.removeRow(self.custom_table.currentRow())
            if self.custom_table.currentRow() >= 0 else None)
        self.save_button.clicked.connect(self.save)
        self.retranslate()
        self.reload()

    @staticmethod
    def _days_spin(low: int, high: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        return spin

    def reload(self) -> None:
        def read(session):
            active = next((m for m in model_summaries(session) if m.active), None)
            return load_reminder_settings(session), list((active.definition.get("tiers") if active else None) or [])

        self.settings, tiers = self.context.operations.read_now(read)
        settings = self.settings
        for kind, spin in self.lead_spins.items():
            spin.setValue(settings.lead(kind))
        self.grace_spin.setValue(settings.grace_days)
        self.catch_up_spin.setValue(settings.catch_up_days)
        churn = settings.churn
        self.gap_spin.setValue(churn.gap_factor)
        self.drop_spin.setValue(churn.spend_drop_percent)
        self.window_spin.setValue(churn.window_days)
        self.complaint_spin.setValue(churn.complaint_days)
        for tier in [*tiers, *[t for t in churn.silence_days if t not in tiers and t != ANY_TIER], ANY_TIER]:
            if tier not in self.silence_spins:
                spin = self._days_spin(1, 1000)
                label = QLabel()
                self.silence_spins[tier], self.silence_labels[tier] = spin, label
                self.churn_form.addRow(label, spin)
            self.silence_spins[tier].setValue(churn.silence_for(None if tier == ANY_TIER else tier))
        for row in range(self.festival_list.count()):
            item = self.festival_list.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in settings.festivals
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.custom_table.setRowCount(0)
        for custom in settings.custom_days:
            self._add_custom_row(custom)
        self.retranslate()

    def _add_custom_row(self, custom: CustomDay) -> None:
        row = self.custom_table.rowCount()
        self.custom_table.insertRow(row)
        name = custom.name_zh if current_language() == "zh" else custom.name_en
        item = QTableWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, custom)
        self.custom_table.setItem(row, 0, item)
        month, day = QSpinBox(), QSpinBox()
        month.setRange(1, 12)
        day.setRange(1, 31)
        month.setValue(custom.month)
        day.setValue(custom.day)
        self.custom_table.setCellWidget(row, 1, month)
        self.custom_table.setCellWidget(row, 2, day)
        calendar = QComboBox()
        calendar.addItem(self.tr("Solar"), "solar")
        calendar.addItem(self.tr("Lunar"), "lunar")
        calendar.setCurrentIndex(max(calendar.findData(custom.calendar), 0))
        self.custom_table.setCellWidget(row, 3, calendar)

    def edited_settings(self):
        settings = self.settings
        for kind, spin in self.lead_spins.items():
            settings.lead_days[kind] = spin.value()
        settings.grace_days = self.grace_spin.value()
        settings.catch_up_days = self.catch_up_spin.value()
        churn = settings.churn
        churn.gap_factor = self.gap_spin.value()
        churn.spend_drop_percent = self.drop_spin.value()
        churn.window_days = self.window_spin.value()
        churn.complaint_days = self.complaint_spin.value()
        churn.silence_days = {tier: spin.value() for tier, spin in self.silence_spins.items()}
        settings.festivals = [self.festival_list.item(r).data(Qt.ItemDataRole.UserRole)
                              for r in range(self.festival_list.count())
                              if self.festival_list.item(r).checkState() == Qt.CheckState.Checked]
        days = []
        for row in range(self.custom_table.rowCount()):
            item = self.custom_table.item(row, 0)
            name = item.text().strip()
            if not name:
                raise ValidationError(f"自定义日子第 {row + 1} 行缺少名称", f"custom day {row + 1} needs a name",
                                      field="custom_days")
            before: CustomDay = item.data(Qt.ItemDataRole.UserRole)
            zh = name if current_language() == "zh" or not before.name_zh else before.name_zh
            en = name if current_language() != "zh" or not before.name_en else before.name_en
            days.append(CustomDay(code=before.code or name, name_zh=zh, name_en=en,
                                  month=self.custom_table.cellWidget(row, 1).value(),
                                  day=self.custom_table.cellWidget(row, 2).value(),
                                  calendar=self.custom_table.cellWidget(row, 3).currentData()))
        settings.custom_days = days
        return settings

    def save(self) -> None:
        try:
            settings = self.edited_settings()
        except ValidationError as error:
            self.context.dialogs.warn(self, self.tr("Reminders"), error_text(error))
            return
        self.context.operations.mutate(
            lambda session: save_reminder_settings(session, settings),
            lambda _r: self.context.hub.status_message.emit(self.tr("Saved the reminder settings.")),
            lambda error: self.context.dialogs.error(self, self.tr("Reminders"), error_text(error)),
            initiator=self, label=self.tr("Saving the reminder settings…"),
            changes=Changes(reminders=True, settings=True))

    def retranslate(self) -> None:
        self.lead_box.setTitle(self.tr("Remind me ahead (days)"))
        texts = {"birthday": self.tr("Birthdays:"), "festival": self.tr("Festivals:"),
                 "anniversary": self.tr("Anniversaries:"), "revisit": self.tr("Revisits:"),
                 "grace": self.tr("Revisit overdue after (days):"),
                 "catch_up": self.tr("Still remind when missed, up to (days):")}
        for key, label in self.lead_labels.items():
            label.setText(texts[key])
        self.churn_box.setTitle(self.tr("Churn warnings"))
        churn_texts = {"gap": self.tr("No purchase for more than × the usual gap:"),
                       "drop": self.tr("Spend down by more than:"), "window": self.tr("…comparing windows of (days):"),
                       "complaint": self.tr("Complaint unresolved after (days):")}
        for key, label in self.churn_labels.items():
            label.setText(churn_texts[key])
        for tier, label in self.silence_labels.items():
            name = self.tr("others") if tier == ANY_TIER else tier_text(tier)
            label.setText(self.tr("No contact with %1 for (days):").replace("%1", name))
        self.festival_box.setTitle(self.tr("Festivals to greet customers on"))
        for row in range(self.festival_list.count()):
            item = self.festival_list.item(row)
            zh, en = FESTIVAL_NAMES[item.data(Qt.ItemDataRole.UserRole)]
            item.setText(zh if current_language() == "zh" else en)
        self.custom_box.setTitle(self.tr("The team's own days"))
        self.custom_table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Month"), self.tr("Day"),
                                                     self.tr("Calendar")])
        for row in range(self.custom_table.rowCount()):
            combo = self.custom_table.cellWidget(row, 3)
            combo.setItemText(0, self.tr("Solar"))
            combo.setItemText(1, self.tr("Lunar"))
        self.add_day_button.setText(self.tr("Add day"))
        self.remove_day_button.setText(self.tr("Remove day"))
        self.save_button.setText(self.tr("Save reminder settings"))
