"""What every command shares: exit codes, messages and JSON on the terminal, opening the database."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from accountdesk.core.i18n import Message

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
    from accountdesk.core.storage.database import open_database

    database = open_database(database_target(args), user=args.user, migrate=migrate)
    if database.read_only:
        say(database.read_only_reason, err=True)
    for warning in database.location_warnings:
        say(warning.message, err=True)
    return database
