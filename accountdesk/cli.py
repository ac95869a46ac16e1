"""The command line (the stable contract in DESIGN.md); no subcommand opens the GUI."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from accountdesk import __version__
from accountdesk.core.i18n import AccountDeskError, Message, set_language
from accountdesk.desktop_check import desktop_libraries_problem

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A command line that asks for something impossible; exit code 2."""


def parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value}") from None


def say(message: Message | str, *, err: bool = False) -> None:
    print(str(message), file=sys.stderr if err else sys.stdout)


def print_json(document: object) -> None:
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def database_target(args: argparse.Namespace) -> str | Path:
    from accountdesk.paths import default_database

    return args.db if args.db else default_database()


def open_db(args: argparse.Namespace, *, migrate: bool = True):
    from accountdesk.core.db import open_database

    database = open_database(database_target(args), user=args.user, migrate=migrate)
    if database.read_only:
        say(database.read_only_reason, err=True)
    for warning in database.location_warnings:
        say(warning.message, err=True)
    return database


# --- GUI -------------------------------------------------------------------------------------


def cmd_gui(args: argparse.Namespace) -> int:
    # Before anything creates a QApplication: without the X11 libraries Qt aborts the process
    # with a terse plugin error; say instead which packages to install, in both languages.
    problem = desktop_libraries_problem()
    if problem is not None:
        say(f"{problem.zh}\n\n{problem.en}", err=True)
        return EXIT_FAILED
    # The core (SQLAlchemy and friends) is imported before Qt on purpose: PySide6 inspects
    # every module imported after it, which made start-up about half a second slower.
    import accountdesk.core.archive  # noqa: F401
    import accountdesk.core.db  # noqa: F401
    from accountdesk.ui.app import run_app

    return run_app(database_target(args), user=args.user)


# --- demo ------------------------------------------------------------------------------------


def cmd_demo(args: argparse.Namespace) -> int:
    from accountdesk.core.demo import generate_demo

    database = open_db(args)
    try:
        report = generate_demo(database, customers=args.customers, seed=args.seed, today=args.today or date.today())
    finally:
        database.dispose()
    if args.json:
        print_json(report.as_dict())
    else:
        say(report.summary())
    return EXIT_OK


# --- import ----------------------------------------------------------------------------------


def cmd_import(args: argparse.Namespace) -> int:
    from accountdesk.core.excel.importer import run_import_command

    database = open_db(args)
    try:
        return run_import_command(database, args)
    finally:
        database.dispose()


# --- export ----------------------------------------------------------------------------------


def cmd_export(args: argparse.Namespace) -> int:
    out = Path(args.out)
    suffix = out.suffix.lower()
    as_of = args.as_of or date.today()
    if suffix == ".ics" and args.kind != "revisits":
        raise UsageError(f"only revisits export to .ics, not {args.kind}")
    database = open_db(args)
    try:
        with database.session() as session:
            if suffix == ".json":
                from accountdesk.core.exports import export_json

                count = export_json(session, args.kind, out, as_of=as_of)
            elif suffix == ".ics":
                from accountdesk.core.revisits import export_ics

                count = export_ics(session, out, today=as_of)
            else:
                from accountdesk.core.excel.exporter import export_workbook

                count = export_workbook(session, args.kind, out, template=args.template, as_of=as_of)
    finally:
        database.dispose()
    say(Message(f"已导出 {count} 行到 {out}", f"Exported {count} rows to {out}"))
    return EXIT_OK


# --- retier ----------------------------------------------------------------------------------


def cmd_retier(args: argparse.Namespace) -> int:
    from accountdesk.core.tiering import run_retier_command

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

    from accountdesk.core.models import Customer
    from accountdesk.core.tiering import score_breakdown

    database = open_db(args)
    try:
        with database.session() as session:
            customer_id = session.scalar(
                select(Customer.id).where(Customer.code == args.explain, Customer.deleted_at.is_(None))
            )
            if customer_id is None:
                raise AccountDeskError(f"找不到客户编号“{args.explain}”", f"No customer with code '{args.explain}'")
            breakdown = score_breakdown(session, customer_id, args.as_of or date.today())
    finally:
        database.dispose()
    if args.json:
        print_json(breakdown.as_dict())
        return EXIT_OK
    say(f"{breakdown.code} {breakdown.name}: {breakdown.score:g} → {breakdown.tier or '—'}"
        + (" 🔒" if breakdown.tier_locked else "") + f"  ({breakdown.model_name} v{breakdown.model_version})")
    for line in breakdown.criteria:
        say(f"  {line.label.text():<14} {line.display_value or '—':>14}  {line.band or '—':<16} "
            f"{line.points:>6g} × {line.weight:<5g} = {line.contribution:6.2f}")
    return EXIT_OK


# --- reminders -------------------------------------------------------------------------------


def cmd_reminders(args: argparse.Namespace) -> int:
    from accountdesk.core.reminders import run_reminders_command

    database = open_db(args)
    try:
        return run_reminders_command(database, today=args.date or date.today(), days=args.days, as_json=args.json)
    finally:
        database.dispose()


# --- sheets ----------------------------------------------------------------------------------


def cmd_sheets(args: argparse.Namespace) -> int:
    from accountdesk.printing import run_sheets_command

    database = open_db(args)
    try:
        return run_sheets_command(database, Path(args.out), start=args.date_from, end=args.date_to, owner=args.owner)
    finally:
        database.dispose()


# --- database upkeep -------------------------------------------------------------------------


def _require_file(database) -> Path:
    if database.path is None:
        raise UsageError("this command works on a database file, not a server URL")
    return database.path


def cmd_backup(args: argparse.Namespace) -> int:
    from accountdesk.core.backup import backup_database

    database = open_db(args)
    try:
        target = backup_database(database, Path(args.to) if args.to else None, label="manual")
    finally:
        database.dispose()
    if args.json:
        print_json({"backup": str(target)})
    else:
        say(Message(f"已备份并校验：{target}", f"Backed up and verified: {target}"))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from accountdesk.core.backup import restore_database
    from accountdesk.core.db import is_url

    source = Path(args.file)
    if is_url(database_target(args)):
        raise UsageError("restore works on a database file, not a server URL")
    target = Path(database_target(args))
    safety = restore_database(source, target)
    if safety is None:
        say(Message(f"已从 {source} 恢复到 {target}", f"Restored {target} from {source}"))
    else:
        say(Message(
            f"已从 {source} 恢复到 {target}（恢复前的数据库已备份到 {safety}）",
            f"Restored {target} from {source} (the database as it was is backed up at {safety})",
        ))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from accountdesk.core.backup import check_database

    database = open_db(args, migrate=False)
    try:
        report = check_database(database)
    finally:
        database.dispose()
    if args.json:
        print_json(report.as_dict())
    else:
        say(report.summary())
    return EXIT_OK if report.ok else EXIT_FAILED


def cmd_migrate(args: argparse.Namespace) -> int:

    database = open_db(args)
    try:
        if database.read_only:
            return EXIT_FAILED
        revision = database.schema_revision()
    finally:
        database.dispose()
    if database.migrated_from is not None or database.backup_path is not None:
        say(Message(
            f"数据库结构已从 {database.migrated_from or '空'} 升级到 {revision}；升级前备份：{database.backup_path}",
            f"Schema migrated from {database.migrated_from or 'empty'} to {revision}; backup first: {database.backup_path}",
        ))
    else:
        say(Message(f"数据库结构已是最新（{revision}）", f"Schema is up to date ({revision})"))
    return EXIT_OK


def cmd_merge(args: argparse.Namespace) -> int:
    from accountdesk.core.merge import run_merge_command

    database = open_db(args)
    try:
        return run_merge_command(database, Path(args.other), dry_run=args.dry_run, as_json=args.json)
    finally:
        database.dispose()


def cmd_share(args: argparse.Namespace) -> int:
    from accountdesk.core.team import set_shared_mode

    database = open_db(args)
    path = _require_file(database)
    database.dispose()
    set_shared_mode(path, args.state == "on")
    say(Message(
        "已设为团队共享模式（回滚日志，完全同步）" if args.state == "on" else "已设为单人模式（WAL）",
        "Marked for team use on a shared drive (rollback journal, full sync)"
        if args.state == "on"
        else "Marked for single use (WAL)",
    ))
    return EXIT_OK


def cmd_bench(args: argparse.Namespace) -> int:
    from accountdesk.bench import run_bench_command

    return run_bench_command(customers=args.customers, as_json=args.json, keep=args.keep)


# --- the parser ------------------------------------------------------------------------------


def _common_options(*, top_level: bool) -> argparse.ArgumentParser:
    # The options are accepted before and after the command; after it, they must not reset
    # what was given before it, hence SUPPRESS as the default there.
    common = argparse.ArgumentParser(add_help=False)
    default = None if top_level else argparse.SUPPRESS
    common.add_argument("--db", default=default, help="database file path or postgresql:// URL (default: the user data directory)")
    common.add_argument("--user", default=default, help="your name in the audit trail (default: the login name)")
    common.add_argument("--lang", default=default, choices=["zh", "en"], help="language of messages (default: the system's)")
    common.add_argument(
        "--json", action="store_true", default=False if top_level else argparse.SUPPRESS, help="print one JSON document"
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common_options(top_level=False)

    parser = argparse.ArgumentParser(
        prog="accountdesk",
        description="AccountDesk 客户分级维护台 — with no command, opens the desktop application",
        parents=[_common_options(top_level=True)],
    )
    parser.add_argument("--version", action="version", version=f"AccountDesk {__version__}")
    parser.set_defaults(handler=cmd_gui)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, handler: Callable[[argparse.Namespace], int], help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, parents=[common], help=help_text, description=help_text)
        sub.set_defaults(handler=handler)
        return sub

    demo = add("demo", cmd_demo, "fill a database with realistic demo data")
    demo.add_argument("--customers", type=int, default=300)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--today", type=parse_date, help=argparse.SUPPRESS)

    imp = add("import", cmd_import, "import customers, contacts, transactions or interactions from Excel/CSV")
    imp.add_argument("kind", choices=["customers", "contacts", "transactions", "interactions"])
    imp.add_argument("file")
    imp.add_argument("--sheet")
    imp.add_argument("--on-duplicate", choices=["skip", "update", "new"], default="skip")
    imp.add_argument("--dry-run", action="store_true")
    imp.add_argument("--errors", metavar="OUT.xlsx")
    imp.add_argument("--strict", action="store_true")
    imp.add_argument("--create-customers", action="store_true", help="create unknown customers named by rows")

    exp = add("export", cmd_export, "export to .xlsx, .csv or .json (revisits also to .ics)")
    exp.add_argument("kind", choices=["customers", "tiers", "transactions", "interactions", "revisits"])
    exp.add_argument("out")
    exp.add_argument("--template", metavar="T.xlsx")
    exp.add_argument("--as-of", type=parse_date)

    retier = add("retier", cmd_retier, "re-grade every customer and report the changes")
    retier.add_argument("--as-of", type=parse_date)
    retier.add_argument("--dry-run", action="store_true")
    retier.add_argument("--explain", metavar="CODE", help="show one customer's score breakdown instead")

    rem = add("reminders", cmd_reminders, "reminders due (care, revisits, churn)")
    rem.add_argument("--date", type=parse_date)
    rem.add_argument("--days", type=int, default=7)

    sheets = add("sheets", cmd_sheets, "printable revisit sheets (PDF)")
    sheets.add_argument("out")
    sheets.add_argument("--from", dest="date_from", type=parse_date)
    sheets.add_argument("--to", dest="date_to", type=parse_date)
    sheets.add_argument("--owner")

    backup = add("backup", cmd_backup, "make a verified backup of the database")
    backup.add_argument("--to", metavar="DIR")
    restore = add("restore", cmd_restore, "replace the database with a backup (the current one is backed up first)")
    restore.add_argument("file")
    add("check", cmd_check, "check that the database is sound")
    add("migrate", cmd_migrate, "upgrade the database schema (after a backup)")
    merge = add("merge", cmd_merge, "merge a diverged copy of the database into this one")
    merge.add_argument("other")
    merge.add_argument("--dry-run", action="store_true")
    share = add("share", cmd_share, "mark the file for team use on a shared drive (on) or single use (off)")
    share.add_argument("state", choices=["on", "off"])
    bench = add("bench", cmd_bench, "the performance table")
    bench.add_argument("--customers", type=int, default=10_000)
    bench.add_argument("--keep", metavar="DIR", help="keep the generated files in DIR")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    set_language(args.lang)  # None follows the system
    try:
        return args.handler(args)
    except UsageError as error:
        parser.error(str(error))
    except AccountDeskError as error:
        say(error.message, err=True)
        return EXIT_FAILED
    except FileNotFoundError as error:
        say(Message(f"找不到文件：{error.filename}", f"File not found: {error.filename}"), err=True)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return EXIT_FAILED
    except BrokenPipeError:
        # The reader went away (`accountdesk reminders | head`): not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    return EXIT_FAILED


def main_gui() -> int:
    return main([])


if __name__ == "__main__":
    sys.exit(main())
