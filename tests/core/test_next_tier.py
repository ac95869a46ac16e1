"""What a customer lacks to reach the next tier, from the active scoring sheet."""

from __future__ import annotations

from datetime import date

from accountdesk.core.archive import records as archive
from accountdesk.core.tiering.explain import score_breakdown
from accountdesk.core.tiering.metrics import CustomerMetrics
from accountdesk.core.tiering.next_tier import gap_of, next_tier_gap
from accountdesk.core.tiering.scoring import ScoringDefinition, activate_model, default_definition, save_model

# A C customer on the default sheet: 2 purchase days (30 points), ¥3,000 (30), half a year (20),
# no influence (0), no satisfaction yet (60), no complaints (100): 35.5 points, B starts at 50.
C_CUSTOMER = CustomerMetrics(1, purchase_days=2, window_spend=300_000, tenure_years=0.5, influence=0,
                             satisfaction=None, open_complaints=0)


def test_a_c_customer_is_told_the_easiest_purchases_and_spend_that_make_it_b():
    definition = ScoringDefinition.from_json(default_definition())
    gap = next_tier_gap(definition, C_CUSTOMER, "C", 50.0)
    assert (gap.score, gap.next_tier) == (35.5, "B")
    # One more purchase day (→ 60 points, +7.5) and ¥2,000 more (→ ¥5,000, 60 points, +9): 52.0.
    assert gap.summary.zh == "再购买 1 次、消费再增 ¥2,000 即可升为 B 级"
    assert gap.summary.en == "1 more purchase and ¥2,000 more spend would lift it to tier B"
    lifted = CustomerMetrics(1, purchase_days=3, window_spend=500_000, tenure_years=0.5, influence=0,
                             satisfaction=None, open_complaints=0)
    assert definition.tier_by_threshold(definition.score(lifted)) == "B"
    by_key = {g.key: g for g in gap.criteria}
    assert by_key["frequency"].next_step.text.zh == "再购买 1 次"
    assert by_key["frequency"].enough_alone.text.zh == "再购买 10 次"  # 12 days alone: +17.5
    assert by_key["spend"].enough_alone.text.zh == "消费再增 ¥17,000"  # ¥20,000 alone: +15
    assert by_key["complaints"].next_step is None  # already at its best band
    assert by_key["satisfaction"].next_step.text.zh == "满意度达到 4"
    assert by_key["loyalty"].enough_alone is None  # five years are worth only +12


def test_the_gap_follows_the_sheet_not_fixed_numbers():
    data = default_definition()
    data["grading"]["thresholds"] = [75, 36]  # B from 36: half a point short
    gap = next_tier_gap(ScoringDefinition.from_json(data), C_CUSTOMER, "C", 36.0)
    assert [step.text.en for step in gap.plan] == ["1 more purchase"]
    top = next_tier_gap(ScoringDefinition.from_json(data), C_CUSTOMER, "A", None)
    assert top.next_tier is None and top.summary.en == "already in the top tier"


def test_a_stored_customer_gets_its_gap_from_the_active_model(db):
    with db.write() as session:
        customer = archive.create_customer(session, {"name": "恒通机电", "cooperation_since": date(2026, 5, 1)})
        for day in (date(2026, 3, 1), date(2026, 6, 1)):
            archive.add_transaction(session, customer.id, {"occurred_on": day, "amount": "1500"})
        data = default_definition()
        data["criteria"][1]["bands"][2]["min"] = "4000"  # ¥4,000 earns 60 points on this sheet
        activate_model(session, save_model(session, "本公司评分表", data).id)
    with db.session() as session:
        gap = gap_of(session, score_breakdown(session, customer.id, date(2026, 11, 20)))
    assert gap.tier == "C" and gap.next_tier == "B"
    assert "消费再增 ¥1,000" in gap.summary.zh
