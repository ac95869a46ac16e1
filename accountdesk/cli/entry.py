"""The command line's entry point: the parser of every command (the stable contract in DESIGN.md)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from accountdesk import __version__
from accountdesk.cli.agenda import cmd_agenda
from accountdesk.cli.customers import cmd_duplicates, cmd_merge_customers
from accountdesk.cli.database import cmd_backup, cmd_check, cmd_merge, cmd_migrate, cmd_restore, cmd_share
from accountdesk.cli.find import cmd_find
from accountdesk.cli.greetings import cmd_greetings
from accountdesk.cli.output import (
    EXIT_FAILED,
    EXIT_OK,
    UsageError,
    database_target,
    log_failure,
    parse_date,
    say,
    take_password,
    unexpected_message,
    visible_output,
)
from accountdesk.cli.records import cmd_demo, cmd_export, cmd_import
from accountdesk.cli.revisits import cmd_reminders, cmd_sheets
from accountdesk.cli.tiers import cmd_retier
from accountdesk.cli.users import cmd_users_add, cmd_users_list
from accountdesk.cli.winback import (
    cmd_care_add,
    cmd_care_list,
    cmd_winback_action,
    cmd_winback_close,
    cmd_winback_list,
    cmd_winback_start,
    parse_action,
)
from accountdesk.core.faults import DiskFullError, damage_detail, describe, is_damage, is_disk_full
from accountdesk.core.i18n import AccountDeskError, set_language
from accountdesk.core.storage.database import is_url
from accountdesk.core.storage.errors import explain as explain_database_error
from accountdesk.core.storage.models import CARE_RECORD_KINDS, WINBACK_OUTCOMES, WINBACK_REASONS
from accountdesk.core.storage.sqlite_file import DamagedDatabase, newest_verified_backup
from accountdesk.desktop_check import desktop_libraries_problem

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
    import accountdesk.core.archive.records  # noqa: F401
    import accountdesk.core.storage.database  # noqa: F401
    from accountdesk.ui.app import run_app

    target = database_target(args)
    take_password(args, target)
    return run_app(target, user=args.user)




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
    common.add_argument("--user", default=default,
                        help="a local file: your name in the change history (default: the login name); "
                             "a server: the login to connect as (the history names the server login)")
    server = common.add_argument_group("server (instead of --db postgresql://…; the password is never an option)")
    server.add_argument("--host", default=default, help="PostgreSQL server")
    server.add_argument("--port", type=int, default=default)
    server.add_argument("--dbname", default=default, help="database on the server")
    server.add_argument("--sslmode", default=default, choices=["disable", "allow", "prefer", "require", "verify-ca", "verify-full"])
    server.add_argument("--ask-password", action="store_true", default=False if top_level else argparse.SUPPRESS,
                        help="ask for the server password (else PGPASSWORD, ~/.pgpass or the keyring)")
    server.add_argument("--remember-password", action="store_true", default=False if top_level else argparse.SUPPRESS,
                        help="with --ask-password: keep it in the operating system's keyring")
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
    imp.add_argument("--skip-column", action="append", default=[], metavar="NAME",
                     help="a column not to keep as a custom field (by its header; may repeat)")
    imp.add_argument("--errors", metavar="OUT.xlsx")
    imp.add_argument("--strict", action="store_true")
    imp.add_argument("--create-customers", action="store_true", help="create unknown customers named by rows")

    exp = add("export", cmd_export, "export to .xlsx, .csv or .json (revisits also to .ics)")
    exp.add_argument("kind", choices=["customers", "tiers", "contacts", "transactions", "interactions", "revisits"])
    exp.add_argument("out")
    exp.add_argument("--template", metavar="T.xlsx")
    exp.add_argument("--as-of", type=parse_date)

    retier = add("retier", cmd_retier, "re-grade every customer and report the changes")
    retier.add_argument("--as-of", type=parse_date)
    retier.add_argument("--dry-run", action="store_true")
    retier.add_argument("--explain", metavar="CODE", help="show one customer's score breakdown instead")

    add("duplicates", cmd_duplicates, "likely duplicate customers (same phone, same code, similar name)")
    merge_customers = add("merge-customers", cmd_merge_customers,
                          "merge customer OTHER into KEEP (by code): its records move, it stays as a tombstone")
    merge_customers.add_argument("keep", metavar="KEEP")
    merge_customers.add_argument("other", metavar="OTHER")
    merge_customers.add_argument("--undo", action="store_true", help="take back the merge of OTHER into KEEP")
    merge_customers.add_argument("--dry-run", action="store_true", help="only show what would move")
    merge_customers.add_argument("--as-of", type=parse_date, help=argparse.SUPPRESS)

    rem = add("reminders", cmd_reminders, "reminders due (care, revisits, churn)")
    rem.add_argument("--date", type=parse_date)
    rem.add_argument("--days", type=int, default=7)
    rem.add_argument("--owner", help="only this owner's customers (login or display name)")

    find = add("find", cmd_find, "find customers by name, code, pinyin, initials, contact or phone, best match first")
    find.add_argument("text")
    find.add_argument("--limit", type=int, default=20)

    agenda = add("agenda", cmd_agenda, "today's ranked work for one owner")
    agenda.add_argument("--date", type=parse_date)
    agenda.add_argument("--owner", help="login or display name (default: the owner you chose in the app)")
    agenda.add_argument("--days", type=int, default=1, help="working days to list (default 1: today)")

    winback = add("winback", _needs_subcommand, "win back a customer drifting away: start, add actions, close, list")
    steps = winback.add_subparsers(dest="winback_command", metavar="start|action|close|list")
    start = steps.add_parser("start", parents=[common], help="start a win-back (closes the churn warning)")
    start.set_defaults(handler=cmd_winback_start)
    start.add_argument("code", help="customer code")
    start.add_argument("--reason", required=True, choices=WINBACK_REASONS)
    start.add_argument("--note")
    start.add_argument("--action", type=parse_action, action="append", metavar="DATE:ACTION",
                       help="a dated step, e.g. 2026-12-10:电话回访 (repeatable); it appears in Today on that day")
    start.add_argument("--reminder", type=int, help="the churn warning's id (default: the customer's open one)")
    start.add_argument("--date", type=parse_date, help="the day it starts (default: today)")
    step = steps.add_parser("action", parents=[common], help="add a dated step to the customer's win-back")
    step.set_defaults(handler=cmd_winback_action)
    step.add_argument("code")
    step.add_argument("step", type=parse_action, metavar="DATE:ACTION")
    close = steps.add_parser("close", parents=[common], help="record how a win-back ended")
    close.set_defaults(handler=cmd_winback_close)
    close.add_argument("code")
    close.add_argument("--outcome", required=True, choices=WINBACK_OUTCOMES)
    close.add_argument("--date", type=parse_date, help="the day it ended (default: today)")
    listing = steps.add_parser("list", parents=[common], help="win-backs in progress (with --all, ended ones too)")
    listing.set_defaults(handler=cmd_winback_list)
    listing.add_argument("--all", action="store_true")

    care = add("care", _needs_subcommand, "care given to customers (gifts, coupons, points)")
    care_steps = care.add_subparsers(dest="care_command", metavar="add|list")
    given = care_steps.add_parser("add", parents=[common], help="record a gift, coupon or points given")
    given.set_defaults(handler=cmd_care_add)
    given.add_argument("code")
    given.add_argument("--kind", required=True, choices=CARE_RECORD_KINDS)
    given.add_argument("--item", required=True, help="what was given")
    given.add_argument("--value", required=True, help="what it cost, in yuan (e.g. 388.00)")
    given.add_argument("--date", type=parse_date, help="the day it was given (default: today)")
    given.add_argument("--occasion", help="e.g. 中秋, 生日, 续约")
    care_list = care_steps.add_parser("list", parents=[common], help="a customer's care records")
    care_list.set_defaults(handler=cmd_care_list)
    care_list.add_argument("code")

    greetings = add("greetings", cmd_greetings, "a festival's recipient list with each contact's greeting")
    greetings.add_argument("festival", metavar="FESTIVAL", help="春节, 中秋, 端午… or spring_festival, mid_autumn…")
    greetings.add_argument("--year", type=int, help="the festival of this year (default: this year)")
    greetings.add_argument("--tier", action="append", help="only these tiers (A, or A,B; repeatable)")
    greetings.add_argument("--owner", help="only this owner's customers (login or display name)")
    greetings.add_argument("--out", help="write the list to .xlsx or .csv")
    greetings.add_argument("--mark-greeted", action="store_true", help="log the greeting on each customer")
    greetings.add_argument("--date", type=parse_date, help=argparse.SUPPRESS)

    sheets = add("sheets", cmd_sheets, "printable revisit sheets (PDF)")
    sheets.add_argument("out")
    sheets.add_argument("--from", dest="date_from", type=parse_date)
    sheets.add_argument("--to", dest="date_to", type=parse_date)
    sheets.add_argument("--owner")

    users = commands.add_parser("users", help="the team's members on a server: logins, roles and teams",
                                description="the team's members on a server: logins, roles and teams")
    users_commands = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    users_add = users_commands.add_parser(
        "add", parents=[common], help="(PostgreSQL, admins) create a login with a member's rights and its role")
    users_add.set_defaults(handler=cmd_users_add)
    users_add.add_argument("name", metavar="NAME", help="the login name (also the owner's name in the app)")
    users_add.add_argument("--role", required=True, choices=["rep", "manager", "admin"],
                           help="rep: own and shared customers; manager: also the team's; admin: all")
    users_add.add_argument("--team", help="the team a manager sees (and a rep belongs to)")
    users_add.add_argument("--display-name")
    users_add.add_argument("--password-prompt", action="store_true",
                           help="ask for the new login's password (else it logs in as the server's pg_hba.conf allows)")
    users_list = users_commands.add_parser("list", parents=[common], help="members, their roles, teams and customers")
    users_list.set_defaults(handler=cmd_users_list)

    backup = add("backup", cmd_backup, "make a verified backup of the database")
    backup.add_argument("--to", metavar="DIR")
    restore = add("restore", cmd_restore, "replace the database with a backup (the current one is backed up first); "
                  "with --db postgresql://… into a server database")
    restore.add_argument("file")
    restore.add_argument("--yes", action="store_true", help="replace a server database that already holds data")
    check = add("check", cmd_check, "check that the database is sound (and with --repair, mend what can be derived)")
    check.add_argument("--repair", action="store_true", help="rebuild derived figures, drop derived orphans, rename duplicate codes")
    check.add_argument("--as-of", type=parse_date, help=argparse.SUPPRESS)
    add("migrate", cmd_migrate, "upgrade the database schema (after a backup)")
    merge = add("merge", cmd_merge, "merge a diverged copy of the database into this one")
    merge.add_argument("other")
    merge.add_argument("--dry-run", action="store_true")
    merge.add_argument("--force", action="store_true", help="merge even a database that is not a copy of this one")
    share = add("share", cmd_share, "mark the file for team use on a shared drive (on) or single use (off)")
    share.add_argument("state", choices=["on", "off"])
    bench = add("bench", cmd_bench, "the performance table")
    bench.add_argument("--customers", type=int, default=10_000)
    bench.add_argument("--keep", metavar="DIR", help="keep the generated files in DIR")
    return parser


def _needs_subcommand(args: argparse.Namespace) -> int:
    raise UsageError(f"{args.command} needs a subcommand (see accountdesk {args.command} --help)")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    set_language(args.lang)  # None follows the system
    with visible_output():
        return _run(parser, args)


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """The command line's one error boundary: every failure ends as a message naming the file and
    what to do, with exit code 1; a traceback goes to the log only."""
    try:
        return args.handler(args)
    except UsageError as error:
        parser.error(str(error))
    except KeyboardInterrupt:
        return EXIT_FAILED
    except BrokenPipeError:
        # The reader went away (`accountdesk reminders | head`): not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except AccountDeskError as error:
        log_failure(error, expected=True)
        say(error.message, err=True)
        return EXIT_FAILED
    except (SystemExit, GeneratorExit):
        raise
    except BaseException as error:  # noqa: BLE001  (the Rust reader's PanicException is a BaseException)
        target = database_target(args) if getattr(args, "db", None) else None
        explained = explain_database_error(error) if isinstance(error, Exception) else None
        # A server's error (gone, a lock held too long, a rule broken) has the core's sentence.
        message = explained.message if explained is not None else describe(error, target)
        if is_damage(error) and target is not None and not is_url(target):
            message = DamagedDatabase(Path(target), damage_detail(error), newest_verified_backup(Path(target))).message
        elif is_disk_full(error, target) and target is not None and not is_url(target) and Path(target).is_file():
            # SQLite needs room for its journal (up to the file's size) and what it adds.
            message = DiskFullError(Path(target), Path(target).stat().st_size).message
        log = log_failure(error, expected=message is not None)
        if message is None:
            message = unexpected_message(error, log)
        say(message, err=True)
        return EXIT_FAILED
    return EXIT_FAILED


def main_gui() -> int:
    return main([])


if __name__ == "__main__":
    sys.exit(main())
