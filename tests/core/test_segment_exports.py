"""The customer export's classes: purchasing power, need type, frequency level (editable bands), RFM segment, region."""

from __future__ import annotations

import json
from datetime import date

import pytest

from accountdesk.core.archive import records as archive
from accountdesk.core.excel.exports.rows import export_json
from accountdesk.core.i18n import ValidationError
from accountdesk.core.tiering.regrade import regrade_all
from accountdesk.core.tiering.segments import frequency_bands, save_frequency_bands

TODAY = date(2026, 11, 20)


def buy_on_days(session, customer_id: int, days: int) -> None:
    for n in range(days):
        archive.add_transaction(session, customer_id, {"occurred_on": date(2026, 1 + n % 10, 1 + n // 10), "amount": "100"})


def exported(db, tmp_path) -> dict[str, dict]:
    out = tmp_path / "customers.json"
    with db.session() as session:
        export_json(session, "customers", out, TODAY)
    return {row["code"]: row for row in json.loads(out.read_text(encoding="utf-8"))}


def test_the_export_carries_each_customers_classes_as_codes(db, tmp_path):
    with db.write() as session:
        monthly = archive.create_customer(session, {"name": "月月采购", "code": "F1", "purchasing_power": "high",
                                                    "need_type": "quality", "region": "华东"}).id
        quarterly = archive.create_customer(session, {"name": "季度采购", "code": "F2", "need_type": "price"}).id
        once = archive.create_customer(session, {"name": "偶尔采购", "code": "F3"}).id
        archive.create_customer(session, {"name": "潜在客户", "code": "F4"})
        buy_on_days(session, monthly, 12)
        buy_on_days(session, quarterly, 4)
        buy_on_days(session, once, 1)
        regrade_all(session, TODAY)
    rows = exported(db, tmp_path)
    assert {code: row["frequency_level"] for code, row in rows.items()} == {
        "F1": "high", "F2": "mid", "F3": "low", "F4": None}  # never bought: unknown
    assert (rows["F1"]["purchasing_power"], rows["F1"]["need_type"]) == ("high", "quality")
    assert (rows["F2"]["purchasing_power"], rows["F2"]["need_type"]) == (None, "price")
    assert rows["F1"]["segment"] is not None and rows["F4"]["segment"] is None
    assert {code: row["region"] for code, row in rows.items()} == {"F1": "华东", "F2": None, "F3": None, "F4": None}
    with db.write() as session:
        save_frequency_bands(session, 20, 10)  # a team that calls only twice-monthly buyers frequent
    rows = exported(db, tmp_path)
    assert [rows[code]["frequency_level"] for code in ("F1", "F2", "F3")] == ["mid", "low", "low"]


def test_frequency_bands_must_rise(db):
    with db.write() as session, pytest.raises(ValidationError):
        save_frequency_bands(session, 4, 4)
    with db.session() as session:
        assert (frequency_bands(session).high_min_days, frequency_bands(session).mid_min_days) == (12, 4)
