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

from sqlalchemy import select
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
from accountdesk.core.excel.imports.rows import RowPlan, RowReader
from accountdesk.core.excel.read.headers import (
    DERIVED_LABELS,
    KINDS,
    HeaderMatch,
    HeaderScore,
    column_letter,
    detect_header,
    mapping_from_columns,
    normalize_label,
    split_unit,
)
from accountdesk.core.excel.read.reader import SheetData, read_sheet
from accountdesk.core.excel.read.values import CellError, clean_text
from accountdesk.core.i18n import AccountDeskError, Message
from accountdesk.core.storage.models import Setting, utcnow
from accountdesk.core.storage.pragmas import set_cache_size
from accountdesk.core.team.backup import backup_database
from accountdesk.core.team.conflicts import run_with_retry
from accountdesk.core.tiering.regrade import RegradeReport, regrade_all
from accountdesk.core.time import local_date

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


def remember_mapping(session: Session, header: HeaderMatch, skipped: tuple[str, ...] = ()) -> None:
    """Keep a mapping chosen in the wizard (and the columns chosen not to import at all), so the
    same sheet layout maps the same way next time."""
    key = f"{_MAPPING_KEY}{header.kind}.{header.signature()}"
    value = {"columns": dict(header.columns), "header_row": header.header_rows[1], "skipped": list(skipped)}
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
                header.skipped = tuple(remembered.get("skipped") or ())
    return header


def build_plan(session: Session, sheet: SheetData, kind: str, header: HeaderMatch, options: ImportOptions,
               progress: Callable[[int, int], None] | None = None) -> ImportPlan:
    """Read, check and match every row; nothing is written."""
    parsed = RowReader(kind, header).read(sheet.rows, progress)
    new_customers: dict[str, dict[str, Any]] = {}
    kept = _kept_columns(header, options) if kind == "customers" else []
    if kind == "customers":
        keep_unmapped(parsed, sheet.rows, header, kept)
        rows = plan_customers(session, parsed, header, options, progress)
    else:
        rows, new_customers = plan_children(session, kind, parsed, header, options, progress)
    for row in rows:
        if row.action != "error" and row.errors:
            row.action = "error"
    plan = ImportPlan(kind, sheet, header, options, rows, new_customers)
    if kept:
        listed = "、".join(f"{column_letter(i)}（{header.labels[i]}）" for i in kept)
        listed_en = ", ".join(f"{column_letter(i)} ({header.labels[i]})" for i in kept)
        plan.notes.append(Message(f"作为自定义字段保存的列：{listed}", f"columns kept as custom fields: {listed_en}"))
    dropped = [i for i in header.ignored if i not in kept]
    if dropped:
        listed = "、".join(f"{column_letter(i)}（{header.labels[i]}）" for i in dropped)
        listed_en = ", ".join(f"{column_letter(i)} ({header.labels[i]})" for i in dropped)
        plan.notes.append(Message(f"未导入的列：{listed}", f"columns not imported: {listed_en}"))
    return plan


# A running number is the sheet's, not the customer's: never kept as a custom field.
_ROW_NUMBER_HEADERS = frozenset({"序号", "编号序号", "行号", "no", "no.", "#", "序"})


def _kept_columns(header: HeaderMatch, options: ImportOptions) -> list[int]:
    """The columns no field claims that are kept as the customers' custom fields: all but a running
    number and those the user chose to skip (the wizard's mapping step, `--skip-column`)."""
    skipped = {normalize_label(name) for name in (*options.skip_columns, *header.skipped)}
    return [i for i in header.ignored
            if normalize_label(header.labels[i]) not in skipped | DERIVED_LABELS
            and normalize_label(split_unit(header.labels[i])[0]) not in DERIVED_LABELS
            and header.labels[i].strip().casefold() not in _ROW_NUMBER_HEADERS]


def keep_unmapped(parsed: list[RowPlan], rows: list[list], header: HeaderMatch, columns: list[int]) -> None:
    """Each row's cells in `columns` as its custom fields, header → text: an import loses nothing."""
    if not columns:
        return
    for row in parsed:
        cells = rows[row.index]
        custom = {}
        for i in columns:
            try:
                text = clean_text(cells[i]) if i < len(cells) else None
            except CellError:
                text = None
            if text:
                custom[header.labels[i]] = text
        if custom:
            row.values["custom_fields"] = custom


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
    regrade: RegradeReport | None = None  # the grading run right after a written import


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
                set_cache_size(session, 65536)
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
                set_cache_size(session, 2000)  # SQLite's default again
            return outcome

    # On a server, a colleague's write may deadlock with this one or the server may ask to try
    # again (serialization): the whole import is planned and written again, still all or nothing.
    if database.is_sqlite and database.shared:
        outcome = _write_in_parts(database, sheet, kind, options, header, progress, backup)
    else:
        outcome = run_with_retry(write)
    if outcome.result is not None and outcome.result.created + outcome.result.updated >= ANALYZE_AFTER_ROWS:
        database.analyze()  # a server plans the next reads for the tables as they are now
    if outcome.result is not None:
        # An imported book is graded at once: its opening figures and contacts count from day one.
        today = options.today or local_date(utcnow())

        def grade() -> RegradeReport:
            with database.write() as session:
                return regrade_all(session, today, reason="导入后评级 / graded after an import")

        outcome.regrade = run_with_retry(grade)
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
