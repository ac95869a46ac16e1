"""Resources that act, on screen: the tier board and statistics name A customers left to a junior; the header shows the tier's discount."""

from __future__ import annotations

from tier_book import fill_book, grade

from accountdesk.core.archive import records as archive
from accountdesk.core.tiering.policies import update_tier_policy


def a_tier_customer(db) -> tuple[int, str | None]:
    with db.session() as session:
        customer = next(archive.get_customer(session, cid) for cid in archive.customer_ids(session)
                        if archive.get_customer(session, cid).tier == "A")
        return customer.id, customer.owner.name if customer.owner else None


def test_a_junior_owner_of_an_a_customer_is_named_on_the_board_and_in_statistics(window, db, today, qtbot):
    fill_book(db)
    grade(db, today)
    customer_id, owner = a_tier_customer(db)
    with db.write() as session:
        update_tier_policy(session, "A", {"rep_level": ""})  # the best tier then asks for an account manager
    board = window.show_page("tier_board")
    assert board.resource_label.isHidden()  # managers (the default role) own the A customers

    # The team asks a senior for its A customers: every rep owning one is named.
    window.context.operations.mutate(lambda session: update_tier_policy(session, "A", {"rep_level": "资深客户经理"}))
    board = window.show_page("tier_board")
    qtbot.waitUntil(lambda: not board.resource_label.isHidden())
    assert f"Tier A: {owner} (account manager) owns" in board.resource_label.text()
    stats = window.show_page("dashboard")
    assert not stats.resource_label.isHidden() and f"{owner} (account manager)" in stats.resource_label.text()

    # The owner is made a team manager in Settings → Tier policies, as an admin would.
    settings = window.show_page("settings").show_section("policies")
    row = next(r for r in range(settings.roles.rowCount()) if settings.roles.item(r, 0).text() == owner)
    combo = settings.roles.cellWidget(row, 1)
    assert combo.currentData() == "rep"
    combo.setCurrentIndex(combo.findData("manager"))
    window.show_page("tier_board")
    assert all(gap.owner != owner for gap in board.resource_gaps)
