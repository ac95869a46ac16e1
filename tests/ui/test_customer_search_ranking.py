"""The customer list's search, typed like a manager: the best match first, not the lowest code."""

from __future__ import annotations

from accountdesk.core.archive import records as archive
from accountdesk.ui.customers.model import column_index


def shown_names(page) -> list[str]:
    column = column_index("name")
    return [page.model.index(row, column).data() for row in range(page.model.rowCount())]


def test_typing_initials_lists_the_best_match_first(db, window, type_text, qtbot):
    with db.write() as session:
        for row in ({"name": "宁波港物流", "code": "C001", "tier": "A", "contact_person": "何欣"},
                    {"name": "江苏华兴电子", "code": "C002", "tier": "A"},
                    {"name": "恒鑫五金", "code": "C003", "tier": "C"},
                    {"name": "华兴农业科技", "code": "C050", "tier": "A"},
                    {"name": "北京星辰科技", "code": "C100", "tier": "A"}):
            archive.create_customer(session, row)
    page = window.show_page("customers")
    type_text(page.filters.search, "hx")
    qtbot.waitUntil(lambda: page.filters.search.text() == "hx" and not page.filters._debounce.isActive())
    qtbot.waitUntil(lambda: page.model.rowCount() == 4)
    assert shown_names(page) == ["华兴农业科技", "恒鑫五金", "宁波港物流", "江苏华兴电子"]
    assert page.count_label.text() == "4 of 5 customers match"


def _ranked_book(db):
    with db.write() as session:
        for row in ({"name": "江苏华兴电子", "code": "C002", "tier": "A"},
                    {"name": "恒鑫五金", "code": "C003", "tier": "C"},
                    {"name": "华兴农业科技", "code": "C050", "tier": "A"}):
            archive.create_customer(session, row)


def test_enter_in_the_search_box_opens_the_best_hit(db, window, type_text, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    _ranked_book(db)
    page = window.show_page("customers")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    page.filters.search.setFocus()
    type_text(page.filters.search, "hx")
    QTest.keyClick(page.filters.search, Qt.Key.Key_Return)  # at once, before the pause after typing ends
    qtbot.waitUntil(lambda: page.views.currentWidget() is page.detail)
    with db.session() as session:
        opened = archive.get_customer(session, page.detail.customer_id)
        assert opened.name == "华兴农业科技"


def test_down_in_the_search_box_moves_into_the_list(db, window, type_text, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    _ranked_book(db)
    page = window.show_page("customers")
    type_text(page.filters.search, "hx")
    qtbot.waitUntil(lambda: not page.filters._debounce.isActive() and shown_names(page)[:1] == ["华兴农业科技"])
    QTest.keyClick(page.filters.search, Qt.Key.Key_Down)
    assert page.table.hasFocus()
    assert shown_names(page)[page.table.currentIndex().row()] == "华兴农业科技"
    QTest.keyClick(page.table, Qt.Key.Key_Down)
    assert shown_names(page)[page.table.currentIndex().row()] == "恒鑫五金"
    QTest.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.views.currentWidget() is page.detail)
    with db.session() as session:
        assert archive.get_customer(session, page.detail.customer_id).name == "恒鑫五金"
