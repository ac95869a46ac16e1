"""`accountdesk greetings FESTIVAL` as a manager runs it before 春节 or 中秋."""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timezone

import openpyxl
from sqlalchemy import select

from accountdesk.cli import main
from accountdesk.core.storage.database import open_database
from accountdesk.core.storage.models import Contact, Customer, Interaction, User


def _book(tmp_path, sqlite_template):
    path = tmp_path / "greet.accountdesk"
    shutil.copyfile(sqlite_template, path)
    database = open_database(path, user="me")
    with database.write() as s:
        wang = User(name="wang", display_name="王芳")
        s.add(wang)
        s.flush()
        for code, tier, contact, position in (("A1", "A", "魏强", "总经理"), ("B1", "B", "刘芳", "销售经理"),
                                              ("C1", "C", "陈静", None)):
            customer = Customer(code=code, name=f"客户{code}", tier=tier, owner_id=wang.id,
                                created_at=datetime(2025, 1, 1, tzinfo=timezone.utc))
            s.add(customer)
            s.flush()
            s.add(Contact(customer_id=customer.id, name=contact, position=position, phone=f"139{code}"))
    database.dispose()
    return path


def test_greetings_json_lists_whom_to_greet_with_their_greeting(tmp_path, sqlite_template, capsys):
    path = _book(tmp_path, sqlite_template)
    assert main(["--db", str(path), "greetings", "春节", "--year", "2027", "--tier", "A,B", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert (document["festival"], document["date"]) == ("spring_festival", "2027-02-06")
    assert [(r["customer_code"], r["address_as"]) for r in document["recipients"]] == [("A1", "魏总"), ("B1", "刘经理")]
    assert document["recipients"][0]["greeting"].startswith("魏总，春节快乐！")


def test_without_a_year_the_coming_festival_and_the_list_written_and_greeted(tmp_path, sqlite_template, capsys):
    path = _book(tmp_path, sqlite_template)
    out = tmp_path / "中秋名单.xlsx"
    assert main(["--db", str(path), "greetings", "中秋", "--date", "2026-10-01", "--out", str(out),
                 "--mark-greeted"]) == 0  # 中秋 2026 (09-25) is past: 2027's
    sheet = openpyxl.load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert [row[0] for row in rows[1:]] == ["A1", "B1", "C1"]
    assert rows[3][9] == "中秋节快乐！感谢您的支持。"  # tier C: the short greeting
    database = open_database(path, user="me")
    with database.session() as s:
        assert len(s.scalars(select(Interaction).where(Interaction.summary.like("中秋节祝福%"))).all()) == 3
    database.dispose()


def test_an_unknown_festival_names_the_known_ones(tmp_path, sqlite_template, capsys):
    path = _book(tmp_path, sqlite_template)
    assert main(["--db", str(path), "greetings", "圣诞"]) == 1
    assert "spring_festival" in capsys.readouterr().err
