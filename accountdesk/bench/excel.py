"""The Excel figures: exporting and importing a customer sheet, each beside its floor."""

from __future__ import annotations

import time
from pathlib import Path

from accountdesk.bench import (
    excel_work,
    figures,  # noqa: F401  (its figures come before these in the table)
)
from accountdesk.bench.framework import (
    BenchContext,
    Measurement,
    bench_step,
)
from accountdesk.core.i18n import Message

# --- Excel ------------------------------------------------------------------------------------
# Issue 5's targets: importing a customer sheet as big as the book, process start included, at
# most 2.5 × (python-calamine reading it + one bare executemany of its rows); writing the customer
# export at most 1.3 × openpyxl's bare write-only workbook of the same cells.


def _export_cells(ctx: BenchContext):
    if "export_cells" not in ctx.cache:
        from accountdesk.core.excel.exports.sources import customers_table

        with ctx.require_database().session() as session:
            started = time.perf_counter()
            ctx.cache["export_cells"] = customers_table(session, ctx.today)
            ctx.cache["export_query_seconds"] = time.perf_counter() - started
    return ctx.cache["export_cells"]


def _xlsx_floor(ctx: BenchContext) -> Measurement:
    benchmarks = excel_work
    _title, columns, rows = _export_cells(ctx)
    seconds = benchmarks.export_floor(ctx.workdir / "floor-customers.xlsx", [c.label for c in columns], rows)
    return Measurement(seconds)


@bench_step("export_customers_xlsx", label=Message("导出客户（Excel）", "export customers (.xlsx)"),
            floor=_xlsx_floor,
            floor_label=Message("openpyxl 只写模式写同样的单元格", "openpyxl write-only, the same cells"),
            max_ratio=1.3)
def export_customers_xlsx(ctx: BenchContext) -> Measurement:
    benchmarks = excel_work
    title, columns, rows = _export_cells(ctx)
    seconds = benchmarks.export_timed(ctx.workdir / "customers.xlsx", title, columns, rows)
    cells = len(rows) * len(columns)
    return Measurement(seconds, note=f"{len(rows)} rows, {cells} cells styled, frozen, filtered; "
                                     f"reading them took {ctx.cache['export_query_seconds']:.1f} s more")


def _import_sheet(ctx: BenchContext) -> Path:
    if "import_sheet" not in ctx.cache:
        benchmarks = excel_work
        ctx.cache["import_sheet"] = benchmarks.make_customer_sheet(ctx.workdir / "import-customers.xlsx", ctx.customers)
    return ctx.cache["import_sheet"]


def _empty_database(ctx: BenchContext, name: str) -> Path:
    from accountdesk.core.storage.database import open_database

    path = ctx.workdir / name
    path.unlink(missing_ok=True)
    open_database(path, user="bench").dispose()
    return path


def _import_floor(ctx: BenchContext) -> Measurement:
    benchmarks = excel_work
    sheet = _import_sheet(ctx)
    return Measurement(benchmarks.import_floor(sheet, _empty_database(ctx, "import-floor.accountdesk")))


@bench_step("import_customers_xlsx", label=Message("导入客户表（Excel，含进程启动）", "import a customer sheet (.xlsx, process start included)"),
            floor=_import_floor,
            floor_label=Message("python-calamine 读表 + 一次裸 executemany", "python-calamine read + one bare executemany"),
            max_ratio=2.5)
def import_customers_xlsx(ctx: BenchContext) -> Measurement:
    benchmarks = excel_work
    sheet = _import_sheet(ctx)
    target = _empty_database(ctx, "import-target.accountdesk")
    seconds = benchmarks.import_process(sheet, target, data_dir=ctx.workdir / "import-data")
    return Measurement(seconds, note=f"{ctx.customers} rows, `accountdesk import customers` as a user runs it")


