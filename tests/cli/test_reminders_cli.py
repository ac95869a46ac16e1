"""`accountdesk reminders` and `accountdesk export revisits OUT.ics` as a user runs them."""

from __future__ import annotations

import json
import shutil
from datetime import date, datetime, timezone

from icalendar import Calendar

from accountdesk.cli import main
from accountdesk.core.storage.database import open_database
from accountdesk.core.storage.models import Contact, Customer, Interaction
from accountdesk.core.time import local_noon_utc


def _database(tmp_path, sqlite_template):
    path = tmp_path / "cli.accountdesk"
    shutil.copyfile(sqlite_template, path)
    database = open_database(path, user="me")
    with database.write() as s:
        customer = Customer(code="C001", name="华东贸易", tier="A", created_at=datetime(2025, 1, 1, tzinfo=timezone.utc))
        s.add(customer)
        s.flush()
        s.add(Contact(customer_id=customer.id, name="王总", birth_calendar="solar", birth_month=11, birth_day=22))
        s.add(Interaction(customer_id=customer.id, kind="visit", occurred_at=local_noon_utc(date(2026, 11, 1))))
    database.dispose()
    return path


def test_reminders_json_lists_due_reminders_after_catching_up(tmp_path, sqlite_template, capsys):
    path = _database(tmp_path, sqlite_template)
    assert main(["--db", str(path), "reminders", "--date", "2026-11-20", "--days", "3", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    birthday = next(row for row in rows if row["kind"] == "birthday")
    assert birthday["customer_code"] == "C001" and birthday["due_date"] == "2026-11-19"
    assert birthday["state"] == "new" and "王总" in birthday["subject"]
    assert all({"kind", "subject", "customer_code", "due_date", "state"} <= set(row) for row in rows)
    # A second run raises nothing new and lists the same reminders.
    assert main(["--db", str(path), "reminders", "--date", "2026-11-20", "--days", "3", "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert [row["key"] for row in again] == [row["key"] for row in rows]


def test_reminders_text_output(tmp_path, sqlite_template, capsys):
    path = _database(tmp_path, sqlite_template)
    assert main(["--db", str(path), "--lang", "zh", "reminders", "--date", "2026-11-20"]) == 0
    out = capsys.readouterr().out
    assert "王总 生日" in out and "C001" in out and "2026-11-19" in out


def test_export_revisits_ics_keeps_uids_across_exports(tmp_path, sqlite_template, capsys):
    path = _database(tmp_path, sqlite_template)
    main(["--db", str(path), "reminders", "--date", "2026-11-20"])  # plans the revisits
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    assert main(["--db", str(path), "export", "revisits", str(first), "--as-of", "2026-11-20"]) == 0
    assert main(["--db", str(path), "export", "revisits", str(second), "--as-of", "2026-11-21"]) == 0
    events = [Calendar.from_ical(p.read_bytes()).walk("VEVENT") for p in (first, second)]
    assert len(events[0]) == 1
    assert [str(e["UID"]) for e in events[0]] == [str(e["UID"]) for e in events[1]]
    assert events[0][0].decoded("DTSTART") == date(2026, 12, 1)  # 1 Nov visit + 30 days (tier A)
