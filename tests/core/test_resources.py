"""Resources that act: customers owned below the rep level their tier asks are named, on the board and in statistics."""

from __future__ import annotations

from datetime import date

import pytest

from accountdesk.core.archive import records as archive
from accountdesk.core.i18n import ValidationError
from accountdesk.core.kpi.dashboard import load_dashboard
from accountdesk.core.tiering.policies import update_tier_policy
from accountdesk.core.tiering.resources import rank_of_level, resource_gaps, set_owner_role

TODAY = date(2026, 11, 20)


@pytest.mark.parametrize(("text", "rank"), [
    ("资深客户经理", 3), ("客户经理", 2), ("客服专员", 1), ("senior", 3), ("Account manager", 2), ("rep", 2), ("manager", 3),
    ("", None), ("看情况", None),
])
def test_a_policys_rep_level_names_a_rank(text, rank):
    assert rank_of_level(text) == rank


@pytest.fixture
def book(db):
    with db.write() as session:
        for tier, level in (("A", "资深客户经理"), ("B", "客户经理"), ("C", "")):
            update_tier_policy(session, tier, {"rep_level": level})
        people = {name: archive.ensure_user(session, name) for name in ("lao_wang", "xiao_li", "xiao_zhao")}
        set_owner_role(session, people["lao_wang"].id, "manager")  # leads a team: the senior level
        set_owner_role(session, people["xiao_li"].id, "rep")
        set_owner_role(session, people["xiao_zhao"].id, "rep")
        for name, tier, owner in [("甲", "A", "lao_wang"), ("乙", "A", "xiao_li"), ("丙", "A", "xiao_li"),
                                  ("丁", "A", None), ("戊", "B", "xiao_zhao"), ("己", "B", "xiao_li"),
                                  ("庚", "C", "xiao_zhao")]:
            archive.create_customer(session, {"name": name, "tier": tier, "owner": owner})
    return db


def test_owners_below_their_tiers_rep_level_are_named(book):
    with book.session() as session:
        gaps = resource_gaps(session)
    assert [(g.tier, g.owner, g.owner_role, g.customers, g.required) for g in gaps] == [
        ("A", "xiao_li", "rep", 2, "资深客户经理"),
        ("A", None, None, 1, "资深客户经理"),
    ]  # B asks an account manager: every rep is one
    assert gaps[0].junior and "低于要求的资深客户经理" in gaps[0].message().zh


def test_with_no_rep_level_the_best_tier_still_names_customers_nobody_owns(book):
    with book.write() as session:
        update_tier_policy(session, "A", {"rep_level": ""})
        customer = archive.customer_ids(session, archive.CustomerFilter(text="甲"))[0]
        archive.update_customer(session, customer, {"owner": "xiao_zhao"})
    with book.session() as session:
        a_gaps = [(g.owner, g.customers) for g in resource_gaps(session) if g.tier == "A"]
    assert a_gaps == [(None, 1)]  # an account manager (any rep) now suffices; nobody does not


def test_statistics_carry_the_gaps_and_roles_are_checked(book):
    with book.session() as session:
        figures = load_dashboard(session, date(2026, 11, 1), TODAY, TODAY)
    assert [(g["tier"], g["owner"], g["customers"]) for g in figures.as_dict()["resource_gaps"]] == [
        ("A", "xiao_li", 2), ("A", None, 1)]
    with book.write() as session, pytest.raises(ValidationError):
        set_owner_role(session, archive.ensure_user(session, "xiao_li").id, "intern")
