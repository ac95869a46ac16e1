"""The GUI figures (measured by accountdesk.bench.gui_hooks), and peak memory, measured last."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from accountdesk.bench import server  # noqa: F401  (its figures, and Excel's, come before these in the table)
from accountdesk.bench.framework import (
    BenchContext,
    Measurement,
    NotAvailable,
    bench_step,
    cpu_with_children,
    fixed,
    measured,
    peak_rss_mib,
)
from accountdesk.core.i18n import Message

# --- the GUI (measured by accountdesk.bench.gui_hooks once the GUI provides it) --------------------


def _gui_hook(name: str) -> Callable[[Path], float]:
    try:
        from accountdesk.bench import gui_hooks as hooks  # Qt: loaded only to measure the GUI
    except NotAvailable:
        raise NotAvailable("not yet available (accountdesk.bench.gui_hooks)") from None
    hook = getattr(hooks, name, None)
    if hook is None:
        raise NotAvailable(f"not yet available (accountdesk.bench.gui_hooks.{name})")
    # No window pops up during a bench, and without a display Qt would abort the whole process.
    # A platform the user chose explicitly is kept.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return hook


def _run_hook(hook: Callable[[Path], float | Measurement], db_path: Path) -> Measurement:
    """Call a GUI hook; CPU is counted in this process and in the processes it waited for."""
    before = cpu_with_children()
    result = hook(db_path)
    measurement = result if isinstance(result, Measurement) else Measurement(float(result))
    if measurement.cpu is None:
        measurement.cpu = cpu_with_children() - before
    return measurement


def _list_floor(ctx: BenchContext) -> Measurement:
    def query() -> None:
        with ctx.require_database().session() as session:
            connection = session.connection()
            connection.exec_driver_sql("SELECT id FROM customers WHERE deleted_at IS NULL ORDER BY id").fetchall()
            connection.exec_driver_sql("SELECT * FROM customers WHERE deleted_at IS NULL ORDER BY id LIMIT 100"
                                       ).fetchall()

    return measured(query)


@bench_step("open_customer_list", label=Message("打开客户列表（界面）", "open the customer list (GUI)"),
            floor=_list_floor, floor_label=Message("所有 id + 首屏 100 行", "all ids + the first 100 rows"),
            target=fixed(0.5))
def open_customer_list(ctx: BenchContext) -> Measurement:
    # accountdesk.bench.gui_hooks.open_customer_list(db_path) -> seconds (or a Measurement)
    return measure_open_customer_list(ctx.db_path)


def measure_open_customer_list(target: Path | str) -> Measurement:
    """Opening the customer list in the GUI on a file or a server URL."""
    return _run_hook(_gui_hook("open_customer_list"), target)  # type: ignore[arg-type]


def _interpreter_with_qt(ctx: BenchContext) -> Measurement:
    # The floor of a cold start: a fresh interpreter showing an empty QMainWindow.
    code = (
        "from PySide6.QtWidgets import QApplication, QMainWindow\n"
        "app = QApplication([]); window = QMainWindow(); window.resize(1280, 800); window.show(); app.processEvents()\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, env=env)
    return Measurement(time.perf_counter() - started)


@bench_step("cold_start", label=Message("冷启动到主窗口（界面）", "cold start to the main window (GUI)"),
            floor=_interpreter_with_qt,
            floor_label=Message("新进程显示空白 QMainWindow", "a fresh process showing a bare QMainWindow"),
            target=fixed(2.0))  # issue 6: an interactive customer list within 2 s
def cold_start(ctx: BenchContext) -> Measurement:
    # accountdesk.bench.gui_hooks.cold_start(db_path) -> seconds: a fresh process until the main
    # window is shown with this database open.
    return _run_hook(_gui_hook("cold_start"), ctx.db_path)


def _idle_stall(ctx: BenchContext) -> Measurement:
    return _run_hook(_gui_hook("idle_stall"), ctx.db_path)


@bench_step("gui_stall", label=Message("界面线程最长停顿（脚本会话）", "longest GUI-thread stall (scripted session)"),
            floor=_idle_stall, floor_label=Message("空闲事件循环的计时抖动", "an idle event loop's timer jitter"),
            target=fixed(0.1))  # issue 14: the GUI thread never waits on a query or import
def gui_stall(ctx: BenchContext) -> Measurement:
    # Open each page, search, open a customer, save, log a contact; the longest event-loop gap.
    return _run_hook(_gui_hook("gui_stall"), ctx.db_path)


# --- memory (last, so it sees the whole run) ----------------------------------------------------


def _baseline_memory(ctx: BenchContext) -> Measurement:
    if ctx.baseline_rss_mib is None:
        raise NotAvailable("no getrusage on this platform")
    return Measurement(ctx.baseline_rss_mib)


@bench_step("peak_memory", label=Message("峰值内存", "peak memory"), floor=_baseline_memory,
            floor_label=Message("开始时的进程内存", "the process before the run"), target=fixed(1024.0), unit="MiB")
def peak_memory(ctx: BenchContext) -> Measurement:
    peak = peak_rss_mib()
    if peak is None:
        raise NotAvailable("no getrusage on this platform")
    return Measurement(peak, note="ru_maxrss of the bench process")


