"""The customer's 等级档案 tab: why it has its score (criterion by criterion), what its tier's
action plan asks, its lifecycle stage and RFM segment, the manual override with its lock, and
every tier change it went through."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core.archive.records import get_customer, list_users
from accountdesk.core.i18n import AccountDeskError
from accountdesk.core.tiering.board import board_tiers
from accountdesk.core.tiering.lifecycle import STAGE_LABELS
from accountdesk.core.tiering.metrics import METRICS
from accountdesk.core.tiering.next_tier import NextTierGap, gap_of
from accountdesk.core.tiering.policies import TierPolicyView, policy_for, tier_policies
from accountdesk.core.tiering.regrade import (
    ScoreBreakdown,
    TierHistoryEntry,
    score_breakdown,
    set_manual_stage,
    set_manual_tier,
    tier_history,
    unlock_stage,
    unlock_tier,
)
from accountdesk.core.tiering.rfm import SEGMENT_LABELS
from accountdesk.core.tiering.scoring import DEFAULT_MODEL_NAME
from accountdesk.ui.customers.tab_base import CustomerTab
from accountdesk.ui.kit import labels
from accountdesk.ui.kit.dialogs import error_text
from accountdesk.ui.kit.theme import MUTED_TEXT, tier_color
from accountdesk.ui.tiers.cards import STAGE_BADGE, column_color

SHARE_ROLE = Qt.ItemDataRole.UserRole + 5  # contribution ÷ the criterion's most possible contribution
_AMOUNT = re.compile(r"\d+(?:\.\d+)?")


def money_band(band: str) -> str:
    """"≥ 50000.00" as "≥ ¥50,000": the bounds of a money band read like the amounts around them."""
    def amount(match: re.Match) -> str:
        text = labels.money(int(Decimal(match.group()) * 100))
        return text[:-3] if text.endswith(".00") else text

    return _AMOUNT.sub(amount, band)


@dataclass
class TierRecord:
    """Everything the tab shows, read in one go."""

    breakdown: ScoreBreakdown
    history: list[TierHistoryEntry]
    policy: TierPolicyView | None
    tiers: list[str]
    people: dict[str, str]  # user name → the name people know them by
    stored_score: float | None  # the score of the last re-grade (what the list and board show)
    gap: NextTierGap | None = None  # what it lacks for the next tier


def read_tier_record(session, customer_id: int, as_of) -> TierRecord:
    breakdown = score_breakdown(session, customer_id, as_of)
    tiers = board_tiers(session)
    tiers += [p.tier for p in tier_policies(session) if p.tier not in tiers]
    people = {user.name: user.display_name or user.name for user in list_users(session)}
    return TierRecord(breakdown, tier_history(session, customer_id), policy_for(session, breakdown.tier), tiers,
                      people, get_customer(session, customer_id).score, gap_of(session, breakdown))


class ContributionDelegate(QStyledItemDelegate):
    """The contribution column: the number over a bar of how much of its weight it earned."""

    def paint(self, painter: QPainter, option, index) -> None:
        share = index.data(SHARE_ROLE)
        if share is not None:
            painter.save()
            bar = QRectF(option.rect).adjusted(6, option.rect.height() - 9, -6, -5)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#e5e7eb"))
            painter.drawRoundedRect(bar, 2, 2)
            filled = QRectF(bar)
            filled.setWidth(bar.width() * max(0.0, min(1.0, share)))
            painter.setBrush(QColor("#16a34a" if share >= 0.75 else "#ca8a04" if share >= 0.4 else "#dc2626"))
            painter.drawRoundedRect(filled, 2, 2)
            painter.restore()
        super().paint(painter, option, index)


def _table(name: str) -> QTableWidget:
    table = QTableWidget()
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(30)
    return table


class TierRecordTab(CustomerTab):
    """Reads the breakdown on the spot (one customer's metrics take milliseconds)."""

    watches = None  # purchases, contacts and complaints all move the score

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.record: TierRecord | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        scroll.setWidget(body)
        outer.addWidget(scroll)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(10)

        # Summary: tier, score, what the sheet says, stage and RFM segment.
        summary = QHBoxLayout()
        self.tier_badge = QLabel()
        self.tier_badge.setObjectName("tierBadge")
        self.tier_badge.setMinimumHeight(34)
        self.score_label = QLabel()
        self.score_label.setObjectName("tierScore")
        self.score_label.setStyleSheet("font-size: 22px; font-weight: 700;")
        self.sheet_label = QLabel()
        self.sheet_label.setObjectName("mutedText")
        self.sheet_label.setWordWrap(True)
        self.stage_badge = QLabel()
        self.stage_badge.setObjectName("stageBadge")
        self.segment_label = QLabel()
        self.segment_label.setObjectName("rfmSegment")
        summary.addWidget(self.tier_badge)
        summary.addSpacing(6)
        summary.addWidget(self.score_label)
        summary.addSpacing(12)
        summary.addWidget(self.sheet_label, 1)
        summary.addWidget(self.stage_badge)
        summary.addSpacing(6)
        summary.addWidget(self.segment_label)
        layout.addLayout(summary)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(10)
        # Score breakdown.
        self.breakdown_box = QGroupBox()
        breakdown_layout = QVBoxLayout(self.breakdown_box)
        self.breakdown = _table("scoreBreakdown")
        self.breakdown.setItemDelegateForColumn(5, ContributionDelegate(self.breakdown))
        breakdown_layout.addWidget(self.breakdown)
        self.next_tier_label = QLabel()
        self.next_tier_label.setObjectName("nextTier")
        self.next_tier_label.setWordWrap(True)
        self.next_tier_label.setTextFormat(Qt.TextFormat.RichText)
        self.next_tier_label.setStyleSheet("background: #ecfdf5; color: #065f46; border: 1px solid #a7f3d0; "
                                           "border-radius: 4px; padding: 6px; font-weight: 600;")
        breakdown_layout.addWidget(self.next_tier_label)
        self.breakdown_note = QLabel()
        self.breakdown_note.setObjectName("mutedText")
        self.breakdown_note.setWordWrap(True)
        breakdown_layout.addWidget(self.breakdown_note)
        grid.addWidget(self.breakdown_box, 0, 0, 3, 1)
        # The tier's action plan.
        self.policy_box = QGroupBox()
        self.policy_form = QFormLayout(self.policy_box)
        self.policy_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.policy_values: dict[str, QLabel] = {}
        self.policy_names: dict[str, QLabel] = {}
        for key in ("revisit", "channel", "service", "discount", "rep", "plan"):
            name, value = QLabel(), QLabel()
            value.setObjectName(f"policy_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.policy_names[key], self.policy_values[key] = name, value
            self.policy_form.addRow(name, value)
        grid.addWidget(self.policy_box, 0, 1)
        # Manual tier and lock.
        self.lock_box = QGroupBox()
        lock_layout = QVBoxLayout(self.lock_box)
        self.lock_state = QLabel()
        self.lock_state.setObjectName("lockState")
        self.lock_state.setWordWrap(True)
        self.lock_state.setTextFormat(Qt.TextFormat.RichText)
        lock_layout.addWidget(self.lock_state)
        form = QHBoxLayout()
        self.manual_tier = QComboBox()
        self.manual_tier.setObjectName("manualTier")
        self.reason = QLineEdit()
        self.reason.setObjectName("manualReason")
        self.set_button = QPushButton()
        self.set_button.setObjectName("setManualTier")
        form.addWidget(self.manual_tier)
        form.addWidget(self.reason, 1)
        lock_layout.addLayout(form)
        buttons = QHBoxLayout()
        self.unlock_button = QPushButton()
        self.unlock_button.setObjectName("unlockTier")
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        buttons.addWidget(self.set_button)
        lock_layout.addLayout(buttons)
        grid.addWidget(self.lock_box, 1, 1)
        # Manual lifecycle stage and its lock (as the tier's).
        self.stage_box = QGroupBox()
        stage_layout = QVBoxLayout(self.stage_box)
        self.stage_state = QLabel()
        self.stage_state.setObjectName("stageLockState")
        self.stage_state.setWordWrap(True)
        self.stage_state.setTextFormat(Qt.TextFormat.RichText)
        stage_layout.addWidget(self.stage_state)
        stage_form = QHBoxLayout()
        self.manual_stage = QComboBox()
        self.manual_stage.setObjectName("manualStage")
        self.stage_reason = QLineEdit()
        self.stage_reason.setObjectName("stageReason")
        stage_form.addWidget(self.manual_stage)
        stage_form.addWidget(self.stage_reason, 1)
        stage_layout.addLayout(stage_form)
        stage_buttons = QHBoxLayout()
        self.unlock_stage_button = QPushButton()
        self.unlock_stage_button.setObjectName("unlockStage")
        self.set_stage_button = QPushButton()
        self.set_stage_button.setObjectName("setManualStage")
        stage_buttons.addStretch(1)
        stage_buttons.addWidget(self.unlock_stage_button)
        stage_buttons.addWidget(self.set_stage_button)
        stage_layout.addLayout(stage_buttons)
        grid.addWidget(self.stage_box, 2, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        layout.addLayout(grid)
        # History.
        self.history_box = QGroupBox()
        history_layout = QVBoxLayout(self.history_box)
        self.history = _table("tierHistory")
        self.history.setMinimumHeight(180)
        history_layout.addWidget(self.history)
        layout.addWidget(self.history_box, 1)

        self.set_button.clicked.connect(self.set_manual)
        self.reason.returnPressed.connect(self.set_manual)
        self.unlock_button.clicked.connect(self.unlock)
        self.set_stage_button.clicked.connect(self.set_stage)
        self.stage_reason.returnPressed.connect(self.set_stage)
        self.unlock_stage_button.clicked.connect(self.unlock_stage)
        self.retranslate()

    # --- reading ----------------------------------------------------------------------

    def reload(self) -> None:
        customer_id, today = self.customer_id, self.context.today()
        try:
            self.record = self.context.operations.read_now(
                lambda session: read_tier_record(session, customer_id, today))
        except AccountDeskError as error:  # e.g. a deleted customer: nothing to grade
            self.record = None
            self.sheet_label.setText(str(error.message))
            for widget in (self.manual_tier, self.reason, self.set_button, self.unlock_button, self.manual_stage,
                           self.stage_reason, self.set_stage_button, self.unlock_stage_button):
                widget.setEnabled(False)
            return
        self._show()

    def _show(self) -> None:
        record = self.record
        if record is None:
            return
        b = record.breakdown
        color = tier_color(b.tier) if b.tier in ("A", "B", "C") else column_color(
            b.tier or "", record.tiers.index(b.tier) if b.tier in record.tiers else -1)
        self.tier_badge.setStyleSheet(f"background: {color.name()}; font-size: 16px;")
        self.tier_badge.setText(self.tr("Tier %1").replace("%1", b.tier) if b.tier else self.tr("Not graded"))
        self.score_label.setText(self.tr("%1 points").replace("%1", labels.score(b.score)))
        name = self.tr("Default scoring sheet") if b.model_name == DEFAULT_MODEL_NAME else b.model_name
        sheet = self.tr("Scoring sheet “%1” (version %2), as of %3.").replace("%1", name) \
            .replace("%2", str(b.model_version)).replace("%3", b.as_of.isoformat())
        if b.rule_tier is not None:
            sheet += " " + self.tr("By its thresholds the score gives tier %1.").replace("%1", b.rule_tier)
        else:
            sheet += " " + self.tr("Tiers go by share: the tier depends on everyone's score.")
        if record.stored_score is not None and labels.score(record.stored_score) != labels.score(b.score):
            sheet += " " + self.tr("The last re-grade gave %1; the next one will use today's figures.").replace(
                "%1", labels.score(record.stored_score))
        self.sheet_label.setText(sheet)
        text, background = STAGE_BADGE.get(b.stage, ("#475569", "#f1f5f9"))
        self.stage_badge.setText(self.tr("Stage: %1").replace("%1", labels.stage(b.stage)))
        self.stage_badge.setStyleSheet(f"color: {text}; background: {background}; border-radius: 10px; "
                                       "padding: 3px 10px; font-weight: 600;")
        self.stage_badge.setToolTip(STAGE_LABELS[b.stage].text() if b.stage in STAGE_LABELS else "")
        segment = SEGMENT_LABELS[b.rfm_segment].text() if b.rfm_segment in SEGMENT_LABELS else self.tr("none yet")
        self.segment_label.setText(self.tr("RFM: %1").replace("%1", segment))
        self.segment_label.setStyleSheet("background: #eef2ff; color: #3730a3; border-radius: 10px; "
                                         "padding: 3px 10px; font-weight: 600;")
        self._show_breakdown(b, record.gap)
        self._show_policy(b.tier, record.policy)
        self._show_lock(b, record.tiers)
        self._show_stage_lock(b)
        self._show_history(record.history, record.people)

    def gap_lines(self, gap: NextTierGap) -> list[str]:
        """Per criterion, its next band and what that adds, and the band that alone lifts the tier."""
        lines = []
        for line in gap.criteria:
            if line.next_step is None:
                continue
            text = self.tr("%1: %2 (+%3 points)").replace("%1", line.label.text()).replace(
                "%2", line.next_step.text.text()).replace("%3", f"{line.next_step.gain:.1f}")
            if line.enough_alone is not None:
                text += self.tr("; alone: %1").replace("%1", line.enough_alone.text.text())
            lines.append(text)
        return lines

    def _show_breakdown(self, b: ScoreBreakdown, gap: NextTierGap | None = None) -> None:
        table = self.breakdown
        titles = [self.tr("Criterion"), self.tr("Value"), self.tr("Band"), self.tr("Points"), self.tr("Weight"),
                  self.tr("Contribution")]
        table.setColumnCount(len(titles))
        table.setHorizontalHeaderLabels(titles)
        table.setRowCount(len(b.criteria) + 1)
        total_weight = sum(c.weight for c in b.criteria if c.weight > 0) or 1
        bold = QFont()
        bold.setBold(True)
        for row, c in enumerate(b.criteria):
            if c.value is None:
                value = self.tr("no data")
            elif METRICS[c.metric].unit == "money":
                value = labels.money(int(c.value))
            else:
                value = c.display_value or ""
            if c.band is None:
                band = self.tr("no data: %1 points").replace("%1", f"{c.points:g}")
            else:
                band = money_band(c.band) if METRICS[c.metric].unit == "money" else c.band
            cells = [c.label.text(), value, band, f"{c.points:g}", f"{c.weight:g}", f"{c.contribution:.1f}"]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == 0:
                    item.setToolTip(METRICS[c.metric].label.text())
                table.setItem(row, column, item)
            if c.weight > 0:
                most = 100 * c.weight / total_weight
                table.item(row, 5).setData(SHARE_ROLE, c.contribution / most if most else 0)
        last = len(b.criteria)
        total_cells = [self.tr("Total score"), "", "", "", f"{sum(c.weight for c in b.criteria):g}",
                       labels.score(b.score)]
        for column, text in enumerate(total_cells):
            item = QTableWidgetItem(text)
            item.setFont(bold)
            item.setBackground(QColor("#f3f4f6"))
            if column >= 3:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(last, column, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 120), (2, 110), (3, 56), (4, 56), (5, 96)):
            table.setColumnWidth(column, width)
        table.setFixedHeight(table.horizontalHeader().height() + 30 * (last + 1) + 4)
        self.next_tier_label.setVisible(gap is not None)
        if gap is not None:
            summary = html.escape(gap.summary.text())
            if gap.next_tier is not None and gap.needed is not None:
                summary += html.escape(self.tr(" (tier %1 starts at %2 points)").replace("%1", gap.next_tier)
                                       .replace("%2", labels.score(gap.needed)))
                lines = self.gap_lines(gap)
                if lines:
                    summary += "<div style='font-weight: normal; margin-top: 4px;'>" + \
                        self.tr("What each criterion lacks:") + "<br>" + \
                        "<br>".join("• " + html.escape(line) for line in lines) + "</div>"
            self.next_tier_label.setText(summary)
        self.breakdown_note.setText(self.tr("Contribution = points × weight ÷ the total weight; the contributions "
                                            "add up to the score (0–100)."))

    def _show_policy(self, tier: str | None, policy: TierPolicyView | None) -> None:
        self.policy_box.setTitle(self.tr("Action plan for tier %1").replace("%1", tier) if tier
                                 else self.tr("Action plan"))
        values = {key: "—" for key in self.policy_values}
        if policy is not None:
            values["revisit"] = self.tr("every %Ln day(s)", "", policy.revisit_interval_days)
            values["channel"] = labels.interaction_kind(policy.channel) or "—"
            values["service"] = policy.service_level or "—"
            values["discount"] = f"{policy.discount_percent}%" if policy.discount_percent else "—"
            values["rep"] = policy.rep_level or "—"
            values["plan"] = policy.action_plan or "—"
        for key, label in self.policy_values.items():
            label.setText(values[key])

    def _show_lock(self, b: ScoreBreakdown, tiers: list[str]) -> None:
        if b.tier_locked:
            self.lock_state.setText(
                "<b style='color:#b45309'>" + self.tr("Locked at tier %1 by hand.").replace("%1", b.tier or "—")
                + "</b> " + self.tr("Reason: %1").replace("%1", b.lock_reason or "—") + "<br>"
                + f"<span style='color:{MUTED_TEXT}'>"
                + self.tr("Re-grading keeps this tier until it is unlocked.") + "</span>")
        else:
            self.lock_state.setText(self.tr("Set by the scoring sheet: each re-grade may change it. Setting a "
                                            "tier by hand locks it."))
        current = self.manual_tier.currentText()
        self.manual_tier.blockSignals(True)
        self.manual_tier.clear()
        self.manual_tier.addItems(tiers)
        index = self.manual_tier.findText(current if current in tiers else (b.tier or ""))
        self.manual_tier.setCurrentIndex(max(index, 0))
        self.manual_tier.blockSignals(False)
        writable = not self.read_only()
        for widget in (self.manual_tier, self.reason, self.set_button):
            widget.setEnabled(writable)
        self.unlock_button.setEnabled(writable and b.tier_locked)

    def _show_stage_lock(self, b: ScoreBreakdown) -> None:
        if b.stage_locked:
            self.stage_state.setText(
                "<b style='color:#b45309'>" + self.tr("Stage “%1” set by hand.").replace("%1", labels.stage(b.stage))
                + "</b> " + self.tr("Reason: %1").replace("%1", b.stage_lock_reason or "—") + "<br>"
                + f"<span style='color:{MUTED_TEXT}'>"
                + self.tr("Re-grading keeps this stage until it is unlocked.") + "</span>")
        else:
            self.stage_state.setText(self.tr("Set by the lifecycle rules at each re-grade. Setting a stage by hand "
                                             "locks it."))
        current = self.manual_stage.currentData() or b.stage
        self.manual_stage.blockSignals(True)
        self.manual_stage.clear()
        for code, text in labels.choices(labels.STAGES):
            if code:
                self.manual_stage.addItem(text, code)
        self.manual_stage.setCurrentIndex(max(self.manual_stage.findData(current), 0))
        self.manual_stage.blockSignals(False)
        writable = not self.read_only()
        for widget in (self.manual_stage, self.stage_reason, self.set_stage_button):
            widget.setEnabled(writable)
        self.unlock_stage_button.setEnabled(writable and b.stage_locked)

    def _show_history(self, history: list[TierHistoryEntry], people: dict[str, str]) -> None:
        table = self.history
        titles = [self.tr("When"), self.tr("Change"), self.tr("Score"), self.tr("Scoring sheet"), self.tr("How"),
                  self.tr("Reason"), self.tr("By")]
        table.setColumnCount(len(titles))
        table.setHorizontalHeaderLabels(titles)
        table.setRowCount(len(history))
        for row, entry in enumerate(history):
            sheet = "" if entry.model_name is None else (
                self.tr("Default scoring sheet") if entry.model_name == DEFAULT_MODEL_NAME else entry.model_name)
            if entry.model_version is not None:
                sheet += " " + self.tr("v%1").replace("%1", str(entry.model_version))
            cells = [
                labels.moment(entry.changed_at),
                f"{entry.old_tier or '—'} → {entry.new_tier or '—'}",
                labels.score(entry.score),
                sheet.strip(),
                self.tr("By hand") if entry.manual else self.tr("Re-grade"),
                entry.reason or "",
                people.get(entry.by or "", entry.by or ""),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 4 and entry.manual:
                    item.setForeground(QColor("#b45309"))
                if column == 5 and text:
                    item.setToolTip(text)
                table.setItem(row, column, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 130), (1, 80), (2, 56), (3, 170), (4, 70), (6, 90)):
            table.setColumnWidth(column, width)
        self.history_box.setTitle(self.tr("Tier history (%1)").replace("%1", str(len(history))))

    # --- commands ---------------------------------------------------------------------

    def set_manual(self) -> None:
        if self.customer_id is None or self.read_only():
            return
        tier, reason, customer_id = self.manual_tier.currentText(), self.reason.text().strip(), self.customer_id
        if not reason:
            self.context.dialogs.warn(self, self.tr("Manual tier change"),
                                      self.tr("Give a reason for setting the tier by hand."))
            self.reason.setFocus()
            return

        def done(_changes) -> None:
            self.reason.clear()
            self.refresh()

        def failed(error: BaseException) -> None:
            self.context.dialogs.warn(self, self.tr("Manual tier change"), error_text(error))

        today = self.context.today()
        self.context.operations.mutate(lambda session: set_manual_tier(session, customer_id, tier, reason, today=today),
                                       done, failed, initiator=self)

    def unlock(self) -> None:
        if self.customer_id is None or self.read_only():
            return
        customer_id = self.customer_id
        self.mutate(lambda session: unlock_tier(session, customer_id), lambda _changes: self.refresh())

    def set_stage(self) -> None:
        if self.customer_id is None or self.read_only():
            return
        stage, reason, customer_id = self.manual_stage.currentData(), self.stage_reason.text().strip(), self.customer_id
        if not reason:
            self.context.dialogs.warn(self, self.tr("Lifecycle stage"),
                                      self.tr("Give a reason for setting the stage by hand."))
            self.stage_reason.setFocus()
            return

        def done(_changes) -> None:
            self.stage_reason.clear()
            self.refresh()

        def failed(error: BaseException) -> None:
            self.context.dialogs.warn(self, self.tr("Lifecycle stage"), error_text(error))

        self.context.operations.mutate(lambda session: set_manual_stage(session, customer_id, stage, reason),
                                       done, failed, initiator=self)

    def unlock_stage(self) -> None:
        if self.customer_id is None or self.read_only():
            return
        customer_id = self.customer_id
        self.mutate(lambda session: unlock_stage(session, customer_id), lambda _changes: self.refresh())

    def retranslate(self) -> None:
        self.breakdown_box.setTitle(self.tr("Score breakdown"))
        self.lock_box.setTitle(self.tr("Manual tier"))
        names = {"revisit": self.tr("Revisit"), "channel": self.tr("Channel"), "service": self.tr("Service level"),
                 "discount": self.tr("Discount"), "rep": self.tr("Rep level"), "plan": self.tr("Plan")}
        for key, label in self.policy_names.items():
            label.setText(names[key])
            label.setObjectName("mutedText")
        self.reason.setPlaceholderText(self.tr("Reason (required), e.g. strategic account signed for 3 years"))
        self.set_button.setText(self.tr("Set tier and lock"))
        self.unlock_button.setText(self.tr("Unlock"))
        self.stage_box.setTitle(self.tr("Lifecycle stage"))
        self.stage_reason.setPlaceholderText(self.tr("Reason (required), e.g. contract renewed, orders resume"))
        self.set_stage_button.setText(self.tr("Set stage and lock"))
        self.unlock_stage_button.setText(self.tr("Unlock stage"))
        self.history_box.setTitle(self.tr("Tier history"))
        if self.record is not None:
            self._show()
