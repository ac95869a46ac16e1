"""`find`: the customers a text finds, ranked as the instant search in the app ranks them."""

from __future__ import annotations

import argparse

from accountdesk.cli.output import EXIT_OK, EXIT_USAGE, open_db, print_json, say
from accountdesk.core.archive.search import Hit, MatchKind, find_customers, search_terms
from accountdesk.core.i18n import Message

KIND_LABELS = {
    MatchKind.EXACT: Message("名称相同", "exact"),
    MatchKind.PREFIX: Message("开头相同", "prefix"),
    MatchKind.PINYIN: Message("拼音", "pinyin"),
    MatchKind.CONTAINS: Message("包含", "contains"),
}


def cmd_find(args: argparse.Namespace) -> int:
    if not search_terms(args.text):
        say(Message("请给出要查找的文字（名称、编号、拼音、联系人或电话）。",
                    "Give a text to find (a name, code, pinyin, contact or phone number)."), err=True)
        return EXIT_USAGE
    database = open_db(args)
    try:
        with database.session() as session:
            hits = find_customers(session, args.text, limit=args.limit)
    finally:
        database.dispose()
    if args.json:
        print_json([_as_json(hit) for hit in hits])
        return EXIT_OK
    if not hits:
        say(Message(f"没有客户与“{args.text}”相符。", f"No customer matches '{args.text}'."))
        return EXIT_OK
    for rank, hit in enumerate(hits, start=1):
        print(f"{rank:>3}. {hit.code:<10} {hit.tier or '-':<2} {hit.name}  ({KIND_LABELS[hit.kind]}: {hit.matched})")
    return EXIT_OK


def _as_json(hit: Hit) -> dict[str, object]:
    return {"code": hit.code, "name": hit.name, "tier": hit.tier, "match": hit.kind.name.lower(),
            "matched": hit.matched}
