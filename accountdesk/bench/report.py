"""Running the figures and printing the table (or one JSON document)."""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from accountdesk.bench import gui  # noqa: F401  (its figures come before these in the table)
from accountdesk.bench.framework import (
    STEPS,
    BenchContext,
    BenchStep,
    NotAvailable,
    peak_rss_mib,
)
from accountdesk.bench.gui import measure_open_customer_list
from accountdesk.bench.server import server_column
from accountdesk.core.i18n import Message

# --- running and reporting ----------------------------------------------------------------------


@dataclass
class Figure:
    """One line of the table."""

    name: str
    label: Message
    unit: str
    floor_label: Message
    status: str  # ok | over target | skipped | failed
    value: float | None = None
    worst: float | None = None
    floor: float | None = None
    floor_worst: float | None = None
    target: float | None = None
    max_ratio: float | None = None
    note: str = ""
    cpu: float | None = None
    floor_cpu: float | None = None
    peak_rss_after: float | None = None  # MiB, so the step that raised the peak can be found
    # The same figure on a PostgreSQL copy of the book (when a server is configured).
    postgres: float | None = None
    postgres_cpu: float | None = None
    postgres_note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.floor:
            return None
        return self.value / self.floor

    def as_dict(self) -> dict:
        return {
            "name": self.name, "label": str(self.label), "unit": self.unit, "status": self.status,
            "value": self.value, "worst": self.worst, "floor": self.floor, "floor_worst": self.floor_worst,
            "floor_label": str(self.floor_label),
            "ratio": None if self.ratio is None else round(self.ratio, 2),
            "target": self.target, "max_ratio": self.max_ratio, "note": self.note, "cpu": self.cpu, "floor_cpu": self.floor_cpu,
            "peak_rss_after_mib": self.peak_rss_after,
            "postgres": self.postgres, "postgres_cpu": self.postgres_cpu, "postgres_note": self.postgres_note,
        }


def run_step(step: BenchStep, ctx: BenchContext) -> Figure:
    figure = Figure(step.name, step.label, step.unit, step.floor_label, status="ok",
                    target=step.target(ctx.customers) if step.target else None, max_ratio=step.max_ratio)
    try:
        measured = step.measure(ctx)
        floor = step.floor(ctx)
    except NotAvailable as reason:
        figure.status, figure.note = "skipped", str(reason)
        return figure
    except Exception as error:  # one broken figure must not hide the others
        figure.status, figure.note = "failed", f"{type(error).__name__}: {error}"
        return figure
    figure.value, figure.worst, figure.note, figure.cpu = measured.value, measured.worst, measured.note, measured.cpu
    figure.floor, figure.floor_worst, figure.floor_cpu = floor.value, floor.worst, floor.cpu
    # "Each keystroke under 100 ms" is about the slowest one, not the typical one.
    judged = figure.worst if figure.worst is not None else figure.value
    if figure.target is not None and judged > figure.target:
        figure.status = "over target"
    if step.max_ratio is not None and figure.floor and figure.value / figure.floor > step.max_ratio:
        figure.status = "over target"
    return figure


def run_bench(customers: int, workdir: Path, *, seed: int = 1, today: date | None = None,
              progress: Callable[[str], None] | None = None) -> list[Figure]:
    """Generate a demo database of `customers` in `workdir` and measure every registered figure."""
    db_path = workdir / "bench.accountdesk"
    for name in ("bench.accountdesk", "import-target.accountdesk", "import-floor.accountdesk"):  # a kept folder from an earlier run
        for suffix in ("", "-wal", "-shm"):
            (workdir / (name + suffix)).unlink(missing_ok=True)
    ctx = BenchContext(customers=customers, seed=seed, today=today or date.today(), workdir=workdir,
                       db_path=db_path, baseline_rss_mib=peak_rss_mib())
    figures = []
    try:
        for step in STEPS:
            if progress:
                progress(str(step.label))
            figure = run_step(step, ctx)
            peak = peak_rss_mib()
            figure.peak_rss_after = None if peak is None else round(peak, 1)
            figures.append(figure)
        restore = server_column(ctx, figures, measure_open_customer_list, progress)
        if restore is not None:
            figures.append(Figure("server_restore", Message("把整本数据恢复到服务器", "restore the book onto the server"),
                                  "s", Message("—", "—"), status="ok", postgres=restore["seconds"],
                                  postgres_cpu=restore["cpu"], note=f"{restore['rows']} rows"))
    finally:
        if ctx.database is not None:
            ctx.database.dispose()
    return figures


def _amount(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "s":
        return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"
    return f"{value:.0f} {unit}"


def _cell(value: float | None, worst: float | None, unit: str) -> str:
    text = _amount(value, unit)
    if worst is not None:
        text += f" (≤{_amount(worst, unit)})"
    return text


def _width(text: str) -> int:
    # CJK characters take two columns in a terminal.
    return sum(2 if "\u2e80" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef" else 1 for char in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


_STATUS = {
    "ok": Message("达标", "ok"), "over target": Message("超出目标", "over target"),
    "skipped": Message("跳过", "skipped"), "failed": Message("出错", "failed"),
}


def format_table(figures: list[Figure], customers: int, seconds: float, machine: str = "") -> str:
    server = any(f.postgres is not None or f.postgres_note for f in figures)
    header = [str(Message(*pair)) for pair in (("指标", "figure"), ("用时", "value"), ("CPU", "CPU"),
                                               ("下限", "floor"), ("倍数", "ratio"), ("目标", "target"),
                                               ("状态", "status"), ("下限的含义 / 备注", "floor is / note"))]
    if server:
        header.insert(2, "PostgreSQL")
    rows = [header]
    for f in figures:
        ratio = "-" if f.ratio is None else f"{f.ratio:.1f}×"
        target = "-" if f.target is None else "≤ " + _amount(f.target, f.unit)
        if f.max_ratio is not None:
            target = f"≤ {f.max_ratio:g}×"
        detail = str(f.floor_label) if f.status in ("ok", "over target") else f.note
        if f.note and f.status in ("ok", "over target"):
            detail += f"; {f.note}"
        cpu = _amount(f.cpu, "s") if f.cpu is not None else "-"
        row = [str(f.label), _cell(f.value, f.worst, f.unit), cpu, _cell(f.floor, f.floor_worst, f.unit),
               ratio, target, str(_STATUS[f.status]), detail]
        if server:
            over = f.postgres is not None and f.target is not None and f.postgres > f.target
            shown = "-" if f.postgres is None else _amount(f.postgres, f.unit) + (" !" if over else "")
            row.insert(2, shown if not f.postgres_note else str(Message("出错", "failed")))
            if f.postgres_note:
                row[-1] += f"; PostgreSQL: {f.postgres_note}"
        rows.append(row)
    widths = [max(_width(row[i]) for row in rows) for i in range(len(header) - 1)]
    lines = [str(Message(f"AccountDesk 性能表：{customers} 个客户，总用时 {seconds:.1f} 秒{machine}",
                         f"AccountDesk bench: {customers} customers, {seconds:.1f} s in all{machine}"))]
    for row in rows:
        lines.append("  ".join(_pad(cell, widths[i]) for i, cell in enumerate(row[:-1])) + "  " + row[-1])
    return "\n".join(lines)


def run_bench_command(customers: int, as_json: bool, keep: str | None) -> int:
    """`accountdesk bench`: print the table (or one JSON document); 1 if a figure failed outright."""
    started, cpu_started = time.perf_counter(), time.process_time()
    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    if keep:
        workdir = Path(keep).expanduser()
        workdir.mkdir(parents=True, exist_ok=True)
        cleanup = None
    else:
        workdir = Path(tempfile.mkdtemp(prefix="accountdesk-bench-"))
        cleanup = workdir

    def progress(label: str) -> None:
        print(f"… {label}", file=sys.stderr, flush=True)

    try:
        figures = run_bench(customers, workdir, progress=progress)
    finally:
        if cleanup is not None:
            shutil.rmtree(cleanup, ignore_errors=True)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    load_after = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    if as_json:
        document = {"customers": customers, "seconds": round(seconds, 3), "cpu_seconds": round(cpu, 3),
                    "load_average": [load_before, load_after], "cores": os.cpu_count(),
                    "kept_in": str(workdir) if keep else None, "figures": [f.as_dict() for f in figures]}
        json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        # Wall-clock figures stretch when other processes share the cores; CPU seconds and the
        # ratios to floors measured in the same run do not.
        machine = f" (CPU {cpu:.1f} s; {os.cpu_count()} cores"
        if load_before is not None:
            machine += f", load average {load_before:.1f} → {load_after:.1f}"
        print(format_table(figures, customers, seconds, machine + ")"))
    return 1 if any(f.status == "failed" for f in figures) else 0

