"""`winback` and `care`: start, follow and close a win-back; record and list care given."""

from __future__ import annotations

import argparse
from datetime import date

from accountdesk.cli.output import EXIT_OK, open_db, print_json, say
from accountdesk.core.archive.care import add_care, care_kind_label, list_care
from accountdesk.core.i18n import Message, ValidationError
from accountdesk.core.storage.models import cents_to_decimal
from accountdesk.core.winback.plans import (
    PlannedAction,
    add_action,
    close_win_back,
    customer_id_by_code,
    list_win_backs,
    open_churn_warnings,
    open_win_back_id,
    outcome_label,
    reason_label,
    start_win_back,
)


def parse_action(value: str) -> PlannedAction:
    """`2026-12-10:电话回访` → a step on that day."""
    day, separator, text = value.partition(":")
    try:
        when = date.fromisoformat(day.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not DATE:ACTION (e.g. 2026-12-10:电话回访): {value}") from None
    if not separator or not text.strip():
        raise argparse.ArgumentTypeError(f"no action after the date (e.g. 2026-12-10:电话回访): {value}")
    return PlannedAction(when, text.strip())


def cmd_winback_start(args: argparse.Namespace) -> int:
    database = open_db(args)
    try:
        with database.write() as session:
            customer_id = customer_id_by_code(session, args.code)
            waiting = open_churn_warnings(session, customer_id)
            reminder_id = args.reminder if args.reminder is not None else next(iter(waiting), None)
            win_back = start_win_back(session, customer_id, args.reason, started_on=args.date or date.today(),
                                      note=args.note, actions=args.action or [], reminder_id=reminder_id)
            [row] = [r for r in list_win_backs(session, customer_id=customer_id) if r.id == win_back.id]
        if args.json:
            print_json(row.as_json())
            return EXIT_OK
        say(Message(f"已为 {row.customer_name} [{row.customer_code}] 发起挽回（流失原因：{reason_label(row.reason, 'zh')}），"
                    f"{len(row.actions)} 项措施" + (f"，{len(waiting)} 条流失预警已处理" if waiting else ""),
                    f"Win-back started for {row.customer_name} [{row.customer_code}] (reason: "
                    f"{reason_label(row.reason, 'en')}), {len(row.actions)} action(s)"
                    + (f"; {len(waiting)} churn warning(s) done" if waiting else "")))
        return EXIT_OK
    finally:
        database.dispose()


def cmd_winback_action(args: argparse.Namespace) -> int:
    database = open_db(args)
    try:
        with database.write() as session:
            customer_id = customer_id_by_code(session, args.code)
            win_back_id = _open_win_back(session, customer_id, args.code)
            add_action(session, win_back_id, args.step)
        say(Message(f"已添加挽回措施：{args.step.due_on.isoformat()} {args.step.action}",
                    f"Win-back action added: {args.step.due_on.isoformat()} {args.step.action}"))
        return EXIT_OK
    finally:
        database.dispose()


def cmd_winback_close(args: argparse.Namespace) -> int:
    database = open_db(args)
    try:
        with database.write() as session:
            customer_id = customer_id_by_code(session, args.code)
            win_back = close_win_back(session, _open_win_back(session, customer_id, args.code), args.outcome,
                                      args.date or date.today())
            closed_on = win_back.closed_on
        say(Message(f"{args.code} 的挽回已结束：{outcome_label(args.outcome, 'zh')}（{closed_on}）",
                    f"The win-back of {args.code} ended: {outcome_label(args.outcome, 'en')} ({closed_on})"))
        return EXIT_OK
    finally:
        database.dispose()


def _open_win_back(session, customer_id: int, code: str) -> int:
    found = open_win_back_id(session, customer_id)
    if found is None:
        raise ValidationError(f"客户 {code} 没有进行中的挽回（可用 `winback start {code}` 发起）。",
                              f"{code} has no win-back in progress (start one with `winback start {code}`).",
                              field="code")
    return found


def cmd_winback_list(args: argparse.Namespace) -> int:
    database = open_db(args)
    try:
        with database.session() as session:
            rows = list_win_backs(session, open_only=not args.all)
        if args.json:
            print_json([row.as_json() for row in rows])
            return EXIT_OK
        if not rows:
            say(Message("没有进行中的挽回。", "No win-back in progress."))
        for row in rows:
            state = outcome_label(row.outcome) + (f" {row.closed_on}" if row.closed_on else "")
            print(f"{row.customer_code:<10} {row.customer_name}  {reason_label(row.reason)}  {row.started_on}  "
                  f"{state}  {row.owner or '-'}")
            for step in row.actions:
                mark = "✓" if step.done_on else "·"
                print(f"    {mark} {step.due_on} {step.action}")
        return EXIT_OK
    finally:
        database.dispose()


def cmd_care_add(args: argparse.Namespace) -> int:
    database = open_db(args)
    try:
        with database.write() as session:
            customer_id = customer_id_by_code(session, args.code)
            record = add_care(session, customer_id, {"kind": args.kind, "item": args.item, "value": args.value,
                                                     "given_on": args.date or date.today(), "occasion": args.occasion})
            value = cents_to_decimal(record.value_cents)
        say(Message(f"已记录 {args.code} 的{care_kind_label(args.kind, 'zh')}：{args.item}，¥{value}",
                    f"Recorded for {args.code}: {care_kind_label(args.kind, 'en')} {args.item}, ¥{value}"))
        return EXIT_OK
    finally:
        database.dispose()


def cmd_care_list(args: argparse.Namespace) -> int:
    database = open_db(args)
    try:
        with database.session() as session:
            customer_id = customer_id_by_code(session, args.code)
            records = [{"kind": r.kind, "item": r.item, "value": str(cents_to_decimal(r.value_cents)),
                        "given_on": r.given_on.isoformat(), "occasion": r.occasion}
                       for r in list_care(session, customer_id)]
        if args.json:
            print_json(records)
            return EXIT_OK
        for record in records:
            print(f"{record['given_on']}  {care_kind_label(record['kind']):<4} {record['item']}  ¥{record['value']}"
                  f"  {record['occasion'] or ''}")
        return EXIT_OK
    finally:
        database.dispose()
