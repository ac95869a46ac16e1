"""`accountdesk bench`: the performance table, each figure measured beside its floor in the same run.

A figure is registered by decorating one function with ``@bench_step``; the floor is the least
work that could produce the same result (a bare SQL statement, the driver's executemany), so the
ratio says how much our own code adds, whatever the machine.

Figures register in table order: the core's, then Excel, then the GUI and memory (last, so it
sees the whole run).
"""

from accountdesk.bench.framework import (
    STEPS,
    BenchContext,
    BenchStep,
    Measurement,
    NotAvailable,
    bench_step,
    fixed,
    measured,
    peak_rss_mib,
    per_customers,
    timed,
)
from accountdesk.bench.report import Figure, format_table, run_bench, run_bench_command, run_step

__all__ = [
    "STEPS", "BenchContext", "BenchStep", "Figure", "Measurement", "NotAvailable", "bench_step", "fixed",
    "format_table", "measured", "peak_rss_mib", "per_customers", "run_bench", "run_bench_command", "run_step",
    "timed",
]
