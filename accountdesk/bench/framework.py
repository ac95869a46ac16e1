"""The bench's frame: a figure, its floor and target, and the registry figures add themselves to."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from accountdesk.core.i18n import Message

try:
    import resource
except ImportError:  # Windows: no getrusage; memory and child CPU figures are left out there
    resource = None  # type: ignore[assignment]


class NotAvailable(Exception):
    """The feature a step measures does not exist yet (or not in this environment)."""


@dataclass
class Measurement:
    value: float  # wall-clock seconds, or mebibytes for memory
    worst: float | None = None  # for per-keystroke figures: the slowest keystroke
    note: str = ""
    cpu: float | None = None  # this process's CPU seconds: what the figure costs when others share the machine


@dataclass
class BenchContext:
    """What the steps share: the generated database and what the demo step reported."""

    customers: int
    seed: int
    today: date
    workdir: Path
    db_path: Path
    baseline_rss_mib: float | None
    database: object | None = None  # accountdesk.core.storage.database.Database, opened by the demo step
    demo: object | None = None  # accountdesk.core.demo.book.DemoReport
    cache: dict = field(default_factory=dict)

    def require_database(self):
        if self.database is None:
            raise NotAvailable("no demo database (the demo step failed)")
        return self.database


@dataclass
class BenchStep:
    name: str
    label: Message
    measure: Callable[[BenchContext], Measurement]
    floor: Callable[[BenchContext], Measurement]
    floor_label: Message
    target: Callable[[int], float] | None
    unit: str
    max_ratio: float | None = None  # a target relative to the floor (the issues set some this way)


STEPS: list[BenchStep] = []


def bench_step(name: str, *, floor: Callable[[BenchContext], Measurement], floor_label: Message, label: Message,
               target: Callable[[int], float] | None = None, unit: str = "s", max_ratio: float | None = None):
    """Register a figure: the decorated function measures it, `floor` measures its floor."""

    def register(measure: Callable[[BenchContext], Measurement]) -> Callable[[BenchContext], Measurement]:
        if any(step.name == name for step in STEPS):
            raise ValueError(f"bench step {name!r} registered twice")
        STEPS.append(BenchStep(name, label, measure, floor, floor_label, target, unit, max_ratio))
        return measure

    return register


def per_customers(amount: float, per: int = 10_000) -> Callable[[int], float]:
    """A target that grows with the book: `amount` for every `per` customers."""
    return lambda customers: amount * max(customers, 1) / per


def fixed(amount: float) -> Callable[[int], float]:
    return lambda _customers: amount


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def measured(action: Callable[[], object], note: str = "") -> Measurement:
    """Wall-clock and CPU seconds of one call (CPU of the processes it started and waited for
    included: a large demo book is made in a second process)."""
    cpu, wall = cpu_with_children(), time.perf_counter()
    action()
    return Measurement(time.perf_counter() - wall, note=note, cpu=cpu_with_children() - cpu)


def peak_rss_mib() -> float | None:
    if resource is None:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB elsewhere


def cpu_with_children() -> float:
    """CPU seconds of this process and of the child processes it has waited for."""
    if resource is None:
        return time.process_time()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


