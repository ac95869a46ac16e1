"""`accountdesk agenda` and `accountdesk reminders --owner/--days` as a manager runs them."""

from __future__ import annotations

import json
import shutil
from datetime import date, datetime, timezone

from sqlalchemy import select

from accountdesk.cli import main
from accountdesk.core.revisits.workdays import WorkCalendar
from accountdesk.core.storage.database import open_database
from accountdesk.core.storage.models import Customer, Interaction, RevisitPlan, User
from accountdesk.core.time import local_noon_utc


def _book(tmp_path, sqlite_template):
    """Two owners; 王芳 has more due revisits than her capacity of 5, 李雷 has one customer."""
    path = tmp_path / "agenda.accountdesk"
    shutil.copyfile(sqlite_template, path)
    database = open_database(path, user="me")
    with database.write() as s:
        wang, li = User(name="wang", display_name="王芳", daily_capacity=5), User(name="li", display_name="李雷")
        s.add_all([wang, li])
        s.flush()
        for n in range(14):
            tier = "A" if n < 4 else "C"
            last = date(2026, 10, 1) if tier == "A" else date(2026, 9, 1)
            customer = Customer(code=f"W{n:02d}", name=f"王芳客户{n}", tier=tier, owner_id=wang.id,
                                created_at=datetime(2025, 1, 1, tzinfo=timezone.utc))
            s.add(customer)
            s.flush()
            s.add(Interaction(customer_id=customer.id, kind="phone", occurred_at=local_noon_utc(last)))
        other = Customer(code="L01", name="李雷客户", tier="B", owner_id=li.id, cooperation_since=date(2021, 2, 20),
                         created_at=datetime(2025, 1, 1, tzinfo=timezone.utc))
        s.add(other)
    database.dispose()
    return path


def test_agenda_json_is_one_owners_ranked_list_capped_at_capacity(tmp_path, sqlite_template, capsys):
    path = _book(tmp_path, sqlite_template)
    assert main(["--db", str(path), "agenda", "--date", "2026-12-03", "--owner", "王芳", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 5
    assert all({"kind", "customer_code", "customer_name", "tier", "due_date", "planned_for", "reason"} <= set(r)
               for r in rows)
    assert all(r["customer_code"].startswith("W") and r["planned_for"] == "2026-12-03" for r in rows)
    overdue_a = [n for n, r in enumerate(rows) if r["tier"] == "A" and r["kind"] == "revisit" and r["overdue"]]
    assert overdue_a and all(r["tier"] != "C" for r in rows[:max(overdue_a)])
    # Three working days: the backlog goes on to Friday and Monday, five a day at most.
    assert main(["--db", str(path), "agenda", "--date", "2026-12-03", "--owner", "wang", "--days", "3", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    days = sorted({r["planned_for"] for r in rows})
    assert days == ["2026-12-03", "2026-12-04", "2026-12-07"]
    assert all(sum(r["planned_for"] == d for r in rows) <= 5 for d in days)
    calendar = WorkCalendar()
    database = open_database(path, user="me")
    try:
        with database.session() as s:
            planned = list(s.execute(select(RevisitPlan.due_on, RevisitPlan.planned_for)
                                     .where(RevisitPlan.state == "planned")))
    finally:
        database.dispose()
    assert planned and all(calendar.is_workday(p) for _, p in planned)


def test_agenda_text_names_the_day_and_the_capacity(tmp_path, sqlite_template, capsys):
    path = _book(tmp_path, sqlite_template)
    assert main(["--db", str(path), "--lang", "zh", "agenda", "--date", "2026-12-03", "--owner", "王芳"]) == 0
    out = capsys.readouterr().out
    assert "2026-12-03：5 项（每日容量 5）" in out and "逾期" in out
    assert main(["--db", str(path), "agenda", "--owner", "nobody"]) == 1
    assert "nobody" in capsys.readouterr().err


def test_reminders_look_ahead_lists_festivals_and_anniversaries_not_raised_yet(tmp_path, sqlite_template, capsys):
    path = _book(tmp_path, sqlite_template)
    assert main(["--db", str(path), "reminders", "--date", "2027-02-01", "--days", "30", "--owner", "李雷",
                 "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    spring = [r for r in rows if r["kind"] == "festival" and "2027-02-06" in r["subject"]]
    assert spring and spring[0]["state"] == "upcoming" and spring[0]["event_date"] == "2027-02-06"
    assert any(r["kind"] == "anniversary" and r["customer_code"] == "L01" for r in rows)
    assert all(r["customer_code"] in (None, "L01") for r in rows)  # only 李雷's customers
    assert main(["--db", str(path), "--lang", "zh", "reminders", "--date", "2027-02-01", "--days", "30"]) == 0
    out = capsys.readouterr().out
    assert "接下来 30 天" in out and "春节（2027-02-06）" in out
