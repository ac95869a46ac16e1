"""`reminders` and `sheets`: what is due, and the printed revisit sheets."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, timedelta
from pathlib import Path

from accountdesk.cli.output import EXIT_OK, UsageError, open_db, say
from accountdesk.core.i18n import Message, counted
from accountdesk.core.reminders.centre import due_reminders
from accountdesk.core.reminders.lookahead import upcoming
from accountdesk.core.reminders.runs import KIND_NAMES, run_generation
from accountdesk.core.revisits.sheets import revisit_sheet_data, weekly_plan_data
from accountdesk.core.team.identity import find_owner
from accountdesk.printing.pdf import render_revisit_sheets

# --- reminders -------------------------------------------------------------------------------


def cmd_reminders(args: argparse.Namespace) -> int:
    database = open_db(args)
    try:
        return run_reminders_command(database, today=args.date or date.today(), days=args.days, as_json=args.json,
                                     owner=getattr(args, "owner", None))
    finally:
        database.dispose()


# --- sheets ----------------------------------------------------------------------------------


def cmd_sheets(args: argparse.Namespace) -> int:
    database = open_db(args)
    try:
        return run_sheets_command(database, Path(args.out), start=args.date_from, end=args.date_to, owner=args.owner)
    finally:
        database.dispose()




def run_reminders_command(database, today: date, days: int, as_json: bool, owner: str | None = None) -> int:
    """`accountdesk reminders`: catch up (raise what is due), then list what is due by today + days,
    and what falls in those days whose reminder is not raised yet (birthdays, festivals, anniversaries,
    planned revisits)."""
    report = None if database.read_only else run_generation(database, today)
    with database.session() as session:
        owners = None if owner is None else [find_owner(session, owner)]
        rows = due_reminders(session, today, days, owners=owners)
        ahead = upcoming(session, today, days, owners=owners)
    if as_json:
        json.dump([row.as_json() for row in rows + ahead], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    horizon = today + timedelta(days=max(0, days))
    if report is not None and report.total_created:
        print(report.summary())
    print(Message(f"截至 {horizon.isoformat()} 的提醒：{len(rows)} 条", f"Reminders due by {horizon.isoformat()}: {len(rows)}"))
    for row in rows:
        who = f" [{row.customer_code}]" if row.customer_code else ""
        print(f"{row.due_on.isoformat()}  {KIND_NAMES.get(row.kind, Message(row.kind, row.kind))!s:<8} "
              f"{row.subject()}{who}  ({row.state})")
    if ahead:
        print(Message(f"接下来 {days} 天（{today.isoformat()} – {horizon.isoformat()}）：{len(ahead)} 项",
                      f"Coming in the next {days} days ({today.isoformat()} – {horizon.isoformat()}): {len(ahead)}"))
        for row in ahead:
            who = f" [{row.customer_code}]" if row.customer_code else ""
            on = row.event_on or row.due_on
            print(f"{on.isoformat()}  {KIND_NAMES.get(row.kind, Message(row.kind, row.kind))!s:<8} {row.subject()}{who}")
    return 0




def run_sheets_command(database, out: Path, start: date | None, end: date | None, owner: str | None) -> int:
    """`accountdesk sheets`: print the revisit sheets due from `start` (today) to `end` (start + 6)."""
    today = date.today()
    start = start or today
    end = end or start + timedelta(days=6)
    if end < start:
        raise UsageError(f"--to {end} is before --from {start}")
    with database.session() as session:
        # The open plans overdue before the range come first: a printout of the week carries what is owed.
        sheets = revisit_sheet_data(session, start, end, owner, as_of=today, today=today)
        weekly = weekly_plan_data(session, start, owner, days=(end - start).days + 1, today=today)
    pages = render_revisit_sheets(sheets, weekly, Path(out), printed_on=today, owner=owner)
    period = f"{start.isoformat()} – {end.isoformat()}"
    overdue = sum(1 for sheet in sheets if sheet.overdue and sheet.due_on < start)
    if not sheets:
        say(Message(
            f"{period} 没有计划中的回访；已只写入回访计划页（{pages} 页）：{out}",
            f"No revisits planned for {period}; wrote the plan page only ({pages} page): {out}",
        ))
    else:
        say(Message(
            f"已生成 {pages} 页（回访计划 + {len(sheets)} 张回访单，{period}，其中已逾期 {overdue} 张排在最前）：{out}",
            f"Wrote {pages} pages (plan + {counted(len(sheets), 'revisit sheet')}, {period}; the {overdue} overdue first): {out}",
        ))
    return EXIT_OK
