"""Smoke test of an installed AccountDesk (run by .ci/run with a fresh venv's python, outside the
checkout): the commands a new user runs first, every page and every customer tab opened offscreen,
one revisit sheet PDF. Any failure is an exception and a non-zero exit."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path


def run(*args: str) -> str:
    done = subprocess.run([str(Path(sys.executable).with_name("accountdesk")), *args],
                          capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise SystemExit(f"accountdesk {' '.join(args)} exited {done.returncode}:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def main() -> int:
    import accountdesk

    checkout = Path(__file__).resolve().parent.parent
    installed = Path(accountdesk.__file__).resolve()
    assert checkout not in installed.parents, f"testing the checkout, not the installed wheel: {installed}"
    work = Path(tempfile.mkdtemp(prefix="accountdesk-smoke-"))
    os.environ["ACCOUNTDESK_DATA_DIR"] = str(work / "data")
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    db = work / "smoke.accountdesk"
    run("demo", "--db", str(db), "--customers", "300")
    print(run("check", "--db", str(db)).strip().splitlines()[-1])
    pdf = work / "sheets.pdf"
    run("sheets", str(pdf), "--db", str(db), "--from", "2026-01-05", "--to", "2026-12-31")
    data = pdf.read_bytes()
    pages = data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") + data.count(b"/Type /Page/")
    assert data.startswith(b"%PDF") and pages > 1, f"the revisit sheet PDF has {pages} pages"
    print(f"sheets: {pages} pages")

    from PySide6.QtWidgets import QApplication

    from accountdesk.core.storage.database import open_database
    from accountdesk.ui.customers.detail import DETAIL_TABS
    from accountdesk.ui.customers.model import ID_ROLE
    from accountdesk.ui.customers.page import CustomersPage
    from accountdesk.ui.main_window import create_main_window
    from accountdesk.ui.navigation import PAGES

    app = QApplication.instance() or QApplication([])
    database = open_database(db, user="smoke")
    window = create_main_window(database, synchronous=True, language="zh_CN")
    window.show()
    for spec in PAGES:
        page = window.show_page(spec.key)
        app.processEvents()
        print(f"page {spec.key}: {type(page).__name__}")
    customers = window.show_page("customers")
    assert isinstance(customers, CustomersPage)
    assert customers.model.rowCount() == 300, customers.model.rowCount()
    customer_id = customers.model.index(0, 0).data(ID_ROLE)
    customers.open_customer(customer_id)
    for index, spec in enumerate(DETAIL_TABS):
        customers.detail.tabs.setCurrentIndex(index)
        app.processEvents()
        widget = customers.detail.tabs.widget(index)
        assert isinstance(widget, spec.tab_class), (spec.key, type(widget))
        print(f"tab {spec.key}: {type(widget).__name__}")
    window.close()
    database.dispose()
    print("smoke test passed:", installed.parent)
    return 0


if __name__ == "__main__":
    sys.exit(main())
