"""Importing transactions, interactions and contacts: attaching rows to customers, duplicates, undo."""

from __future__ import annotations

from datetime import date, datetime, timezone

from excel_corpus import transactions_rows, write_xlsx
from sqlalchemy import select

from accountdesk.core.archive.search import search_customer_ids
from accountdesk.core.excel.imports.batches import undo_import
from accountdesk.core.excel.imports.importer import ImportOptions, import_file, read_for_import
from accountdesk.core.storage.models import Contact, Customer, Interaction, Transaction

CUSTOMERS = [["客户编号", "客户名称", "联系方式"],
             ["C1", "上海某某贸易有限公司", "13800138000"],
             ["C2", "北京甲乙科技有限公司", "13900139000"]]


def run(db, path, kind, **options):
    return import_file(db, read_for_import(path, kind), kind, ImportOptions(**options))


def rows_of(db, model):
    with db.session() as session:
        found = list(session.scalars(select(model).where(model.deleted_at.is_(None)).order_by(model.id)))
        session.expunge_all()
        return found


def ids_by_code(db) -> dict[str, int]:
    return {c.code: c.id for c in rows_of(db, Customer)}


def test_transactions_attach_by_name_with_merged_cells_and_money_forms(db, tmp_path):
    run(db, write_xlsx(tmp_path / "c.xlsx", CUSTOMERS), "customers")
    outcome = run(db, write_xlsx(tmp_path / "t.xlsx", transactions_rows(), merges=["A2:A3"]), "transactions")
    assert [r.action for r in outcome.plan.rows] == ["new", "new", "new"]
    ids = ids_by_code(db)
    found = [(t.customer_id, t.occurred_on, t.product, t.quantity, t.amount_cents) for t in rows_of(db, Transaction)]
    assert found == [
        (ids["C1"], date(2024, 1, 5), "A型设备", 2, 123450),
        (ids["C1"], date(2024, 2, 5), "耗材", 10, 80000),
        (ids["C2"], date(2024, 3, 1), "维保服务", 1, 1200000),
    ]


def test_transactions_by_code_fuzzy_name_and_unknown_customers(db, tmp_path):
    run(db, write_xlsx(tmp_path / "c.xlsx", CUSTOMERS), "customers")
    sheet = write_xlsx(tmp_path / "t.xlsx", [
        ["客户编号", "客户名称", "日期", "金额"],
        ["C2", None, "2024/1/5", 100],
        [None, "上海某某贸易公司", "2024/1/6", 200],  # fuzzy: 有限公司 missing
        [None, "不存在的客户", "2024/1/7", 300],
        [None, None, "2024/1/8", 400],
        ["C1", None, None, 500],
    ])
    plan = run(db, sheet, "transactions").plan
    assert [r.action for r in plan.rows] == ["new", "new", "error", "error", "error"]
    assert "matched" in plan.rows[1].note.en
    assert "unknown customer" in plan.rows[2].problems[0].message.en and plan.rows[2].problems[0].column == "B (客户名称)"
    assert "no customer" in plan.rows[3].problems[0].message.en
    assert "date is missing" in plan.rows[4].problems[0].message.en


def test_unknown_customers_created_on_request_once_each(db, tmp_path):
    sheet = write_xlsx(tmp_path / "t.xlsx", [
        ["客户名称", "日期", "金额"],
        ["新客户甲", "2024/1/5", 100], ["新客户甲有限公司", "2024/1/6", 200], ["新客户乙", "2024/1/7", 300]])
    outcome = run(db, sheet, "transactions", create_customers=True)
    assert outcome.result.customers_created == 2
    customers = {c.name: c.id for c in rows_of(db, Customer)}
    assert set(customers) == {"新客户甲", "新客户乙"}
    assert [t.customer_id for t in rows_of(db, Transaction)] == [customers["新客户甲"]] * 2 + [customers["新客户乙"]]
    with db.write() as session:
        undo_import(session, outcome.result.batch_id)
    assert rows_of(db, Customer) == [] and rows_of(db, Transaction) == []


def test_duplicate_transactions_in_the_file_and_the_database(db, tmp_path):
    run(db, write_xlsx(tmp_path / "c.xlsx", CUSTOMERS), "customers")
    rows = [["客户编号", "日期", "产品", "金额"], ["C1", "2024/1/5", "设备", 100], ["C1", "2024-01-05", " 设备 ", "100.00"]]
    first = run(db, write_xlsx(tmp_path / "t1.xlsx", rows), "transactions")
    assert [r.action for r in first.plan.rows] == ["new", "new"]  # the same purchase twice in one file: two
    second = run(db, write_xlsx(tmp_path / "t2.xlsx", rows[:2] + [["C1", "2024/1/6", "设备", 100]]), "transactions")
    assert [r.action for r in second.plan.rows] == ["duplicate", "new"]  # matches the first one stored
    third = run(db, write_xlsx(tmp_path / "t3.xlsx", rows[:2]), "transactions", on_duplicate="new")
    assert [r.action for r in third.plan.rows] == ["new"]
    assert len(rows_of(db, Transaction)) == 4


def test_interactions_with_kinds_contacts_and_satisfaction(db, tmp_path):
    run(db, write_xlsx(tmp_path / "c.xlsx", CUSTOMERS), "customers")
    run(db, write_xlsx(tmp_path / "p.xlsx", [["客户编号", "姓名", "手机"], ["C1", "张伟", "13700137000"]]), "contacts")
    outcome = run(db, write_xlsx(tmp_path / "i.xlsx", [
        ["客户编号", "拜访时间", "沟通方式", "联系人", "沟通内容", "满意度"],
        ["C1", datetime(2024, 1, 5, 14, 30), "上门拜访", "张伟", "介绍新品", "★★★★"],
        ["C1", "2024/1/6 09:00", "微信", "李四", "跟进报价", "满意"],
        ["C2", "2024/1/7", "飞鸽传书", None, None, None],
    ]), "interactions")
    assert [r.action for r in outcome.plan.rows] == ["new", "new", "error"]
    assert "interaction kind" in outcome.plan.rows[2].problems[0].message.en
    assert outcome.plan.rows[1].problems[0].warning  # no contact named 李四
    found = rows_of(db, Interaction)
    contact = rows_of(db, Contact)[0]
    local = datetime(2024, 1, 5, 14, 30).astimezone(timezone.utc)
    assert [(i.kind, i.occurred_at, i.contact_id, i.satisfaction) for i in found] == [
        ("visit", local, contact.id, 4),
        ("wechat", datetime(2024, 1, 6, 9, 0).astimezone(timezone.utc), None, 4),
    ]


def test_contacts_birthdays_and_search_keys(db, tmp_path):
    run(db, write_xlsx(tmp_path / "c.xlsx", CUSTOMERS), "customers")
    outcome = run(db, write_xlsx(tmp_path / "p.xlsx", [
        ["客户名称", "联系人", "电话", "生日", "主要联系人"],
        ["上海某某贸易有限公司", "王秀英", "13700137000", "农历八月十五", "是"],
        ["上海某某贸易有限公司", "赵敏", "13700137001", "3月8日", "否"],
        ["北京甲乙科技有限公司", "孙强", None, "1985-06-01", None],
        ["上海某某贸易有限公司", "王秀英", None, None, None],
    ]), "contacts")
    assert [r.action for r in outcome.plan.rows] == ["new", "new", "new", "duplicate"]
    contacts = {c.name: c for c in rows_of(db, Contact)}
    wang = contacts["王秀英"]
    assert (wang.birth_calendar, wang.birth_month, wang.birth_day, wang.birth_year, wang.is_primary) == ("lunar", 8, 15, None, True)
    assert (contacts["赵敏"].birth_month, contacts["赵敏"].birth_day, contacts["赵敏"].birth_year) == (3, 8, None)
    assert contacts["孙强"].birth_year == 1985
    ids = ids_by_code(db)
    with db.session() as session:
        assert search_customer_ids(session, "wxy") == [ids["C1"]]  # found by its contact's initials
    with db.write() as session:
        undo_import(session, outcome.result.batch_id)
    with db.session() as session:
        assert search_customer_ids(session, "wxy") == []


def test_contact_updates_are_undone(db, tmp_path):
    run(db, write_xlsx(tmp_path / "c.xlsx", CUSTOMERS), "customers")
    run(db, write_xlsx(tmp_path / "p1.xlsx", [["客户编号", "姓名", "职位"], ["C1", "王秀英", "采购"]]), "contacts")
    second = run(db, write_xlsx(tmp_path / "p2.xlsx", [["客户编号", "姓名", "职位"], ["C1", "王秀英", "采购总监"]]),
                 "contacts", on_duplicate="update")
    assert second.plan.rows[0].changes == {"position": ("采购", "采购总监")}
    assert rows_of(db, Contact)[0].position == "采购总监"
    with db.write() as session:
        assert undo_import(session, second.result.batch_id).restored == 1
    assert rows_of(db, Contact)[0].position == "采购"


def test_no_customer_is_created_for_rejected_rows_alone(db, tmp_path):
    sheet = write_xlsx(tmp_path / "t.xlsx", [
        ["客户名称", "日期", "金额"], ["只有坏行的客户", "2024/13/05", 100], ["好客户", "2024/1/5", 100]])
    outcome = run(db, sheet, "transactions", create_customers=True)
    assert [r.action for r in outcome.plan.rows] == ["error", "new"]
    assert [c.name for c in rows_of(db, Customer)] == ["好客户"]


def test_identical_purchase_lines_are_two_purchases_and_a_second_import_adds_nothing(db, tmp_path):
    run(db, write_xlsx(tmp_path / "c.xlsx", CUSTOMERS), "customers")
    line = ["C1", "2024/3/5", "滤芯", 2, "300"]
    header = ["客户编号", "日期", "产品", "数量", "金额"]
    twice = write_xlsx(tmp_path / "t.xlsx", [header, line, ["C2", "2024/3/5", "滤芯", 1, "150"], line])
    outcome = run(db, twice, "transactions")
    assert [r.action for r in outcome.plan.rows] == ["new", "new", "new"]  # the same item ordered twice that day
    assert sum(t.amount_cents for t in rows_of(db, Transaction) if t.customer_id == ids_by_code(db)["C1"]) == 60000
    again = run(db, twice, "transactions")
    assert [r.action for r in again.plan.rows] == ["duplicate"] * 3 and len(rows_of(db, Transaction)) == 3
    assert [r.action for r in run(db, twice, "transactions", on_duplicate="update").plan.rows] == ["unchanged"] * 3
    # The file grows by one more identical line: only that one is new.
    thrice = write_xlsx(tmp_path / "t3.xlsx", [header, line, ["C2", "2024/3/5", "滤芯", 1, "150"], line, line])
    assert [r.action for r in run(db, thrice, "transactions").plan.rows] == ["duplicate", "duplicate", "duplicate", "new"]
    assert len(rows_of(db, Transaction)) == 4
