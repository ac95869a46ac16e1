"""Policies per lifecycle stage (issue 18 item 2): the revisit plan takes the stricter of tier and stage."""

from __future__ import annotations

from datetime import date, datetime, time, timezone

import pytest
from sqlalchemy import select

from accountdesk.core.i18n import ValidationError
from accountdesk.core.reminders.agenda import build_agenda
from accountdesk.core.revisits.plans import load_cadence, plan_revisits
from accountdesk.core.storage.models import AuditEntry, Customer, Interaction, RevisitPlan
from accountdesk.core.tiering.policies import policy_for
from accountdesk.core.tiering.stage_policies import load_stage_policies, update_stage_policy
from accountdesk.core.time import local_noon_utc


def _customer(session, code: str, tier: str, stage: str | None, last_call: date) -> Customer:
    customer = Customer(code=code, name=f"客户{code}", tier=tier, stage=stage,
                        created_at=datetime.combine(date(2025, 1, 1), time(12), tzinfo=timezone.utc))
    session.add(customer)
    session.flush()
    session.add(Interaction(customer_id=customer.id, kind="phone", occurred_at=local_noon_utc(last_call)))
    session.flush()
    return customer


def _plan(session, customer: Customer) -> RevisitPlan:
    return session.scalars(select(RevisitPlan).where(RevisitPlan.customer_id == customer.id,
                                                     RevisitPlan.state == "planned")).one()


def test_the_revisit_plan_takes_the_stricter_of_tier_and_stage(db, today):
    with db.write() as s:
        c_tier = policy_for(s, "C")
        assert c_tier.revisit_interval_days == 90
        drifting = _customer(s, "C1", "C", "at_risk", date(2026, 11, 2))  # C: 90 days; at risk: 21
        steady = _customer(s, "C2", "C", "active", date(2026, 11, 2))  # active adds nothing: the tier's
        fresh_a = _customer(s, "A1", "A", "new", date(2026, 11, 2))  # A: 30 days by visit; new: 30 by phone
        assert plan_revisits(s, today) == 3
        assert _plan(s, drifting).due_on == date(2026, 11, 23)  # 2 Nov + 21 days, a Monday
        assert _plan(s, drifting).channel == "phone"  # more personal than C's own
        assert _plan(s, steady).due_on == date(2027, 2, 1)  # 2 Nov + 90 days is a Sunday: the Monday
        assert _plan(s, fresh_a).channel == "visit"  # A's visit is more personal than the stage's phone
        policies = load_stage_policies(s)
        assert policies["churned"].action and policies["potential"].channel == "email"
        # Today says what the stage calls for beside the revisit.
        [item] = [i for i in build_agenda(s, date(2026, 11, 23), None, days=1).today if i.customer_code == "C1"]
        assert item.reason("zh").endswith("建议：" + policies["at_risk"].action)

    with db.write() as s:
        update_stage_policy(s, "active", {"interval_days": 45, "channel": "wechat", "action": "推送新品优惠"})
    with db.session() as s:
        cadence = load_cadence(s)
        assert cadence.interval("C", "active") == 45 and cadence.interval("A", "active") == 30
        assert cadence.channel("C", "active") == "wechat"
        assert load_stage_policies(s)["active"].action == "推送新品优惠"
        # Kept as a team setting, in the change history like any edit.
        assert s.scalar(select(AuditEntry.id).where(AuditEntry.entity == "settings"))
    with db.write() as s, pytest.raises(ValidationError) as error:
        update_stage_policy(s, "active", {"interval_days": -3})
    assert error.value.field == "interval_days"
    with db.write() as s, pytest.raises(ValidationError):
        update_stage_policy(s, "sleeping", {"channel": "phone"})
    with db.write() as s:
        update_stage_policy(s, "active", {"interval_days": None})
    with db.session() as s:
        assert load_cadence(s).interval("C", "active") == 90
