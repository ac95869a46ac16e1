"""The calendar's paper and file outputs: revisit sheets of the period shown (print preview, PDF on a
worker) and the .ics export of every planned revisit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrinter

from accountdesk.core.revisits import plans as revisits

# Spelled out per call so that lupdate files these texts under the calendar page's context.
translate = QCoreApplication.translate

# A list on screen shows about this many rows: printing or saving more sheets than that at once may
# be a slip (a whole busy month), so the manager is asked first, with the count and the range.
SHEETS_ON_A_SCREEN = 40
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


def range_text(page) -> str:
    start, end = page.visible_range()
    return translate("RevisitCalendarPage", "%1 to %2").replace("%1", start.isoformat()).replace("%2", end.isoformat())


def confirm_sheet_count(page, sheets, action: str) -> bool:
    """Ask before printing or saving more sheets than a screen shows, naming the range and how many
    of them are overdue plans carried from before it."""
    count = len(sheets)
    if count <= SHEETS_ON_A_SCREEN:
        return True
    start, _end = page.visible_range()
    overdue = sum(1 for sheet in sheets if sheet.overdue and sheet.due_on < start)
    title = translate("RevisitCalendarPage", "Revisit sheets")
    if action == "print":
        question = QCoreApplication.translate("RevisitCalendarPage", "Print %Ln revisit sheet(s) for %1?", "", count)
    else:
        question = QCoreApplication.translate("RevisitCalendarPage", "Save %Ln revisit sheet(s) for %1 as a PDF?", "",
                                              count)
    question = question.replace("%1", range_text(page))
    if overdue:
        question += "\n" + QCoreApplication.translate(
            "RevisitCalendarPage", "%Ln of them are overdue revisits planned before the period; they come first.",
            "", overdue)
    question += "\n" + translate("RevisitCalendarPage", "That is a page each, plus the plan. It runs in the "
                                                         "background; you can cancel it.")
    return page.context.dialogs.ask(page, title, question)


def print_sheets(page) -> None:
    """Print the period's revisit sheets: a screenful or fewer through the print preview; more, after
    asking, straight to the chosen printer on a worker thread with progress and Cancel (a preview of
    hundreds of pages would be painted on the screen's thread)."""
    owner, today = owner_name(page), page.context.today()

    def done(result) -> None:
        sheets, weekly = result
        if len(sheets) <= SHEETS_ON_A_SCREEN:
            page.show_preview(sheets, weekly, printed_on=today, owner=owner)
        elif confirm_sheet_count(page, sheets, "print"):
            print_in_background(page, sheets, weekly, printed_on=today, owner=owner)

    label = translate("RevisitCalendarPage", "Preparing the revisit sheets…")
    page.context.operations.read(sheet_reader(page), done, label=label)


def print_in_background(page, sheets, weekly, *, printed_on, owner) -> None:
    from accountdesk.printing.layout import label as printed_label
    from accountdesk.printing.pdf import paint_sheets, prepare_page_device

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare_page_device(printer)
    printer.setDocName(printed_label("sheet_title"))
    if not page.context.dialogs.choose_printer(page, printer):
        return
    # Painting on a printer from a worker thread is what Qt allows for QPrinter; the window stays free.
    # (The closure holds the printer until the worker is done with it.)
    work = _paint_job(lambda progress: paint_sheets(printer, sheets, weekly, printed_on=printed_on, owner=owner,
                                                    progress=progress), len(sheets))

    def done(pages: int) -> None:
        text = QCoreApplication.translate("RevisitCalendarPage", "Sent %Ln page(s) to the printer (%1).", "", pages)
        page.context.hub.status_message.emit(text.replace("%1", range_text(page)))

    page.last_print_task = page.context.runner.run(
        work, done, kind="print", progress=True, label=translate("RevisitCalendarPage", "Printing the revisit sheets…"))


def _paint_job(paint, count: int):
    """work(context) for the task runner: paint with progress, stopping at the user's Cancel."""

    def work(context) -> int:
        text = translate("RevisitCalendarPage", "Laying out and painting %1 sheets…").replace("%1", f"{count:,}")

        def progress(done: int, total: int) -> None:
            context.progress(done, total, text)  # raises Cancelled when the user pressed Cancel

        return paint(progress)

    return work


def save_sheets_pdf(page) -> None:
    """Write the period's revisit sheets to a PDF on a worker thread, with progress and Cancel;
    more than a screenful is confirmed first (the count and the range are read before asking)."""
    start, end = page.visible_range()
    owner, today = owner_name(page), page.context.today()

    def chosen(result) -> None:
        sheets, weekly = result
        if not confirm_sheet_count(page, sheets, "save"):
            return
        suggested = f"revisit-sheets-{start.isoformat()}-{end.isoformat()}.pdf"
        path = page.context.dialogs.save_file(page, translate("RevisitCalendarPage", "Save revisit sheets"),
                                              translate("RevisitCalendarPage", "PDF files (*.pdf)"), suggested)
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")

        def paint(progress) -> int:
            from accountdesk.printing.pdf import render_revisit_sheets

            return render_revisit_sheets(sheets, weekly, path, printed_on=today, owner=owner, progress=progress)

        def done(pages: int) -> None:
            text = QCoreApplication.translate(
                "RevisitCalendarPage", "Saved %Ln page(s) to %2: the plan for %1 and a sheet per customer.", "",
                pages).replace("%1", range_text(page)).replace("%2", str(path))
            page.context.hub.status_message.emit(text)
            page.context.dialogs.info(page, translate("RevisitCalendarPage", "Revisit sheets"), text)

        # A worker of its own: a long print run must not hold up the screens' reads.
        page.last_print_task = page.context.runner.run(
            _paint_job(paint, len(sheets)), done, kind="print", progress=True,
            label=translate("RevisitCalendarPage", "Saving the revisit sheets…"))

    page.context.operations.read(sheet_reader(page), chosen,
                                 label=translate("RevisitCalendarPage", "Preparing the revisit sheets…"))


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
