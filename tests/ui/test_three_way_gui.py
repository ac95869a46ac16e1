"""Two colleagues' windows on one customer, on a shared file and on PostgreSQL: what each typed is kept;
only a field both changed asks, and it offers what I typed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from accountdesk.core.archive import records as archive
from accountdesk.core.storage.database import open_database
from accountdesk.ui.kit.dialogs import FakeDialogService


@pytest.fixture
def colleagues(team_target, qtbot, ui_settings, today):
    """Zhang San's and Li Si's programs on the same team database, each with its own window and
    its own dialogs (a dialog shown that nobody expected fails the test)."""
    from accountdesk.ui.kit.language import set_interface_language
    from accountdesk.ui.main_window import create_main_window

    opened = []

    def open_as(user: str):
        database = open_database(team_target, user=user)
        dialogs = FakeDialogService()
        window = create_main_window(database, synchronous=True, dialogs=dialogs, settings=ui_settings,
                                    today=lambda: today, language="en")
        qtbot.addWidget(window)
        window.show()
        opened.append((database, window))
        return database, window, dialogs

    yield open_as
    for database, window in opened:
        window.close()
        database.dispose()
    set_interface_language("en")


def open_form(window, customer_id: int):
    page = window.customers_page()
    page.open_customer(customer_id)
    return page.detail.show_tab("basic")


def retype(type_text, widget, text: str) -> None:
    widget.selectAll()
    type_text(widget, text)


def stored(database, customer_id: int) -> dict:
    with database.session() as session:
        return archive.loaded_values(archive.get_customer(session, customer_id))


def add_customer(database, **fields) -> int:
    with database.write() as session:
        return archive.create_customer(session, {"name": "恒通机电", **fields}).id


def test_two_people_editing_different_fields_both_keep_their_edits(colleagues, type_text, qtbot):
    zhang, zhang_window, zhang_dialogs = colleagues("zhangsan")
    li, li_window, li_dialogs = colleagues("lisi")
    customer_id = add_customer(zhang, phone="0512-1111111", email="old@hengtong.cn")
    zhang_form, li_form = open_form(zhang_window, customer_id), open_form(li_window, customer_id)

    retype(type_text, zhang_form.widgets["email"], "sales@hengtong.cn")
    retype(type_text, li_form.widgets["phone"], "0512-2222222")
    qtbot.mouseClick(zhang_form.save_button, Qt.MouseButton.LeftButton)
    assert zhang_form.status.text() == "Saved."
    qtbot.mouseClick(li_form.save_button, Qt.MouseButton.LeftButton)
    assert li_form.status.text() == "Saved."

    assert zhang_dialogs.shown == [] and li_dialogs.shown == []  # no question, no error
    values = stored(zhang, customer_id)
    assert (values["phone"], values["email"]) == ("0512-2222222", "sales@hengtong.cn")
    # Li Si's form, reloaded after the save, shows Zhang San's e-mail too.
    assert li_form.widgets["email"].text() == "sales@hengtong.cn"
    assert li_form.widgets["phone"].text() == "0512-2222222"


def test_the_same_field_shows_both_values_with_mine_chosen(colleagues, type_text, qtbot):
    zhang, zhang_window, _ = colleagues("zhangsan")
    li, li_window, li_dialogs = colleagues("lisi")
    customer_id = add_customer(zhang, phone="0512-1111111", industry="机械")
    zhang_form, li_form = open_form(zhang_window, customer_id), open_form(li_window, customer_id)

    retype(type_text, zhang_form.widgets["phone"], "0512-3333333")
    retype(type_text, zhang_form.widgets["industry"], "制造")
    qtbot.mouseClick(zhang_form.save_button, Qt.MouseButton.LeftButton)
    retype(type_text, li_form.widgets["phone"], "0512-2222222")
    retype(type_text, li_form.widgets["email"], "li@hengtong.cn")

    seen = {}

    def accept_as_it_opens(dialog):
        seen["rows"] = dialog.rows()
        seen["also"] = dialog.also_label.text()
        seen["intro"] = dialog.findChild(type(dialog.also_label), "conflictIntro").text()
        return dialog.choices()  # Save, without touching anything

    li_dialogs.answers.append(accept_as_it_opens)
    qtbot.mouseClick(li_form.save_button, Qt.MouseButton.LeftButton)

    assert seen["rows"] == [("Phone", "0512-2222222", "0512-3333333", "mine")]
    assert seen["also"] == "Saved with your choices (only you changed them): Email"
    # The author is the name typed on a file, the server login on PostgreSQL (database.user either way).
    assert seen["intro"].startswith(f"{zhang.user} saved this record while you were editing")
    values = stored(li, customer_id)
    assert (values["phone"], values["email"], values["industry"]) == ("0512-2222222", "li@hengtong.cn", "制造")
    assert li_form.status.text() == "Saved."
    # Zhang San's phone, which lost, is in the change history Li Si's window shows.
    history = li_window.customers_page().detail.show_tab("audit")
    assert [li.user, "Customer · Changed", "Phone", "0512-3333333", "0512-2222222"] in [row[1:] for row in history.rows()]


def test_keeping_theirs_puts_what_i_typed_in_the_history(colleagues, type_text, qtbot):
    zhang, zhang_window, _ = colleagues("zhangsan")
    li, li_window, li_dialogs = colleagues("lisi")
    customer_id = add_customer(zhang, phone="0512-1111111")
    zhang_form, li_form = open_form(zhang_window, customer_id), open_form(li_window, customer_id)
    retype(type_text, zhang_form.widgets["phone"], "0512-3333333")
    qtbot.mouseClick(zhang_form.save_button, Qt.MouseButton.LeftButton)
    retype(type_text, li_form.widgets["phone"], "0512-2222222")

    def keep_theirs(dialog):
        dialog.choose("phone", "theirs")
        return dialog.choices()

    li_dialogs.answers.append(keep_theirs)
    qtbot.mouseClick(li_form.save_button, Qt.MouseButton.LeftButton)
    assert stored(li, customer_id)["phone"] == "0512-3333333"
    assert li_form.widgets["phone"].text() == "0512-3333333"
    history = li_window.customers_page().detail.show_tab("audit")
    assert [li.user, "Customer · Not kept (conflict)", "Phone", "0512-3333333", "0512-2222222"] in [
        row[1:] for row in history.rows()]


def test_back_to_editing_keeps_the_typing_and_saves_nothing(colleagues, type_text, qtbot):
    zhang, zhang_window, _ = colleagues("zhangsan")
    li, li_window, li_dialogs = colleagues("lisi")
    customer_id = add_customer(zhang, phone="0512-1111111")
    zhang_form, li_form = open_form(zhang_window, customer_id), open_form(li_window, customer_id)
    retype(type_text, zhang_form.widgets["phone"], "0512-3333333")
    qtbot.mouseClick(zhang_form.save_button, Qt.MouseButton.LeftButton)
    retype(type_text, li_form.widgets["phone"], "0512-2222222")
    li_dialogs.answers.append(None)
    qtbot.mouseClick(li_form.save_button, Qt.MouseButton.LeftButton)
    assert li_form.widgets["phone"].text() == "0512-2222222" and li_form.save_button.isEnabled()
    assert li_form.status.text() == "Not saved yet: your changes are still here."
    assert stored(li, customer_id)["phone"] == "0512-3333333"


def test_contact_dialogs_in_two_windows_merge(colleagues, type_text, qtbot):
    zhang, zhang_window, zhang_dialogs = colleagues("zhangsan")
    li, li_window, li_dialogs = colleagues("lisi")
    customer_id = add_customer(zhang)
    with zhang.write() as session:
        archive.add_contact(session, customer_id, {"name": "王经理", "phone": "13800000000"})

    def edit_contact(window):
        page = window.customers_page()
        page.open_customer(customer_id)
        tab = page.detail.show_tab("contacts")
        tab.table.selectRow(0)
        qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
        return tab.active_dialog

    zhang_dialog, li_dialog = edit_contact(zhang_window), edit_contact(li_window)
    retype(type_text, zhang_dialog.field("wechat"), "wang_jl")
    retype(type_text, li_dialog.field("phone"), "13911112222")
    qtbot.mouseClick(zhang_dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(li_dialog.save_button, Qt.MouseButton.LeftButton)
    assert not zhang_dialog.isVisible() and not li_dialog.isVisible()
    assert zhang_dialogs.shown == [] and li_dialogs.shown == []
    with li.session() as session:
        (contact,) = archive.list_contacts(session, customer_id)
        assert (contact.phone, contact.wechat) == ("13911112222", "wang_jl")


def test_a_form_saved_while_a_regrade_ran_meets_no_conflict(colleagues, type_text, qtbot, today):
    from datetime import date

    from accountdesk.core.tiering.regrade import regrade_all

    zhang, zhang_window, zhang_dialogs = colleagues("zhangsan")
    customer_id = add_customer(zhang)
    with zhang.write() as session:
        archive.add_transaction(session, customer_id, {"occurred_on": date(2026, 10, 8), "amount": "86000.00"})
    form = open_form(zhang_window, customer_id)
    retype(type_text, form.widgets["phone"], "0512-2222222")
    nightly = open_database(zhang.url if zhang.path is None else zhang.path, user="nightly")
    try:
        with nightly.write() as session:
            assert regrade_all(session, today).rows_written  # the customer's grade was written meanwhile
    finally:
        nightly.dispose()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert zhang_dialogs.shown == [] and form.status.text() == "Saved."
    with zhang.session() as session:
        customer = archive.get_customer(session, customer_id)
        assert customer.phone == "0512-2222222" and customer.tier is not None
