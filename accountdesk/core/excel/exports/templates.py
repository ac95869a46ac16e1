"""Exporting into a company's own template: its first sheet, below its header row, its styles kept."""

from __future__ import annotations

import io
from collections.abc import Sequence
from copy import copy
from pathlib import Path
from typing import Any

from accountdesk.core.excel.exports.writer import (
    _FORMULA_START,
    DATE_FORMAT,
    DATETIME_FORMAT,
    MONEY_FORMAT,
    NUMBER_FORMAT,
    ExportColumn,
    _illegal,
    header_labels_match,
)
from accountdesk.core.excel.read.headers import column_letter
from accountdesk.core.excel.read.limits import check_zip
from accountdesk.core.excel.read.reader import sniff_format
from accountdesk.core.files import write_whole_bytes
from accountdesk.core.i18n import AccountDeskError

_FORMATS = {"money": MONEY_FORMAT, "date": DATE_FORMAT, "datetime": DATETIME_FORMAT, "number": NUMBER_FORMAT}
_HEADER_SCAN = 50


def _header_row(sheet) -> int:
    """The template's header: its last filled row near the top (titles and logos sit above it)."""
    last = 0
    for row in sheet.iter_rows(min_row=1, max_row=min(sheet.max_row, _HEADER_SCAN)):
        if any(cell.value not in (None, "") for cell in row):
            last = row[0].row
    return last


def write_into_template(template: Path, out: Path, columns: Sequence[ExportColumn], rows: Sequence[Sequence[Any]],
                        kind: str | None = None) -> int:
    """Fill the template's first sheet: our columns go under the template's headers that name them
    (or, when none does, under our own header written below its rows); fonts, fills, borders and
    number formats of the template's first data row are repeated down every row."""
    from openpyxl import load_workbook

    if sniff_format(template) != "zip":
        raise AccountDeskError(f"模板“{template.name}”不是 .xlsx 文件", f"the template '{template.name}' is not an .xlsx file")
    check_zip(template)
    try:
        workbook = load_workbook(template)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise AccountDeskError(f"无法读取模板“{template.name}”：{error}", f"cannot read the template '{template.name}': {error}") from None
    sheet = workbook.worksheets[0]
    header_row = _header_row(sheet)
    labels = [cell.value for cell in sheet[header_row]] if header_row else []
    mapping = header_labels_match([str(v) if v is not None else "" for v in labels], columns, kind)
    if not mapping:
        style_source = sheet[header_row] if header_row else ()
        header_row += 1
        for i, column in enumerate(columns):
            cell = sheet.cell(row=header_row, column=i + 1, value=column.label)
            if i < len(style_source) and style_source[i].has_style:
                cell._style = copy(style_source[i]._style)
        mapping = {i: i for i in range(len(columns))}
    samples = {}
    for position in mapping:
        sample = sheet.cell(row=header_row + 1, column=position + 1)
        samples[position] = copy(sample._style) if sample.has_style else None
    illegal = _illegal()
    for offset, values in enumerate(rows, start=1):
        row_number = header_row + offset
        for position, index in mapping.items():
            value = values[index]
            cell = sheet.cell(row=row_number, column=position + 1)
            if samples[position] is not None:
                cell._style = copy(samples[position])
            if value is None:
                cell.value = None
                continue
            if isinstance(value, str):
                value = illegal.sub("", value)
                cell.value = value
                if value and value[0] in _FORMULA_START:
                    cell.data_type = "s"  # text, never a formula
                    cell.quotePrefix = True
            else:
                cell.value = value
            kind = columns[index].type
            if kind in _FORMATS and not isinstance(value, str) and (
                samples[position] is None or cell.number_format == "General"
            ):
                cell.number_format = _FORMATS[kind]
    if sheet.freeze_panes is None:
        sheet.freeze_panes = f"A{header_row + 1}"
    if not sheet.auto_filter.ref and mapping:
        last_column = column_letter(max(mapping))
        sheet.auto_filter.ref = f"A{header_row}:{last_column}{header_row + max(len(rows), 1)}"
    data = io.BytesIO()
    workbook.save(data)
    write_whole_bytes(out, data.getvalue())
    return len(rows)
