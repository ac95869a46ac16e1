"""What every command shares: exit codes, messages and JSON on the terminal, opening the database."""

from __future__ import annotations

import argparse
import json
import logging
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TextIO

from accountdesk.core.faults import visible
from accountdesk.core.i18n import Message
from accountdesk.core.storage.credentials import (
    DEFAULT_PORT,
    ServerAddress,
    is_server_url,
    public_address,
    scrub,
    use_password,
)

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


class _VisibleStream:
    """A terminal stream that shows control characters (from names, notes, file names) as their
    pictures instead of letting the terminal act on them."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(visible(text))

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


@contextmanager
def visible_output() -> Iterator[None]:
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _VisibleStream(sys.stdout), _VisibleStream(sys.stderr)  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def log_failure(error: BaseException, *, expected: bool) -> Path | None:
    """Put the traceback in the log (never on the terminal); returns the log's path."""
    from accountdesk.crashlog import setup_logging

    try:
        path = setup_logging()
    except OSError:  # no room or no right to write the log: the message on the terminal still stands
        return None
    text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    # The log's filter scrubs passwords too; the command line is made safe here as well.
    command = " ".join(public_address(word) if "://" in word else word for word in sys.argv[1:])
    logging.getLogger("accountdesk.cli").log(
        logging.INFO if expected else logging.ERROR, "command failed: %s\n%s", command, scrub(text))
    return path


def unexpected_message(error: BaseException, log: Path | None) -> Message:
    where_zh = f"详细信息已写入日志：{log}" if log else "无法写入日志"
    where_en = f"The details are in the log: {log}" if log else "The log could not be written"
    summary = scrub(f"{type(error).__name__}: {error}")
    return Message(
        f"AccountDesk 遇到意外错误（{summary}）。操作已撤销，没有写入一半的数据。{where_zh}，请把它发给为您提供支持的人。",
        f"AccountDesk met an unexpected error ({summary}). The action was rolled back; nothing was half-written. "
        f"{where_en}; please send it to whoever supports AccountDesk for you.",
    )


def print_json(document: object) -> None:
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def database_target(args: argparse.Namespace) -> str | Path:
    """--db, or the server --host/--port/--dbname/--user/--sslmode name, or the default file."""
    from accountdesk.paths import default_database

    host = getattr(args, "host", None)
    if host:
        if args.db:
            raise UsageError("give either --db or --host, not both")
        if not getattr(args, "dbname", None):
            raise UsageError("--host needs --dbname")
        return ServerAddress(host=host, database=args.dbname, user=args.user or "", port=args.port or DEFAULT_PORT,
                             sslmode=getattr(args, "sslmode", None) or "prefer").url()
    return args.db if args.db else default_database()


def take_password(args: argparse.Namespace, target: str | Path) -> None:
    """--ask-password: read the server password from the terminal (never from the command line, where
    the shell's history would keep it); with --remember-password keep it in the OS keyring."""
    if not getattr(args, "ask_password", False) or not is_server_url(target):
        return
    import getpass

    password = getpass.getpass(f"Password for {public_address(target)}: ")
    problem = use_password(str(target), password, remember=bool(getattr(args, "remember_password", False)))
    if problem is not None:
        say(problem, err=True)


def open_db(args: argparse.Namespace, *, migrate: bool = True):
    from accountdesk.core.storage.database import open_database

    target = database_target(args)
    take_password(args, target)
    database = open_database(target, user=args.user, migrate=migrate)
    if database.path is None and args.user and args.user != database.user:
        say(Message(f"提示：在服务器上，修改记录署名为服务器登录名“{database.user}”；--user “{args.user}”只用于本地文件。",
                    f"Note: on a server the change history names the server login '{database.user}'; "
                    f"--user '{args.user}' applies to local files only."), err=True)
    if database.read_only:
        say(database.read_only_reason, err=True)
    for warning in database.location_warnings:
        say(warning.message, err=True)
    return database
