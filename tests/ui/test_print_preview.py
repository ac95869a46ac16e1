"""The print preview shows the same pages as the PDF: the plan page, then one per customer."""

from __future__ import annotations

from datetime import date

from PySide6.QtPrintSupport import QPrintPreviewWidget

from accountdesk.core.revisits.sheets import (
    ArchiveSummary,
    InteractionLine,
    PurchaseSummary,
    SheetCustomer,
    TierGroup,
    WeeklyEntry,
    WeeklyPlan,
)
from accountdesk.ui.calendar.print_preview import build_print_preview


def _sheet(code: str, name: str, due: date) -> SheetCustomer:
    return SheetCustomer(
        customer_id=1, plan_id=1, due_on=due, purpose="年度续约", channel="visit", plan_owner="王经理",
        archive=ArchiveSummary(code, name, None, "张伟", "138-0000-1111", "上海市", "制造业", "王经理"),
        tier="A", policy=None,
        interactions=[InteractionLine(date(2026, 11, 1), "phone", "确认订单", 4)],
        purchases=PurchaseSummary(date(2026, 10, 1), 123450, 3),
    )


def test_preview_has_the_plan_page_and_a_page_per_customer(qtbot, today, tmp_path):
    sheets = [_sheet("KH-1", "华东精密", today), _sheet("KH-2", "岭南茶业", today)]
    entries = [WeeklyEntry(1, today, s.archive.code, s.archive.name, None, None, s.purpose, s.channel, None) for s in sheets]
    weekly = WeeklyPlan(today, date(2026, 11, 26), [TierGroup("A", entries)])

    dialog = build_print_preview(None, sheets, weekly, printed_on=today)
    qtbot.addWidget(dialog)
    dialog.resize(900, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    preview = dialog.findChild(QPrintPreviewWidget)
    preview.updatePreview()

    qtbot.waitUntil(lambda: preview.pageCount() == 3)
    assert "预览" in dialog.windowTitle() or "preview" in dialog.windowTitle()
    dialog.grab().save(str(tmp_path / "preview.png"))


def test_a_months_plan_is_laid_out_a_page_at_a_time_and_keeps_every_row(tmp_path):
    """A month's plan page is made in pieces of a page (one long layout would hold the window), and
    still lists every revisit, densely, with the overdue ones first."""
    from pdf_pages import page_text

    from accountdesk.printing.pdf import render_revisit_sheets

    day = date(2026, 12, 1)
    entries = [WeeklyEntry(i, date(2026, 12, 1 + i % 28), f"C{i:06d}", f"客户{i}", "张伟", "138-0000-1111",
                           "定期回访", "visit", "王经理") for i in range(300)]
    late = [WeeklyEntry(900, date(2026, 11, 2), "C000900", "逾期客户", None, None, "定期回访", "phone", None, 31)]
    plan = WeeklyPlan(day, date(2026, 12, 31), [TierGroup("A", entries)], overdue=late)
    steps = []
    out = tmp_path / "plan.pdf"
    pages = render_revisit_sheets([], plan, out, printed_on=day, progress=lambda done, total: steps.append(total))
    assert steps and steps[-1] > 2  # laid out and painted in several pieces, each reported
    text = page_text(out)
    assert all(f"C{i:06d}" in text for i in range(300)) and text.index("C000900") < text.index("C000000")
    assert pages <= 300 // 40 + 2  # dense pages: no piece spills onto a page of its own
