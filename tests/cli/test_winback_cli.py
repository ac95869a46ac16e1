"""`accountdesk winback …` and `accountdesk care …` as a manager runs them."""

from __future__ import annotations

import json
import shutil
from datetime import date, datetime, timezone

from accountdesk.cli import main
from accountdesk.core.storage.database import open_database
from accountdesk.core.storage.models import Customer, Reminder, User


def _book(tmp_path, sqlite_template):
    """王芳's customer W01 has two churn warnings waiting."""
    path = tmp_path / "winback.accountdesk"
    shutil.copyfile(sqlite_template, path)
    database = open_database(path, user="me")
    with database.write() as s:
        wang = User(name="wang", display_name="王芳")
        s.add(wang)
        s.flush()
        customer = Customer(code="W01", name="明远贸易", tier="A", owner_id=wang.id,
                            created_at=datetime(2025, 1, 1, tzinfo=timezone.utc))
        s.add(customer)
        s.flush()
        for rule, due in (("purchase_gap", date(2026, 11, 30)), ("no_contact", date(2026, 12, 2))):
            s.add(Reminder(key=f"churn:{rule}:{customer.uid}:x", kind="churn", subject=f"流失预警 {rule}",
                           customer_id=customer.id, due_on=due, state="new", data={}))
    database.dispose()
    return path


def test_a_win_back_from_the_command_line_appears_in_the_agenda_and_ends_won(tmp_path, sqlite_template, capsys):
    path = _book(tmp_path, sqlite_template)
    db = ["--db", str(path), "--lang", "zh"]
    assert main([*db, "winback", "start", "W01", "--reason", "price", "--note", "对手报价低 8%",
                 "--action", "2026-12-10:电话回访", "--action", "2026-12-15:上门送报价", "--date", "2026-12-03"]) == 0
    said = capsys.readouterr().out
    assert "明远贸易" in said and "价格" in said and "2 条流失预警已处理" in said
    assert main([*db, "reminders", "--date", "2026-12-03", "--days", "0", "--json"]) == 0
    assert [r for r in json.loads(capsys.readouterr().out) if r["kind"] == "churn"] == []
    assert main([*db, "agenda", "--date", "2026-12-10", "--owner", "王芳", "--json"]) == 0
    [item] = [r for r in json.loads(capsys.readouterr().out) if r["kind"] == "winback"]
    assert item["customer_code"] == "W01" and item["planned_for"] == "2026-12-10" and "电话回访" in item["reason"]

    assert main([*db, "winback", "action", "W01", "2026-12-20:寄样品"]) == 0
    assert main([*db, "winback", "list", "--json"]) == 0
    capsys.readouterr()
    assert main(["--db", str(path), "winback", "list", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert (row["customer_code"], row["reason"], row["note"], row["outcome"]) == ("W01", "price", "对手报价低 8%", None)
    assert [a["action"] for a in row["actions"]] == ["电话回访", "上门送报价", "寄样品"]

    assert main([*db, "winback", "close", "W01", "--outcome", "won", "--date", "2026-12-21"]) == 0
    assert "挽回成功" in capsys.readouterr().out
    assert main(["--db", str(path), "winback", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["--db", str(path), "winback", "list", "--all", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert (row["outcome"], row["closed_on"]) == ("won", "2026-12-21")
    assert main([*db, "winback", "close", "W01", "--outcome", "lost"]) != 0  # nothing in progress any more


def test_bad_win_backs_and_care_records_are_refused_and_good_care_is_listed(tmp_path, sqlite_template, capsys):
    path = _book(tmp_path, sqlite_template)
    db = ["--db", str(path), "--lang", "zh"]
    assert main([*db, "winback", "start", "NOPE", "--reason", "price"]) == 1
    assert "NOPE" in capsys.readouterr().err
    try:
        main([*db, "winback", "start", "W01", "--reason", "price", "--action", "2026-12-10"])
    except SystemExit as stop:
        assert stop.code == 2
    else:
        raise AssertionError("a step without an action is a usage error")
    assert main([*db, "care", "add", "W01", "--kind", "gift", "--item", "月饼礼盒", "--value", "388.00",
                 "--date", "2026-09-20", "--occasion", "中秋"]) == 0
    assert main([*db, "care", "add", "W01", "--kind", "coupon", "--item", "九折券", "--value", "12.345"]) == 1
    capsys.readouterr()
    assert main([*db, "care", "list", "W01", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [
        {"kind": "gift", "item": "月饼礼盒", "value": "388.00", "given_on": "2026-09-20", "occasion": "中秋"}]
