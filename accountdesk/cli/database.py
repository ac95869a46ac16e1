"""`backup`, `restore`, `check`, `migrate`, `merge` and `share`: looking after the database itself."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from accountdesk.cli.output import (
    EXIT_FAILED,
    EXIT_OK,
    UsageError,
    database_target,
    open_db,
    print_json,
    say,
)
from accountdesk.core.i18n import Message
from accountdesk.core.team.merge import merge_databases

# --- database upkeep -------------------------------------------------------------------------


def _require_file(database) -> Path:
    if database.path is None:
        raise UsageError("this command works on a database file, not a server URL")
    return database.path


def cmd_backup(args: argparse.Namespace) -> int:
    from accountdesk.core.team.backup import backup_database

    database = open_db(args)
    try:
        if database.damaged is not None:
            # A copy of a damaged file would be damaged too; the message names the newest good backup.
            raise database.damaged
        target = backup_database(database, Path(args.to) if args.to else None, label="manual")
    finally:
        database.dispose()
    if args.json:
        print_json({"backup": str(target)})
    else:
        say(Message(f"已备份并校验：{target}", f"Backed up and verified: {target}"))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from accountdesk.core.storage.database import is_url
    from accountdesk.core.team.backup import restore_database

    source = Path(args.file)
    if is_url(database_target(args)):
        return _restore_to_server(args, source)
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


def _restore_to_server(args: argparse.Namespace, source: Path) -> int:
    """`restore FILE --db postgresql://…`: into an empty database; a database holding data is
    replaced only when the person says so (asked on a terminal, or --yes)."""
    from accountdesk.core.team.backup import ServerNotEmpty, restore_to_server

    target = str(database_target(args))
    try:
        report = restore_to_server(source, target, user=args.user, replace=args.yes)
    except ServerNotEmpty as refused:
        if not sys.stdin.isatty():
            say(Message(refused.message.zh + "确认替换请加 --yes。", refused.message.en + " Add --yes to replace it."),
                err=True)
            return EXIT_FAILED
        answer = input(str(Message(refused.message.zh + "要替换吗？[y/N] ", refused.message.en + " Replace it? [y/N] ")))
        if answer.strip().lower() not in ("y", "yes", "是"):
            say(Message("未恢复，数据库没有任何改动。", "Not restored; the database was not changed."), err=True)
            return EXIT_FAILED
        report = restore_to_server(source, target, user=args.user, replace=True)
    if args.json:
        print_json(report.as_dict())
        return EXIT_OK
    rows = report.counts.get("customers", 0)
    safety_zh = f"（原有数据已备份到 {report.safety}）" if report.safety else ""
    safety_en = f" (what it held is backed up at {report.safety})" if report.safety else ""
    say(Message(f"已从 {source} 恢复到 {report.target}：{rows} 位客户，用时 {report.seconds:.1f} 秒{safety_zh}",
                f"Restored {report.target} from {source}: {rows} customers in {report.seconds:.1f} s{safety_en}"))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from datetime import date

    from accountdesk.core.team.backup import check_database

    database = open_db(args, migrate=False)
    try:
        if args.repair and database.read_only and database.damaged is None:
            raise database.read_only_reason
        report = check_database(database, args.as_of or date.today(), repair=args.repair)
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
    if database.created:
        say(Message(
            f"已在 {database.display_name} 建立数据库结构（版本 {revision}）",
            f"Created the schema (revision {revision}) in {database.display_name}",
        ))
    elif database.migrated_from is not None or database.backup_path is not None:
        backup_zh = f"；升级前备份：{database.backup_path}" if database.backup_path else ""
        backup_en = f"; backup first: {database.backup_path}" if database.backup_path else ""
        say(Message(
            f"数据库结构已从 {database.migrated_from or '空'} 升级到 {revision}{backup_zh}",
            f"Schema migrated from {database.migrated_from or 'empty'} to {revision}{backup_en}",
        ))
    else:
        say(Message(f"数据库结构已是最新（{revision}）", f"Schema is up to date ({revision})"))
    return EXIT_OK


def cmd_merge(args: argparse.Namespace) -> int:
    database = open_db(args)
    try:
        return run_merge_command(database, Path(args.other), dry_run=args.dry_run, as_json=args.json,
                                 force=args.force)
    finally:
        database.dispose()


def cmd_share(args: argparse.Namespace) -> int:
    from accountdesk.core.team.presence import set_shared_mode

    database = open_db(args, migrate=False)
    try:
        path = _require_file(database)
        if database.read_only:
            # Read-only means unchanged: switching the mode rewrites the file's header and meta.
            raise database.read_only_reason
    finally:
        database.dispose()
    set_shared_mode(path, args.state == "on")
    say(Message(
        "已设为团队共享模式（回滚日志，完全同步）" if args.state == "on" else "已设为单人模式（WAL）",
        "Marked for team use on a shared drive (rollback journal, full sync)"
        if args.state == "on"
        else "Marked for single use (WAL)",
    ))
    return EXIT_OK




def run_merge_command(database, other: Path, dry_run: bool = False, as_json: bool = False, force: bool = False) -> int:
    """`accountdesk merge OTHER [--dry-run] [--force] [--json]`: 0 when merged (or nothing to merge)."""
    report = merge_databases(database, Path(other), dry_run=dry_run, force=force)
    if as_json:
        json.dump(report.as_dict(), sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        say(report.summary())
    return 0
