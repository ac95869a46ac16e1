"""Backing up the book, and the PostgreSQL column: the same figures on a server, beside SQLite's.

When ACCOUNTDESK_TEST_DATABASE_URL names a PostgreSQL server, the bench makes a database of its
own there, restores the generated book into it (a figure too), measures the re-grade, the reminder
run, opening the customer list and a backup on it, and drops it again.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Callable
from datetime import timedelta

from accountdesk.bench import excel  # noqa: F401  (its figures come before these in the table)
from accountdesk.bench.framework import BenchContext, Measurement, bench_step, fixed, measured
from accountdesk.core.i18n import Message

SERVER_URL_VARIABLE = "ACCOUNTDESK_TEST_DATABASE_URL"
# The figures measured on the server too (by name), and how.
SERVER_FIGURES = ("regrade", "reminders", "open_customer_list", "backup")


def _copy_floor(ctx: BenchContext) -> Measurement:
    # Copied by another process: a handle of this process on a file it has open in SQLite would,
    # once closed, drop SQLite's locks on it (POSIX locks belong to the process).
    target = ctx.workdir / "floor-copy.accountdesk"
    code = ("import shutil, sys, time; started = time.perf_counter(); shutil.copyfile(sys.argv[1], sys.argv[2]); "
            "print(time.perf_counter() - started)")
    copied = subprocess.run([sys.executable, "-c", code, str(ctx.db_path), str(target)],
                            capture_output=True, text=True, check=True)
    target.unlink(missing_ok=True)
    return Measurement(float(copied.stdout.strip()))


@bench_step("backup", label=Message("备份数据库（校验后保存）", "back up the database (verified)"), floor=_copy_floor,
            floor_label=Message("复制文件本身", "copying the file itself"),
            target=fixed(60.0))  # issue 19: a 100,000-customer server backed up within a minute
def backup(ctx: BenchContext) -> Measurement:
    from accountdesk.core.team.backup import backup_database

    database = ctx.require_database()
    folder = ctx.workdir / "backups"
    path = None

    def take() -> None:
        nonlocal path
        path = backup_database(database, folder, label="bench")

    result = measured(take)
    result.note = f"{path.stat().st_size / 2**20:.0f} MiB" if path else ""
    shutil.rmtree(folder, ignore_errors=True)
    return result


def _admin_url(url: str) -> str:
    return "postgresql+psycopg://" + url[len("postgresql://"):] if url.startswith("postgresql://") else url


def server_column(ctx: BenchContext, figures: list, open_list: Callable[[str], Measurement],
                  progress: Callable[[str], None] | None = None) -> dict | None:
    """Measure SERVER_FIGURES on a PostgreSQL copy of the book and put them beside SQLite's
    (`open_list(url)` opens the customer list in the GUI); returns what the restore onto the server
    took (None when no server is configured)."""
    url = os.environ.get(SERVER_URL_VARIABLE)
    if not url or ctx.database is None:
        return None
    from sqlalchemy import create_engine, text

    from accountdesk.core.reminders import runs as reminder_runs
    from accountdesk.core.storage.database import open_database
    from accountdesk.core.team.backup import backup_database, restore_to_server
    from accountdesk.core.tiering.regrade import regrade_all

    name = f"accountdesk_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(_admin_url(url), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    server_url = admin.url.set(database=name).render_as_string(hide_password=False)
    by_name = {figure.name: figure for figure in figures}
    day = ctx.today + timedelta(days=2)  # a day after the SQLite figures' last run
    restore = {}
    try:
        ctx.database.dispose()  # the restore reads the file as it stands
        if progress:
            progress(str(Message("恢复到 PostgreSQL", "restoring onto PostgreSQL")))
        restore_measure = measured(lambda: restore.update(report=restore_to_server(ctx.db_path, server_url)))
        restore = {"seconds": restore_measure.value, "cpu": restore_measure.cpu,
                   "rows": sum(restore["report"].counts.values())}
        server = open_database(server_url, user="bench")
        try:
            def regrade() -> None:
                with server.write() as session:
                    regrade_all(session, as_of=day)

            def reminders() -> None:
                with server.write() as session:
                    reminder_runs.generate_reminders(session, day)

            folder = ctx.workdir / "server-backups"
            measures: dict[str, Callable[[], Measurement]] = {
                "regrade": lambda: measured(regrade),
                "reminders": lambda: measured(reminders),
                "open_customer_list": lambda: open_list(server_url),
                "backup": lambda: measured(lambda: backup_database(server, folder, label="bench")),
            }
            for figure_name in SERVER_FIGURES:
                figure = by_name.get(figure_name)
                if figure is None:
                    continue
                if progress:
                    progress(f"PostgreSQL: {figure.label}")
                try:
                    result = measures[figure_name]()
                except Exception as error:  # one broken figure must not hide the others
                    figure.postgres_note = f"{type(error).__name__}: {error}"
                    continue
                figure.postgres, figure.postgres_cpu = result.value, result.cpu
            shutil.rmtree(folder, ignore_errors=True)
        finally:
            server.dispose()
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    return restore
