"""Starting, following and closing a win-back: its reason, its dated actions and its outcome."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from accountdesk.core.archive.validation import clean_choice, clean_date, clean_text, get_row, invalid
from accountdesk.core.i18n import Message, ValidationError, current_language
from accountdesk.core.reminders.centre import set_state
from accountdesk.core.storage.models import (
    WINBACK_OUTCOMES,
    WINBACK_REASONS,
    Customer,
    Reminder,
    User,
    WinBack,
    WinBackAction,
)

REASON_LABELS = {
    "price": Message("价格", "Price"),
    "quality": Message("质量", "Quality"),
    "service": Message("服务", "Service"),
    "competitor": Message("竞争对手", "Competitor"),
    "need_gone": Message("需求消失", "Need gone"),
    "contact_left": Message("联系人离职", "Contact left"),
    "other": Message("其他", "Other"),
}
OUTCOME_LABELS = {
    "won": Message("挽回成功", "Won back"),
    "lost": Message("已流失", "Lost"),
}
OPEN_LABEL = Message("挽回中", "In progress")


def reason_label(code: str, language: str | None = None) -> str:
    label = REASON_LABELS.get(code)
    return label.text(language) if label is not None else code


def outcome_label(code: str | None, language: str | None = None) -> str:
    label = OUTCOME_LABELS.get(code or "", OPEN_LABEL)
    return label.text(language)


@dataclass(frozen=True)
class PlannedAction:
    """A step to take on a day, as a person types it before it is saved."""

    due_on: date
    action: str


def _clean_action(action: PlannedAction) -> PlannedAction:
    day = clean_date(action.due_on, "due_on", required=True)
    text = clean_text(action.action, "action", 200, required=True)
    assert day is not None and text is not None
    return PlannedAction(day, text)


def open_win_back_id(session: Session, customer_id: int) -> int | None:
    """The customer's win-back still in progress, if any (there is at most one)."""
    return session.scalar(select(WinBack.id).where(WinBack.customer_id == customer_id, WinBack.outcome.is_(None),
                                                   WinBack.deleted_at.is_(None)))


def open_churn_warnings(session: Session, customer_id: int) -> list[int]:
    """The customer's churn warnings still waiting (new, seen or snoozed), newest first."""
    return list(session.scalars(
        select(Reminder.id).where(Reminder.customer_id == customer_id, Reminder.kind == "churn",
                                  Reminder.state.in_(("new", "seen", "snoozed")), Reminder.deleted_at.is_(None))
        .order_by(Reminder.due_on.desc(), Reminder.id.desc())))


def start_win_back(session: Session, customer_id: int, reason: str, *, started_on: date, note: str | None = None,
                   actions: list[PlannedAction] = (), reminder_id: int | None = None) -> WinBack:
    """Start winning a customer back: why they drift, and the dated steps to take. The churn
    warning it starts from (`reminder_id`, kept on the win-back) and every other churn warning of
    the customer still waiting are done: the win-back now carries the work they asked for."""
    customer = get_row(session, Customer, customer_id)
    if clean_choice(reason, "reason", WINBACK_REASONS) is None:
        raise invalid("reason", "请选择流失原因", "choose why the customer is drifting away")
    if open_win_back_id(session, customer.id) is not None:
        raise ValidationError(f"客户“{customer.name}”已有进行中的挽回，请在其中添加措施或先结束它。",
                              f"{customer.name} already has a win-back in progress: add actions to it or close it first.",
                              field="reason")
    steps = [_clean_action(action) for action in actions]
    if reminder_id is not None:
        reminder = get_row(session, Reminder, reminder_id)
        if reminder.customer_id != customer.id:
            raise ValidationError(f"提醒 {reminder_id} 不是关于客户“{customer.name}”的。",
                                  f"Reminder {reminder_id} is not about {customer.name}.", field="reminder_id")
    win_back = WinBack(customer_id=customer.id, reminder_id=reminder_id, started_on=started_on, reason=reason,
                       note=clean_text(note, "note", 2000))
    session.add(win_back)
    session.flush()
    for step in steps:
        session.add(WinBackAction(win_back_id=win_back.id, customer_id=customer.id, due_on=step.due_on,
                                  action=step.action))
    # Every churn warning of the customer still waiting asked for this work: they are done.
    for warning_id in {*open_churn_warnings(session, customer.id), *([reminder_id] if reminder_id else [])}:
        set_state(session, warning_id, "done")
    session.flush()
    return win_back


def add_action(session: Session, win_back_id: int, action: PlannedAction) -> WinBackAction:
    win_back = _open(session, win_back_id)
    step = _clean_action(action)
    row = WinBackAction(win_back_id=win_back.id, customer_id=win_back.customer_id, due_on=step.due_on,
                        action=step.action)
    session.add(row)
    session.flush()
    return row


def complete_action(session: Session, action_id: int, done_on: date) -> WinBackAction:
    """The step was taken: it leaves Today."""
    row = get_row(session, WinBackAction, action_id)
    row.done_on = done_on
    session.flush()
    return row


def move_action(session: Session, action_id: int, day: date) -> WinBackAction:
    """Put an open step on another day (Today's snooze)."""
    row = get_row(session, WinBackAction, action_id)
    if row.done_on is not None:
        raise ValidationError(f"挽回措施“{row.action}”已完成。", f"The win-back action '{row.action}' is already done.",
                              field="due_on")
    row.due_on = day
    session.flush()
    return row


def close_win_back(session: Session, win_back_id: int, outcome: str, closed_on: date) -> WinBack:
    """How it ended: won back or lost. Its open steps leave Today with it."""
    win_back = _open(session, win_back_id)
    if clean_choice(outcome, "outcome", WINBACK_OUTCOMES) is None:
        raise invalid("outcome", "请选择结果", "choose how it ended")
    if closed_on < win_back.started_on:
        raise invalid("closed_on", f"早于开始日期 {win_back.started_on.isoformat()}",
                      f"is before the start {win_back.started_on.isoformat()}")
    win_back.outcome = outcome
    win_back.closed_on = closed_on
    session.flush()
    return win_back


def _open(session: Session, win_back_id: int) -> WinBack:
    win_back = get_row(session, WinBack, win_back_id)
    if win_back.outcome is not None:
        raise ValidationError(f"这次挽回已于 {win_back.closed_on} 结束（{outcome_label(win_back.outcome, 'zh')}）。",
                              f"This win-back ended on {win_back.closed_on} ({outcome_label(win_back.outcome, 'en')}).",
                              field="outcome")
    return win_back


# --- listing -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActionRow:
    id: int
    due_on: date
    action: str
    done_on: date | None


@dataclass(frozen=True)
class WinBackRow:
    """A win-back as the customer tab, the CLI and the statistics show it (plain values)."""

    id: int
    customer_id: int
    customer_code: str
    customer_name: str
    owner: str | None
    started_on: date
    reason: str
    note: str | None
    outcome: str | None
    closed_on: date | None
    reminder_id: int | None
    actions: tuple[ActionRow, ...]

    @property
    def next_action(self) -> ActionRow | None:
        return next((a for a in self.actions if a.done_on is None), None)

    def as_json(self, language: str | None = None) -> dict:
        language = language or current_language()
        return {
            "id": self.id, "customer_code": self.customer_code, "customer_name": self.customer_name,
            "owner": self.owner, "started_on": self.started_on.isoformat(), "reason": self.reason,
            "reason_label": reason_label(self.reason, language), "note": self.note, "outcome": self.outcome,
            "closed_on": self.closed_on.isoformat() if self.closed_on else None,
            "actions": [{"id": a.id, "due_date": a.due_on.isoformat(), "action": a.action,
                         "done_on": a.done_on.isoformat() if a.done_on else None} for a in self.actions],
        }


def list_win_backs(session: Session, *, customer_id: int | None = None, open_only: bool = False) -> list[WinBackRow]:
    """Win-backs, open ones first, then the newest."""
    query = (select(WinBack.id, WinBack.customer_id, Customer.code, Customer.name, User.name, WinBack.started_on,
                    WinBack.reason, WinBack.note, WinBack.outcome, WinBack.closed_on, WinBack.reminder_id)
             .join(Customer, Customer.id == WinBack.customer_id)
             .outerjoin(User, User.id == Customer.owner_id)
             .where(WinBack.deleted_at.is_(None), Customer.deleted_at.is_(None)))
    if customer_id is not None:
        query = query.where(WinBack.customer_id == customer_id)
    if open_only:
        query = query.where(WinBack.outcome.is_(None))
    heads = list(session.execute(query))
    steps: dict[int, list[ActionRow]] = {}
    ids = [head[0] for head in heads]
    for start in range(0, len(ids), 500):
        for win_back_id, action_id, due_on, action, done_on in session.execute(
                select(WinBackAction.win_back_id, WinBackAction.id, WinBackAction.due_on, WinBackAction.action,
                       WinBackAction.done_on)
                .where(WinBackAction.win_back_id.in_(ids[start:start + 500]), WinBackAction.deleted_at.is_(None))
                .order_by(WinBackAction.due_on, WinBackAction.id)):
            steps.setdefault(win_back_id, []).append(ActionRow(action_id, due_on, action, done_on))
    rows = [WinBackRow(*head, actions=tuple(steps.get(head[0], ()))) for head in heads]
    rows.sort(key=lambda r: (r.outcome is not None, -r.started_on.toordinal(), -r.id))
    return rows


def customer_id_by_code(session: Session, code: str) -> int:
    found = session.scalar(select(Customer.id).where(Customer.code == code, Customer.deleted_at.is_(None)))
    if found is None:
        raise ValidationError(f"没有编号为“{code}”的客户。", f"No customer has the code '{code}'.", field="code")
    return found
