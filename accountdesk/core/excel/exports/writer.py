"""Export to .xlsx (openpyxl write-only, styled) and .csv: customers, tiers, contacts, transactions, interactions, revisits."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from accountdesk.core.excel.read.headers import KINDS, column_letter, matcher, normalize_label
from accountdesk.core.files import check_target, write_whole_bytes
from accountdesk.core.i18n import AccountDeskError, Message

EXPORT_KINDS = ("customers", "tiers", "contacts", "transactions", "interactions", "revisits")
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
MONEY_FORMAT = "#,##0.00"
NUMBER_FORMAT = "0.0"
_FORMULA_START = ("=", "+", "-", "@")
# A spreadsheet program also evaluates a CSV cell whose formula follows a TAB or CR (OWASP).
_CSV_FORMULA_START = (*_FORMULA_START, "\t", "\r")
# The most characters an Excel cell holds; a longer text is cut in .xlsx (with a warning) and kept
# whole in .csv and .json.
XLSX_CELL_LIMIT = 32_767
_WIDTH_SAMPLE = 2000
_MAX_WIDTH = 60


class Written(int):
    """How many data rows were written, and what the reader of the file should be told."""

    warnings: list[Message]

    def __new__(cls, count: int, warnings: list[Message] | None = None) -> Written:
        written = super().__new__(cls, count)
        written.warnings = list(warnings or [])
        return written


def cut_cells_warning(cut: list[tuple[int, str]], path: Path) -> Message:
    shown = "、".join(f"第 {row} 行“{label}”" for row, label in cut[:5])
    shown_en = ", ".join(f"row {row} '{label}'" for row, label in cut[:5])
    more_zh = f"等 {len(cut)} 处" if len(cut) > 5 else ""
    more_en = f" and {len(cut) - 5} more" if len(cut) > 5 else ""
    return Message(
        f"“{path.name}”中 {shown}{more_zh}的文字超过 Excel 单元格上限 {XLSX_CELL_LIMIT:,} 个字符，已截断；"
        "导出为 .csv 或 .json 可保留全文。",
        f"In '{path.name}', the text of {shown_en}{more_en} is longer than an Excel cell holds "
        f"({XLSX_CELL_LIMIT:,} characters) and was cut; export to .csv or .json to keep it whole.",
    )


@dataclass(frozen=True)
class ExportColumn:
    key: str
    label: str
    type: str = "text"  # text | date | datetime | money | int | number


def _width_of(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    if isinstance(value, Decimal | float):
        return len(f"{value:,.2f}")
    text = str(value)
    if text.isascii():
        return len(text)
    # East Asian wide characters take two columns of an Excel width unit.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def fitted_widths(columns: Sequence[ExportColumn], rows: Sequence[Sequence[Any]]) -> list[float]:
    widths = [_width_of(c.label) + 2 for c in columns]  # room for the filter button
    for row in rows[:_WIDTH_SAMPLE]:
        for i, value in enumerate(row[: len(widths)]):
            width = _width_of(value)
            if width > widths[i]:
                widths[i] = width
    return [min(max(w + 2, 6), _MAX_WIDTH) for w in widths]


def _illegal():
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE


# One search per text cell finds both rare cases: a control character Excel refuses (the same set as
# openpyxl's ILLEGAL_CHARACTERS_RE) or a start Excel would take for a formula.
_SUSPECT_TEXT = re.compile(r"^[=+\-@]|[\000-\010\013\014\016-\037]")
_NUMBERS = (int, float, Decimal)


class _XlsxTable:
    """Rows into a new workbook: write-only, so memory stays flat and speed stays near openpyxl's floor."""

    def __init__(self, path: Path, title: str, columns: Sequence[ExportColumn], widths: list[float]) -> None:
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        self.path = path
        self.columns = columns
        self.workbook = Workbook(write_only=True)
        self.sheet = self.workbook.create_sheet(title=_sheet_title(title))
        for i, width in enumerate(widths):
            self.sheet.column_dimensions[column_letter(i)].width = width
        self.sheet.freeze_panes = "A2"
        self._cell_type = WriteOnlyCell
        thin = Side(style="thin", color="B7C4D6")
        header_cells = []
        for column in columns:
            cell = WriteOnlyCell(self.sheet, value=column.label)
            cell.data_type = "s"
            cell.font = Font(bold=True, color="FFFFFF")
            cell.fill = PatternFill("solid", fgColor="2F5597")
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.border = Border(bottom=thin)
            header_cells.append(cell)
        self.sheet.append(header_cells)

        def style(**attributes: Any):
            cell = WriteOnlyCell(self.sheet)
            for name, value in attributes.items():
                setattr(cell, name, value)
            return cell._style

        # One style array per number format, shared by every cell that needs it (copying a
        # style per cell is most of what styled cells cost in openpyxl).
        styles = {"money": style(number_format=MONEY_FORMAT), "datetime": style(number_format=DATETIME_FORMAT),
                  "date": style(number_format=DATE_FORMAT), "number": style(number_format=NUMBER_FORMAT)}
        self._text_style = style(quotePrefix=True)
        # A formatted column keeps one styled cell that every row refills (openpyxl has written a
        # row's cells when append() returns). A new cell per value, or openpyxl's own handling of a
        # bare date (it restyles a fresh cell for each), costs about as much as writing the cell.
        self._formatted: list[tuple[int, Any, str]] = []
        for i, column in enumerate(columns):
            if column.type in styles:
                cell = WriteOnlyCell(self.sheet)
                cell._style = styles[column.type]
                self._formatted.append((i, cell, column.type))
        self._styles = styles
        self._illegal = _illegal()
        self.count = 0
        self.cut: list[tuple[int, str]] = []  # (row in the sheet, column label) of texts cut to fit

    def _text_cell(self, value: str):
        cell = self._cell_type(self.sheet)
        cell._value = value
        cell.data_type = "s"
        cell._style = self._text_style
        return cell

    def _styled(self, value: Any, style):
        cell = self._cell_type(self.sheet, value=value)
        cell._style = style
        return cell

    def _suspect_text(self, value: str) -> Any:
        """Text with control characters (removed) or a formula start (kept as text, quote-prefixed)."""
        value = self._illegal.sub("", value)
        if value and value[0] in _FORMULA_START:
            return self._text_cell(value)
        return value

    def write(self, rows: Iterable[Sequence[Any]]) -> None:
        append = self.sheet.append
        suspect = _SUSPECT_TEXT.search
        formatted = self._formatted
        for values in rows:
            out = list(values)
            for i, value in enumerate(values):
                if type(value) is str:
                    if len(value) > XLSX_CELL_LIMIT:
                        value = out[i] = value[:XLSX_CELL_LIMIT]
                        self.cut.append((self.count + 2, self.columns[i].label if i < len(self.columns) else str(i)))
                    if suspect(value):
                        out[i] = self._suspect_text(value)
            for i, cell, kind in formatted:
                value = values[i]
                value_type = type(value)
                if value is None or value_type is str:
                    continue
                if kind == "date":
                    if value_type is date:  # a datetime or a number keeps openpyxl's own format
                        cell._value = value
                        cell.data_type = "d"
                        out[i] = cell
                elif value_type in _NUMBERS and kind != "datetime":
                    cell._value = value
                    cell.data_type = "n"
                    out[i] = cell
                elif value_type is datetime and kind == "datetime":
                    cell._value = value
                    cell.data_type = "d"
                    out[i] = cell
                else:
                    out[i] = self._styled(value, self._styles[kind])
            append(out)
            self.count += 1

    def close(self) -> None:
        if self.count:
            self.sheet.auto_filter.ref = f"A1:{column_letter(len(self.columns) - 1)}{self.count + 1}"
        data = io.BytesIO()
        self.workbook.save(data)
        write_whole_bytes(self.path, data.getvalue())


def _sheet_title(title: str) -> str:
    for ch in "[]:*?/\\":
        title = title.replace(ch, " ")
    return title[:31] or "Sheet1"


def _csv_safe(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str) and value and value[0] in _CSV_FORMULA_START:
        # Excel evaluates a CSV cell that starts like a formula; the apostrophe keeps it text,
        # and our importer removes it again.
        return "'" + value
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S" if value.second else "%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, float):
        return repr(value)
    return value


def write_table(path: Path, title: str, columns: Sequence[ExportColumn], rows: Sequence[Sequence[Any]]) -> Written:
    """Write a header and rows to .xlsx (styled, frozen, filtered, fitted) or .csv (UTF-8 with BOM,
    which Excel opens correctly), whole or not at all."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        check_target(path)
        text = io.StringIO(newline="")
        writer = csv.writer(text)
        writer.writerow([c.label for c in columns])
        for row in rows:
            writer.writerow([_csv_safe(v) for v in row])
        write_whole_bytes(path, text.getvalue().encode("utf-8-sig"))
        return Written(len(rows))
    if suffix not in (".xlsx", ".xlsm"):
        raise AccountDeskError(f"不支持导出为“{suffix}”：请用 .xlsx 或 .csv", f"cannot export to '{suffix}': use .xlsx or .csv")
    check_target(path)
    table = _XlsxTable(path, title, columns, fitted_widths(columns, rows))
    table.write(rows)
    table.close()
    return Written(table.count, [cut_cells_warning(table.cut, path)] if table.cut else [])


class SheetWriter:
    """A small table writer for reports (rejected rows): header first, then rows, then close."""

    def __init__(self, path: Path, title: str) -> None:
        self.path, self.title = Path(path), title
        self.columns: list[ExportColumn] = []
        self.rows: list[list[Any]] = []

    def header(self, labels: Sequence[str]) -> None:
        self.columns = [ExportColumn(f"c{i}", str(label)) for i, label in enumerate(labels)]

    def row(self, values: Sequence[Any]) -> None:
        self.rows.append(list(values) + [None] * (len(self.columns) - len(values)))

    def close(self) -> int:
        return write_table(self.path, self.title, self.columns, self.rows)


def header_labels_match(labels: Iterable[str], columns: Sequence[ExportColumn], kind: str | None = None) -> dict[int, int]:
    """Template column → our column: by header text (full-width, case and spaces ignored), or by the
    import synonyms of the kind (a template headed 经办人/日期/金额 takes our user/date/amount)."""
    ours = {normalize_label(c.label): i for i, c in enumerate(columns)}
    ours.update({normalize_label(c.key): i for i, c in enumerate(columns)})
    by_key = {c.key: i for i, c in enumerate(columns)}
    synonyms = matcher(kind if kind in KINDS else "customers") if kind else None
    found: dict[int, int] = {}
    for position, label in enumerate(labels):
        key = normalize_label(label)
        index = ours.get(key) if key else None
        if index is None and synonyms is not None and key:
            spec = synonyms.match(label)
            index = by_key.get(spec.name) if spec else None
        if index is not None and index not in found.values():
            found[position] = index
    return found
