"""The tier tab tells a C customer what it lacks for B, per criterion and as one sentence, in both languages."""

from __future__ import annotations

from datetime import date

import pytest

from accountdesk.core.archive import records as archive
from tests.ui.test_duplicates_gui import shoot


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_tier_tab_shows_what_a_c_customer_lacks_for_b(db, window, language, today):
    with db.write() as session:
        customer = archive.create_customer(session, {"name": "恒通机电", "cooperation_since": today.replace(month=5, day=1)})
        for day in (date(today.year, 3, 1), date(today.year, 6, 1)):
            archive.add_transaction(session, customer.id, {"occurred_on": day, "amount": "1500"})
    if language == "zh":
        window.actions_["language_zh"].trigger()
    page = window.show_page("customers")
    page.open_customer(customer.id, tab="tiering")
    tab = page.detail.tab("tiering")
    summary = tab.next_tier_label.text()
    if language == "zh":
        assert summary.startswith("再购买 1 次、消费再增 ¥2,000 即可升为 B 级")
    else:
        assert summary.startswith("1 more purchase and ¥2,000 more spend would lift it to tier B")
    lines = tab.gap_lines(page.detail.tab("tiering").record.gap)
    if language == "zh":
        assert "购买频率：再购买 1 次（+7.5 分）；单此一项：再购买 10 次" in lines
    else:
        assert "Purchase frequency: 1 more purchase (+7.5 points); alone: 10 more purchases" in lines
    assert all(line in tab.next_tier_label.text() for line in lines)
    tab.resize(1100, 760)
    shoot(tab, f"tier_tab_next_tier_{language}.png")
