"""`duplicates` and `merge-customers`: customers entered twice, found and made one."""

from __future__ import annotations

import argparse
from datetime import date

from accountdesk.cli.output import EXIT_OK, open_db, print_json, say
from accountdesk.core.archive.duplicates import duplicate_pairs
from accountdesk.core.archive.merging import (
    MergeRefused,
    customer_id_by_code,
    last_merge,
    merge_customers,
    preview_merge,
    undo_merge,
)
from accountdesk.core.i18n import Message
from accountdesk.core.team.conflicts import run_with_retry


def cmd_duplicates(args: argparse.Namespace) -> int:
    """Likely duplicate pairs, strongest first, each with why (名称相似 / 同一电话 / 同一编号)."""
    database = open_db(args)
    try:
        with database.session() as session:
            pairs = duplicate_pairs(session)
    finally:
        database.dispose()
    if args.json:
        print_json([pair.as_dict() for pair in pairs])
        return EXIT_OK
    if not pairs:
        say(Message("没有发现疑似重复的客户", "No likely duplicate customers"))
        return EXIT_OK
    say(Message(f"疑似重复的客户：{len(pairs)} 对", f"Likely duplicate customers: {len(pairs)} pairs"))
    for pair in pairs:
        say(f"  {pair.first.code} {pair.first.name}  ⇄  {pair.second.code} {pair.second.name}  ({pair.reason_text()})")
    return EXIT_OK


def cmd_merge_customers(args: argparse.Namespace) -> int:
    """`merge-customers KEEP OTHER`: OTHER's records move to KEEP, OTHER stays as a tombstone;
    with --undo, the newest merge of the two is taken back."""
    today = args.as_of or date.today()
    database = open_db(args)
    try:
        if args.dry_run:
            with database.session() as session:
                outcome = preview_merge(session, customer_id_by_code(session, args.keep),
                                        customer_id_by_code(session, args.other))
            if args.json:
                print_json({"dry_run": True, **outcome.as_dict()})
            else:
                say(Message(f"将把 {outcome.other_code} {outcome.other_name} 合并到 {outcome.kept_code} {outcome.kept_name}（未写入）：",
                            f"Would merge {outcome.other_code} {outcome.other_name} into {outcome.kept_code} "
                            f"{outcome.kept_name} (nothing written):"))
                for line in outcome.lines():
                    say(f"  {line}")
            return EXIT_OK

        def work():
            with database.write() as session:
                kept = customer_id_by_code(session, args.keep)
                if not args.undo:
                    return merge_customers(session, kept, customer_id_by_code(session, args.other), today)
                other = customer_id_by_code(session, args.other, include_merged=True)
                record = last_merge(session, other)
                if record is None or {record.kept_id, record.merged_id} != {kept, other}:
                    raise MergeRefused(f"{args.other} 没有合并到 {args.keep}，无可撤销",
                                       f"{args.other} was not merged into {args.keep}; nothing to undo")
                return undo_merge(session, record.id, today)

        result = run_with_retry(work)
    finally:
        database.dispose()
    if args.json:
        print_json(result.as_dict())
        return EXIT_OK
    p = result.preview
    if result.undone:
        say(Message(f"已撤销合并：{p.other_code} {p.other_name} 已恢复，移回 {p.total} 条记录",
                    f"Merge undone: {p.other_code} {p.other_name} is back, {p.total} records moved back"))
    else:
        say(Message(f"已把 {p.other_code} {p.other_name} 合并到 {p.kept_code} {p.kept_name}，移入 {p.total} 条记录"
                    f"（可用 --undo 撤销）",
                    f"Merged {p.other_code} {p.other_name} into {p.kept_code} {p.kept_name}: {p.total} records moved "
                    "(--undo takes it back)"))
    for line in p.lines():
        say(f"  {line}")
    return EXIT_OK
