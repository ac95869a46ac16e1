"""`agenda`: one owner's ranked work for a day (the list the Today page shows), and the days after."""

from __future__ import annotations

import argparse
from datetime import date

from accountdesk.cli.output import EXIT_OK, open_db, print_json, say
from accountdesk.core.i18n import Message
from accountdesk.core.reminders.agenda import KIND_LABELS, build_agenda
from accountdesk.core.reminders.runs import run_generation
from accountdesk.core.team.identity import find_owner, signed_in_owner


def cmd_agenda(args: argparse.Namespace) -> int:
    database = open_db(args)
    try:
        return run_agenda_command(database, today=args.date or date.today(), owner=args.owner, days=args.days,
                                  as_json=args.json)
    finally:
        database.dispose()


def resolve_owner(session, owner: str | None, login: str | None) -> int | None:
    """--owner as given, else the owner this login chose in the app, else everyone's (None)."""
    if owner:
        return find_owner(session, owner)
    return signed_in_owner(session, login)


def run_agenda_command(database, today: date, owner: str | None, days: int, as_json: bool) -> int:
    """Raise what is due (and level the plans), then print the ranked list of `days` working days."""
    if not database.read_only:
        run_generation(database, today)
    with database.session() as session:
        owner_id = resolve_owner(session, owner, database.user)
        agenda = build_agenda(session, today, owner_id, days=max(1, days))
    items = agenda.items()
    if as_json:
        print_json([item.as_json() for item in items])
        return EXIT_OK
    for day, day_items in sorted(agenda.days.items()):
        say(Message(f"{day.isoformat()}：{len(day_items)} 项（每日容量 {agenda.capacity}）",
                    f"{day.isoformat()}: {len(day_items)} items (daily capacity {agenda.capacity})"))
        for rank, item in enumerate(day_items, start=1):
            who = f"{item.customer_name} [{item.customer_code}] {item.tier or '-'}" if item.customer_code else ""
            print(f"{rank:>3}. {KIND_LABELS.get(item.kind, Message(item.kind, item.kind))!s:<6} {who}  {item.reason()}")
    return EXIT_OK
