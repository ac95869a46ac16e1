"""Exporting one kind of record to a workbook: .xlsx, .csv, or a company's own template."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from accountdesk.core.excel.exports import sources as export_sources
from accountdesk.core.excel.exports.templates import write_into_template
from accountdesk.core.excel.exports.writer import EXPORT_KINDS, write_table
from accountdesk.core.i18n import AccountDeskError
from accountdesk.core.storage.models import Customer


def export_workbook(session: Session, kind: str, path: Path | str, template: Path | str | None = None,
                    as_of: date | None = None) -> int:
    """Export one kind to .xlsx or .csv (into `template` when given); returns the data rows written."""
    if kind not in EXPORT_KINDS:
        raise AccountDeskError(f"无法导出“{kind}”", f"cannot export '{kind}'")
    as_of = as_of or date.today()
    title, columns, rows = export_sources.table_for(session, kind, as_of)
    if template is not None:
        return write_into_template(Path(template), Path(path), columns, rows, kind)
    return write_table(Path(path), title, columns, rows)


def export_customer_selection(session: Session, customer_ids: Sequence[int], path: Path | str,
                              as_of: date | None = None) -> int:
    """The customer export (.xlsx or .csv), only for the customers chosen in the list."""
    wanted: set[str] = set()
    ids = list(customer_ids)
    for start in range(0, len(ids), 500):
        wanted.update(session.scalars(select(Customer.code).where(Customer.id.in_(ids[start : start + 500]))))
    title, columns, rows = export_sources.customers_table(session, as_of or date.today())
    code_index = next(i for i, column in enumerate(columns) if column.key == "code")
    chosen = [row for row in rows if row[code_index] in wanted]
    return write_table(Path(path), title, columns, chosen)
