"""Printed revisit sheets (回访单) and the weekly plan: HTML laid out by QTextDocument onto A4 pages.

Uses QtGui only (never QtWidgets), so the CLI prints with a QGuiApplication on the offscreen
platform; the GUI's print preview paints the same pages onto a QPrinter.
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QRawFont,
    QTextDocument,
)

from accountdesk.core.i18n import AccountDeskError
from accountdesk.printing.fonts import print_family
from accountdesk.printing.layout import (
    BODY_POINTS,
    FEWEST_NOTE_LINES,
    MOST_NOTE_LINES,
    RULE,
    TextFit,
    label,
    plan_probe_html,
    plan_title,
    sheet_font,
    sheet_html,
    weekly_pages_html,
)

if TYPE_CHECKING:
    from accountdesk.core.revisits.sheets import SheetCustomer, WeeklyPlan

# Told (done, total) as the pages are made; raising from it stops the run (a Cancel).
Progress = Callable[[int, int], None]

PAGE_MARGIN_MM = 14.0
FOOTER_MM = 7.0
PDF_RESOLUTION = 300

_app: QGuiApplication | None = None


class DeviceUnavailable(AccountDeskError):
    """The printer or PDF file could not be painted on."""


# --- Qt setup --------------------------------------------------------------------------------


def ensure_gui_application() -> QGuiApplication:
    """The running QGuiApplication, or a new one (offscreen when there is no display)."""
    global _app
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if existing is not None:
        raise AccountDeskError(
            "打印需要图形应用对象，但当前只有无界面的应用对象。",
            "Printing needs a GUI application object, but only a console one exists.",
        )
    headless = sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if headless and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    argv = [sys.argv[0] if sys.argv and sys.argv[0] else "accountdesk"]
    widgets = sys.modules.get("PySide6.QtWidgets")
    # Printing needs QtGui only, but a process that also shows widgets (the GUI, a test
    # session) can have one application object only, and widgets need a QApplication.
    _app = widgets.QApplication(argv) if widgets is not None else QGuiApplication(argv)
    return _app


@contextmanager
def none_refcount_guard() -> Iterator[None]:
    """Give None back the references a run of Qt calls took from it.

    PySide6 6.12 on Python 3.11 returns None from void methods without a new reference, so
    each call costs None one. A print run makes thousands; the interpreter then aborts
    ("none_dealloc") when it frees everything at exit. From Python 3.12 None is immortal and
    this does nothing.
    """
    if sys.version_info >= (3, 12) or not hasattr(ctypes, "pythonapi"):
        yield
        return
    before = sys.getrefcount(None)
    try:
        yield
    finally:
        lost = before - sys.getrefcount(None)
        if lost > 0:
            # Held references would be freed at exit too; only a real increment undoes the loss.
            increment = ctypes.pythonapi.Py_IncRef
            increment.argtypes = [ctypes.py_object]
            increment.restype = None
            for _ in range(lost):
                increment(None)


def cjk_family() -> str:
    """The family printed pages use: always the bundled font (embedded in the PDF), so a sheet
    looks the same whichever machine printed it, and never shows boxes on one without Chinese fonts."""
    return print_family()


# --- pages -----------------------------------------------------------------------------------


@dataclass
class _Body:
    """The printable area of a page in device units, less the footer strip."""

    width: float
    height: float
    footer: float


def _body(device: QPagedPaintDevice) -> _Body:
    rect = device.pageLayout().paintRectPixels(device.logicalDpiY())
    footer = FOOTER_MM / 25.4 * device.logicalDpiY()
    return _Body(float(rect.width()), float(rect.height()) - footer, footer)


def _document(
    html: str, device: QPagedPaintDevice, body: _Body, family: str | None, *, paged: bool = True
) -> QTextDocument:
    """A document laid out with the printer's own metrics, so what is measured is what prints.

    Unpaged, it is one long page: cheaper to measure, and drawn as is when it fits a page.
    """
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    font = sheet_font(family, BODY_POINTS)
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    if paged:
        document.setPageSize(QSizeF(body.width, body.height))
    else:
        document.setTextWidth(body.width)
    document.setHtml(html)
    return document


class _SheetFitter:
    """Gives each sheet as many ruled note lines as still fit on its one page."""

    def __init__(self, device: QPagedPaintDevice, body: _Body, family: str | None) -> None:
        self.device, self.body, self.family = device, body, family
        self.fit = TextFit(family, device, body.width)
        self._line_height: float | None = None

    def _measure(self, sheet: SheetCustomer, lines: int) -> QTextDocument:
        html = sheet_html(sheet, self.family, lines, self.fit)
        return _document(html, self.device, self.body, self.family, paged=False)

    def __call__(self, sheet: SheetCustomer) -> QTextDocument:
        fewest = self._measure(sheet, FEWEST_NOTE_LINES)
        height = fewest.size().height()
        if height > self.body.height:
            # Too much to say for one page even with the fewest lines: let it run on.
            html = sheet_html(sheet, self.family, FEWEST_NOTE_LINES, self.fit)
            return _document(html, self.device, self.body, self.family)
        if self._line_height is None:
            # Every ruled line is as tall as any other on this printer; measure it once per run.
            self._line_height = self._measure(sheet, FEWEST_NOTE_LINES + 1).size().height() - height
        spare = int((self.body.height - height) // max(self._line_height, 1.0))
        lines = min(FEWEST_NOTE_LINES + spare, MOST_NOTE_LINES)
        while lines > FEWEST_NOTE_LINES:
            document = self._measure(sheet, lines)
            if document.size().height() <= self.body.height:
                return document
            lines -= 1
        return fewest


def _draw_footer(painter: QPainter, body: _Body, family: str | None, left: str, right: str) -> None:
    painter.save()
    font = sheet_font(family, 7.5)
    painter.setFont(font)
    painter.setPen(QPen(QColor(RULE), 0))
    top = body.height + body.footer * 0.35
    painter.drawLine(QPointF(0, top), QPointF(body.width, top))
    painter.setPen(QColor("#5f6670"))
    area = QRectF(0, top, body.width, body.footer * 0.65)
    painter.drawText(area, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), left)
    painter.drawText(area, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), right)
    painter.restore()


# --- text a reader copies out of the PDF ----------------------------------------------------

# Kangxi radicals and the CJK radicals supplement come before the unified ideographs, and many
# CJK fonts draw a radical with the very glyph of an ideograph (⼾ and 户, ⽇ and 日). Qt's PDF
# writer maps each glyph back to the lowest code point that shows it, so text copied or
# searched in the PDF would read "客⼾" instead of "客户".
_RADICALS = "".join(chr(code) for code in range(0x2E80, 0x2FE0))
_CMAP_BLOCK = re.compile(rb"begincmap.*?endcmap", re.DOTALL)
_HEX4 = re.compile(r"<([0-9A-Fa-f]{4})>")


def radical_fixes(family: str | None, text: str) -> dict[int, int]:
    """Radical code point → the ideograph in `text` that the font draws with the same glyph."""
    if not family:
        return {}
    ideographs = "".join(sorted({char for char in text if "\u3400" <= char <= "\uffff"}))
    if not ideographs:
        return {}
    fixes: dict[int, int] = {}
    font = sheet_font(family, BODY_POINTS)
    for weight in (QFont.Weight.Normal, QFont.Weight.Bold):
        font.setWeight(weight)
        raw = QRawFont.fromFont(font)
        if not raw.isValid():
            continue
        # One call per string: every character here is a single UTF-16 unit, so glyphs line up.
        glyphs, radical_glyphs = raw.glyphIndexesForString(ideographs), raw.glyphIndexesForString(_RADICALS)
        if len(glyphs) != len(ideographs) or len(radical_glyphs) != len(_RADICALS):
            continue
        by_glyph = {glyph: char for char, glyph in zip(ideographs, glyphs, strict=True) if glyph}
        for radical, glyph in zip(_RADICALS, radical_glyphs, strict=True):
            if glyph and glyph in by_glyph:
                fixes.setdefault(ord(radical), ord(by_glyph[glyph]))
    return fixes


def _swap_targets(targets: str, fixes: dict[int, int]) -> str:
    def swap(match: re.Match[str]) -> str:
        code = int(match.group(1), 16)
        return f"<{fixes[code]:04X}>" if code in fixes else match.group(0)

    return _HEX4.sub(swap, targets)


def fix_pdf_text(data: bytes, fixes: dict[int, int]) -> bytes:
    """Rewrite the PDF's ToUnicode maps so radicals read as the ideographs that were drawn.

    Each 4-digit code is replaced by another 4-digit code, so no byte offset in the file moves.
    """

    def fix_block(match: re.Match[bytes]) -> bytes:
        lines = match.group(0).decode("latin-1").split("\n")
        mode = None
        for index, line in enumerate(lines):
            stripped = line.strip()
            if stripped.endswith(("beginbfrange", "beginbfchar")):
                mode = stripped.rsplit(" ", 1)[-1]
            elif stripped in ("endbfrange", "endbfchar"):
                mode = None
            elif mode == "beginbfchar":
                source, _, target = line.partition(" ")
                lines[index] = f"{source} {_swap_targets(target, fixes)}"
            elif mode == "beginbfrange":
                parts = line.split(" ", 2)
                # A single target counts up through the range; changing its start would shift the rest.
                if len(parts) == 3 and (parts[2].startswith("[") or parts[0] == parts[1]):
                    lines[index] = f"{parts[0]} {parts[1]} {_swap_targets(parts[2], fixes)}"
        return "\n".join(lines).encode("latin-1")

    return _CMAP_BLOCK.sub(fix_block, data)


def _plan_page_rows(device: QPagedPaintDevice, body: _Body, family: str | None) -> dict[str, int]:
    """How many plan rows fill a page on this device (and the first page, under the title): the
    most that a paged probe document still holds on one page (a few small layouts)."""
    low, high = 10, 120
    while low < high:
        middle = (low + high + 1) // 2
        if _document(plan_probe_html(family, middle), device, body, family).pageCount() == 1:
            low = middle
        else:
            high = middle - 1
    # The title, the facts line and the rule take about five rows' height on the first page.
    return {"rows_per_page": low, "first_page_rows": max(low - 5, 5)}


def prepare_page_device(device: QPagedPaintDevice) -> None:
    """A4 portrait with the sheet margins, for a PDF writer or a printer alike."""
    device.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    device.setPageOrientation(QPageLayout.Orientation.Portrait)
    device.setPageMargins(QMarginsF(*(PAGE_MARGIN_MM,) * 4), QPageLayout.Unit.Millimeter)


def paint_sheets(
    device: QPagedPaintDevice,
    sheets: Sequence[SheetCustomer],
    weekly: WeeklyPlan | None,
    *,
    printed_on: date | None = None,
    owner: str | None = None,
    progress: Progress | None = None,
) -> int:
    """Paint the plan page, then one page per customer, onto `device`; returns the page count."""
    with none_refcount_guard():
        return _paint_pages(device, sheets, weekly, printed_on=printed_on, owner=owner, progress=progress)[0]


def _paint_pages(
    device: QPagedPaintDevice,
    sheets: Sequence[SheetCustomer],
    weekly: WeeklyPlan | None,
    *,
    printed_on: date | None,
    owner: str | None,
    progress: Progress | None = None,
) -> tuple[int, str]:
    """Paint every page; returns the page count and all the text painted.

    `progress(done, total)` is told of each sheet laid out and each page painted (twice the sheets
    in all); an exception it raises (the user's Cancel) stops the run there."""
    family = cjk_family()
    body = _body(device)
    plans = [] if weekly is None else weekly_pages_html(weekly, family, owner, TextFit(family, device, body.width),
                                                        **_plan_page_rows(device, body, family))
    steps = 2 * (len(sheets) + len(plans))
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, steps)

    documents: list[tuple[str, QTextDocument]] = []
    for plan in plans:
        documents.append((plan_title(weekly.start, weekly.end), _document(plan, device, body, family)))
        documents[-1][1].pageCount()  # laid out now, a piece at a time
        step()
    fitted = _SheetFitter(device, body, family)
    for sheet in sheets:
        title = label("followup_title") if sheet.is_followup else label("sheet_title")
        documents.append((f"{title} · {sheet.archive.code}", fitted(sheet)))
        step()
    pages = sum(document.pageCount() for _, document in documents)
    painted = [document.toPlainText() for _, document in documents]
    printed = (printed_on or date.today()).isoformat()
    painter = QPainter()
    if not painter.begin(device):
        raise DeviceUnavailable("无法开始打印：输出设备不可用。", "Cannot start printing: the output device is not available.")
    try:
        page = 0
        for name, document in documents:
            for index in range(document.pageCount()):
                if page:
                    device.newPage()
                page += 1
                painter.save()
                painter.translate(0, -index * body.height)
                document.drawContents(painter, QRectF(0, index * body.height, body.width, body.height))
                painter.restore()
                footer = (f"{label('app')} · {name}", f"{label('printed')} {printed}　{label('page', page=page, pages=pages)}")
                _draw_footer(painter, body, family, *footer)
                painted.extend(footer)
            step()
    finally:
        finished = painter.end()
    if not finished:
        raise DeviceUnavailable("打印未能完成：输出设备出错。", "Printing did not finish: the output device failed.")
    return pages, "\n".join(painted)


def render_revisit_sheets(
    sheets: Sequence[SheetCustomer],
    weekly: WeeklyPlan | None,
    out_pdf: Path,
    *,
    printed_on: date | None = None,
    owner: str | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the plan page and the revisit sheets to an A4 PDF with embedded fonts; returns pages.

    The PDF is written beside `out_pdf` first and moved in place, so a failure (or a Cancel raised
    from `progress`) leaves no half file.
    """
    with none_refcount_guard():
        return _write_pdf(sheets, weekly, Path(out_pdf), printed_on=printed_on, owner=owner, progress=progress)


def _write_pdf(
    sheets: Sequence[SheetCustomer], weekly: WeeklyPlan | None, out_pdf: Path, *, printed_on: date | None,
    owner: str | None, progress: Progress | None = None,
) -> int:
    ensure_gui_application()
    if not out_pdf.parent.is_dir():
        raise AccountDeskError(
            f"无法写入“{out_pdf}”：文件夹不存在。", f"Cannot write '{out_pdf}': the folder does not exist."
        )
    partial = out_pdf.with_name(out_pdf.name + ".partial")
    writer = QPdfWriter(str(partial))
    writer.setResolution(PDF_RESOLUTION)
    writer.setCreator("AccountDesk")
    writer.setTitle(label("sheet_title"))
    prepare_page_device(writer)
    try:
        pages, painted = _paint_pages(writer, sheets, weekly, printed_on=printed_on, owner=owner, progress=progress)
    except BaseException as error:
        del writer
        partial.unlink(missing_ok=True)
        if isinstance(error, DeviceUnavailable):
            raise AccountDeskError(
                f"无法写入“{out_pdf}”：文件被占用或没有写入权限。",
                f"Cannot write '{out_pdf}': the file is in use or not writable.",
            ) from None
        raise
    del writer  # releases the file, so it can be read back and moved on every system
    try:
        fixes = radical_fixes(cjk_family(), painted)
        if fixes:
            partial.write_bytes(fix_pdf_text(partial.read_bytes(), fixes))
        os.replace(partial, out_pdf)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise AccountDeskError(
            f"无法写入“{out_pdf}”：{error.strerror}（文件可能正被其他程序打开）。",
            f"Cannot write '{out_pdf}': {error.strerror} (another program may have it open).",
        ) from None
    return pages
