"""Importing a sheet: read, map, plan, back up, write in one transaction; undo; the `import` command."""

from __future__ import annotations

import contextlib
import gc
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from accountdesk.core.excel.imports.batches import (
    ImportResult,
    ImportSummary,
    UndoResult,
    apply_plan,
    apply_plan_in_parts,
    list_imports,
    undo_import,
    undo_interrupted_imports,
)
from accountdesk.core.excel.imports.planner import ON_DUPLICATE, ImportOptions, ImportPlan, plan_customers
from accountdesk.core.excel.imports.record_plan import plan_children
from accountdesk.core.excel.imports.rows import RowReader
from accountdesk.core.excel.read.headers import (
    KINDS,
    HeaderMatch,
    HeaderScore,
    column_letter,
    detect_header,
    mapping_from_columns,
)
from accountdesk.core.excel.read.reader import SheetData, read_sheet
from accountdesk.core.i18n import AccountDeskError, Message
from accountdesk.core.storage.models import Setting
from accountdesk.core.team.backup import backup_database
from accountdesk.core.team.conflicts import run_with_retry

__all__ = [
    "ImportOptions", "ImportPlan", "ImportResult", "ImportSummary", "UndoResult", "ImportOutcome", "ImportCancelled",
    "read_for_import", "detect_mapping", "plan_import", "import_file", "undo_import", "list_imports",
    "remember_mapping", "recalled_mapping", "bench_import",
]

_MAPPING_KEY = "excel.mapping."
# An import this large changes the tables enough for the planner's statistics to be refreshed.
ANALYZE_AFTER_ROWS = 1000


@contextmanager
def bulk_work() -> Iterator[None]:
    """Hold the cyclic garbage collector while a sheet's hundreds of thousands of short-lived
    objects are made: its repeated passes over them cost a third of an import, and none of them
    form cycles. The collector is back on (and runs once) afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class StrictImportRefused(AccountDeskError):
    """--strict: some rows were rejected, so none was written."""


class ImportCancelled(AccountDeskError):
    """Raised from a progress callback (the wizard's Cancel): the transaction rolls back, nothing is written."""

    def __init__(self) -> None:
        super().__init__("导入已取消，未写入任何数据。", "The import was cancelled; nothing was written.")


def _header_score(kind: str) -> HeaderScore:
    return HeaderScore(kind)  # picklable: the sheet is read in a child process


def read_for_import(path: Path | str, kind: str, sheet: str | int | None = None) -> SheetData:
    """Read the sheet to import: the one asked for, or the first whose header fits this kind."""
    if kind not in KINDS:
        raise AccountDeskError(f"无法导入“{kind}”", f"cannot import '{kind}'")
    with bulk_work():
        return read_sheet(Path(path), sheet, choose=_header_score(kind))


def recalled_mapping(session: Session, kind: str, signature: str) -> dict | None:
    setting = session.scalar(select(Setting).where(Setting.key == f"{_MAPPING_KEY}{kind}.{signature}"))
    return setting.value if setting and isinstance(setting.value, dict) else None


def remember_mapping(session: Session, header: HeaderMatch) -> None:
    """Keep a mapping chosen in the wizard, so the same sheet layout maps the same way next time."""
    key = f"{_MAPPING_KEY}{header.kind}.{header.signature()}"
    value = {"columns": dict(header.columns), "header_row": header.header_rows[1]}
    setting = session.scalar(select(Setting).where(Setting.key == key))
    if setting is None:
        session.add(Setting(key=key, value=value))
    else:
        setting.value = value


def detect_mapping(sheet: SheetData, kind: str, session: Session | None = None) -> HeaderMatch:
    """The header and column mapping: detected, or the one remembered for this layout."""
    header = detect_header(sheet.rows, kind, where=f"{sheet.where}：")
    if session is not None:
        remembered = recalled_mapping(session, kind, header.signature())
        if remembered and remembered.get("header_row") == header.header_rows[1]:
            with contextlib.suppress(AccountDeskError, KeyError, TypeError):
                header = mapping_from_columns(kind, header.labels, remembered["columns"], header.header_rows[1])
    return header


def build_plan(session: Session, sheet: SheetData, kind: str, header: HeaderMatch, options: ImportOptions,
               progress: Callable[[int, int], None] | None = None) -> ImportPlan:
    """Read, check and match every row; nothing is written."""
    parsed = RowReader(kind, header).read(sheet.rows, progress)
    new_customers: dict[str, dict[str, Any]] = {}
    if kind == "customers":
        rows = plan_customers(session, parsed, header, options, progress)
    else:
        rows, new_customers = plan_children(session, kind, parsed, header, options, progress)
    for row in rows:
        if row.action != "error" and row.errors:
            row.action = "error"
    plan = ImportPlan(kind, sheet, header, options, rows, new_customers)
    if header.ignored:
        listed = "、".join(f"{column_letter(i)}（{header.labels[i]}）" for i in header.ignored)
        listed_en = ", ".join(f"{column_letter(i)} ({header.labels[i]})" for i in header.ignored)
        plan.notes.append(Message(f"未导入的列：{listed}", f"columns not imported: {listed_en}"))
    return plan


def plan_import(session: Session, sheet: SheetData, kind: str, options: ImportOptions | None = None,
                header: HeaderMatch | None = None, progress: Callable[[int, int], None] | None = None) -> ImportPlan:
    """What importing this sheet would do, row by row; nothing is written."""
    options = options or ImportOptions()
    if options.on_duplicate not in ON_DUPLICATE:
        raise AccountDeskError(f"未知的重复处理方式“{options.on_duplicate}”", f"unknown duplicate mode '{options.on_duplicate}'")
    header = header or detect_mapping(sheet, kind, session)
    return build_plan(session, sheet, kind, header, options, progress)


@dataclass
class ImportOutcome:
    plan: ImportPlan
    result: ImportResult | None  # None for a dry run or when nothing needed writing
    backup: Path | None = None
    seconds: float = 0.0


def import_file(database, sheet: SheetData, kind: str, options: ImportOptions | None = None, *,
                header: HeaderMatch | None = None, dry_run: bool = False,
                progress: Callable[[int, int], None] | None = None) -> ImportOutcome:
    """Plan and (unless a dry run) write the import: a verified backup first, then
    every accepted row in one transaction; with `strict`, nothing when any row is rejected.

    `progress(done, total)` is called as the work advances; raising ImportCancelled from it rolls
    everything back."""
    with bulk_work():
        return _import_file(database, sheet, kind, options or ImportOptions(), header, dry_run, progress)


def _import_file(database, sheet: SheetData, kind: str, options: ImportOptions, header: HeaderMatch | None,
                 dry_run: bool, progress: Callable[[int, int], None] | None) -> ImportOutcome:
    started = time.perf_counter()
    if dry_run:
        with database.session() as session:
            plan = plan_import(session, sheet, kind, options, header, progress)
        return ImportOutcome(plan, None, seconds=time.perf_counter() - started)
    if database.read_only:
        raise database.read_only_reason  # before the backup: nothing could be written anyway
    take_back_interrupted_imports(database)
    # A file or a server alike: a verified copy first (on a server, one consistent snapshot).
    backup = backup_database(database, label="before-import")

    def write() -> ImportOutcome:
        with database.write() as session:
            if database.is_sqlite:
                # A larger page cache for this transaction keeps the indexes being filled in memory.
                session.execute(text("PRAGMA cache_size=-65536"))
            plan = plan_import(session, sheet, kind, options, header, progress)
            if options.strict and plan.rejected:
                refused = StrictImportRefused(
                    f"{len(plan.rejected)} 行有错误，按 --strict 要求未导入任何行。",
                    f"{len(plan.rejected)} rows were rejected, so with --strict nothing was imported.",
                )
                refused.plan = plan  # type: ignore[attr-defined]
                raise refused
            outcome = ImportOutcome(plan, None, backup)
            if plan.writes:
                outcome.result = apply_plan(session, plan, user=database.user, progress=progress)
                outcome.result.backup = str(backup) if backup else None
            if database.is_sqlite:
                session.execute(text("PRAGMA cache_size=-2000"))  # SQLite's default again
            return outcome

    # On a server, a colleague's write may deadlock with this one or the server may ask to try
    # again (serialization): the whole import is planned and written again, still all or nothing.
    if database.is_sqlite and database.shared:
        outcome = _write_in_parts(database, sheet, kind, options, header, progress, backup)
    else:
        outcome = run_with_retry(write)
    if outcome.result is not None and outcome.result.created + outcome.result.updated >= ANALYZE_AFTER_ROWS:
        database.analyze()  # a server plans the next reads for the tables as they are now
    outcome.seconds = time.perf_counter() - started
    return outcome


def _write_in_parts(database, sheet: SheetData, kind: str, options: ImportOptions, header: HeaderMatch | None,
                    progress: Callable[[int, int], None] | None, backup: Path | None) -> ImportOutcome:
    """A shared file: plan against the backup just taken, then write in short parts, so a colleague's
    save never waits behind the whole import (see batches.apply_plan_in_parts for all or nothing).

    Planning reads every customer and takes seconds at 100,000; a read transaction that long on a
    file in rollback-journal mode would keep colleagues from committing all that time. The backup
    is the same database as of a moment ago, with the same ids, and nobody else's lock to respect.
    """
    from accountdesk.core.storage.database import open_database

    snapshot = open_database(backup, user=database.user, migrate=False) if backup else None
    try:
        with (snapshot or database).session() as session:
            plan = plan_import(session, sheet, kind, options, header, progress)
    finally:
        if snapshot is not None:
            snapshot.dispose()
    if options.strict and plan.rejected:
        refused = StrictImportRefused(
            f"{len(plan.rejected)} 行有错误，按 --strict 要求未导入任何行。",
            f"{len(plan.rejected)} rows were rejected, so with --strict nothing was imported.",
        )
        refused.plan = plan  # type: ignore[attr-defined]
        raise refused
    outcome = ImportOutcome(plan, None, backup)
    if plan.writes:
        outcome.result = apply_plan_in_parts(database, plan, user=database.user, progress=progress,
                                             retry=run_with_retry)
        outcome.result.backup = str(backup) if backup else None
    return outcome


def take_back_interrupted_imports(database) -> list[int]:
    """Undo what imports stopped half-way on a shared file wrote (their program killed or gone);
    run when a database is opened and before an import. Returns the batch numbers undone."""
    if database.read_only or not database.is_sqlite:
        return []

    def undo() -> list[int]:
        with database.write() as session:
            return undo_interrupted_imports(session)

    return run_with_retry(undo)


def bench_import(database, path: Path | str, kind: str = "customers") -> dict:
    """What `accountdesk bench` times: reading, planning and writing one sheet (backup included)."""
    started = time.perf_counter()
    sheet = read_for_import(Path(path), kind)
    outcome = import_file(database, sheet, kind, ImportOptions())
    return {"seconds": time.perf_counter() - started, "rows": len(outcome.plan.rows),
            "created": outcome.result.created if outcome.result else 0}


def import_message(outcome: ImportOutcome) -> Message:
    counts = outcome.plan.counts()
    return Message(
        f"新增 {counts['new']}，更新 {counts['update']}，无变化 {counts['unchanged']}，重复跳过 {counts['duplicate']}，错误 {counts['error']}",
        f"new {counts['new']}, updated {counts['update']}, unchanged {counts['unchanged']}, "
        f"duplicates skipped {counts['duplicate']}, errors {counts['error']}",
    )
