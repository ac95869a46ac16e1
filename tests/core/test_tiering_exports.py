"""Customer and tier-sheet rows, and JSON export with exactly the keys DESIGN.md fixes."""

from __future__ import annotations

import json
from datetime import date

import pytest
from tiering_factory import add_customer, buy, talk

from accountdesk.core.excel.exports.rows import (
    CUSTOMER_EXPORT_KEYS,
    TIER_SHEET_KEYS,
    customer_export_rows,
    export_json,
    tier_sheet_rows,
)
from accountdesk.core.i18n import ValidationError
from accountdesk.core.storage.models import RevisitPlan, User
from accountdesk.core.tiering.policies import tier_policies, update_tier_policy
from accountdesk.core.tiering.regrade import regrade_all


@pytest.fixture
def graded(db, today):
    with db.write() as session:
        owner = User(name="wang", display_name="王经理")
        session.add(owner)
        session.flush()
        customer = add_customer(session, "C001", "华兴贸易", owner_id=owner.id, contact_person="李雷",
                                phone="13800000000", cooperation_since=date(2022, 1, 1))
        buy(session, customer, date(2026, 3, 1), "1234.50")
        buy(session, customer, date(2026, 3, 1), "100.00")
        buy(session, customer, date(2025, 1, 1), "65.50")
        talk(session, customer, date(2026, 11, 2), 5)
        for due, state in ((date(2026, 12, 20), "planned"), (date(2026, 12, 1), "planned"),
                           (date(2026, 11, 1), "done")):
            session.add(RevisitPlan(customer_id=customer.id, due_on=due, state=state))
        add_customer(session, "C002", "潜在客户")
        session.flush()
        regrade_all(session, today)
    return db


def test_customer_rows_carry_all_time_figures(graded, today):
    with graded.session() as session:
        rows = customer_export_rows(session, today)
    assert [tuple(row) for row in rows] == [CUSTOMER_EXPORT_KEYS] * 2
    row = rows[0]
    assert row["code"] == "C001" and row["owner"] == "wang" and row["tier"] == "C"
    assert (row["purchase_count"], row["purchase_days"], str(row["total_spend"])) == (3, 2, "1400.00")
    assert (row["first_purchase"], row["last_purchase"]) == (date(2025, 1, 1), date(2026, 3, 1))
    assert (row["last_interaction"], row["next_revisit"]) == (date(2026, 11, 2), date(2026, 12, 1))
    assert row["stage"] == "active" and row["score"] > 0
    prospect = rows[1]
    assert prospect["owner"] is None and prospect["first_purchase"] is None and str(prospect["total_spend"]) == "0.00"


def test_json_export_has_exactly_the_fixed_keys(graded, today, tmp_path):
    out = tmp_path / "customers.json"
    with graded.session() as session:
        assert export_json(session, "tiers", out, today) == 2
    document = json.loads(out.read_text(encoding="utf-8"))
    assert [list(item) for item in document] == [list(CUSTOMER_EXPORT_KEYS)] * 2
    first = document[0]
    assert first["total_spend"] == "1400.00" and first["first_purchase"] == "2025-01-01"
    assert first["next_revisit"] == "2026-12-01" and first["name"] == "华兴贸易"
    assert document[1]["last_purchase"] is None and document[1]["next_revisit"] is None
    assert not list(tmp_path.glob("*.part"))


@pytest.mark.parametrize(("kind", "rows"), [("transactions", 3), ("interactions", 1), ("revisits", 3)])
def test_other_kinds_export_plain_rows(graded, today, tmp_path, kind, rows):
    out = tmp_path / f"{kind}.json"
    with graded.session() as session:
        count = export_json(session, kind, out, today)
    document = json.loads(out.read_text(encoding="utf-8"))
    assert count == len(document) == rows
    assert next(iter(document[0])) == "customer_code" and document[0]["customer_code"] == "C001"


def test_unknown_export_kind_is_refused(graded, today, tmp_path):
    with graded.session() as session, pytest.raises(ValidationError):
        export_json(session, "nonsense", tmp_path / "x.json", today)


def test_tier_sheet_starts_with_the_seed_columns(graded, today):
    with graded.session() as session:
        rows = tier_sheet_rows(session, today)
    first = rows[0]
    assert tuple(first)[: len(TIER_SHEET_KEYS)] == TIER_SHEET_KEYS
    assert first["联系方式"] == "李雷 13800000000"
    assert first["购买频率"] == 1 and str(first["消费金额(元)"]) == "1334.50"
    assert first["综合评价"] == "C" and first["行动方案"] == "邮件与线上联系，标准服务"
    assert first["生命周期"] == "活跃客户" and first["下次回访"] == date(2026, 12, 1)


def test_tier_policies_are_seeded_and_editable(db):
    with db.write() as session:
        assert [p.tier for p in tier_policies(session)] == ["A", "B", "C"]
        update_tier_policy(session, "B", {"revisit_interval_days": 45, "discount_percent": "7.50", "channel": "wechat"})
        update_tier_policy(session, "高端", {"action_plan": "高层互访"})
    with db.session() as session:
        policies = {p.tier: p for p in tier_policies(session)}
    assert (policies["B"].revisit_interval_days, policies["B"].discount_percent) == (45, "7.5")
    assert policies["高端"].action_plan == "高层互访" and policies["高端"].sort_order == 3
    for bad in ({"revisit_interval_days": 0}, {"discount_percent": "120"}, {"channel": "fax"}, {"colour": "red"}):
        with db.write() as session, pytest.raises(ValidationError):
            update_tier_policy(session, "A", bad)
