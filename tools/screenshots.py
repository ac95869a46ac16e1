"""Screenshots of every main screen, rendered offscreen on a database with demo data.

    python -m tools.screenshots OUT_DIR --db DB [--lang zh_CN|en] [--size 1440x900]

Writes one PNG per screen: the customer list, a customer's detail (and its timeline), the
empty first-run list, and each navigation page. If DB has no customers and the demo module
is available, demo customers are added first (--demo N).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from datetime import date
from pathlib import Path


def _offscreen_platform(width: int, height: int) -> None:
    # Unless told otherwise, render without a display, on a screen large enough for the window.
    if os.environ.get("QT_QPA_PLATFORM", "offscreen").startswith("offscreen") and "configfile" not in os.environ.get(
        "QT_QPA_PLATFORM", ""
    ):
        config = Path(tempfile.mkdtemp(prefix="accountdesk-shots-")) / "screen.json"
        config.write_text(json.dumps({"screens": [{"name": "shots", "x": 0, "y": 0, "width": width + 200,
                                                   "height": height + 200, "logicalDpi": 96,
                                                   "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def _settle(app) -> None:
    for _ in range(5):
        app.processEvents()


def _save(window, out_dir: Path, name: str, app) -> Path:
    _settle(app)
    path = out_dir / f"{name}.png"
    if not window.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path)
    return path


def _ensure_demo(database, customers: int, today: date) -> None:
    from accountdesk.core.archive.records import count_customers

    with database.session() as session:
        if count_customers(session):
            return
    try:
        from accountdesk.core.demo.book import generate_demo
    except ImportError:
        print("the database is empty and demo data is not available; screens show an empty archive")
        return
    generate_demo(database, customers=customers, seed=1, today=today)


def take_screenshots(db_target: str, out_dir: Path, *, language: str = "zh_CN", size: tuple[int, int] = (1440, 900),
                     today: date | None = None, demo_customers: int = 300, user: str = "张经理") -> list[Path]:
    width, height = size
    _offscreen_platform(width, height)
    from PySide6.QtCore import Qt

    from accountdesk.core.storage.database import open_database
    from accountdesk.ui.app import make_application
    from accountdesk.ui.customers.model import COLUMNS
    from accountdesk.ui.kit.preferences import AppSettings
    from accountdesk.ui.main_window import create_main_window
    from accountdesk.ui.navigation import PAGES

    app = make_application(["accountdesk-screenshots"])
    today = today or date.today()
    out_dir.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="accountdesk-shots-"))
    settings = AppSettings.in_file(scratch / "settings.ini")  # never the user's own layout
    saved: list[Path] = []

    # The first-run screen, on a new empty database.
    empty = open_database(scratch / "first-run.accountdesk", user=user)
    window = create_main_window(empty, synchronous=True, settings=settings, today=lambda: today, language=language)
    window.resize(width, height)
    window.show()
    saved.append(_save(window, out_dir, "00_first_run", app))
    window.close()
    empty.dispose()

    database = open_database(db_target, user=user)
    _ensure_demo(database, demo_customers, today)
    window = create_main_window(database, synchronous=True, settings=settings, today=lambda: today, language=language)
    window.resize(width, height)
    window.show()
    page = window.show_page("customers")
    saved.append(_save(window, out_dir, "01_customers", app))
    if page.model.rowCount():
        spend = next(i for i, column in enumerate(COLUMNS) if column.key == "total_spend")
        page.table.sortByColumn(spend, Qt.SortOrder.DescendingOrder)
        customer_id = page.model.customer_id(0)
        page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        page.open_customer(customer_id, tab="basic")
        saved.append(_save(window, out_dir, "02_customer_detail", app))
        page.detail.show_tab("interactions")
        saved.append(_save(window, out_dir, "03_customer_interactions", app))
        page.detail.show_tab("transactions")
        saved.append(_save(window, out_dir, "04_customer_transactions", app))
        page.show_list()
    for number, spec in enumerate((spec for spec in PAGES if spec.key != "customers"), start=5):
        window.show_page(spec.key)
        saved.append(_save(window, out_dir, f"{number:02d}_{spec.key}", app))
    window.close()
    window.context.runner.shutdown()
    database.dispose()
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.screenshots", description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--db", required=True, help="database file (or URL) with demo data")
    parser.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"])
    parser.add_argument("--size", default="1440x900", help="window size, at least 1280x800")
    parser.add_argument("--today", type=date.fromisoformat, help="the date the screens take as today")
    parser.add_argument("--demo", type=int, default=300, help="demo customers to add to an empty database")
    args = parser.parse_args(argv)
    width, _, height = args.size.partition("x")
    size = (max(int(width), 1280), max(int(height), 800))
    take_screenshots(args.db, args.out_dir, language=args.lang, size=size, today=args.today,
                     demo_customers=args.demo)
    return 0


if __name__ == "__main__":
    sys.exit(main())
