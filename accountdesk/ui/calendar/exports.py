"""The calendar's paper and file outputs: revisit sheets of the period shown (print preview, PDF on a
worker) and the .ics export of every planned revisit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from accountdesk.core.revisits import plans as revisits

# Spelled out per call so that lupdate files these texts under the calendar page's context.
translate = QCoreApplication.translate

# Printing more sheets than this at once is probably a slip (a whole busy month): ask first.
SHEETS_WITHOUT_ASKING = 150
NO_TIER = ""


def owner_name(page) -> str | None:
    return page.owner_combo.currentText() if page.owner_id is not None else None


def sheet_reader(page):
    start, end = page.visible_range()
    owner, tier, today = owner_name(page), page.tier, page.context.today()

    def read(session):
        from accountdesk.core.revisits.sheets import revisit_sheet_data, weekly_plan_data

        # The open plans overdue before the period come first (marked 已逾期 on paper).
        sheets = revisit_sheet_data(session, start, end, owner, as_of=today, today=today)
        weekly = weekly_plan_data(session, start, owner, days=(end - start).days + 1, today=today)
        if tier is not None:
            sheets = [sheet for sheet in sheets if (sheet.tier or NO_TIER) == tier]
            weekly.groups = [group for group in weekly.groups if (group.tier or NO_TIER) == tier]
            tiers = {sheet.archive.code: sheet.tier for sheet in sheets}
            weekly.overdue = [entry for entry in weekly.overdue if (tiers.get(entry.code) or NO_TIER) == tier]
        return sheets, weekly

    return read


def print_sheets(page) -> None:
    """Print preview of the period's revisit sheets (the same pages as the PDF)."""
    owner, today = owner_name(page), page.context.today()

    def done(result) -> None:
        sheets, weekly = result
        if confirm_sheet_count(page, len(sheets)):
            page.show_preview(sheets, weekly, printed_on=today, owner=owner)

    label = translate("RevisitCalendarPage", "Preparing the revisit sheets…")
    page.context.operations.read(sheet_reader(page), done, label=label)


def confirm_sheet_count(page, count: int) -> bool:
    if count <= SHEETS_WITHOUT_ASKING:
        return True
    title = translate("RevisitCalendarPage", "Revisit sheets")
    question = translate("RevisitCalendarPage",
                         "The period shown has %1 planned revisits: that is %1 pages. Continue?")
    return page.context.dialogs.ask(page, title, question.replace("%1", str(count)))


def save_sheets_pdf(page) -> None:
    """Write the period's revisit sheets to a PDF on a worker thread (it can take a while)."""
    start, end = page.visible_range()
    suggested = f"revisit-sheets-{start.isoformat()}-{end.isoformat()}.pdf"
    path = page.context.dialogs.save_file(page, translate("RevisitCalendarPage", "Save revisit sheets"),
                                          translate("RevisitCalendarPage", "PDF files (*.pdf)"), suggested)
    if path is None:
        return
    if path.suffix.lower() != ".pdf":
        path = path.with_suffix(".pdf")
    database, read = page.context.database, sheet_reader(page)
    owner, today = owner_name(page), page.context.today()

    def work() -> tuple[int, int]:
        from accountdesk.printing.pdf import render_revisit_sheets

        with database.session() as session:
            sheets, weekly = read(session)
        return render_revisit_sheets(sheets, weekly, path, printed_on=today, owner=owner), len(sheets)

    def done(result: tuple[int, int]) -> None:
        pages, sheets = result
        text = translate("RevisitCalendarPage", "Saved %1 pages (%2 revisit sheets and the plan) to %3.")
        text = text.replace("%1", str(pages)).replace("%2", str(sheets)).replace("%3", str(path))
        page.context.hub.status_message.emit(text)
        page.context.dialogs.info(page, translate("RevisitCalendarPage", "Revisit sheets"), text)

    # A worker of its own: a long print run must not hold up the screens' reads.
    label = translate("RevisitCalendarPage", "Saving the revisit sheets…")
    page.context.runner.run(work, done, kind="print", label=label)


def export_ics(page) -> None:
    """Every planned revisit as an .ics file (stable event ids: a re-import updates, never duplicates)."""
    path = page.context.dialogs.save_file(page, translate("RevisitCalendarPage", "Export revisits to a calendar"),
                                          translate("RevisitCalendarPage", "iCalendar files (*.ics)"), "revisits.ics")
    if path is None:
        return
    if path.suffix.lower() != ".ics":
        path = path.with_suffix(".ics")
    today = page.context.today()

    def done(count: int) -> None:
        text = translate("RevisitCalendarPage", "Exported %1 planned revisits to %2. "
                                                "Importing the file again updates the same events.")
        page.context.dialogs.info(page, translate("RevisitCalendarPage", "Export .ics"),
                                  text.replace("%1", str(count)).replace("%2", str(path)))

    page.context.operations.read(lambda session: revisits.export_ics(session, Path(path), today), done,
                                 label=translate("RevisitCalendarPage", "Exporting…"))
