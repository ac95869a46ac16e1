"""Importing customers: the plan per row, duplicates in the file and the database, atomic writes, undo."""

from __future__ import annotations

from datetime import date

import pytest
from excel_corpus import messy_customer_sheet, write_csv, write_xlsx
from sqlalchemy import func, select

from accountdesk.core.archive.search import search_customer_ids
from accountdesk.core.excel.imports.batches import list_imports, undo_import
from accountdesk.core.excel.imports.importer import (
    ImportOptions,
    StrictImportRefused,
    import_file,
    read_for_import,
)
from accountdesk.core.i18n import AccountDeskError
from accountdesk.core.storage.models import AuditEntry, Contact, Customer, ImportBatch, ImportRecord, User


def run(db, path, kind="customers", *, dry_run=False, **options):
    return import_file(db, read_for_import(path, kind), kind, ImportOptions(**options), dry_run=dry_run)


def live_customers(db) -> dict[str, Customer]:
    with db.session() as session:
        found = {c.name: c for c in session.scalars(select(Customer).where(Customer.deleted_at.is_(None)))}
        session.expunge_all()  # keep them readable after the read session ends
        return found


def test_messy_sheet_plan_and_stored_values(db, tmp_path):
    outcome = run(db, messy_customer_sheet(tmp_path / "messy.xlsx"))
    plan = outcome.plan
    by_row = {row.row: row for row in plan.rows}
    assert plan.counts()["new"] == 7
    assert by_row[11].action == "duplicate" and "row 4" in by_row[11].note.en  # 上海某某贸易公司 ≈ 有限公司
    # An unreadable birthday is said for its cell and costs the row nothing.
    assert by_row[12].action == "new"
    assert by_row[12].problems[0].warning and by_row[12].problems[0].column == "E (生日)"
    assert "2024/13/01" in by_row[12].problems[0].message.en and "without it" in by_row[12].problems[0].message.en
    assert 13 not in by_row  # the 合计 line is not a customer
    customers = live_customers(db)
    assert set(customers) == {"上海某某贸易有限公司", "北京甲乙科技有限公司", "杭州丙丁实业有限公司", "广州戊己电子",
                              "深圳庚辛有限公司", "成都壬癸贸易", "武汉子丑商行"}
    first = customers["上海某某贸易有限公司"]
    # The birthday is the contact person's (张伟), never the company's.
    assert (first.code, first.phone, first.birthday, first.cooperation_since) == ("0001", "13800138000", None, date(2023, 3, 15))
    with db.session() as session:
        people = {c.name: c for c in session.scalars(select(Contact).where(Contact.deleted_at.is_(None)))}
        session.expunge_all()
    assert set(people) == {"张伟", "李娜", "王芳", "刘洋", "陈静", "杨勇", "赵磊"}
    assert all(p.is_primary for p in people.values())
    assert (people["张伟"].customer_id, people["张伟"].phone) == (first.id, "13800138000")
    assert [(p.birth_year, p.birth_month, p.birth_day, p.birth_calendar) for p in (people["张伟"], people["赵磊"])] == [
        (1980, 1, 5, "solar"), (None, None, None, "solar")]
    assert {(p.birth_year, p.birth_month, p.birth_day) for p in people.values() if p.birth_month} == {
        (1980, 1, 5), (1981, 2, 6), (1982, 3, 7), (1983, 4, 8), (1984, 5, 9), (1985, 6, 10)}
    assert customers["北京甲乙科技有限公司"].phone == "13800138001"
    assert customers["杭州丙丁实业有限公司"].phone == "13800138002"
    assert customers["广州戊己电子"].phone == "13800138003"
    assert customers["深圳庚辛有限公司"].phone == "13800138004"
    assert customers["深圳庚辛有限公司"].notes == "全角号码"
    assert customers["成都壬癸贸易"].phone == "(021) 6123-4567"
    assert {c.cooperation_since for n, c in customers.items() if n not in ("上海某某贸易有限公司", "武汉子丑商行")} == {
        date(2024, 1, 5)}
    assert {c.birthday for c in customers.values()} == {None}
    # Codes: kept as written, generated where the sheet had none.
    assert sorted(c.code for c in customers.values()) == ["0001", "0002", "C000001", "C000002", "C000003", "C000004",
                                                          "C000005"]
    assert all(c.uid and c.version == 1 and c.updated_by == db.user and c.created_at for c in customers.values())
    with db.session() as session:
        assert search_customer_ids(session, "shmm") == [first.id]  # pinyin initials
        assert search_customer_ids(session, "13800138004") == [customers["深圳庚辛有限公司"].id]
        assert session.scalar(select(func.count()).select_from(ImportRecord)) == 14  # 7 customers, 7 contacts
    assert outcome.result.batch_id is not None
    if db.path is not None:
        assert outcome.backup is not None and outcome.backup.exists()


def test_dry_run_writes_nothing(db, tmp_path):
    outcome = run(db, messy_customer_sheet(tmp_path / "messy.xlsx"), dry_run=True)
    assert outcome.plan.counts()["new"] == 7 and outcome.result is None
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Customer)) == 0
        assert session.scalar(select(func.count()).select_from(ImportBatch)) == 0


BASE = [["客户编号", "客户名称", "联系方式", "行业"],
        ["C1", "上海某某贸易有限公司", "13800138000", "制造"],
        ["C2", "北京甲乙科技有限公司", "13900139000", "零售"]]


def test_duplicates_against_the_database_by_code_phone_and_fuzzy_name(db, tmp_path):
    run(db, write_xlsx(tmp_path / "base.xlsx", BASE))
    again = write_xlsx(tmp_path / "again.xlsx", [
        ["客户编号", "客户名称", "联系方式", "行业"],
        ["C1", "上海某某贸易有限公司", "138-0013-8000", "制造"],  # same code, same data
        [None, "上海某某贸易公司", None, "批发"],  # fuzzy name, no code
        [None, "别的名字", "+86 139 0013 9000", None],  # same phone
        [None, "全新客户", "13700137000", None],
    ])
    skip = run(db, again, on_duplicate="skip").plan
    assert [r.action for r in skip.rows] == ["duplicate", "duplicate", "duplicate", "new"]
    assert "same code" in skip.rows[0].note.en and "same phone" in skip.rows[2].note.en
    # Only the suffix differs: 名称相似, not 名称相同.
    assert "similar name" in skip.rows[1].note.en and "名称相似" in skip.rows[1].note.zh
    assert len(live_customers(db)) == 3


def test_update_changes_only_what_differs_and_is_audited(db, tmp_path):
    run(db, write_xlsx(tmp_path / "base.xlsx", BASE))
    outcome = run(db, write_xlsx(tmp_path / "upd.xlsx", [
        ["客户编号", "客户名称", "联系方式", "行业"],
        ["C1", "上海某某贸易有限公司", "138 0013 8000", "批发"],
        ["C2", "北京甲乙科技有限公司", "13900139000", None],
    ]), on_duplicate="update")
    assert [r.action for r in outcome.plan.rows] == ["update", "unchanged"]
    assert outcome.plan.rows[0].changes == {"industry": ("制造", "批发")}
    customers = live_customers(db)
    assert customers["上海某某贸易有限公司"].industry == "批发"
    assert customers["上海某某贸易有限公司"].version == 2
    assert customers["北京甲乙科技有限公司"].industry == "零售"  # an empty cell never clears a value
    with db.session() as session:
        trail = session.scalars(select(AuditEntry).where(AuditEntry.field == "industry")).all()
        assert [(a.old_value, a.new_value) for a in trail] == [("制造", "批发")]


def test_new_mode_imports_lookalikes_but_never_reuses_a_code(db, tmp_path):
    run(db, write_xlsx(tmp_path / "base.xlsx", BASE))
    outcome = run(db, write_xlsx(tmp_path / "new.xlsx", [
        ["客户编号", "客户名称", "联系方式"],
        ["C1", "上海某某贸易有限公司", "13800138000"],
        [None, "上海某某贸易公司", None],
    ]), on_duplicate="new")
    assert [r.action for r in outcome.plan.rows] == ["error", "new"]
    assert "already used" in outcome.plan.rows[0].problems[0].message.en
    assert len(live_customers(db)) == 3


def test_different_codes_are_different_customers_with_a_warning(db, tmp_path):
    outcome = run(db, write_xlsx(tmp_path / "codes.xlsx", [
        ["客户编号", "客户名称"], ["A-1", "上海某某贸易有限公司"], ["A-2", "上海某某贸易公司"]]))
    assert [r.action for r in outcome.plan.rows] == ["new", "new"]
    assert outcome.plan.rows[1].problems[0].warning and "different code" in outcome.plan.rows[1].problems[0].message.en


def test_owner_is_matched_to_a_team_member(db, tmp_path):
    with db.write() as session:
        session.add(User(name="zhangwei", display_name="张伟"))
    outcome = run(db, write_xlsx(tmp_path / "o.xlsx", [["客户名称", "客户经理"], ["甲公司", "张伟"], ["乙公司", "路人"]]))
    customers = live_customers(db)
    assert customers["甲公司"].owner.name == "zhangwei"
    assert customers["乙公司"].owner_id is None
    assert outcome.plan.rows[1].problems[0].warning


def test_strict_writes_nothing_when_a_row_is_rejected(db, tmp_path):
    sheet = write_xlsx(tmp_path / "bad.xlsx", [["客户名称", "合作开始日期"], ["甲公司", "2024/13/01"], ["乙公司", "2024/1/5"]])
    with pytest.raises(StrictImportRefused) as caught:
        run(db, sheet, strict=True)
    assert "1 rows were rejected" in caught.value.message.en
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Customer)) == 0
        assert session.scalar(select(func.count()).select_from(ImportBatch)) == 0


def test_a_failure_midway_leaves_the_database_as_before(db, tmp_path, monkeypatch):
    run(db, write_xlsx(tmp_path / "base.xlsx", BASE))
    from accountdesk.core.excel.imports import batches

    real = batches._apply_updates

    def crash(*args, **kwargs):
        real(*args, **kwargs)
        raise RuntimeError("power cut")

    monkeypatch.setattr(batches, "_apply_updates", crash)
    with pytest.raises(RuntimeError):
        run(db, write_xlsx(tmp_path / "mixed.xlsx", [
            ["客户编号", "客户名称", "行业"], ["C1", "上海某某贸易有限公司", "批发"], ["C9", "新客户", "零售"]]),
            on_duplicate="update")
    customers = live_customers(db)
    assert set(customers) == {"上海某某贸易有限公司", "北京甲乙科技有限公司"}
    assert customers["上海某某贸易有限公司"].industry == "制造"
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(ImportBatch)) == 1


def test_undo_removes_what_was_created_and_restores_what_was_updated(db, tmp_path):
    run(db, write_xlsx(tmp_path / "base.xlsx", BASE))
    second = run(db, write_xlsx(tmp_path / "second.xlsx", [
        ["客户编号", "客户名称", "联系方式", "行业"],
        ["C1", "上海某某贸易股份有限公司", "13800138000", "批发"],
        ["C3", "广州新客户", "13600136000", None],
    ]), on_duplicate="update")
    assert [r.action for r in second.plan.rows] == ["update", "new"]
    with db.write() as session:
        result = undo_import(session, second.result.batch_id)
    assert (result.removed, result.restored, result.skipped) == (1, 1, [])
    customers = live_customers(db)
    assert set(customers) == {"上海某某贸易有限公司", "北京甲乙科技有限公司"}
    assert customers["上海某某贸易有限公司"].industry == "制造"
    with db.session() as session:
        assert search_customer_ids(session, "股份") == []
        removed = session.scalar(select(Customer).where(Customer.code == "C3"))
        assert removed.deleted_at is not None  # a tombstone, not erased
        history = list_imports(session)
        assert [h.id for h in history] == [second.result.batch_id, second.result.batch_id - 1]
        assert history[0].undone_at is not None and not history[0].can_undo
    with db.write() as session, pytest.raises(AccountDeskError):
        undo_import(session, second.result.batch_id)
    # The code of an undone customer is free again.
    assert run(db, write_xlsx(tmp_path / "third.xlsx", [["客户编号", "客户名称"], ["C3", "广州新客户"]])).plan.rows[0].action == "new"


def test_undo_keeps_an_edit_made_after_the_import(db, tmp_path):
    run(db, write_xlsx(tmp_path / "base.xlsx", BASE))
    second = run(db, write_xlsx(tmp_path / "u.xlsx", [["客户编号", "客户名称", "行业"], ["C1", "上海某某贸易有限公司", "批发"]]),
                 on_duplicate="update")
    with db.write() as session:
        customer = session.scalar(select(Customer).where(Customer.code == "C1"))
        customer.industry = "物流"
    with db.write() as session:
        result = undo_import(session, second.result.batch_id)
    assert result.restored == 0 and len(result.skipped) == 1
    assert live_customers(db)["上海某某贸易有限公司"].industry == "物流"


def test_gbk_csv_with_duplicates(db, tmp_path):
    path = write_csv(tmp_path / "gbk.csv", [
        ["客户名称", "手机", "地址"],
        ["上海某某贸易有限公司", "13800138000", "上海市浦东新区"],
        ["上海某某贸易有限公司", "13800138000", "上海市浦东新区"],
        ["重庆某某火锅店", "13500135000", "重庆市渝中区"],
    ], encoding="gbk")
    outcome = run(db, path)
    assert outcome.plan.sheet.encoding == "gb18030"
    assert [r.action for r in outcome.plan.rows] == ["new", "duplicate", "new"]
    assert live_customers(db)["重庆某某火锅店"].address == "重庆市渝中区"


def test_an_update_leaves_grades_to_tiering(db, tmp_path):
    run(db, write_xlsx(tmp_path / "a.xlsx", [["客户编号", "客户名称", "等级"], ["C1", "甲公司", "A级"]]))
    assert live_customers(db)["甲公司"].tier == "A"  # a new customer takes the sheet's grade
    plan = run(db, write_xlsx(tmp_path / "b.xlsx", [["客户编号", "客户名称", "等级"], ["C1", "甲公司", "C"]]),
               on_duplicate="update").plan
    assert plan.rows[0].action == "unchanged"
    assert live_customers(db)["甲公司"].tier == "A"


def test_cancelling_from_progress_writes_nothing(db, tmp_path):
    from accountdesk.core.excel.imports.importer import ImportCancelled

    calls = []

    def progress(done, total):
        calls.append((done, total))
        if len(calls) > 3:
            raise ImportCancelled()

    with pytest.raises(ImportCancelled):
        import_file(db, read_for_import(messy_customer_sheet(tmp_path / "m.xlsx"), "customers"), "customers",
                    ImportOptions(), progress=progress)
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Customer)) == 0


def test_an_import_and_its_undo_tell_other_team_members(db, tmp_path):
    from accountdesk.core.storage.change_counter import read_change_counter

    def counter() -> int:
        with db.session() as session:
            return read_change_counter(session.connection())

    before = counter()
    outcome = run(db, write_xlsx(tmp_path / "base.xlsx", BASE))
    after_import = counter()
    assert after_import > before
    with db.write() as session:
        undo_import(session, outcome.result.batch_id)
    assert counter() > after_import
