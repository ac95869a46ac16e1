"""`accountdesk sheets`: the printed revisit sheets as a PDF a manager can read, search and fill in."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from itertools import combinations
from pathlib import Path

import numpy
import pytest
from pdf_pages import char_image, fonts, ink, page_count, page_text, render_page

from accountdesk.cli import main
from accountdesk.core.archive.search import customer_search_key
from accountdesk.core.storage.models import Customer, Feedback, Interaction, RevisitPlan, Transaction, User
from accountdesk.printing.fonts import BUNDLED_FILE


def _add_customer(session, code: str, name: str, tier: str, owner: User, due: date, purpose: str) -> Customer:
    customer = Customer(
        code=code, name=name, tier=tier, owner_id=owner.id, contact_person="张伟", phone="138-0000-1111",
        address="上海市浦东新区碧波路 690 号", industry="制造业",
    )
    customer.search_key = customer_search_key(customer)
    session.add(customer)
    session.flush()
    session.add(RevisitPlan(customer_id=customer.id, due_on=due, purpose=purpose, channel="visit"))
    return customer


@pytest.fixture
def filled(sqlite_db, today) -> Path:
    """Two customers with a revisit this week (one per owner), one next month."""
    with sqlite_db.write() as session:
        wang, li = User(name="wang", display_name="王经理"), User(name="li", display_name="李经理")
        session.add_all([wang, li])
        session.flush()
        first = _add_customer(session, "KH-001", "华东精密机械", "A", wang, today + timedelta(days=1), "年度续约洽谈")
        _add_customer(session, "KH-002", "岭南茶业贸易", "C", li, today + timedelta(days=3), "节日问候")
        _add_customer(session, "KH-003", "下月客户", "B", wang, today + timedelta(days=30), "下月再访")
        session.add(Interaction(
            customer_id=first.id, kind="phone", summary="确认十二月订单数量", satisfaction=4,
            occurred_at=datetime(2026, 11, 10, 4, tzinfo=timezone.utc),
        ))
        session.add(Feedback(customer_id=first.id, kind="complaint", received_on=today - timedelta(days=5),
                             content="外包装破损"))
        session.add(Transaction(customer_id=first.id, occurred_on=today - timedelta(days=20), amount_cents=123450))
    path = sqlite_db.path
    sqlite_db.dispose()
    return path


def _sheets(db: Path, out: Path, start: date, end: date, *extra: str) -> int:
    return main(["sheets", str(out), "--db", str(db), "--from", start.isoformat(), "--to", end.isoformat(), *extra])


def test_pdf_has_the_plan_page_then_one_page_per_customer(filled, tmp_path, today, capsys):
    out = tmp_path / "回访单.pdf"
    assert _sheets(filled, out, today, today + timedelta(days=6), "--lang", "zh") == 0
    assert "3" in capsys.readouterr().out

    assert page_count(out) == 3
    plan, first, second = (page_text(out, page) for page in (1, 2, 3))
    assert "回访计划（2026-11-20 至 2026-11-26）" in plan  # named by the range it covers
    assert "华东精密机械" in plan and "岭南茶业贸易" in plan and "下月客户" not in plan
    assert "客户回访单" in first and "华东精密机械" in first and "岭南茶业贸易" not in first
    for expected in ("KH-001", "年度续约洽谈", "确认十二月订单数量", "外包装破损", "¥1,234.50", "满意度", "客户签字"):
        assert expected in first, expected
    assert "岭南茶业贸易" in second and "节日问候" in second and "无未解决投诉" in second


def test_the_coming_week_prints_the_overdue_plans_first_marked(filled, tmp_path, today, capsys):
    with _open(filled) as database, database.write() as session:
        wang = session.query(User).filter_by(name="wang").one()
        _add_customer(session, "KH-009", "逾期未访客户", "B", wang, today - timedelta(days=12), "催收货款")
    out = tmp_path / "week.pdf"
    assert _sheets(filled, out, today, today + timedelta(days=6), "--lang", "zh") == 0
    assert "其中已逾期 1 张排在最前" in capsys.readouterr().out
    assert page_count(out) == 4
    plan, first = page_text(out, 1), page_text(out, 2)
    assert plan.index("已逾期") < plan.index("逾期未访客户") < plan.index("华东精密机械")
    assert "逾期未访客户" in first and "已逾期" in first and "华东精密机械" not in first


def _open(path: Path):
    from accountdesk.core.storage.database import open_database

    class _Opened:
        def __enter__(self):
            self.database = open_database(path, user="tester")
            return self.database

        def __exit__(self, *_exc):
            self.database.dispose()

    return _Opened()


def test_copied_text_reads_as_printed(filled, tmp_path, today):
    """Fonts draw 户 and the radical ⼾ alike, and letter-digit codes with substitute glyphs;
    the PDF must still give back the characters that were printed."""
    out = tmp_path / "sheets.pdf"
    assert _sheets(filled, out, today, today + timedelta(days=6), "--lang", "zh") == 0
    text = page_text(out)
    radicals = sorted({char for char in text if 0x2E80 <= ord(char) < 0x2FE0})
    assert radicals == []
    for word in ("客户编号", "日期", "回访人", "下一步", "第 2 / 3 页", "KH-001", "KH-002"):
        assert word in text, word


def test_fonts_are_embedded_and_pages_render(filled, tmp_path, today):
    out = tmp_path / "sheets.pdf"
    assert _sheets(filled, out, today, today + timedelta(days=6), "--lang", "zh") == 0

    used = fonts(out)
    assert used, "the PDF names no fonts"
    assert all(font.embedded for font in used), used
    # Printed with the bundled font whatever the machine has, so a sheet looks alike everywhere.
    bundled = Path(BUNDLED_FILE).stem
    assert any(font.name == bundled for font in used), used

    page = render_page(out, 2, dpi=60)
    assert ink(page).mean() > 0.02  # a blank A4 page has no ink at all


def test_chinese_prints_as_letters_not_boxes(filled, tmp_path, today):
    """Where no font has a character, every one prints as the same empty box (tofu); the bundled
    font draws each hanzi as its own shape, on a machine without any Chinese font too."""
    out = tmp_path / "sheets.pdf"
    assert _sheets(filled, out, today, today + timedelta(days=6), "--lang", "zh") == 0

    shapes = {char: ink(char_image(out, 2, char)) for char in "客户回访单"}
    for char, shape in shapes.items():
        assert shape.sum() > 30, f"{char} prints no ink"
    for (first, one), (second, other) in combinations(shapes.items(), 2):
        assert one.shape != other.shape or not numpy.array_equal(one, other), f"{first} and {second} print alike"


def test_english_labels_keep_chinese_data(filled, tmp_path, today):
    out = tmp_path / "sheets.pdf"
    assert _sheets(filled, out, today, today + timedelta(days=6), "--lang", "en") == 0
    text = page_text(out, 2)
    assert "Customer revisit sheet" in text
    assert "华东精密机械" in text and "外包装破损" in text


def test_owner_filter(filled, tmp_path, today):
    out = tmp_path / "li.pdf"
    assert _sheets(filled, out, today, today + timedelta(days=6), "--owner", "li", "--lang", "zh") == 0
    assert page_count(out) == 2
    assert "岭南茶业贸易" in page_text(out, 2)
    assert "华东精密机械" not in page_text(out)


def test_unknown_owner_fails_and_writes_nothing(filled, tmp_path, today, capsys):
    out = tmp_path / "nobody.pdf"
    assert _sheets(filled, out, today, today + timedelta(days=6), "--owner", "zhao", "--lang", "en") == 1
    assert "zhao" in capsys.readouterr().err
    assert not out.exists()


def test_nothing_planned_still_prints_the_plan_page(filled, tmp_path, capsys):
    out = tmp_path / "empty.pdf"
    start = date(2030, 1, 7)
    assert _sheets(filled, out, start, start + timedelta(days=6), "--lang", "zh") == 0
    assert "没有计划中的回访" in capsys.readouterr().out
    assert page_count(out) == 1
    assert "本期间没有计划中的回访" in page_text(out)


def test_end_before_start_is_a_usage_error(filled, tmp_path, today):
    with pytest.raises(SystemExit) as raised:
        _sheets(filled, tmp_path / "x.pdf", today, today - timedelta(days=1))
    assert raised.value.code == 2


def test_command_runs_headless_without_widgets_and_exits_cleanly(sqlite_db, tmp_path, today):
    """A fresh process with no display: offscreen QtGui only, and a clean exit."""
    with sqlite_db.write() as session:
        owner = User(name="wang")
        session.add(owner)
        session.flush()
        for number in range(30):
            _add_customer(session, f"KH-{number:03d}", f"客户{number}", "B", owner, today, "季度回访")
    path = sqlite_db.path
    sqlite_db.dispose()
    out = tmp_path / "many.pdf"
    script = (
        "import sys\n"
        "from accountdesk.cli import main\n"
        f"code = main(['sheets', {str(out)!r}, '--db', {str(path)!r}, '--from', '{today}', '--to', '{today}'])\n"
        "assert 'PySide6.QtWidgets' not in sys.modules, 'printing pulled in QtWidgets'\n"
        "sys.exit(code)\n"
    )
    env = {key: value for key, value in os.environ.items() if key not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env["PYTHONPATH"] = os.pathsep.join([str(Path(__file__).resolve().parents[2]), env.get("PYTHONPATH", "")])
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "31" in done.stdout
    assert page_count(out) == 31


def test_qt_calls_while_printing_leave_none_its_references():
    """PySide6 6.12 on Python 3.11 takes a reference from None at every void call; enough of
    them and the interpreter aborts at exit. Printing gives them back."""
    from PySide6.QtCore import QObject

    from accountdesk.printing.pdf import none_refcount_guard

    probe = QObject()
    before = sys.getrefcount(None)
    with none_refcount_guard():
        for _ in range(5000):
            probe.setObjectName("probe")
    assert sys.getrefcount(None) >= before - 50
