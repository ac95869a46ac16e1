"""`demo`, `import` and `export`: filling a database and moving records in and out of sheets."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from accountdesk.cli.output import (
    EXIT_OK,
    UsageError,
    open_db,
    print_json,
    say,
)
from accountdesk.core.excel.imports.importer import (
    ImportOptions,
    ImportPlan,
    StrictImportRefused,
    import_file,
    read_for_import,
)
from accountdesk.core.excel.imports.report import (
    mapping_lines,
    nothing_written_for_errors,
    plan_lines,
    reason_lines,
    summary_dict,
    write_error_workbook,
)
from accountdesk.core.i18n import AccountDeskError, Message, counted

# --- demo ------------------------------------------------------------------------------------


def cmd_demo(args: argparse.Namespace) -> int:
    from accountdesk.core.demo.book import generate_demo

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
                from accountdesk.core.excel.exports.rows import export_json

                count = export_json(session, args.kind, out, as_of=as_of)
            elif suffix == ".ics":
                from accountdesk.core.revisits.plans import export_ics

                count = export_ics(session, out, today=as_of)
            else:
                from accountdesk.core.excel.exports.workbook import export_workbook

                count = export_workbook(session, args.kind, out, template=args.template, as_of=as_of)
    finally:
        database.dispose()
    say(Message(f"已导出 {count} 行到 {out}", f"Exported {counted(count, 'row')} to {out}"))
    for warning in getattr(count, "warnings", []):
        say(warning, err=True)
    return EXIT_OK






def run_import_command(database, args) -> int:
    """`accountdesk import KIND FILE …`: exit 0 when the import (or dry run) went through, 1 when the
    file could not be read or --strict refused it; nothing is written in either case."""
    as_json = bool(getattr(args, "json", False))
    options = ImportOptions(
        on_duplicate=getattr(args, "on_duplicate", None) or "skip",
        create_customers=bool(getattr(args, "create_customers", False)),
        strict=bool(getattr(args, "strict", False)),
        skip_columns=tuple(getattr(args, "skip_column", None) or ()),
    )
    dry_run = bool(getattr(args, "dry_run", False))
    path = Path(args.file)
    try:
        sheet = read_for_import(path, args.kind, getattr(args, "sheet", None))
        outcome = import_file(database, sheet, args.kind, options, dry_run=dry_run)
    except StrictImportRefused as refused:
        plan = getattr(refused, "plan", None)
        if plan is not None and getattr(args, "errors", None):
            write_error_workbook(plan, Path(args.errors))
        print_failure(refused, path, as_json=as_json, plan=plan)
        return 1
    except AccountDeskError as error:
        print_failure(error, path, as_json=as_json)
        return 1
    if getattr(args, "errors", None) and outcome.plan.rejected:
        write_error_workbook(outcome.plan, Path(args.errors))
    print_outcome(outcome, dry_run=dry_run, as_json=as_json, errors_path=getattr(args, "errors", None))
    if nothing_written_for_errors(outcome.plan):
        if not as_json:
            say(Message(f"{len(outcome.plan.rejected)} 行被拒，没有任何行可导入。",
                        f"{len(outcome.plan.rejected)} rows were rejected and none could be imported."), err=True)
        return 1
    if dry_run and options.strict and outcome.plan.rejected:
        if not as_json:
            say(Message(f"有 {len(outcome.plan.rejected)} 行被拒，按 --strict 要求将不会导入任何行。",
                        f"{len(outcome.plan.rejected)} rows would be rejected, so with --strict nothing would be imported."),
                err=True)
        return 1
    return 0




def print_outcome(outcome, *, dry_run: bool, as_json: bool, errors_path: str | None) -> None:
    if as_json:
        json.dump(summary_dict(outcome, dry_run=dry_run, errors_path=errors_path), sys.stdout, ensure_ascii=False,
                  indent=2, default=str)
        sys.stdout.write("\n")
        return
    plan = outcome.plan
    sheet = plan.sheet
    where = Message(f"文件 {sheet.path.name}" + (f"，工作表“{sheet.sheet}”" if sheet.sheet else "")
                    + (f"，编码 {sheet.encoding}" if sheet.encoding else ""),
                    f"file {sheet.path.name}" + (f", sheet '{sheet.sheet}'" if sheet.sheet else "")
                    + (f", encoding {sheet.encoding}" if sheet.encoding else ""))
    say(str(where))
    for line in mapping_lines(plan) + plan_lines(plan) + reason_lines(plan):
        say(line)
    counts = plan.counts()
    totals = Message(
        f"新增 {counts['new']}，更新 {counts['update']}，无变化 {counts['unchanged']}，重复跳过 {counts['duplicate']}，错误 {counts['error']}",
        f"new {counts['new']}, update {counts['update']}, unchanged {counts['unchanged']}, "
        f"duplicates skipped {counts['duplicate']}, errors {counts['error']}",
    )
    if plan.kind != "customers" and plan.new_customers:
        totals = Message(totals.zh + f"，新建客户 {len(plan.new_customers)}", totals.en + f", customers to create {len(plan.new_customers)}")
    if dry_run:
        say(str(Message(f"预演（未写入任何数据）：{totals.zh}", f"Dry run (nothing written): {totals.en}")))
    elif outcome.result is None:
        say(str(Message(f"没有需要写入的内容：{totals.zh}", f"Nothing to write: {totals.en}")))
    else:
        say(str(Message(f"已导入（批次 {outcome.result.batch_id}，可撤销）：{totals.zh}",
                         f"Imported (batch {outcome.result.batch_id}, can be undone): {totals.en}")))
        if outcome.backup:
            say(str(Message(f"导入前的备份：{outcome.backup}", f"Backup taken before the import: {outcome.backup}")))
    if errors_path and plan.rejected:
        say(str(Message(f"被拒的 {len(plan.rejected)} 行已写入 {errors_path}",
                         f"The {len(plan.rejected)} rejected rows were written to {errors_path}")))


def print_failure(error: AccountDeskError, path: Path, *, as_json: bool, plan: ImportPlan | None = None) -> None:
    if as_json:
        document = {"ok": False, "file": str(path), "written": False, "error_zh": error.message.zh,
                    "error_en": error.message.en}
        if plan is not None:
            document["counts"] = plan.counts()
            document["problems"] = [p.as_dict() for p in plan.problems()]
        json.dump(document, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
        return
    if plan is not None:
        for line in plan_lines(plan):
            print(line, file=sys.stderr)
    print(str(error.message), file=sys.stderr)
