"""The reminder centre's table (kind icons and colours, states) and the words for kinds, states,
churn rules with their numbers, and greeting suggestions."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QRect, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap

from accountdesk.core.reminders.centre import ReminderRow
from accountdesk.ui.kit import labels
from accountdesk.ui.kit.theme import MUTED_TEXT, OVERDUE_COLOR, TIER_COLORS

# Spelled out per call (not through tr()) so that lupdate finds every source text.
translate = QCoreApplication.translate

ROW_ROLE = Qt.ItemDataRole.UserRole + 30

KIND_COLORS = {
    "revisit": "#1d4ed8",
    "birthday": "#be185d",
    "festival": "#b91c1c",
    "anniversary": "#7c3aed",
    "churn": "#c2410c",
    "complaint": "#991b1b",
    "custom": "#0f766e",
}
KINDS = {
    "revisit": QT_TRANSLATE_NOOP("Reminders", "Revisit"),
    "birthday": QT_TRANSLATE_NOOP("Reminders", "Birthday"),
    "festival": QT_TRANSLATE_NOOP("Reminders", "Festival"),
    "anniversary": QT_TRANSLATE_NOOP("Reminders", "Anniversary"),
    "churn": QT_TRANSLATE_NOOP("Reminders", "Churn warning"),
    "complaint": QT_TRANSLATE_NOOP("Reminders", "Complaint"),
    "custom": QT_TRANSLATE_NOOP("Reminders", "Custom"),
}
# One character drawn in each kind's icon.
KIND_GLYPHS = {
    "revisit": QT_TRANSLATE_NOOP("Reminders", "R"),
    "birthday": QT_TRANSLATE_NOOP("Reminders", "B"),
    "festival": QT_TRANSLATE_NOOP("Reminders", "F"),
    "anniversary": QT_TRANSLATE_NOOP("Reminders", "A"),
    "churn": QT_TRANSLATE_NOOP("Reminders", "!"),
    "complaint": QT_TRANSLATE_NOOP("Reminders", "C"),
    "custom": QT_TRANSLATE_NOOP("Reminders", "N"),
}
STATES = {
    "new": QT_TRANSLATE_NOOP("Reminders", "New"),
    "seen": QT_TRANSLATE_NOOP("Reminders", "Seen"),
    "snoozed": QT_TRANSLATE_NOOP("Reminders", "Snoozed"),
    "done": QT_TRANSLATE_NOOP("Reminders", "Done"),
    "dismissed": QT_TRANSLATE_NOOP("Reminders", "Dismissed"),
}
STATE_COLORS = {"new": "#1d4ed8", "seen": "#374151", "snoozed": "#b45309", "done": "#15803d",
                "dismissed": "#9ca3af"}
RULES = {
    "purchase_gap": QT_TRANSLATE_NOOP("Reminders", "Purchase gap too long"),
    "spend_drop": QT_TRANSLATE_NOOP("Reminders", "Spending dropped"),
    "no_contact": QT_TRANSLATE_NOOP("Reminders", "No contact for too long"),
    "complaint_unresolved": QT_TRANSLATE_NOOP("Reminders", "Complaint unresolved"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("Reminders", text)


def kind_text(kind: str) -> str:
    return tr(KINDS[kind]) if kind in KINDS else kind


def state_text(row: ReminderRow, today: date) -> str:
    if row.state == "snoozed" and row.snoozed_until is not None:
        if row.snoozed_until <= today:
            return translate("Reminders", "Back from snooze")
        return translate("Reminders", "Snoozed until %1").replace("%1", labels.day(row.snoozed_until))
    return tr(STATES[row.state]) if row.state in STATES else row.state


def rule_text(rule: str | None) -> str:
    return tr(RULES[rule]) if rule in RULES else (rule or "")


def _n(data: dict, key: str) -> str:
    value = data.get(key)
    return "—" if value is None else str(value)


def rule_numbers(row: ReminderRow) -> str:
    """The numbers that made a churn rule fire, as one sentence: measured against the limit."""
    data = row.data
    rule = data.get("rule")
    if rule == "purchase_gap":
        return translate("Reminders", "%1 days since the last purchase (%2); limit %3 × the usual gap of %4 days = %5 days").replace(
            "%1", _n(data, "days_since_last_purchase")).replace("%2", _n(data, "last_purchase")).replace(
            "%3", _n(data, "factor")).replace("%4", _n(data, "median_gap_days")).replace("%5", _n(data, "threshold_days"))
    if rule == "spend_drop":
        return translate("Reminders", "Last %1 days ¥%2 against ¥%3 before: down %4% (limit %5%)").replace(
            "%1", _n(data, "window_days")).replace("%2", _n(data, "recent_spend")).replace(
            "%3", _n(data, "previous_spend")).replace("%4", _n(data, "drop_percent")).replace(
            "%5", _n(data, "threshold_percent"))
    if rule == "no_contact":
        return translate("Reminders", "%1 days without contact (last %2); limit %3 days for tier %4").replace(
            "%1", _n(data, "days_without_contact")).replace("%2", _n(data, "last_contact")).replace(
            "%3", _n(data, "limit_days")).replace("%4", _n(data, "tier"))
    if rule == "complaint_unresolved":
        return translate("Reminders", "Open %1 days since %2; limit %3 days").replace("%1", _n(data, "days_open")).replace(
            "%2", _n(data, "received_on")).replace("%3", _n(data, "limit_days"))
    return ""


def greeting_of(row: ReminderRow) -> str | None:
    """The greeting to send: the customer's (birthday, anniversary) or the A-tier one (festival)."""
    if row.data.get("greeting"):
        return str(row.data["greeting"])
    greetings = row.data.get("greetings") or {}
    for tier in ("A", "B", "C", "*"):
        if greetings.get(tier):
            return str(greetings[tier]).replace("{name}", translate("Reminders", "(name)"))
    return None


def why_text(row: ReminderRow) -> str:
    """The table's last column: the rule and its numbers, the greeting, or the revisit's lateness."""
    if row.kind in ("churn", "complaint"):
        numbers = rule_numbers(row)
        rule = rule_text(row.data.get("rule"))
        return translate("Reminders", "%1: %2").replace("%1", rule).replace("%2", numbers) if numbers else rule
    if row.kind in ("birthday", "festival", "anniversary"):
        greeting = greeting_of(row)
        return translate("Reminders", "Greeting: %1").replace("%1", greeting) if greeting else ""
    if row.kind == "revisit":
        late = row.data.get("days_late")
        if row.data.get("stage") == "overdue" and late:
            return QCoreApplication.translate("Reminders", "%Ln day(s) overdue", "", late)
        if row.event_on is not None:
            return translate("Reminders", "Planned for %1").replace("%1", labels.day(row.event_on))
    return row.detail() or ""


_ICONS: dict[tuple[str, str], QIcon] = {}


def kind_icon(kind: str) -> QIcon:
    """A small coloured rounded square with the kind's letter (painted once per kind and language)."""
    glyph = tr(KIND_GLYPHS.get(kind, "?"))
    key = (kind, glyph)
    icon = _ICONS.get(key)
    if icon is None:
        size = 18
        pixmap = QPixmap(size * 2, size * 2)  # drawn at twice the size: sharp on high-density screens
        pixmap.setDevicePixelRatio(2.0)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(KIND_COLORS.get(kind, "#4b5563")))
        painter.drawRoundedRect(QRect(1, 1, size - 2, size - 2), 4, 4)
        font = QFont()
        font.setPixelSize(11)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(QRect(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, glyph)
        painter.end()
        icon = _ICONS[key] = QIcon(pixmap)
    return icon


COLUMNS = (
    QT_TRANSLATE_NOOP("Reminders", "Kind"),
    QT_TRANSLATE_NOOP("Reminders", "Due"),
    QT_TRANSLATE_NOOP("Reminders", "Reminder"),
    QT_TRANSLATE_NOOP("Reminders", "Customer"),
    QT_TRANSLATE_NOOP("Reminders", "State"),
    QT_TRANSLATE_NOOP("Reminders", "Why / suggestion"),
)
KIND_COLUMN, DUE_COLUMN, SUBJECT_COLUMN, CUSTOMER_COLUMN, STATE_COLUMN, WHY_COLUMN = range(6)


class ReminderTableModel(QAbstractTableModel):
    """Plain reminder rows (read once on the reader thread); data() never queries."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[ReminderRow] = []
        self.today = date.today()
        self.language = "zh"

    def set_rows(self, rows: list[ReminderRow], today: date, language: str) -> None:
        self.beginResetModel()
        self.rows, self.today, self.language = rows, today, language
        self.endResetModel()

    def replace_row(self, row: ReminderRow) -> None:
        for number, existing in enumerate(self.rows):
            if existing.id == row.id:
                self.rows[number] = row
                self.dataChanged.emit(self.index(number, 0), self.index(number, len(COLUMNS) - 1))
                return

    def rowCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 (Qt override)
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 (Qt override)
        return 0 if parent is not None and parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(COLUMNS[section])
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.DecorationRole and column == KIND_COLUMN:
            return kind_icon(row.kind)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._color(row, column)
        if role == Qt.ItemDataRole.FontRole and row.state == "new" and column == SUBJECT_COLUMN:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column in (SUBJECT_COLUMN, WHY_COLUMN):
            return row.detail(self.language) if column == SUBJECT_COLUMN else self._text(row, column)
        return None

    def _text(self, row: ReminderRow, column: int) -> str:
        if column == KIND_COLUMN:
            return kind_text(row.kind)
        if column == DUE_COLUMN:
            return labels.day(row.due_on)
        if column == SUBJECT_COLUMN:
            return row.subject(self.language)
        if column == CUSTOMER_COLUMN:
            return f"{row.customer_name} · {row.customer_code}" if row.customer_code else ""
        if column == STATE_COLUMN:
            return state_text(row, self.today)
        return why_text(row)

    def _color(self, row: ReminderRow, column: int):
        if row.state in ("done", "dismissed"):
            return QBrush(QColor("#9ca3af"))
        if column == KIND_COLUMN:
            return QBrush(QColor(KIND_COLORS.get(row.kind, "#374151")))
        if column == STATE_COLUMN:
            return QBrush(QColor(STATE_COLORS.get(row.state, "#374151")))
        if column == WHY_COLUMN and row.kind == "revisit" and row.data.get("stage") == "overdue":
            return QBrush(QColor(OVERDUE_COLOR))
        if column == WHY_COLUMN:
            return QBrush(QColor(MUTED_TEXT if row.kind not in ("churn", "complaint") else "#9a3412"))
        return None


def detail_html(row: ReminderRow, language: str, today: date) -> str:
    """The panel beside the table: what, when, for whom, why (rule and numbers), what to say."""
    color = KIND_COLORS.get(row.kind, "#374151")
    parts = [
        f"<p><span style='background:{color}; color:white; padding:2px 6px; font-weight:600'>"
        f"&nbsp;{html.escape(kind_text(row.kind))}&nbsp;</span>&nbsp;&nbsp;"
        f"<span style='color:{STATE_COLORS.get(row.state, '#374151')}'>{html.escape(state_text(row, today))}</span></p>",
        f"<h3 style='margin:6px 0'>{html.escape(row.subject(language))}</h3>",
    ]
    facts = []
    if row.event_on is not None:
        facts.append((translate("Reminders", "Date"), labels.day(row.event_on)))
    facts.append((translate("Reminders", "Remind from"), labels.day(row.due_on)))
    if row.customer_code:
        tier = row.data.get("tier")
        who = translate("Reminders", "%1 (%2)").replace("%1", row.customer_name or "").replace("%2", row.customer_code)
        who = html.escape(who)
        if tier:
            tier_name = html.escape(translate("Reminders", "Tier %1").replace("%1", tier))
            who += f" · <b style='color:{TIER_COLORS.get(tier, '#4b5563')}'>{tier_name}</b>"
        facts.append((translate("Reminders", "Customer"), who))
    parts.append("<table cellspacing='0' cellpadding='2'>" + "".join(
        f"<tr><td style='color:{MUTED_TEXT}; padding-right:10px'>{html.escape(name)}</td><td>{value}</td></tr>"
        for name, value in facts) + "</table>")
    detail = row.detail(language)
    if detail:
        parts.append(f"<p style='margin-top:8px'>{html.escape(detail)}</p>")
    if row.kind in ("churn", "complaint") and row.data.get("rule"):
        fired = translate("Reminders", "Rule fired: %1").replace("%1", rule_text(row.data.get("rule")))
        parts.append(f"<p style='margin-top:8px'><b style='color:#9a3412'>{html.escape(fired)}</b>"
                     f"<br><span style='color:#374151'>{html.escape(rule_numbers(row))}</span></p>")
    greetings = row.data.get("greetings") or {}
    if row.data.get("greeting"):
        parts.append(_greeting_box(translate("Reminders", "Suggested greeting"), [str(row.data["greeting"])]))
    elif greetings:
        lines = []
        for tier, text in sorted(greetings.items()):
            name = translate("Reminders", "Tier %1").replace("%1", tier) if tier != "*" else \
                translate("Reminders", "Not graded")
            greeting = str(text).replace("{name}", translate("Reminders", "(name)"))
            lines.append(f"<b>{html.escape(name)}</b>: {html.escape(greeting)}")
        parts.append(_greeting_box(translate("Reminders", "Suggested greetings by tier"), lines, escaped=True))
    return "".join(parts)


def _greeting_box(title: str, lines: list[str], *, escaped: bool = False) -> str:
    body = "<br>".join(line if escaped else html.escape(line) for line in lines)
    return (f"<p style='margin-top:10px; color:#be185d'><b>{html.escape(title)}</b></p>"
            f"<p style='background:#fdf2f8; padding:8px'>{body}</p>")
