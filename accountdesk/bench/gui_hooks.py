"""GUI figures for `accountdesk bench`: opening the customer list, and a cold start to the main window."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from accountdesk.bench.framework import Measurement

# Run in a fresh interpreter: Python and Qt start, the database opens, the main window shows
# and the customer list holds its first screen of rows. It prints the wall-clock moment it got there.
_COLD_START = r"""
import sys, time
import accountdesk.core.archive.records, accountdesk.core.storage.database  # the core before Qt, as `accountdesk` does
from accountdesk.ui.app import make_application
from accountdesk.core.storage.database import open_database
from accountdesk.ui.main_window import create_main_window
app = make_application()
window = create_main_window(open_database(sys.argv[1]))
window.resize(1280, 800)
window.show()
model = window.customers_page().model
deadline = time.perf_counter() + 60
while (model.rowCount() == 0 or model.cached_row(model.customer_id(0)) is None) and time.perf_counter() < deadline:
    app.processEvents()
    model.data(model.index(0, 1))
    time.sleep(0.001)
print(time.time())  # the moment the rows are there, on the clock the parent read before starting us
window.context.runner.shutdown(wait=True)
"""



def _run_timed(code: str, *args: str) -> float:
    """From starting the process (the interpreter's own start included, which a user waits for
    too) to the moment it reports; what it does after (background work, shutting down) is not
    counted, as the user is already at work then."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    started = time.time()
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True)
    return float(result.stdout.strip().splitlines()[-1]) - started


def _compile_bytecode() -> None:
    """Compile the package as pip and PyInstaller do when they install it: a user's start reads
    bytecode, where a checkout run with PYTHONDONTWRITEBYTECODE would compile every module anew."""
    import compileall

    import accountdesk

    compileall.compile_dir(Path(accountdesk.__file__).parent, quiet=2)


def cold_start(db_path: Path) -> Measurement:
    _compile_bytecode()
    return Measurement(_run_timed(_COLD_START, str(db_path)),
                       note="fresh process to a filled customer list, from compiled bytecode as installed")


def open_customer_list(db_path: Path) -> Measurement:
    """In this process: open the database, build the main window, until the list shows rows."""
    from accountdesk.core.storage.database import open_database
    from accountdesk.ui.app import make_application
    from accountdesk.ui.main_window import create_main_window

    app = make_application()
    started = time.perf_counter()
    database = open_database(db_path)
    window = create_main_window(database)
    window.resize(1280, 800)
    window.show()
    model = window.customers_page().model
    deadline = started + 60
    while model.rowCount() == 0 or model.cached_row(model.customer_id(0)) is None:
        app.processEvents()
        model.data(model.index(0, 1))
        if time.perf_counter() > deadline:
            break
        time.sleep(0.001)
    elapsed = time.perf_counter() - started
    rows = model.rowCount()
    window.context.runner.shutdown(wait=True)
    window.close()
    database.dispose()
    return Measurement(elapsed, note=f"{rows} rows listed")


class StallMeter:
    """The longest time the GUI thread went without serving its event loop, and during which step.

    A precise 5 ms timer notes how late each tick comes: a tick is late exactly as long as the
    GUI thread was busy with something else (a query, a page being built, a file read), which is
    what a person sees as a frozen window."""

    INTERVAL_MS = 5

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.step = "start"
        self.worst = 0.0
        self.worst_step = ""
        self.per_step: dict[str, float] = {}
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(self.INTERVAL_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self._note(now - self._last - self.INTERVAL_MS / 1000)
        self._last = now

    def _note(self, stall: float) -> None:
        self.per_step[self.step] = max(self.per_step.get(self.step, 0.0), stall)
        if stall > self.worst:
            self.worst, self.worst_step = stall, self.step

    def enter(self, step: str) -> None:
        """Name what the script does next; the time spent in the script itself counts as a stall."""
        self._tick()
        self.step = step

    def stop(self) -> None:
        self._tick()
        self._timer.stop()


def _settle(app, window, seconds: float = 0.3, deadline: float = 60.0) -> None:
    """Serve the event loop until the background tasks are done and the screen has been quiet a while."""
    runner = window.context.runner
    end = time.perf_counter() + deadline
    quiet_since = None
    while time.perf_counter() < end:
        app.processEvents()
        if runner.busy:
            quiet_since = None
        elif quiet_since is None:
            quiet_since = time.perf_counter()
        elif time.perf_counter() - quiet_since >= seconds:
            return
        time.sleep(0.001)


def idle_stall(db_path: Path) -> Measurement:
    """The same meter on an event loop with nothing to do for a second: its timer's own jitter."""
    from accountdesk.ui.app import make_application

    app = make_application()
    meter = StallMeter()
    end = time.perf_counter() + 1.0
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)
    meter.stop()
    return Measurement(meter.worst)


def gui_stall(db_path: Path) -> Measurement:
    """A manager's first minutes at 100,000 customers, scripted: open each page, search, open a
    customer, save a phone number, log a contact. The figure is the longest GUI-thread stall."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from accountdesk.core.storage.database import open_database
    from accountdesk.ui.app import make_application
    from accountdesk.ui.main_window import create_main_window
    from accountdesk.ui.navigation import PAGES

    app = make_application()
    meter = StallMeter()
    meter.enter("open the database and the window")
    database = open_database(db_path)
    window = create_main_window(database)
    window.resize(1280, 800)
    window.show()
    _settle(app, window)
    for spec in PAGES:
        meter.enter(f"open the {spec.key} page")
        window.show_page(spec.key)
        _settle(app, window)
    page = window.show_page("customers")
    _settle(app, window)
    from accountdesk.ui.customers.model import ID_ROLE

    customer_id = page.model.index(0, 0).data(ID_ROLE)  # before the search, which may match nobody
    if customer_id is None:
        raise RuntimeError("the customer list showed no rows to open")
    meter.enter("search (typed key by key)")
    page.filters.search.setFocus()
    for key in "huaxing":
        QTest.keyClicks(page.filters.search, key)
        app.processEvents()
    _settle(app, window)
    meter.enter("open a customer")
    page.open_customer(customer_id)
    _settle(app, window)
    meter.enter("save a phone number")
    form = page.detail.tabs.widget(0)
    phone = form.widgets["phone"]
    phone.selectAll()
    QTest.keyClicks(phone, "13900001111")
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    _settle(app, window)
    meter.enter("log a contact")
    page.log_interaction()
    _settle(app, window)
    dialog = page.active_dialog
    QTest.keyClicks(dialog.field("summary"), "bench call")
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    _settle(app, window)
    meter.stop()
    window.context.runner.shutdown(wait=True)
    window.close()
    database.dispose()
    steps = ", ".join(f"{step} {seconds * 1000:.0f} ms" for step, seconds in
                      sorted(meter.per_step.items(), key=lambda item: -item[1])[:4])
    return Measurement(meter.worst, note=f"longest: {meter.worst_step}; then {steps}")
