"""`duplicates` and `merge-customers`: customers entered twice, found and made one."""

from __future__ import annotations

import argparse

from accountdesk.cli.output import EXIT_OK, open_db, print_json, say
from accountdesk.core.archive.duplicates import duplicate_pairs
from accountdesk.core.i18n import Message


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
