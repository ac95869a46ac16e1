"""A public purchase log (the CDNOW sample shipped in the `Lifetimes` package) and its truth per customer.

CDNOW_master.txt holds 69,659 purchase lines of 23,570 CDNOW customers (January 1997 to June 1998):
customer id, date, number of CDs, dollar value. 255 lines repeat an earlier line exactly (the same
customer buying the same value twice on one day); each is a purchase of its own.

The file is not copied into this repository: it is read from an installed `Lifetimes` distribution
(`pip install --no-deps lifetimes==0.11.3` installs only its files, none of its numerical
dependencies), from a Lifetimes wheel, or from the file itself, whichever `ACCOUNTDESK_CDNOW` names.
The package is MIT-licensed; the data set itself comes from Fader and Hardie's research site and
carries no licence of its own, so it is used from the package rather than redistributed.
"""

from __future__ import annotations

import csv
import os
import zipfile
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from pathlib import Path

from .manager_book import LineTruth, data_rows

CDNOW_MEMBER = "lifetimes/datasets/CDNOW_master.txt"
CDNOW_LINES = 69_659
CDNOW_CUSTOMERS = 23_570
CDNOW_IDENTICAL_REPEATS = 255
PURCHASE_COLUMNS = ("客户编号", "客户名称", "日期", "数量", "金额")


def find_cdnow() -> Path | None:
    """Where the CDNOW log is: $ACCOUNTDESK_CDNOW (the .txt or a Lifetimes wheel), else the installed
    Lifetimes distribution; None when neither is there."""
    named = os.environ.get("ACCOUNTDESK_CDNOW")
    if named:
        path = Path(named)
        return path if path.exists() else None
    from importlib import metadata

    for name in ("Lifetimes", "lifetimes"):
        try:
            distribution = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        path = Path(str(distribution.locate_file(CDNOW_MEMBER)))
        if path.exists():
            return path
    return None


def cdnow_text(source: Path) -> str:
    if zipfile.is_zipfile(source):
        with zipfile.ZipFile(source) as wheel:
            return wheel.read(CDNOW_MEMBER).decode("ascii")
    return source.read_text(encoding="ascii")


def read_cdnow(source: Path | None = None) -> list[LineTruth]:
    """Every line of the log as a purchase (row 1 is the file's header line); raises FileNotFoundError
    when the log is not available (see find_cdnow)."""
    source = source or find_cdnow()
    if source is None:
        raise FileNotFoundError("CDNOW_master.txt: install Lifetimes (pip install --no-deps lifetimes==0.11.3) "
                                "or set ACCOUNTDESK_CDNOW")
    lines = cdnow_text(source).splitlines()
    truths = [LineTruth(1, "header", cells=tuple(lines[0].split()))]
    seen: dict[tuple[str, ...], int] = {}
    for number, text in enumerate(lines[1:], start=2):
        fields = tuple(text.split())
        if not fields:
            continue
        customer, day, quantity, dollars = fields
        truths.append(LineTruth(
            number, "data", customer_code=customer, customer=cdnow_customer_name(customer),
            occurred_on=date(int(day[:4]), int(day[4:6]), int(day[6:])), quantity=Decimal(quantity),
            amount_cents=int(Decimal(dollars) * 100), repeats=seen.get(fields), cells=fields,
        ))
        seen.setdefault(fields, number)
    return truths


def cdnow_customer_name(customer_id: str) -> str:
    return f"CDNOW {customer_id}"


def write_purchase_csv(out: Path, lines: Iterable[LineTruth]) -> Path:
    """The log as a manager would hand it over: one CSV row per purchase, customer code and name,
    ISO date, quantity and amount; the code keeps its leading zeros (it is text in a CSV)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(PURCHASE_COLUMNS)
        for line in data_rows(lines):
            assert line.occurred_on is not None and line.amount_cents is not None
            writer.writerow([line.customer_code, line.customer, line.occurred_on.isoformat(), line.quantity,
                             f"{Decimal(line.amount_cents) / 100:.2f}"])
    return out
