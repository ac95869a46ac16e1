"""A hand-kept customer list imported as a working book: contact persons with their birthdays, amounts
read with their unit once, opening purchases, last visits, grades and spread revisits, no column lost."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from excel_corpus import write_xlsx
from sqlalchemy import select

from accountdesk.core.archive.customer_list import CustomerFilter, filtered_customers, regions
from accountdesk.core.excel.exports.rows import customer_export_rows
from accountdesk.core.excel.exports.workbook import export_workbook
from accountdesk.core.excel.imports.importer import ImportOptions, import_file, read_for_import
from accountdesk.core.excel.read.values import parse_birthday, parse_cents
from accountdesk.core.i18n import set_language
from accountdesk.core.revisits.plans import plan_revisits
from accountdesk.core.storage.models import Contact, Customer, Interaction, RevisitPlan, Transaction
from accountdesk.core.tiering.regrade import regrade_all
from accountdesk.core.time import local_date

HEADER = ["客户名称", "联系人", "职位", "手机", "座机", "微信", "城市", "生日", "年采购额(万元)", "最近拜访", "客户爱好"]
ROWS = [
    ["上海明德供应链管理有限公司", "周明", "采购经理", 13800138000, "021-61234567", "zhouming88", "上海", "农历八月十五",
     544.7, date(2026, 10, 8), "打高尔夫"],
    ["杭州恒通机械股份有限公司", "吴芳", "总经理", "139 0013 9000", "(0571)88881234", "同手机", "杭州", "阴历腊月初八",
     "544.7万", "2026/9/1", None],
    ["宁波海川汽配有限公司", "郑强", None, None, None, None, "宁波", "农历闰四月初三", "1502000元", "11月2日", "钓鱼"],
    ["苏州启航电子有限公司", "王磊", None, None, None, None, "苏州", "正月初一", "约684万", None, None],
    ["南京金石建材有限公司", "陈静", None, None, None, None, "南京", "12月20日", "1.2亿", None, None],
    ["无锡华美纺织有限公司", "赵敏", None, None, None, None, "无锡", "不详", "¥3,000", None, None],
    ["常州凯达纺织有限公司", "钱伟", None, None, None, None, "常州", "1985/3/12", "3,000元", None, None],
    ["常州凯达纺织股份有限公司", "孙丽", None, None, None, None, "常州", "3/12", None, None, None],
    # "3月12日" typed into Excel: a date of the year it was typed, shown as 3月12日.
    ["扬州长江物流有限公司", "冯涛", None, None, None, None, "扬州", date(2025, 3, 12), None, None, None],
]
TODAY = date(2026, 11, 20)


def sheet(tmp_path, rows=ROWS, header=HEADER, name="book.xlsx"):
    title = ["2026年重点客户维护表", *[None] * (len(header) - 1)]
    return write_xlsx(tmp_path / name, [title, header, *rows], merges=[f"A1:{chr(64 + len(header))}1"])


def run(db, path, dry_run=False, **options):
    options.setdefault("today", TODAY)
    return import_file(db, read_for_import(path, "customers"), "customers", ImportOptions(**options), dry_run=dry_run)


def contacts_by_customer(db) -> dict[str, Contact]:
    with db.session() as session:
        found = {name: contact for contact, name in session.execute(
            select(Contact, Customer.name).join(Customer, Customer.id == Contact.customer_id)
            .where(Contact.deleted_at.is_(None)))}
        session.expunge_all()
    return found


@pytest.mark.parametrize(("text", "meant"), [
    ("农历八月十五", (8, 15, None, True, False)),
    ("阴历腊月初八", (12, 8, None, True, False)),
    ("农历冬月廿三", (11, 23, None, True, False)),
    ("农历闰四月初三", (4, 3, None, True, True)),
    ("农历1979年冬月廿三", (11, 23, 1979, True, False)),
    ("正月初一", (1, 1, None, True, False)),
    ("腊月廿三", (12, 23, None, True, False)),
    ("12月20日", (12, 20, None, False, False)),
    ("3/12", (3, 12, None, False, False)),
    ("1985/3/12", (3, 12, 1985, False, False)),
])
def test_birthdays_in_the_forms_people_write(text, meant):
    birthday = parse_birthday(text)
    assert (birthday.month, birthday.day, birthday.year, birthday.lunar, birthday.leap_month) == meant


@pytest.mark.parametrize(("cell", "yuan"), [
    ("544.7万", 5_447_000), ("约684万", 6_840_000), ("1.2亿", 120_000_000), ("¥3,000", 3_000), ("3,000元", 3_000),
    ("1502000元", 1_502_000), (544.7, 5_447_000), ("544.7", 5_447_000),
])
def test_a_unit_in_the_cell_wins_over_the_headers(cell, yuan):
    assert parse_cents(cell, scale=10_000) == yuan * 100  # the column is headed (万元)


def test_person_columns_make_the_primary_contact_with_its_birthday(db, tmp_path):
    outcome = run(db, sheet(tmp_path))
    assert outcome.plan.counts()["error"] == 0
    people = contacts_by_customer(db)
    assert {name: p.name for name, p in people.items()} == {row[0]: row[1] for row in ROWS}
    first = people["上海明德供应链管理有限公司"]
    assert (first.phone, first.position, first.wechat, first.is_primary) == ("13800138000", "采购经理", "zhouming88", True)
    assert people["杭州恒通机械股份有限公司"].wechat == "13900139000"  # 同手机
    birthdays = {name: (p.birth_month, p.birth_day, p.birth_year, p.birth_calendar, p.birth_leap_month)
                 for name, p in people.items()}
    assert birthdays == {
        "上海明德供应链管理有限公司": (8, 15, None, "lunar", False),
        "杭州恒通机械股份有限公司": (12, 8, None, "lunar", False),
        "宁波海川汽配有限公司": (4, 3, None, "lunar", True),
        "苏州启航电子有限公司": (1, 1, None, "lunar", False),
        "南京金石建材有限公司": (12, 20, None, "solar", False),
        "无锡华美纺织有限公司": (None, None, None, "solar", False),  # 不详: no birthday, still a contact
        "常州凯达纺织有限公司": (3, 12, 1985, "solar", False),
        "常州凯达纺织股份有限公司": (3, 12, None, "solar", False),
        "扬州长江物流有限公司": (3, 12, None, "solar", False),
    }
    unreadable = [p for p in outcome.plan.problems() if p.field == "birthday"]
    assert len(unreadable) == 1 and unreadable[0].warning and unreadable[0].row == 8 and "不详" in unreadable[0].message.zh
    with db.session() as session:
        assert set(session.scalars(select(Customer.birthday))) == {None}  # the company gets no birthday


def test_the_book_works_on_day_one(db, tmp_path):
    run(db, sheet(tmp_path))
    with db.session() as session:
        rows = {row["name"]: row for row in customer_export_rows(session, TODAY)}
        customers = {c.name: c for c in session.scalars(select(Customer))}
        visits = {customers_id: local_date(at) for customers_id, at in
                  session.execute(select(Interaction.customer_id, Interaction.occurred_at))}
        session.expunge_all()
    spend = {name: row["total_spend"] for name, row in rows.items()}
    assert spend == {
        "上海明德供应链管理有限公司": 5_447_000, "杭州恒通机械股份有限公司": 5_447_000, "宁波海川汽配有限公司": 1_502_000,
        "苏州启航电子有限公司": 6_840_000, "南京金石建材有限公司": 120_000_000, "无锡华美纺织有限公司": 3_000,
        "常州凯达纺织有限公司": 3_000, "常州凯达纺织股份有限公司": 0, "扬州长江物流有限公司": 0}
    # 最近拜访 is a dated contact; a year-less 11月2日 is the latest such day on or before the import.
    assert {name: visits.get(c.id) for name, c in customers.items() if c.id in visits} == {
        "上海明德供应链管理有限公司": date(2026, 10, 8), "杭州恒通机械股份有限公司": date(2026, 9, 1),
        "宁波海川汽配有限公司": date(2026, 11, 2)}
    assert {name: row["last_interaction"] for name, row in rows.items() if row["last_interaction"]} == {
        "上海明德供应链管理有限公司": date(2026, 10, 8), "杭州恒通机械股份有限公司": date(2026, 9, 1),
        "宁波海川汽配有限公司": date(2026, 11, 2)}
    # Graded by the import: everyone has a tier, and the biggest spender is not graded below the smallest.
    assert all(c.tier for c in customers.values())
    assert customers["南京金石建材有限公司"].score > customers["常州凯达纺织股份有限公司"].score
    # Revisits start from each customer's last contact, not all on one day.
    with db.write() as session:
        plan_revisits(session, TODAY)
    with db.session() as session:
        due = dict(session.execute(select(RevisitPlan.customer_id, RevisitPlan.due_on)).all())
    visited = [due[customers[name].id] for name in ("上海明德供应链管理有限公司", "杭州恒通机械股份有限公司",
                                                    "宁波海川汽配有限公司")]
    assert len(set(visited)) == 3 and visited[1] < visited[0]


def test_landline_region_and_other_columns_are_kept(db, tmp_path):
    outcome = run(db, sheet(tmp_path))
    with db.session() as session:
        customers = {c.name: c for c in session.scalars(select(Customer))}
        session.expunge_all()
    first = customers["上海明德供应链管理有限公司"]
    assert (first.landline, first.region, first.custom_fields) == ("021-61234567", "上海", {"客户爱好": "打高尔夫"})
    assert customers["杭州恒通机械股份有限公司"].landline == "(0571)88881234"
    assert customers["杭州恒通机械股份有限公司"].custom_fields is None  # nothing in that column
    assert any("客户爱好" in note.zh and "自定义字段" in note.zh for note in outcome.plan.notes)


def test_a_skipped_column_is_not_kept(db, tmp_path):
    run(db, sheet(tmp_path), skip_columns=("客户爱好",))
    with db.session() as session:
        assert set(session.scalars(select(Customer.custom_fields))) == {None}


def test_the_dry_run_warns_of_implausible_amounts(db, tmp_path):
    plan = run(db, sheet(tmp_path), dry_run=True).plan
    warned = [p for p in plan.problems() if p.field == "opening_spend"]
    assert [(p.row, p.warning) for p in warned] == [(7, True)]  # 1.2亿 on one line
    assert "1 亿" in warned[0].message.zh


def test_importing_the_same_sheet_again_adds_nothing(db, tmp_path):
    path = sheet(tmp_path)
    run(db, path)

    def counts():
        with db.session() as session:
            return [len(session.scalars(select(model.id).where(model.deleted_at.is_(None))).all())
                    for model in (Customer, Contact, Transaction, Interaction)]

    before = counts()
    assert before == [9, 9, 7, 3]
    run(db, path)
    assert counts() == before
    run(db, path, on_duplicate="update")
    assert counts() == before


def test_the_methods_tier_sheet_imports_both_rows_and_keeps_its_grades(db, tmp_path):
    path = write_xlsx(tmp_path / "tiers.xlsx", [
        ["客户分级管理表格", *[None] * 7],
        ["客户名称", "联系方式", "购买频率", "消费金额(元)", "忠诚度", "影响力", "综合评价", "行动方案"],
        ["张三", 13800000000, "高", 50000, "长期合作", "10,000+粉丝", "A级", "优先推荐最新产品，提供专属客服和VIP服务"],
        ["李四", 13900000000, "中", 8000, "短期合作", "1,000+粉丝", "B级", "定期电话回访，推送优惠活动"],
    ], merges=["A1:H1"])
    outcome = run(db, path)
    assert [r.action for r in outcome.plan.rows] == ["new", "new"]
    with db.write() as session:
        regrade_all(session, TODAY)  # `retier`
    with db.session() as session:
        customers = {c.name: c for c in session.scalars(select(Customer))}
        session.expunge_all()
        spend = {row["name"]: row["total_spend"] for row in customer_export_rows(session, TODAY)}
    zhang, li = customers["张三"], customers["李四"]
    assert (zhang.tier, li.tier) == ("A", "B")
    assert (zhang.tier_locked, zhang.tier_lock_reason) == (True, "导入的等级")
    assert (zhang.followers, li.followers, zhang.phone) == (10000, 1000, "13800000000")
    assert spend == {"张三": 50000, "李四": 8000}
    assert zhang.custom_fields == {"购买频率": "高", "忠诚度": "长期合作", "行动方案": "优先推荐最新产品，提供专属客服和VIP服务"}


def test_custom_fields_go_back_out_with_the_customers_and_region_filters_the_list(db, tmp_path):
    run(db, sheet(tmp_path))
    out = tmp_path / "customers.xlsx"
    set_language("zh")
    try:
        with db.session() as session:
            export_workbook(session, "customers", out, as_of=TODAY)
    finally:
        set_language(None)
    with db.session() as session:
        in_ningbo = session.scalars(filtered_customers(CustomerFilter(region="宁波"))).all()
        assert "宁波" in regions(session)
        ningbo = session.scalar(select(Customer.id).where(Customer.name == "宁波海川汽配有限公司"))
    assert in_ningbo == [ningbo]
    exported = list(openpyxl.load_workbook(out).active.values)
    header = list(exported[0])
    assert "客户爱好" in header
    by_name = {row[header.index("客户名称")]: row for row in exported[1:]}
    assert by_name["宁波海川汽配有限公司"][header.index("客户爱好")] == "钓鱼"
    assert by_name["宁波海川汽配有限公司"][header.index("地区")] == "宁波"


def test_a_contact_column_naming_a_person_makes_the_contact(db, tmp_path):
    path = write_xlsx(tmp_path / "export.xlsx", [["客户名称", "联系方式", "综合评价"],
                                                 ["甲公司", "杨丽华", "B"], ["乙公司", "周建华 13800138000", "A"]])
    outcome = run(db, path)
    assert [r.action for r in outcome.plan.rows] == ["new", "new"]
    people = contacts_by_customer(db)
    assert (people["甲公司"].name, people["甲公司"].phone) == ("杨丽华", None)
    assert people["乙公司"].phone == "13800138000"
