"""Interactions with a customer: the timeline tab and the dialog that logs a call, visit or message."""

from __future__ import annotations

import html
from datetime import date, datetime, timedelta

from PySide6.QtCore import QDateTime, QUrl
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core.archive import care
from accountdesk.core.archive import records as archive
from accountdesk.core.revisits.followups import FollowUp, interaction_followups
from accountdesk.core.time import local_noon_utc
from accountdesk.ui.customers.record_dialogs import RecordDialog, combo, pydate, qdate, text_of
from accountdesk.ui.customers.tab_base import CustomerTab, as_dict
from accountdesk.ui.kit import labels
from accountdesk.ui.kit.theme import MUTED_TEXT, OVERDUE_COLOR

INTERACTION_KEYS = ("id", "version", "kind", "occurred_at", "summary", "outcome", "next_step", "satisfaction",
                    "contact_id", "user_id")

CARE_COLOR = "#db2777"
KIND_COLORS = {"phone": "#2563eb", "email": "#7c3aed", "visit": "#c2410c", "meeting": "#0f766e",
               "wechat": "#15803d", "other": "#4b5563"}


def stars(satisfaction: int | None) -> str:
    return "" if not satisfaction else "★" * satisfaction + "☆" * (5 - satisfaction)


class InteractionDialog(RecordDialog):
    """Log (or edit) one interaction; opens on the current time, the kind last used first. The next
    step can carry a date and an owner: it then becomes a to-do (calendar, reminders, sheets)."""

    def __init__(self, contacts: list[tuple[int, str]], now: datetime, interaction: dict | None = None,
                 parent: QWidget | None = None, *, owners: list[tuple[str, str]] | None = None,
                 followup: FollowUp | None = None) -> None:
        super().__init__(self.tr("Edit interaction") if interaction else self.tr("Log interaction"), parent)
        interaction = interaction or {}
        self.add_row("kind", self.tr("Kind *"), combo(labels.choices(labels.INTERACTION_KINDS),
                                                      interaction.get("kind") or "phone"))
        when = interaction.get("occurred_at") or now
        local = when.astimezone() if when.tzinfo else when
        self._loaded_when = (when, QDateTime(local.year, local.month, local.day, local.hour, local.minute, 0))
        edit = QDateTimeEdit(self._loaded_when[1])
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.add_row("occurred_at", self.tr("When *"), edit)
        contact_items: list[tuple[str | None, str]] = [(None, self.tr("(no particular contact)"))]
        contact_items += [(str(cid), name) for cid, name in contacts]
        current = str(interaction["contact_id"]) if interaction.get("contact_id") else None
        self.add_row("contact_id", self.tr("With"), combo(contact_items, current))
        summary = QPlainTextEdit(interaction.get("summary") or "")
        summary.setFixedHeight(100)
        summary.setPlaceholderText(self.tr("What was discussed"))
        self.add_row("summary", self.tr("Summary"), summary)
        self.add_row("outcome", self.tr("Outcome"), QLineEdit(interaction.get("outcome") or ""))
        self.add_row("next_step", self.tr("Next step"), QLineEdit(interaction.get("next_step") or ""))
        self.field("next_step").setPlaceholderText(self.tr("e.g. send the quotation by Wednesday"))
        # A date makes the next step a to-do; the owner is the customer's unless another is chosen.
        dated = QCheckBox(self.tr("Remind me: do it by"))
        dated.setObjectName("field_next_step_dated")
        due = QDateEdit(qdate(followup.due_on if followup else local.date() + timedelta(days=7)))
        due.setCalendarPopup(True)
        due.setDisplayFormat("yyyy-MM-dd")
        due.setObjectName("field_next_step_on")
        owner_items: list[tuple[str | None, str]] = [("", self.tr("(the customer's owner)"))]
        owner_items += [(name, display or name) for name, display in owners or []]
        owner = combo(owner_items, None)
        owner.setObjectName("field_next_step_owner")
        if followup is not None and followup.owner_id is not None:
            login = next((name for name, display in owners or [] if (display or name) == followup.owner), None)
            owner.setCurrentIndex(max(owner.findData(login), 0))
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(dated)
        layout.addWidget(due)
        layout.addWidget(QLabel(self.tr("by")))
        layout.addWidget(owner, 1)
        self.form.addRow("", row)
        self._fields["next_step_dated"], self._fields["next_step_on"], self._fields["next_step_owner"] = dated, due, owner
        open_followup = followup is not None and followup.state == "planned"
        dated.setChecked(open_followup)
        if followup is not None and not open_followup:  # done or skipped: what it was, not editable
            dated.setEnabled(False)
            dated.setText(self.tr("Follow-up done on %1").replace(
                "%1", followup.done_on.isoformat() if followup.done_on else followup.due_on.isoformat()))
        self._had_followup = open_followup
        self._sync_followup_fields()
        dated.toggled.connect(self._sync_followup_fields)
        satisfaction: list[tuple[str | None, str]] = [(None, self.tr("(not rated)"))]
        satisfaction += [(str(n), f"{stars(n)}  {n}") for n in range(5, 0, -1)]
        current_rating = str(interaction["satisfaction"]) if interaction.get("satisfaction") else None
        self.add_row("satisfaction", self.tr("Satisfaction"), combo(satisfaction, current_rating))

    def _sync_followup_fields(self, *_args) -> None:
        on = self.field("next_step_dated").isChecked() and self.field("next_step_dated").isEnabled()
        self.field("next_step_on").setEnabled(on)
        self.field("next_step_owner").setEnabled(on)

    def _followup_values(self) -> dict:
        dated = self.field("next_step_dated")
        if not dated.isEnabled():
            return {}
        if not dated.isChecked():
            return {"next_step_on": None} if self._had_followup else {}
        values = {"next_step_on": pydate(self.field("next_step_on").date())}
        owner = self.field("next_step_owner").currentData()
        if owner:
            values["next_step_owner"] = owner
        return values

    def values(self) -> dict:
        when = self.field("occurred_at").dateTime().toPython()
        loaded, shown = self._loaded_when
        if self.field("occurred_at").dateTime() == shown and loaded.tzinfo:
            when = loaded  # untouched: the stored instant, seconds and all (not a change of mine)
        contact = self.field("contact_id").currentData()
        rating = self.field("satisfaction").currentData()
        return {
            **self._followup_values(),
            "kind": self.field("kind").currentData(),
            "occurred_at": when.astimezone(),  # typed in local time
            "contact_id": int(contact) if contact else None,
            "summary": text_of(self.field("summary")),
            "outcome": text_of(self.field("outcome")),
            "next_step": text_of(self.field("next_step")),
            "satisfaction": int(rating) if rating else None,
        }


def contact_choices(session, customer_id: int) -> list[tuple[int, str]]:
    return [(c.id, c.name + (f"（{c.position}）" if c.position else "")) for c in archive.list_contacts(session, customer_id)]


def now_on(today: date) -> datetime:
    """Now, on the day the screens take as today (the real day outside tests)."""
    current = datetime.now()
    return current.replace(year=today.year, month=today.month, day=today.day)


def owner_choices(session) -> list[tuple[str, str]]:
    return [(user.name, user.display_name or user.name) for user in archive.list_users(session)]


def open_log_interaction(owner, context, customer_id: int):
    """The Log interaction dialog for a customer, saving through the core; returns the dialog."""
    contacts, owners = context.operations.read_now(
        lambda session: (contact_choices(session, customer_id), owner_choices(session)))
    dialog = InteractionDialog(contacts, now_on(context.today()), parent=owner, owners=owners)

    def failed(error: BaseException) -> None:
        if not dialog.handles(error):
            context.runner.default_error_handler(error)

    dialog.submitted.connect(lambda values: context.operations.mutate(
        lambda session: archive.log_interaction(session, customer_id, values).id, dialog.saved, failed))
    dialog.open()
    return dialog


class InteractionsTab(CustomerTab):
    """A timeline, newest first: when, kind, with whom, summary, outcome, next step, rating."""

    watches = ("interactions", "contacts", "care")

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.log_button = QPushButton()
        self.log_button.setObjectName("primaryButton")
        self.log_button.clicked.connect(self.log_interaction)
        self.summary = QLabel()
        self.summary.setObjectName("mutedText")
        bar.addWidget(self.log_button)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        layout.addLayout(bar)
        self.timeline = QTextBrowser()
        self.timeline.setObjectName("interactionTimeline")
        self.timeline.setOpenLinks(False)
        self.timeline.anchorClicked.connect(self._on_link)
        layout.addWidget(self.timeline)
        self.records: list[dict] = []
        self._contacts: dict[int, str] = {}
        self._users: dict[int, str] = {}
        self._followups: dict[int, FollowUp] = {}
        self._owners: list[tuple[str, str]] = []
        self._care: list[dict] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.log_button.setText(self.tr("Log interaction…  (Ctrl+L)"))
        self.log_button.setEnabled(not self.read_only())
        self._render()

    def reload(self) -> None:
        customer_id = self.customer_id

        today = self.context.today()

        def read(session):
            records = [as_dict(i, INTERACTION_KEYS) for i in archive.list_interactions(session, customer_id)]
            contacts = dict(contact_choices(session, customer_id))
            users = {u.id: (u.display_name or u.name) for u in archive.list_users(session)}
            followups = interaction_followups(session, [r["id"] for r in records], today)
            given = [as_dict(r, ("id", "kind", "item", "value_cents", "given_on", "occasion"))
                     for r in care.list_care(session, customer_id)]
            return records, contacts, users, followups, owner_choices(session), given

        self.records, self._contacts, self._users, self._followups, self._owners, self._care = \
            self.context.operations.read_now(read)
        self._render()

    def _render(self) -> None:
        if not self.records and not self._care:
            empty = html.escape(self.tr("No interactions recorded yet."))
            self.timeline.setHtml(f"<p style='color:#6b7280'>{empty}</p>")
            self.summary.setText("")
            return
        parts = []
        # (Translated outside the f-strings below: lupdate does not look inside them.)
        edit, delete = html.escape(self.tr("Edit")), html.escape(self.tr("Delete"))
        outcome, next_step = self.tr("Outcome: %1"), self.tr("Next step: %1")
        # Care given sits in the timeline among the contacts, on its day (after that day's contacts).
        entries = sorted([(local_noon_utc(c["given_on"]), 0, c) for c in self._care] +
                         [(r["occurred_at"], 1, r) for r in self.records], key=lambda e: (e[0], e[1]), reverse=True)
        for _when, is_contact, record in entries:
            if not is_contact:
                parts.append(self._care_html(record))
                continue
            kind = record["kind"]
            color = KIND_COLORS.get(kind, "#4b5563")
            head = [f"<b>{labels.moment(record['occurred_at'])}</b>",
                    f"<span style='color:{color}; font-weight:600'>{html.escape(labels.interaction_kind(kind))}</span>"]
            if record["contact_id"] in self._contacts:
                head.append(html.escape(self.tr("with %1").replace("%1", self._contacts[record["contact_id"]])))
            if record["user_id"] in self._users:
                head.append(f"<span style='color:#6b7280'>{html.escape(self._users[record['user_id']])}</span>")
            if record["satisfaction"]:
                head.append(f"<span style='color:#d97706'>{stars(record['satisfaction'])}</span>")
            lines = ["&nbsp;&nbsp;·&nbsp;&nbsp;".join(head)]
            if record["summary"]:
                lines.append(html.escape(record["summary"]).replace("\n", "<br>"))
            if record["outcome"]:
                lines.append(f"<span style='color:#374151'>{html.escape(outcome.replace('%1', record['outcome']))}</span>")
            followup = self._followups.get(record["id"])
            if record["next_step"] or followup is not None:
                step = html.escape(next_step.replace("%1", record["next_step"] or ""))
                if followup is not None:
                    step += " &nbsp;·&nbsp; " + self._followup_html(followup)
                lines.append(f"<span style='color:#1d4ed8'>{step}</span>")
            if not self.read_only():
                lines.append(f"<a href='edit:{record['id']}'>{edit}</a>&nbsp;&nbsp;<a href='delete:{record['id']}'>{delete}</a>")
            # Qt's rich text draws no borders on blocks: the kind's colour bar is a narrow table cell.
            parts.append(f"<table width='100%' cellspacing='0' cellpadding='0' style='margin-bottom:14px'><tr>"
                         f"<td width='3' bgcolor='{color}'></td><td style='padding-left:8px'>"
                         + "<br>".join(lines) + "</td></tr></table>")
        self.timeline.setHtml("".join(parts))
        rated = [r["satisfaction"] for r in self.records if r["satisfaction"]]
        summary = self.tr("%Ln interaction(s)", "", len(self.records))
        if rated:
            summary += "  ·  " + self.tr("average satisfaction %1").replace("%1", f"{sum(rated) / len(rated):.1f}")
        self.summary.setText(summary)

    def _care_html(self, record: dict) -> str:
        head = [f"<b>{labels.day(record['given_on'])}</b>",
                f"<span style='color:{CARE_COLOR}; font-weight:600'>{html.escape(labels.care_kind(record['kind']))}"
                "</span>", html.escape(record["item"]), labels.money(record["value_cents"])]
        if record["occasion"]:
            head.append(f"<span style='color:#6b7280'>{html.escape(record['occasion'])}</span>")
        return (f"<table width='100%' cellspacing='0' cellpadding='0' style='margin-bottom:14px'><tr>"
                f"<td width='3' bgcolor='{CARE_COLOR}'></td><td style='padding-left:8px'>"
                + "&nbsp;&nbsp;·&nbsp;&nbsp;".join(head) + "</td></tr></table>")

    def _followup_html(self, followup: FollowUp) -> str:
        """When and whose the promised step is, and whether it was kept."""
        who = followup.owner or ""
        if followup.state == "done":
            text = self.tr("done %1").replace("%1", followup.done_on.isoformat() if followup.done_on else "")
            color = "#15803d"
        elif followup.state == "skipped":
            text, color = self.tr("skipped"), MUTED_TEXT
        elif followup.status == "overdue":
            text, color = self.tr("overdue since %1").replace("%1", followup.due_on.isoformat()), OVERDUE_COLOR
        else:
            text, color = self.tr("by %1").replace("%1", followup.due_on.isoformat()), "#1d4ed8"
        return f"<b style='color:{color}'>{html.escape(text)}</b>" + (f" {html.escape(who)}" if who else "")

    def _on_link(self, url: QUrl) -> None:
        action, _, raw_id = url.toString().partition(":")
        record = next((r for r in self.records if str(r["id"]) == raw_id), None)
        if record is None:
            return
        if action == "edit":
            self.edit_interaction(record)
        elif action == "delete" and self.context.dialogs.ask(self, self.tr("Delete"),
                                                             self.tr("Delete this interaction?")):
            self.mutate(lambda session: archive.delete_interaction(session, record["id"]).id)

    def log_interaction(self) -> None:
        if self.customer_id is not None and not self.read_only():
            self.active_dialog = open_log_interaction(self, self.context, self.customer_id)

    def edit_interaction(self, record: dict) -> None:
        contacts = list(self._contacts.items())
        dialog = InteractionDialog(contacts, now_on(self.context.today()), record, parent=self, owners=self._owners,
                                   followup=self._followups.get(record["id"]))
        self.run_dialog(dialog, lambda session, values: archive.update_interaction(
            session, record["id"], values, expected_version=record["version"], base=record).id)
