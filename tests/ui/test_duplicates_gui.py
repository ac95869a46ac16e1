"""A customer typed in twice: the new-customer dialog and the basic form warn, and still save on a second click."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt

from accountdesk.core.archive import records as archive


def add_customers(db, *rows: dict) -> list[int]:
    with db.write() as session:
        return [archive.create_customer(session, dict(row)).id for row in rows]


def live_names(db) -> list[str]:
    with db.session() as session:
        return sorted(archive.get_customer(session, cid).name for cid in archive.customer_ids(session, archive.CustomerFilter()))


def shoot(widget, name: str) -> None:
    """Offscreen renders for a person to look at (ACCOUNTDESK_SHOTS=DIR)."""
    folder = os.environ.get("ACCOUNTDESK_SHOTS")
    if folder:
        from PySide6.QtGui import QFont
        from PySide6.QtWidgets import QApplication

        from accountdesk.printing.fonts import register_bundled_font

        QApplication.setFont(QFont(register_bundled_font(), 10))  # the machine running tests has no CJK font
        widget.grab().save(os.path.join(folder, name))


def test_new_customer_like_a_kept_one_warns_then_saves_on_the_second_click(db, window, qtbot, type_text):
    add_customers(db, {"name": "上海明远贸易有限公司", "code": "C-MY", "phone": "021-66668888"})
    page = window.show_page("customers")
    page.new_customer()
    dialog = page.active_dialog
    type_text(dialog.field("name"), "上海明远贸易公司")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    warning = dialog.duplicate_guard
    assert dialog.isVisible() and warning.isVisible()
    assert "上海明远贸易有限公司（C-MY）" in warning.text() and "similar name" in warning.text()
    assert dialog.save_button.text() == "Save anyway"
    assert live_names(db) == ["上海明远贸易有限公司"]
    shoot(dialog, "duplicate_warning_new_customer.png")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert live_names(db) == ["上海明远贸易公司", "上海明远贸易有限公司"]


def test_a_changed_name_is_checked_again_and_an_unlike_one_saves_at_once(db, window, qtbot, type_text):
    add_customers(db, {"name": "上海明远贸易有限公司", "phone": "021-66668888"})
    page = window.show_page("customers")
    page.new_customer()
    dialog = page.active_dialog
    type_text(dialog.field("name"), "杭州西子电器")
    type_text(dialog.field("phone"), "021 6666 8888")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.duplicate_guard.isVisible() and "same phone" in dialog.duplicate_guard.text()
    dialog.field("phone").clear()
    type_text(dialog.field("phone"), "0571-12345678")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # no longer alike: saved at once
    assert not dialog.isVisible()
    assert live_names(db) == ["上海明远贸易有限公司", "杭州西子电器"]


def test_editing_a_phone_to_a_kept_customers_warns_in_the_form(db, window, qtbot, type_text):
    _, other = add_customers(db, {"name": "上海明远贸易有限公司", "code": "C-MY", "phone": "13800138000"},
                             {"name": "杭州西子电器", "phone": "0571-12345678"})
    page = window.show_page("customers")
    page.open_customer(other)
    form = page.detail.show_tab("basic")
    form.widgets["phone"].selectAll()
    type_text(form.widgets["phone"], "138 0013 8000")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.duplicate_guard.isVisible() and "C-MY" in form.duplicate_guard.text()
    with db.session() as session:
        assert archive.get_customer(session, other).phone == "0571-12345678"
    form.resize(900, 640)
    shoot(form, "duplicate_warning_basic_form.png")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    with db.session() as session:
        assert archive.get_customer(session, other).phone == "138 0013 8000"
    assert not form.duplicate_guard.isVisible()


def select_rows(page, ids: list[int]) -> None:
    from PySide6.QtCore import QItemSelectionModel

    selection = page.table.selectionModel()
    selection.clearSelection()
    for customer_id in ids:
        row = page.model.row_of(customer_id)
        selection.select(page.model.index(row, 0),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def test_two_selected_customers_merge_with_a_preview_and_the_merge_undoes(db, window, qtbot):
    kept, other, third = add_customers(db, {"name": "上海明远贸易有限公司", "code": "C-MY"},
                                       {"name": "上海明远贸易公司", "code": "C-MY2"}, {"name": "杭州西子电器"})
    with db.write() as session:
        archive.add_contact(session, other, {"name": "李采购"})
        for day in ("2026-04-02", "2026-09-09"):
            archive.add_transaction(session, other, {"occurred_on": day, "amount": "3000"})
        archive.add_transaction(session, kept, {"occurred_on": "2026-05-05", "amount": "9000"})
        archive.add_transaction(session, kept, {"occurred_on": "2026-06-05", "amount": "9000"})
        archive.add_transaction(session, kept, {"occurred_on": "2026-07-05", "amount": "9000"})
    page = window.show_page("customers")
    select_rows(page, [kept])
    assert not page.merge_button.isEnabled()
    select_rows(page, [kept, other])
    assert page.merge_button.isEnabled()
    qtbot.mouseClick(page.merge_button, Qt.MouseButton.LeftButton)
    dialog = page.active_dialog
    assert not dialog.undo_button.isVisible()
    assert dialog.keep_buttons[kept].isChecked()  # the one with more history is kept by default
    preview = dialog.preview_label.text()
    assert "上海明远贸易公司（C-MY2） is merged into 上海明远贸易有限公司（C-MY）" in preview
    assert "Contact 1" in preview and "Transaction 2" in preview
    dialog.resize(560, 300)
    shoot(dialog, "merge_dialog_preview.png")
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert "Merged. 3 records moved to C-MY." in dialog.result_label.text()
    assert dialog.undo_button.isVisible()
    shoot(dialog, "merge_dialog_done.png")
    with db.session() as session:
        assert len(archive.list_transactions(session, kept)) == 5
        assert [c.name for c in archive.list_contacts(session, kept)] == ["李采购"]
    qtbot.waitUntil(lambda: page.model.row_of(other) is None)  # the list no longer shows the merged one
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert "Merge undone" in dialog.result_label.text()
    with db.session() as session:
        assert len(archive.list_transactions(session, kept)) == 3
        assert len(archive.list_transactions(session, other)) == 2
        assert [c.name for c in archive.list_contacts(session, other)] == ["李采购"]
    qtbot.waitUntil(lambda: page.model.row_of(other) is not None)
    assert page.model.row_of(third) is not None
