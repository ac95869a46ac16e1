"""`greetings`: a festival's recipient list with each contact's personal greeting, printed, as JSON,
or written to .xlsx/.csv for sending; `--mark-greeted` logs the greeting on each customer."""

from __future__ import annotations

import argparse
from datetime import date

from accountdesk.cli.output import EXIT_OK, open_db, print_json, say
from accountdesk.core.i18n import Message
from accountdesk.core.reminders.greetings import (
    export_recipients,
    festival_recipients,
    find_festival,
    mark_greeted,
)
from accountdesk.core.team.identity import find_owner


def cmd_greetings(args: argparse.Namespace) -> int:
    database = open_db(args)
    try:
        today = args.date or date.today()
        tiers = [t.strip() for value in args.tier or [] for t in value.split(",") if t.strip()] or None
        with database.session() as session:
            festival = find_festival(args.festival, args.year or today.year)
            if args.year is None and festival.on < today:  # this year's is past: the coming one
                festival = find_festival(args.festival, today.year + 1)
            owners = None if args.owner is None else [find_owner(session, args.owner)]
            recipients = festival_recipients(session, festival, tiers=tiers, owners=owners)
        if args.out:
            written = export_recipients(recipients, args.out)
            say(Message(f"已写入 {args.out}：{int(written)} 位客户", f"Wrote {args.out}: {int(written)} customers"))
        if args.mark_greeted and recipients.recipients:
            with database.write() as session:
                mark_greeted(session, festival, recipients.recipients, today)
            say(Message(f"已为 {len(recipients.recipients)} 位客户记录{festival.name_zh}祝福",
                        f"Logged the {festival.name_en} greeting on {len(recipients.recipients)} customers"))
        if args.json:
            print_json({"festival": festival.code, "name": festival.name_zh, "date": festival.on.isoformat(),
                        "recipients": [r.as_json() for r in recipients.recipients]})
            return EXIT_OK
        if not args.out:
            counts = "、".join(f"{tier} 级 {n} 位" for tier, n in recipients.counts_by_tier().items())
            counts_en = ", ".join(f"{n} in tier {tier}" for tier, n in recipients.counts_by_tier().items())
            say(Message(f"{festival.name_zh}（{festival.on.isoformat()}）祝福名单：{len(recipients.recipients)} 位（{counts}）",
                        f"{festival.name_en} ({festival.on.isoformat()}): {len(recipients.recipients)} to greet "
                        f"({counts_en})"))
            for r in recipients.recipients:
                print(f"{r.customer_code}  {r.tier or '-'}  {r.customer_name}  {r.address_as}  {r.phone or '-'}  "
                      f"{r.greeting}")
        return EXIT_OK
    finally:
        database.dispose()
