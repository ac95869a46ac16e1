"""Re-grading everyone: tiers, stages, RFM segments, the tier history, locks and previews."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from tiering_factory import add_customer, buy, complain, talk

from accountdesk.core.i18n import ValidationError
from accountdesk.core.storage.audit import customer_trail
from accountdesk.core.storage.models import AuditEntry, Customer, ScoringModel, TierChange
from accountdesk.core.tiering.lifecycle import save_lifecycle_rules
from accountdesk.core.tiering.regrade import (
    preview_model,
    regrade_all,
    score_breakdown,
    set_manual_tier,
    tier_history,
    unlock_tier,
)
from accountdesk.core.tiering.scoring import (
    activate_model,
    active_model,
    default_definition,
    delete_model,
    list_models,
    model_activations,
    save_model,
)


@pytest.fixture
def book(db):
    """A best customer, a middling one, a one-off buyer long gone and a prospect."""
    with db.write() as session:
        best = add_customer(session, "C001", "华兴贸易", cooperation_since=date(2019, 1, 1), referrals=6)
        for month in range(1, 13):
            buy(session, best, date(2026, month, 5) if month < 12 else date(2025, 12, 5), "6000.00")
        talk(session, best, date(2026, 11, 1), 5)
        middle = add_customer(session, "C002", "远方商行", cooperation_since=date(2024, 6, 1), referrals=1)
        for day in (date(2026, 2, 1), date(2026, 6, 1), date(2026, 10, 1)):
            buy(session, middle, day, "4000.00")
        talk(session, middle, date(2026, 10, 2), 4)
        gone = add_customer(session, "C003", "旧客户")
        buy(session, gone, date(2024, 3, 1), "800.00")
        complain(session, gone, date(2024, 3, 10))
        prospect = add_customer(session, "C004", "潜在客户")
        ids = {"best": best.id, "middle": middle.id, "gone": gone.id, "prospect": prospect.id}
    return ids


def tiers(db) -> dict[str, str | None]:
    with db.session() as session:
        return dict(session.execute(select(Customer.code, Customer.tier)).all())


def test_regrade_sets_tiers_stages_and_segments_and_records_each_change(db, book, today):
    with db.session() as session:
        best = session.get(Customer, book["best"])
        stamps = (best.version, best.updated_at, best.updated_by)
    with db.write() as session:
        report = regrade_all(session, today)
    assert tiers(db) == {"C001": "A", "C002": "B", "C003": "C", "C004": "C"}
    assert report.counts == {"A": 1, "B": 1, "C": 2}
    assert report.matrix == {"-": {"A": 1, "B": 1, "C": 2}}
    assert {m.code: (m.old_tier, m.new_tier) for m in report.changes} == {
        "C001": (None, "A"), "C002": (None, "B"), "C003": (None, "C"), "C004": (None, "C")}
    assert report.rows_written == 4
    assert report.as_changes().customers == set(book.values()) and report.as_changes().tiers
    with db.session() as session:
        best = session.get(Customer, book["best"])
        assert best.score == 100.0 and best.stage == "loyal"
        # Derived columns leave the person's version and stamps alone: no save collides with a re-grade.
        assert (best.version, best.updated_at, best.updated_by) == stamps
        assert session.get(Customer, book["gone"]).stage == "churned"
        assert session.get(Customer, book["prospect"]).stage == "potential"
        assert session.get(Customer, book["prospect"]).rfm_segment is None
        assert best.rfm_segment == "important_value"
        history = tier_history(session, book["best"])
        model = active_model(session)
        expected_model = (model.id, model.version, model.name)
    assert len(history) == 1
    entry = history[0]
    assert (entry.old_tier, entry.new_tier, entry.score, entry.manual) == (None, "A", 100.0, False)
    assert (entry.model_id, entry.model_version, entry.model_name) == expected_model
    assert "2026-11-20" in entry.reason and entry.by == db.user


def test_a_second_regrade_changes_nothing(db, book, today):
    with db.write() as session:
        regrade_all(session, today)
    with db.write() as session:
        report = regrade_all(session, today)
    assert report.changes == [] and report.rows_written == 0
    assert report.matrix == {"A": {"A": 1}, "B": {"B": 1}, "C": {"C": 2}}
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(TierChange)) == 4


def test_dry_run_writes_nothing(db, book, today):
    with db.write() as session:
        report = regrade_all(session, today, dry_run=True)
    assert len(report.changes) == 4 and report.rows_written == 0
    assert set(tiers(db).values()) == {None}
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(TierChange)) == 0
        assert session.scalar(select(func.count()).select_from(ScoringModel)) == 0  # reading stores nothing
    assert report.as_changes().customers == set()


def test_a_locked_tier_survives_regrading_until_unlocked(db, book, today):
    with db.write() as session:
        regrade_all(session, today)
    with db.write() as session:
        changes = set_manual_tier(session, book["best"], "C", "拖欠货款，暂降级", today=date(2026, 11, 20))
    assert changes.customers == {book["best"]}
    with db.write() as session:
        report = regrade_all(session, today)
    assert tiers(db)["C001"] == "C"
    assert report.locked == 1 and report.changes == []
    with db.session() as session:
        best = session.get(Customer, book["best"])
        assert best.tier_locked and best.tier_lock_reason == "拖欠货款，暂降级"
        assert best.score == 100.0  # the computed score is still shown beside the manual tier
        manual = tier_history(session, book["best"])[0]
    assert (manual.old_tier, manual.new_tier, manual.manual, manual.reason) == ("A", "C", True, "拖欠货款，暂降级")
    with db.write() as session:
        unlock_tier(session, book["best"])
    with db.write() as session:
        regrade_all(session, today)
    assert tiers(db)["C001"] == "A"
    with db.session() as session:
        history = tier_history(session, book["best"])
        unlocked = any(e.field == "tier_locked" and e.new_value == "0" for e in customer_trail(session, book["best"]))
    assert unlocked
    assert [(h.new_tier, h.manual) for h in history] == [("A", False), ("C", True), ("A", False)]


def test_manual_tier_needs_a_known_tier_and_a_reason(db, book):
    with db.write() as session, pytest.raises(ValidationError) as raised:
        set_manual_tier(session, book["best"], "S", "VIP", today=date(2026, 11, 20))
    assert raised.value.field == "tier"
    with db.write() as session, pytest.raises(ValidationError) as raised:
        set_manual_tier(session, book["best"], "A", "  ", today=date(2026, 11, 20))
    assert raised.value.field == "reason"


def test_an_unlocked_manual_tier_is_regraded(db, book, today):
    with db.write() as session:
        set_manual_tier(session, book["prospect"], "A", "战略客户", lock=False, today=date(2026, 11, 20))
    with db.write() as session:
        regrade_all(session, today)
    assert tiers(db)["C004"] == "C"


def test_preview_of_a_share_model_writes_nothing(db, book, today):
    with db.write() as session:
        regrade_all(session, today)
    definition = default_definition()
    definition["grading"] = {"mode": "share", "shares": [0.25, 0.5, 0.25]}
    with db.write() as session:
        report = preview_model(session, definition, today)
    assert report.dry_run and report.model_id is None
    # Ranked C001 > C002 > C004 (neutral satisfaction, no complaint) > C003 (open complaint).
    assert report.matrix == {"A": {"A": 1}, "B": {"B": 1}, "C": {"B": 1, "C": 1}}
    assert tiers(db)["C004"] == "C"


def test_activating_a_model_is_recorded_and_regrading_uses_it(db, book, today):
    with db.write() as session:
        first = active_model(session)
        definition = default_definition()
        definition["tiers"] = ["高端", "中端", "低端"]
        second = save_model(session, "三级大客户", definition)
        activate_model(session, second.id, reason="改用三级命名")
        second_id = second.id
    with db.write() as session:
        report = regrade_all(session, today)
        assert not session.get(ScoringModel, first.id).is_active
        activations = model_activations(session)
        audited = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "scoring_models", AuditEntry.field == "is_active")
        ).all()
    assert report.model_id == second_id and report.counts == {"高端": 1, "中端": 1, "低端": 2}
    assert [a["model_id"] for a in activations] == [first.id, second_id]
    assert activations[-1]["reason"] == "改用三级命名" and activations[-1]["by"] == db.user
    assert audited
    with db.write() as session, pytest.raises(ValidationError):
        delete_model(session, second_id)
    with db.write() as session:
        delete_model(session, first.id)
        assert [m.id for m in list_models(session)] == [second_id]


def test_editing_a_model_raises_its_version_in_the_history(db, book, today):
    with db.write() as session:
        model = active_model(session)
        definition = default_definition()
        definition["grading"]["thresholds"] = [95, 10]
        save_model(session, model.name, definition, model_id=model.id)
        assert model.version == 2
    with db.write() as session:
        regrade_all(session, today)
        assert tier_history(session, book["middle"])[0].model_version == 2


def test_breakdown_explains_the_score(db, book, today):
    with db.write() as session:
        regrade_all(session, today)
    with db.session() as session:
        breakdown = score_breakdown(session, book["middle"], today)
    lines = {line.key: line for line in breakdown.criteria}
    assert lines["spend"].display_value == "12000.00" and lines["spend"].band == "≥ 5000.00"
    assert (lines["spend"].points, lines["spend"].weight, lines["spend"].contribution) == (60, 30, 18.0)
    assert lines["frequency"].value == 3 and lines["frequency"].points == 60
    assert lines["satisfaction"].value == 4.0
    assert sum(line.contribution for line in breakdown.criteria) == pytest.approx(breakdown.score, abs=0.1)
    assert breakdown.score == tiers_scores(db)["C002"]
    assert breakdown.rule_tier == breakdown.tier == "B"
    document = breakdown.as_dict()
    assert document["criteria"][0]["label_zh"] == "购买频率" and document["metrics"]["total_spend"] == "12000.00"


def tiers_scores(db) -> dict[str, float | None]:
    with db.session() as session:
        return dict(session.execute(select(Customer.code, Customer.score)).all())


def test_lifecycle_thresholds_come_from_the_setting(db, book, today):
    with db.write() as session:
        save_lifecycle_rules(session, {"churned_days": 1000, "at_risk_days": 900, "at_risk_min_days": 60})
        regrade_all(session, today)
    with db.session() as session:
        assert session.get(Customer, book["gone"]).stage == "at_risk"
    with db.write() as session, pytest.raises(ValidationError):
        save_lifecycle_rules(session, {"churned_days": 10})


def test_deleted_customers_are_not_graded(db, book, today):
    with db.write() as session:
        session.get(Customer, book["gone"]).deleted_at = session.get(Customer, book["gone"]).updated_at
    with db.write() as session:
        report = regrade_all(session, today)
    assert report.customers == 3
    assert tiers(db)["C003"] is None


def test_share_mode_ranks_only_unlocked_customers(db, book, today):
    with db.write() as session:
        definition = default_definition()
        definition["grading"] = {"mode": "share", "shares": ["1/3", "1/3", "1/3"]}
        save_model(session, "按比例", definition, activate=True)
        set_manual_tier(session, book["prospect"], "A", "集团战略客户", today=date(2026, 11, 20))
        report = regrade_all(session, today)
    # The three unlocked customers fill one tier each; the locked prospect keeps its A.
    assert tiers(db) == {"C001": "A", "C002": "B", "C003": "C", "C004": "A"}
    assert report.counts == {"A": 2, "B": 1, "C": 1} and report.locked == 1


def test_breakdown_before_any_model_is_stored(db, book, today):
    with db.session() as session:
        breakdown = score_breakdown(session, book["best"], today)
        stored = session.scalar(select(func.count()).select_from(ScoringModel))
    assert breakdown.model_id is None and breakdown.score == 100.0 and breakdown.rule_tier == "A"
    assert breakdown.stage == "loyal" and stored == 0


def stage_of(db, customer_id: int) -> tuple[str | None, bool, str | None]:
    with db.session() as session:
        customer = session.get(Customer, customer_id)
        return customer.stage, customer.stage_locked, customer.stage_lock_reason


def test_a_stage_set_by_hand_survives_regrading_until_unlocked(db, book, today):
    from accountdesk.core.archive.records import STAGE_SET_ON_FORM, update_customer
    from accountdesk.core.tiering.regrade import set_manual_stage, unlock_stage

    with db.write() as session:
        regrade_all(session, today)
    graded = stage_of(db, book["best"])[0]
    assert graded != "at_risk" and stage_of(db, book["gone"])[0] == "churned"
    with db.write() as session:
        update_customer(session, book["best"], {"stage": "at_risk"})  # the customer form's stage
        set_manual_stage(session, book["gone"], "active", "重新签约，订单在路上")
    with db.write() as session:
        report = regrade_all(session, today)
        assert report.stages.get("at_risk", 0) >= 1
    assert stage_of(db, book["best"]) == ("at_risk", True, STAGE_SET_ON_FORM)
    assert stage_of(db, book["gone"]) == ("active", True, "重新签约，订单在路上")
    with db.session() as session:
        breakdown = score_breakdown(session, book["gone"], today)
        assert (breakdown.stage, breakdown.stage_locked) == ("active", True)
    with db.write() as session:
        unlock_stage(session, book["gone"])
        regrade_all(session, today)
    assert stage_of(db, book["gone"]) == ("churned", False, None)
    with db.write() as session, pytest.raises(ValidationError) as missing:
        set_manual_stage(session, book["best"], "loyal", "  ")
    assert missing.value.field == "stage_lock_reason"
    with db.write() as session, pytest.raises(ValidationError):
        set_manual_stage(session, book["best"], "VIP", "because")
