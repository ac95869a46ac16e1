"""`accountdesk retier` and `export customers X.json`, run in-process as a user would."""

from __future__ import annotations

import json
from datetime import date

import pytest

from accountdesk.cli import main
from accountdesk.core.storage.database import open_database
from accountdesk.core.storage.models import Customer, Transaction


@pytest.fixture
def db_file(tmp_path):
    path = tmp_path / "shop.accountdesk"
    database = open_database(path, user="tester")
    with database.write() as session:
        for index, yuan in enumerate((80_000, 9_000, 0), start=1):
            customer = Customer(code=f"K{index:03d}", name=f"客户{index}", search_key=f"k{index:03d}",
                                cooperation_since=date(2020, 1, 1))
            session.add(customer)
            session.flush()
            for month in range(1, 13 if yuan else 1):
                session.add(Transaction(customer_id=customer.id, occurred_on=date(2026, month, 3),
                                        amount_cents=yuan * 100 // 12))
    database.dispose()
    return path


def run_json(capsys, *argv: str) -> dict:
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_retier_json_reports_each_change(db_file, capsys):
    dry = run_json(capsys, "retier", "--db", str(db_file), "--as-of", "2026-11-20", "--dry-run")
    assert dry["dry_run"] and dry["changed"] == 3
    report = run_json(capsys, "retier", "--db", str(db_file), "--as-of", "2026-11-20")
    assert not report["dry_run"] and report["counts"] == {"A": 1, "B": 1, "C": 1}
    changes = {c["code"]: c for c in report["changes"]}
    assert (changes["K001"]["old_tier"], changes["K001"]["new_tier"]) == (None, "A")
    assert changes["K001"]["score"] == 81.0
    assert report["matrix"] == {"-": {"A": 1, "B": 1, "C": 1}}
    again = run_json(capsys, "retier", "--db", str(db_file), "--as-of", "2026-11-20")
    assert again["changed"] == 0 and again["rows_written"] == 0


def test_retier_text_summary(db_file, capsys):
    assert main(["retier", "--db", str(db_file), "--as-of", "2026-11-20", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "re-graded 3 customers" in out and "K001 客户1: - → A (81)" in out


def test_export_customers_json_after_retier(db_file, tmp_path, capsys):
    assert main(["retier", "--db", str(db_file), "--as-of", "2026-11-20"]) == 0
    out = tmp_path / "customers.json"
    assert main(["export", "customers", str(out), "--db", str(db_file), "--as-of", "2026-11-20"]) == 0
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert [row["code"] for row in rows] == ["K001", "K002", "K003"]
    assert rows[0]["tier"] == "A" and rows[0]["purchase_count"] == 11 and rows[0]["total_spend"] == "73333.26"
    assert set(rows[0]) == {"code", "name", "owner", "tier", "score", "stage", "purchase_count", "purchase_days",
                            "total_spend", "first_purchase", "last_purchase", "last_interaction", "next_revisit",
                            "purchasing_power", "need_type", "frequency_level", "segment", "region"}
