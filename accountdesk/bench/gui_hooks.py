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
