"""Resources that act, on screen: the tier board and statistics name A customers left to a junior; the header shows the tier's discount."""

from __future__ import annotations

from tier_book import fill_book, grade

from accountdesk.core.archive import records as archive
from accountdesk.core.tiering.policies import update_tier_policy
from accountdesk.core.tiering.resources import set_owner_role


def a_tier_customer(db) -> tuple[int, str | None]:
    with db.session() as session:
        customer = next(archive.get_customer(session, cid) for cid in archive.customer_ids(session)
                        if archive.get_customer(session, cid).tier == "A")
        return customer.id, customer.owner.name if customer.owner else None


def test_a_junior_owner_of_an_a_customer_is_named_on_the_board_and_in_statistics(window, db, today):
    fill_book(db)
    grade(db, today)
    customer_id, owner = a_tier_customer(db)
    with db.write() as session:
        update_tier_policy(session, "A", {"rep_level": ""})  # the best tier then asks for an account manager
    board = window.show_page("tier_board")
    assert board.resource_label.isHidden()  # managers (the default role) own the A customers

    # The owner is made a service rep in Settings → Tier policies, as the team lead would.
    settings = window.show_page("settings").show_section("policies")
    row = next(r for r in range(settings.roles.rowCount()) if settings.roles.item(r, 0).text() == owner)
    combo = settings.roles.cellWidget(row, 1)
    assert combo.currentData() == "manager"
    combo.setCurrentIndex(combo.findData("rep"))
    window.show_page("tier_board")
    assert not board.resource_label.isHidden()
    assert f"Tier A: {owner} (service rep) owns" in board.resource_label.text()

    stats = window.show_page("dashboard")
    assert not stats.resource_label.isHidden() and f"{owner} (service rep)" in stats.resource_label.text()

    # Handing the customer to a senior clears the warning on the board.
    window.show_page("tier_board")
    with db.write() as session:
        set_owner_role(session, archive.ensure_user(session, "lao_zhang").id, "senior")
    window.context.operations.mutate(lambda session: archive.update_customer(session, customer_id, {"owner": "lao_zhang"}))
    assert all(gap.owner != "lao_zhang" for gap in board.resource_gaps)
    assert sum(gap.customers for gap in board.resource_gaps if gap.owner == owner) == \
        sum(gap.customers for gap in stats.figures.resource_gaps if gap.owner == owner) - 1


def test_the_customer_header_shows_the_tiers_discount(window, db, today):
    fill_book(db)
    grade(db, today)
    with db.write() as session:
        update_tier_policy(session, "A", {"discount_percent": "8.5"})
    customer_id, _owner = a_tier_customer(db)
    page = window.show_page("customers")
    page.open_customer(customer_id)
    assert "Tier discount</span> 8.5%" in page.detail.facts.text()
