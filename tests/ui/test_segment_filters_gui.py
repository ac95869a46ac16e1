"""The customer list filtered by the method's classes, saved as a named view and picked again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from accountdesk.core.archive.saved_views import saved_views
from accountdesk.core.storage.models import Customer
from accountdesk.ui.customers.model import column_index

VIEW = "A 级 · 价格敏感 · 有流失风险"


def shown(page, key: str) -> list[str]:
    column = column_index(key)
    return [page.model.index(row, column).data() for row in range(page.model.rowCount())]


def pick(combo, value) -> None:
    combo.setCurrentIndex(combo.findData(value))


def expected_codes(db) -> list[str]:
    with db.session() as session:
        return [c.code for c in session.scalars(select(Customer).where(Customer.deleted_at.is_(None))
                                                .order_by(Customer.code))
                if c.tier == "A" and c.need_type == "price" and c.stage in ("at_risk", "churned")]


def test_a_saved_view_is_picked_again_from_the_filter_bar(make_window, demo_db, dialogs, qtbot):
    window = make_window(demo_db)
    page = window.show_page("customers")
    bar = page.filters
    everyone = page.model.rowCount()
    pick(bar.tier, "A")
    pick(bar.need, "price")
    bar.churn_risk.setChecked(True)
    expected = expected_codes(demo_db)
    assert expected and shown(page, "code") == expected
    assert set(shown(page, "need_type")) == {"Price-sensitive"}

    dialogs.answers.append(VIEW)
    qtbot.mouseClick(bar.save_view_button, Qt.MouseButton.LeftButton)
    assert bar.view.currentText() == VIEW
    with demo_db.session() as session:
        assert [view.name for view in saved_views(session)] == [VIEW]

    qtbot.mouseClick(bar.clear_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == everyone and bar.view.currentData() is None

    # A colleague's window (same book) offers the view and lists the same customers.
    other = make_window(demo_db).show_page("customers")
    index = other.filters.view.findText(VIEW)
    assert index > 0
    other.filters.view.setCurrentIndex(index)
    other.filters.view.activated.emit(index)
    assert shown(other, "code") == expected
    assert other.filters.tier.currentData() == "A" and other.filters.churn_risk.isChecked()
    assert other.count_label.text() == f"{len(expected)} of 120 customers match"

    # Changing a filter by hand leaves the view: the bar no longer claims it.
    other.filters.churn_risk.setChecked(False)
    assert other.filters.view.currentData() is None and other.model.rowCount() > len(expected)


def test_frequency_and_segment_filters_narrow_the_list(make_window, demo_db):
    page = make_window(demo_db).show_page("customers")
    pick(page.filters.frequency, "high")
    frequent = page.model.rowCount()
    assert 0 < frequent < 120 and set(shown(page, "frequency_level")) == {"high frequency"}
    pick(page.filters.segment, "important_develop")
    assert page.model.rowCount() < frequent
    page.table.setColumnHidden(column_index("rfm_segment"), False)
    assert set(shown(page, "rfm_segment")) <= {"Important to develop"}


def test_the_region_a_sheet_brought_filters_the_list_and_goes_into_a_saved_view(window, db, qtbot):
    from accountdesk.core.archive import records as archive

    with db.write() as session:
        for code, name, region in (("R1", "沪上贸易", "上海"), ("R2", "浦江物流", "上海"), ("R3", "羊城电子", "广州"),
                                   ("R4", "无地区公司", None)):
            archive.create_customer(session, {"code": code, "name": name, "region": region})
    page = window.show_page("customers")
    combo = page.filters.region
    qtbot.waitUntil(lambda: combo.count() == 3)  # all regions, 上海, 广州
    combo.setCurrentIndex(combo.findData("上海"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert page.filters.current_filter(None).region == "上海"
    from accountdesk.core.archive.saved_views import SavedView

    view = SavedView.of_filter("上海客户", page.filters.current_filter(None))
    assert view.region == "上海" and view.customer_filter().region == "上海"
