"""The customer screens, driven like a manager would: search, open, edit, log, bulk-assign."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from accountdesk.core.archive import records as archive
from accountdesk.ui.customers.model import column_index


def add_customers(db, *rows: dict) -> list[int]:
    with db.write() as session:
        return [archive.create_customer(session, dict(row)).id for row in rows]


@pytest.fixture
def three(db):
    return add_customers(
        db,
        {"name": "张三贸易", "contact_person": "张三", "phone": "138 0013 8000"},
        {"name": "李四科技", "contact_person": "李四", "phone": "139-1111-2222"},
        {"name": "王五物流", "contact_person": "王五", "phone": "021-5555 6666"},
    )


def shown_names(page) -> list[str]:
    column = column_index("name")
    return [page.model.index(row, column).data() for row in range(page.model.rowCount())]


def customers_page(window):
    return window.show_page("customers")


def search(qtbot, type_text, page, text: str) -> None:
    page.filters.search.clear()
    type_text(page.filters.search, text)
    # The search waits ~150 ms for the next keystroke, then runs.
    qtbot.waitUntil(lambda: page.filters.search.text() == text and not page.filters._debounce.isActive())


def test_fresh_database_offers_three_ways_to_start(window, qtbot):
    page = customers_page(window)
    assert page.list_stack.currentWidget() is page.empty_state
    buttons = [page.empty_state.demo_button, page.empty_state.import_button, page.empty_state.new_button]
    assert [b.text() for b in buttons] == ["Load demo data", "Import Excel", "New customer"]
    assert all(b.isVisible() for b in buttons)

    qtbot.mouseClick(page.empty_state.import_button, Qt.MouseButton.LeftButton)
    assert window.current_page_key() == "import_export"


def test_new_customer_from_empty_state_opens_its_detail(type_text, window, qtbot, db):
    page = customers_page(window)
    qtbot.mouseClick(page.empty_state.new_button, Qt.MouseButton.LeftButton)
    dialog = page.active_dialog
    assert dialog.isVisible() and not dialog.save_button.isEnabled()
    type_text(dialog.field("name"), "恒通机电")
    type_text(dialog.field("phone"), "0512-66778899")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert page.views.currentWidget() is page.detail
    assert page.detail.name_label.text() == "恒通机电"
    page.show_list()
    assert page.list_stack.currentWidget() is page.table
    assert shown_names(page) == ["恒通机电"]
    with db.session() as session:
        ids = archive.customer_ids(session, archive.CustomerFilter(text="恒通"))
        assert archive.get_customer(session, ids[0]).phone == "0512-66778899"


def test_load_demo_data_fills_the_list(window, qtbot):
    page = customers_page(window)
    qtbot.mouseClick(page.empty_state.demo_button, Qt.MouseButton.LeftButton)
    assert page.list_stack.currentWidget() is page.table
    assert page.model.rowCount() == 300


@pytest.mark.parametrize("typed, expected", [
    ("李四", "李四科技"),  # characters
    ("lisi", "李四科技"),  # full pinyin
    ("lskj", "李四科技"),  # initials
    ("13911112222", "李四科技"),  # phone digits without separators
    ("wangwu", "王五物流"),  # the contact person's pinyin
])
def test_typing_in_search_shows_the_matching_customer(three, type_text, window, qtbot, typed, expected):
    page = customers_page(window)
    assert sorted(shown_names(page)) == sorted(["张三贸易", "李四科技", "王五物流"])
    search(qtbot, type_text, page, typed)
    assert shown_names(page) == [expected]
    assert page.count_label.text() == "1 of 3 customers match"


def test_search_without_match_says_so_and_clears(three, type_text, window, qtbot):
    page = customers_page(window)
    search(qtbot, type_text, page, "不存在的客户")
    assert page.list_stack.currentWidget() is page.no_match
    qtbot.mouseClick(page.no_match_clear, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 3


def test_filters_by_tier_and_owner(three, window, qtbot, db):
    with db.write() as session:
        archive.update_customer(session, three[1], {"tier": "A", "owner": "王经理"})
    window.context.hub.announce(archive.Changes.all())
    page = customers_page(window)
    page.filters.tier.setCurrentIndex(page.filters.tier.findData("A"))
    assert shown_names(page) == ["李四科技"]
    page.filters.clear()
    page.filters.owner.setCurrentIndex(page.filters.owner.findText("王经理"))
    assert shown_names(page) == ["李四科技"]


def test_sorting_by_a_column_reorders_the_list(three, window, qtbot):
    page = customers_page(window)
    page.table.sortByColumn(column_index("code"), Qt.SortOrder.DescendingOrder)
    codes = [page.model.index(r, column_index("code")).data() for r in range(3)]
    assert codes == sorted(codes, reverse=True)


def test_edit_a_field_saves_it_and_it_appears_in_the_change_history(three, type_text, window, qtbot, db):
    page = customers_page(window)
    page.open_customer(three[0])
    form = page.detail.show_tab("basic")
    phone = form.widgets["phone"]
    assert phone.text() == "138 0013 8000"
    assert not form.save_button.isEnabled()
    phone.selectAll()
    type_text(phone, "13900001111")
    assert form.save_button.isEnabled()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not form.save_button.isEnabled()
    with db.session() as session:
        assert archive.get_customer(session, three[0]).phone == "13900001111"
    history = page.detail.show_tab("audit")
    rows = history.rows()
    assert ["Phone", "138 0013 8000", "13900001111"] in [row[3:] for row in rows]
    assert rows[0][1] == "tester"
    # The list shows the new number too.
    page.show_list()
    row = page.model.row_of(three[0])
    assert page.model.index(row, column_index("phone")).data() == "13900001111"


def test_invalid_email_is_shown_next_to_the_form_and_not_saved(three, type_text, window, qtbot, db):
    page = customers_page(window)
    page.open_customer(three[0])
    form = page.detail.show_tab("basic")
    type_text(form.widgets["email"], "not-an-address")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.error_label.isVisible()
    assert "not-an-address" in form.error_label.text()
    with db.session() as session:
        assert archive.get_customer(session, three[0]).email is None


def test_a_colleagues_save_in_between_is_shown_as_mine_and_theirs(three, type_text, window, qtbot, db, dialogs):
    page = customers_page(window)
    page.open_customer(three[0])
    form = page.detail.show_tab("basic")
    # A colleague saves the same customer while the form is open.
    with db.write() as session:
        session.info["user"] = "colleague"
        archive.update_customer(session, three[0], {"phone": "13700000000"})
    phone = form.widgets["phone"]
    phone.selectAll()
    type_text(phone, "13900001111")
    dialogs.answers.append({"phone": "mine"})
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    conflict = dialogs.conflicts[-1]
    assert conflict.mine == {"phone": "13900001111"} and conflict.theirs == {"phone": "13700000000"}
    with db.session() as session:
        assert archive.get_customer(session, three[0]).phone == "13900001111"
    assert form.widgets["phone"].text() == "13900001111"


def test_log_interaction_with_ctrl_l_adds_it_to_the_timeline(three, type_text, window, qtbot, db):
    page = customers_page(window)
    page.table.selectRow(page.model.row_of(three[1]))
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialog = page.active_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.field("kind").setCurrentIndex(dialog.field("kind").findData("visit"))
    type_text(dialog.field("summary"), "拜访李总，确认明年框架协议")
    type_text(dialog.field("next_step"), "月底前发报价")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    timeline = page.detail.tab("interactions")
    assert page.detail.tabs.currentWidget() is timeline
    text = timeline.timeline.toPlainText()
    assert "拜访李总，确认明年框架协议" in text and "Visit" in text and "月底前发报价" in text
    with db.session() as session:
        (interaction,) = archive.list_interactions(session, three[1])
        assert interaction.kind == "visit" and interaction.next_step == "月底前发报价"
    assert "1 interaction" in timeline.summary.text() and "interactions" not in timeline.summary.text()


def test_log_interaction_without_a_customer_explains(three, window, qtbot, dialogs):
    customers_page(window)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert dialogs.messages("info")[-1].text == "Select a customer in the list first."


def test_add_contact_and_transaction(three, type_text, window, qtbot, db):
    page = customers_page(window)
    page.open_customer(three[2])
    contacts = page.detail.show_tab("contacts")
    qtbot.mouseClick(contacts.add_button, Qt.MouseButton.LeftButton)
    dialog = contacts.active_dialog
    type_text(dialog.field("name"), "赵采购")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert [r["name"] for r in contacts.records] == ["赵采购"]

    deals = page.detail.show_tab("transactions")
    qtbot.mouseClick(deals.add_button, Qt.MouseButton.LeftButton)
    dialog = deals.active_dialog
    type_text(dialog.field("amount"), "12345.6")
    type_text(dialog.field("product"), "冷链运输")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert deals.table.item(0, 3).text() == "¥12,345.60"
    assert "¥12,345.60" in page.detail.facts.text()  # the header's total spend follows


def test_bulk_assign_owner_and_tag(three, window, qtbot, db, dialogs):
    page = customers_page(window)
    page.table.selectRow(page.model.row_of(three[0]))
    page.table.selectionModel().select(
        page.model.index(page.model.row_of(three[2]), 0),
        page.table.selectionModel().SelectionFlag.Select | page.table.selectionModel().SelectionFlag.Rows)
    assert page.selection_label.text() == "2 selected:"
    dialogs.answers.append("王经理")
    qtbot.mouseClick(page.assign_button, Qt.MouseButton.LeftButton)
    dialogs.answers.append("重点客户")
    qtbot.mouseClick(page.tag_button, Qt.MouseButton.LeftButton)
    owner, tags = column_index("owner"), column_index("tags")
    for customer_id in (three[0], three[2]):
        row = page.model.row_of(customer_id)
        assert page.model.index(row, owner).data() == "王经理"
        assert page.model.index(row, tags).data() == "重点客户"
    untouched = page.model.row_of(three[1])
    assert page.model.index(untouched, owner).data() == ""


def test_switching_language_retranslates_the_customer_screens(three, window, qtbot):
    page = customers_page(window)
    page.open_customer(three[0])
    assert page.detail.tabs.tabText(0) == "Basic info"
    window.actions_["language_zh"].trigger()
    assert page.title.text() == "客户"
    assert page.detail.tabs.tabText(0) == "基本信息"
    assert page.detail.back_button.text() == "← 客户列表"
    assert page.model.headerData(column_index("name"), Qt.Orientation.Horizontal) == "客户名称"
    window.actions_["language_en"].trigger()
    assert page.title.text() == "Customers"


def test_bulk_export_writes_only_the_selected_customers(three, window, qtbot, db, dialogs, tmp_path):
    import openpyxl

    page = customers_page(window)
    page.table.selectRow(page.model.row_of(three[0]))
    page.table.selectionModel().select(
        page.model.index(page.model.row_of(three[2]), 0),
        page.table.selectionModel().SelectionFlag.Select | page.table.selectionModel().SelectionFlag.Rows)
    dialogs.files.append(tmp_path / "chosen")  # no suffix: an Excel workbook is written
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    sheet = openpyxl.load_workbook(tmp_path / "chosen.xlsx").active
    codes = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]]
    with db.session() as session:
        from accountdesk.core.archive.records import get_customer

        expected = sorted(get_customer(session, cid).code for cid in (three[0], three[2]))
    assert sorted(codes) == expected


def test_search_sees_a_rename_made_after_the_first_search(three, type_text, window, qtbot):
    """Typing is answered from an in-memory index; a saved change must never leave it stale."""
    page = customers_page(window)
    search(qtbot, type_text, page, "zhangsan")
    assert shown_names(page) == ["张三贸易"]
    window.context.operations.mutate(
        lambda session: archive.update_customer(session, three[0], {"name": "赵六贸易", "contact_person": "赵六"}))
    search(qtbot, type_text, page, "zhaoliu")
    assert shown_names(page) == ["赵六贸易"]
    search(qtbot, type_text, page, "zhangsan")
    assert shown_names(page) == []


def test_the_tier_filter_follows_the_tier_names_of_the_policies(make_window, db, qtbot):
    from sqlalchemy import select

    from accountdesk.core.storage.models import Customer, TierPolicy

    with db.write() as s:
        policies = s.scalars(select(TierPolicy).order_by(TierPolicy.sort_order)).all()
        assert [p.tier for p in policies] == ["A", "B", "C"]
        for policy, name in zip(policies, ("高端", "中端", "低端"), strict=True):
            policy.tier = name
        s.add_all([Customer(code="K1", name="华东精密", tier="高端"), Customer(code="K2", name="西南物流", tier="低端")])
    window = make_window(db)
    page = window.customers_page()
    combo = page.filters.tier
    assert [combo.itemData(i) for i in range(combo.count())] == [None, "高端", "中端", "低端"]
    combo.setCurrentIndex(combo.findData("低端"))
    page.filters.apply_now()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.index(0, column_index("name")).data() == "西南物流"


def test_the_history_shows_a_merged_entry_as_merged_with_the_copys_claim_as_text(three, window, db, tmp_path):
    from datetime import datetime, timezone

    from sqlalchemy import update

    from accountdesk.core.storage.database import open_database
    from accountdesk.core.storage.models import AuditEntry
    from accountdesk.core.team.backup import backup_database
    from accountdesk.core.team.merge import merge_databases

    copy = backup_database(db, tmp_path / "copies", label="copy")
    other = open_database(copy, user="colleague")
    try:
        with other.write() as session:
            archive.update_customer(session, three[0], {"industry": "伪造"})
        with other.write() as session:
            session.execute(update(AuditEntry).where(AuditEntry.field == "industry")
                            .values(user="boss", at=datetime(2020, 1, 1, 9, tzinfo=timezone.utc)))
    finally:
        other.dispose()
    merge_databases(db, copy)
    page = customers_page(window)
    page.open_customer(three[0])
    rows = page.detail.show_tab("audit").rows()
    (who,) = [row[1] for row in rows if row[3] == "Industry"]
    assert who.startswith(f"merged from {copy.name} by tester (the copy says: boss, 2020-01-01")


def test_custom_fields_landline_and_region_are_shown_and_editable(three, type_text, window, qtbot, db):
    with db.write() as session:
        archive.update_customer(session, three[0], {"landline": "021-61234567", "region": "上海",
                                                    "custom_fields": {"客户爱好": "打高尔夫"}})
    window.context.hub.announce(archive.Changes.all())
    page = customers_page(window)
    page.open_customer(three[0])
    form = page.detail.show_tab("basic")
    assert (form.widgets["landline"].text(), form.widgets["region"].text()) == ("021-61234567", "上海")
    custom = form.widgets["custom_fields"]
    assert custom.toPlainText() == "客户爱好: 打高尔夫"
    custom.setFocus()
    qtbot.keyClick(custom, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(custom, Qt.Key.Key_Return)
    type_text(custom, "忠诚度：长期合作")
    assert form.save_button.isEnabled()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    with db.session() as session:
        assert archive.get_customer(session, three[0]).custom_fields == {"客户爱好": "打高尔夫", "忠诚度": "长期合作"}
