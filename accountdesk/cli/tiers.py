"""`retier`: re-grading every customer, or one customer's score breakdown."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from accountdesk.cli.output import (
    EXIT_OK,
    open_db,
    print_json,
    say,
)
from accountdesk.core.i18n import AccountDeskError, Message
from accountdesk.core.team.conflicts import run_with_retry
from accountdesk.core.tiering.next_tier import gap_of
from accountdesk.core.tiering.regrade import NO_TIER, regrade_all

# --- retier ----------------------------------------------------------------------------------


def cmd_retier(args: argparse.Namespace) -> int:
    if args.explain:
        return explain_customer(args)
    database = open_db(args)
    try:
        return run_retier_command(database, as_of=args.as_of or date.today(), dry_run=args.dry_run, as_json=args.json)
    finally:
        database.dispose()


def explain_customer(args: argparse.Namespace) -> int:
    """`retier --explain CODE`: one customer's score, criterion by criterion."""
    from sqlalchemy import select

    from accountdesk.core.storage.models import Customer
    from accountdesk.core.tiering.regrade import score_breakdown

    database = open_db(args)
    try:
        with database.session() as session:
            customer_id = session.scalar(
                select(Customer.id).where(Customer.code == args.explain, Customer.deleted_at.is_(None))
            )
            if customer_id is None:
                raise AccountDeskError(f"找不到客户编号“{args.explain}”", f"No customer with code '{args.explain}'")
            breakdown = score_breakdown(session, customer_id, args.as_of or date.today())
            gap = gap_of(session, breakdown)
    finally:
        database.dispose()
    if args.json:
        print_json({**breakdown.as_dict(), "next_tier": gap.as_dict()})
        return EXIT_OK
    say(f"{breakdown.code} {breakdown.name}: {breakdown.score:g} → {breakdown.tier or '—'}"
        + (" 🔒" if breakdown.tier_locked else "") + f"  ({breakdown.model_name} v{breakdown.model_version})")
    for line in breakdown.criteria:
        say(f"  {line.label.text():<14} {line.display_value or '—':>14}  {line.band or '—':<16} "
            f"{line.points:>6g} × {line.weight:<5g} = {line.contribution:6.2f}")
    say(Message(f"升级：{gap.summary.zh}", f"Next tier: {gap.summary.en}"))
    for criterion in gap.criteria:
        if criterion.next_step is not None and gap.needed is not None:
            step, alone = criterion.next_step, criterion.enough_alone
            say(Message(f"  {criterion.label.zh}：{step.text.zh}（+{step.gain:.1f} 分）"
                        + (f"；单此一项：{alone.text.zh}" if alone else ""),
                        f"  {criterion.label.en}: {step.text.en} (+{step.gain:.1f} points)"
                        + (f"; alone: {alone.text.en}" if alone else "")))
    return EXIT_OK




def run_retier_command(database, as_of: date, dry_run: bool, as_json: bool) -> int:
    """`accountdesk retier`: re-grade everyone (or only report, with --dry-run)."""
    opener = database.session if dry_run else database.write

    def regrade():
        with opener() as session:
            return regrade_all(session, as_of, dry_run=dry_run)

    # Another writer's lock, a deadlock or a serialization failure on a server: tried again.
    report = run_with_retry(regrade)
    if as_json:
        json.dump(report.as_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    print(report.summary())
    for move in report.changes[:50]:
        print(f"  {move.code} {move.name}: {move.old_tier or NO_TIER} → {move.new_tier} ({move.score:g})")
    if len(report.changes) > 50:
        more = len(report.changes) - 50
        print(Message(f"  …… 另有 {more} 位", f"  ... and {more} more"))
    print(Message("等级迁移（原 → 新）：", "Tier migration (old → new):"))
    for old, row in report.matrix.items():
        print(f"  {old}: " + ", ".join(f"→{new} {count}" for new, count in row.items()))
    return 0
