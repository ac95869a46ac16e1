"""Print preview of the revisit sheets: the very pages of the PDF, painted onto the chosen printer."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from accountdesk.core.i18n import AccountDeskError
from accountdesk.printing.layout import label
from accountdesk.printing.pdf import paint_sheets, prepare_page_device

if TYPE_CHECKING:
    from accountdesk.core.revisits.sheets import SheetCustomer, WeeklyPlan

log = logging.getLogger(__name__)


def build_print_preview(
    parent: QWidget | None,
    sheets: Sequence[SheetCustomer],
    weekly: WeeklyPlan | None,
    *,
    printed_on: date | None = None,
    owner: str | None = None,
) -> QPrintPreviewDialog:
    """A preview dialog (not yet shown) whose pages, and whatever it prints, are the sheets."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare_page_device(printer)
    printer.setDocName(label("sheet_title"))
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(label("preview_title"))
    # The dialog holds the printer by pointer only; keep the Python object alive with it.
    dialog._printer = printer  # type: ignore[attr-defined]

    def paint(device: QPrinter) -> None:
        try:
            paint_sheets(device, sheets, weekly, printed_on=printed_on, owner=owner)
        except AccountDeskError as error:
            # A slot cannot raise to the caller; the preview stays empty and the log says why.
            log.warning("print preview failed: %s", error.message.en)

    dialog.paintRequested.connect(paint)
    return dialog


def show_print_preview(
    parent: QWidget | None,
    sheets: Sequence[SheetCustomer],
    weekly: WeeklyPlan | None,
    *,
    printed_on: date | None = None,
    owner: str | None = None,
) -> int:
    """Show the preview modally; from it the manager prints the same pages the PDF has."""
    dialog = build_print_preview(parent, sheets, weekly, printed_on=printed_on, owner=owner)
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()
