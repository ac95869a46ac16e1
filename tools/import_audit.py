"""Issue #15 audit: runs the current `accountdesk import` on the sheets managers keep and compares every
imported value with the truth the corpus knows, sheet by sheet and column by column.

    python tools/import_audit.py [--out tests/sheets/AUDIT.md] [--seed 1] [--keep DIR] [--no-cdnow]

Everything goes through the command line (the stable contract): `import … --dry-run --json`, the real
`import … --json`, `reminders` (which plans revisits), `retier`, `export customers|tiers OUT.json`.
What the export does not carry (contacts, birthdays, phones) is read from the database file itself,
read-only, by table name. The public purchase log needs Lifetimes (`pip install --no-deps lifetimes`);
without it that section says so.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from sheets.manager_book import (  # noqa: E402
    FORM_LABELS,
    MANAGER_COLUMNS,
    LineTruth,
    RowTruth,
    build_fxiaoke_customers,
    build_manager_list,
    build_sales_outbound,
    build_tier_sheet,
    build_zoho_accounts,
    build_zoho_contacts,
    data_rows,
    totals_by_customer,
)
from sheets.purchase_log import find_cdnow, read_cdnow, write_purchase_csv  # noqa: E402

TODAY = date(2026, 12, 3)


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# --- running the command line ------------------------------------------------------------------------


@dataclass
class Run:
    args: list[str]
    rc: int
    stdout: str
    stderr: str
    seconds: float

    @property
    def document(self) -> dict | list | None:
        try:
            return json.loads(self.stdout)
        except json.JSONDecodeError:
            return None


class Workspace:
    """A folder for the sheets, the databases and the app's own data (backups), away from the user's."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.env = dict(os.environ, ACCOUNTDESK_DATA_DIR=str(folder / "userdata"), ACCOUNTDESK_LANG="en")

    def cli(self, *args: str | Path) -> Run:
        argv = [str(a) for a in args]
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "accountdesk", *argv], capture_output=True, text=True,
                              env=self.env, cwd=self.folder)
        return Run(argv, done.returncode, done.stdout, done.stderr, time.perf_counter() - started)


@dataclass
class ImportRun:
    """What `import --json` said about each row."""

    run: Run
    errors: dict[int, list[str]] = field(default_factory=dict)  # row -> messages of the problems that reject it
    error_fields: dict[int, list[str | None]] = field(default_factory=dict)
    warnings: dict[int, list[str]] = field(default_factory=dict)
    duplicates: dict[int, str] = field(default_factory=dict)  # row -> note

    @classmethod
    def of(cls, run: Run) -> ImportRun:
        result = cls(run)
        document = run.document if isinstance(run.document, dict) else {}
        for problem in document.get("problems", []):
            target = result.warnings if problem.get("warning") else result.errors
            target.setdefault(problem["row"], []).append(problem["message_en"])
            if not problem.get("warning"):
                result.error_fields.setdefault(problem["row"], []).append(problem.get("field"))
        for duplicate in document.get("duplicates", []):
            result.duplicates[duplicate["row"]] = duplicate["note_en"] or ""
        return result

    @property
    def document(self) -> dict:
        document = self.run.document
        return document if isinstance(document, dict) else {}

    @property
    def counts(self) -> dict:
        return self.document.get("counts", {})

    @property
    def header_row(self) -> int | None:
        return self.document.get("mapping", {}).get("header_row")

    def mapping_text(self) -> str:
        mapping = self.document.get("mapping")
        if not mapping:
            return "—"
        pairs = [f"{v['column']} {v['header']} → {k}" for k, v in mapping["columns"].items()]
        ignored = [f"{v['column']} {v['header']}" for v in mapping["ignored"]]
        return (f"header row {mapping['header_row']}; " + "; ".join(pairs)
                + (f"; ignored: {', '.join(ignored)}" if ignored else ""))

    def outcome(self, row: int) -> str:
        if row in self.errors:
            return "rejected: " + self.errors[row][0]
        if row in self.duplicates:
            return "skipped as duplicate: " + self.duplicates[row]
        if self.failure():
            return "not read: the file was refused"
        if self.header_row is not None and row <= self.header_row:
            return f"not read: taken as part of the header (header ends on row {self.header_row})"
        return "imported"

    def failure(self) -> str | None:
        if self.run.rc != 0 or not self.document.get("ok", False):
            return self.document.get("error_en") or (self.run.stderr.strip() or self.run.stdout.strip())[:300]
        return None


# --- reading back ------------------------------------------------------------------------------------


def digits(text: object) -> str:
    return re.sub(r"\D", "", str(text or ""))


def mobile_key(text: object) -> str | None:
    found = digits(str(text or "").split("/")[0])
    if found.startswith("0086"):
        found = found[4:]
    elif found.startswith("86") and len(found) == 13:
        found = found[2:]
    return found or None


class Readback:
    """The database after an import: customers, contacts, interactions, custom values, and the export."""

    def __init__(self, database: Path, exported: list[dict] | None) -> None:
        connection = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
        connection.row_factory = sqlite3.Row
        try:
            tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")]
            self.customer_columns = [r[1] for r in connection.execute("PRAGMA table_info(customers)")]
            self.customers = [dict(r) for r in connection.execute("SELECT * FROM customers WHERE deleted_at IS NULL")]
            self.contacts: dict[int, list[dict]] = defaultdict(list)
            for r in connection.execute("SELECT * FROM contacts WHERE deleted_at IS NULL"):
                self.contacts[r["customer_id"]].append(dict(r))
            self.interactions: dict[int, list[dict]] = defaultdict(list)
            for r in connection.execute("SELECT * FROM interactions WHERE deleted_at IS NULL"):
                self.interactions[r["customer_id"]].append(dict(r))
            self.transactions: dict[int, list[dict]] = defaultdict(list)
            for r in connection.execute("SELECT * FROM transactions WHERE deleted_at IS NULL"):
                self.transactions[r["customer_id"]].append(dict(r))
            # Custom fields, once a table for them exists: any table with "custom" in its name and a
            # customer_id column; every text value in it counts as kept for that customer.
            self.custom: dict[int, list[str]] = defaultdict(list)
            self.custom_tables = []
            for table in tables:
                columns = [r[1] for r in connection.execute(f'PRAGMA table_info("{table}")')]
                if "custom" in table.lower() and "customer_id" in columns:
                    self.custom_tables.append(table)
                    for r in connection.execute(f'SELECT * FROM "{table}"'):
                        values = [str(v) for k, v in dict(r).items() if k != "customer_id" and v is not None]
                        self.custom[r["customer_id"]].extend(values)
            # Custom fields kept on the customer itself (a JSON column custom_fields, header -> text).
            for customer in self.customers:
                kept = customer.get("custom_fields")
                if kept:
                    self.custom[customer["id"]].extend(str(v) for v in json.loads(kept).values() if v is not None)
        finally:
            connection.close()
        self.by_name: dict[str, list[dict]] = defaultdict(list)
        self.by_code: dict[str, dict] = {}
        for customer in self.customers:
            for key in {customer.get("name"), customer.get("company")}:
                if key:
                    self.by_name[key].append(customer)
            self.by_code[customer["code"]] = customer
        self.exported_by_code = {row["code"]: row for row in exported or []}

    def customer(self, name: str | None, code: str | None = None) -> dict | None:
        if code and code in self.by_code and (name is None or name in {self.by_code[code].get("name"),
                                                                       self.by_code[code].get("company")}):
            return self.by_code[code]
        found = self.by_name.get(name or "")
        return found[0] if found else None

    def exported(self, customer: dict | None) -> dict:
        return self.exported_by_code.get(customer["code"], {}) if customer else {}

    def field_values(self, customer: dict) -> list[tuple[str, str]]:
        """Every stored text of a customer: (where, value), its own columns, its contacts' and custom ones."""
        values = [(f"customers.{k}", str(v)) for k, v in customer.items() if v not in (None, "")]
        for contact in self.contacts.get(customer["id"], []):
            values += [(f"contacts.{k}", str(v)) for k, v in contact.items() if v not in (None, "")]
        values += [("custom", v) for v in self.custom.get(customer["id"], [])]
        return values


# --- checks ------------------------------------------------------------------------------------------

RIGHT, WRONG, LOST = "right", "wrong", "lost"


@dataclass
class Check:
    """One column of one sheet: per row with a meant value, right / wrong / lost and why."""

    what: str
    results: list[tuple[str, str, str]] = field(default_factory=list)  # (status, cause, form)

    def add(self, status: str, cause: str = "", form: str = "") -> None:
        self.results.append((status, cause, form))

    def count(self, status: str) -> int:
        return sum(1 for s, _c, _f in self.results if s == status)

    def causes(self, status: str, limit: int = 3) -> str:
        counted = Counter(c for s, c, _f in self.results if s == status and c)
        return "; ".join(f"{cause} ({n})" for cause, n in counted.most_common(limit))

    def row(self) -> list[str]:
        problems = "; ".join(part for part in (self.causes(WRONG), self.causes(LOST)) if part)
        return [self.what, str(len(self.results)), str(self.count(RIGHT)), str(self.count(WRONG)),
                str(self.count(LOST)), problems or "—"]

    def by_form(self) -> list[list[str]]:
        forms: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for status, cause, form in self.results:
            forms[form].append((status, cause))
        out = []
        for form, items in forms.items():
            statuses = Counter(s for s, _c in items)
            causes = Counter(c for s, c in items if s != RIGHT and c)
            out.append([FORM_LABELS.get(form, form) or "—", str(len(items)), str(statuses[RIGHT]), str(statuses[WRONG]),
                        str(statuses[LOST]), "; ".join(f"{c} ({n})" for c, n in causes.most_common(2)) or "—"])
        return out


CHECK_HEADER = ["column", "rows", "as meant", "wrong", "lost", "why (most common)"]
FORM_HEADER = ["written as", "rows", "as meant", "wrong", "lost", "why (most common)"]


def table(header: list[str], rows: Iterable[list[str]]) -> str:
    rows = list(rows)
    if not rows:
        return "_(none)_\n"
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell.replace("|", "\\|").replace("\n", " ") for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _lost_cause(run: ImportRun, truth: RowTruth, customer: dict | None, column_cause: str) -> str:
    if customer is None:
        outcome = run.outcome(truth.row)
        return "row " + outcome if outcome != "imported" else "row missing after the import"
    return column_cause


def check_field(check: Check, run: ImportRun, truth: RowTruth, customer: dict | None, meant: object,
                stored: object, *, form: str = "", equal: Callable[[object, object], bool] | None = None,
                dropped: str = "column dropped") -> None:
    if meant is None:
        return
    equal = equal or (lambda a, b: a == b)
    if customer is None or stored in (None, ""):
        check.add(LOST, _lost_cause(run, truth, customer, dropped), form)
    elif equal(meant, stored):
        check.add(RIGHT, "", form)
    else:
        check.add(WRONG, f"stored {shape(stored)!r}", form)


def shape(value: object) -> str:
    """A stored value with its digits masked, so that wrong values of one kind count together
    ('C000001' and 'C000002' are both 'C999999')."""
    return re.sub(r"\d", "9", str(value))[:40]


def check_kept(check: Check, run: ImportRun, truth: RowTruth, owner: dict | None,
               values: list[tuple[str, str]], meant: str | None, *, form: str = "",
               normalise: Callable[[str], str] = lambda s: s.strip(),
               not_in: tuple[str, ...] = ("customers.address", "customers.notes", "contacts.notes")) -> None:
    """A value with no field of its own today: kept when some stored field (a column, a contact's,
    a custom field) of the record the row made (`owner`) holds exactly it."""
    if meant is None:
        return
    if owner is None:
        check.add(LOST, _lost_cause(run, truth, None, ""), form)
        return
    wanted = normalise(meant)
    holders = [where for where, value in values if normalise(value) == wanted]
    if holders:
        check.add(RIGHT, "", form)
    elif any(wanted and wanted in normalise(value) for where, value in values if where in not_in):
        check.add(LOST, "only inside the address/notes text", form)
    else:
        check.add(LOST, "column dropped", form)


def _contact_of(back: Readback, customer: dict | None, name: str | None) -> dict | None:
    if customer is None:
        return None
    contacts = back.contacts.get(customer["id"], [])
    named = [c for c in contacts if c.get("name") == name]
    return named[0] if named else (contacts[0] if contacts and name is None else None)


def _birthday_tuple(contact: dict) -> tuple:
    return (contact.get("birth_month"), contact.get("birth_day"), contact.get("birth_year"),
            contact.get("birth_calendar") == "lunar", bool(contact.get("birth_leap_month")))


def _money(value: object) -> Decimal | None:
    if value in (None, ""):
        return None
    return Decimal(str(value))


def _date(value: object) -> date | None:
    if value in (None, ""):
        return None
    return date.fromisoformat(str(value)[:10])


def _pick(records: list[dict | None], name: str) -> object:
    """The first of these records that has a value for `name` (a contact's before its customer's)."""
    return next((record[name] for record in records if record and record.get(name) not in (None, "")), None)


def audit_customer_rows(truths: list[RowTruth], run: ImportRun, back: Readback, *, person: bool = False
                        ) -> tuple[list[Check], dict]:
    """Column by column, for every data row that is a customer of its own; with `person`, every row is a
    contact person of the customer it names (a contacts export) and only the contact's fields count."""
    checks = {name: Check(name) for name in (
        "contact (row kept)" if person else "customer (row kept)", "code", "contact person → contact",
        "contact person as text on customer", "position", "mobile", "landline", "wechat", "email", "city",
        "region (province/state)", "address", "industry", "source", "owner", "birthday (on the contact)",
        "opening purchase amount", "first cooperation", "last visit → historic contact", "tier", "notes",
        "followers", "purchase frequency", "loyalty", "action plan", "other columns → custom fields")}
    for truth in data_rows(truths):
        if truth.duplicate_of is not None:
            continue
        customer = back.customer(truth.customer, truth.code)
        exported = back.exported(customer)
        contact = _contact_of(back, customer, truth.contact)
        forms = truth.forms
        if person:
            # The record the row makes is the contact; the customer's own fields are not the row's.
            record = contact
            values = [(f"contacts.{k}", str(v)) for k, v in (contact or {}).items() if v not in (None, "")]
            values += [("custom", v) for v in back.custom.get(customer["id"], [])] if customer and contact else []
            check_field(checks["contact (row kept)"], run, truth, contact, truth.contact, contact and contact["name"])
        else:
            record = customer
            values = back.field_values(customer) if customer else []
            if customer is None:
                checks["customer (row kept)"].add(LOST, "row " + run.outcome(truth.row))
            else:
                checks["customer (row kept)"].add(RIGHT)
            check_field(checks["code"], run, truth, customer, truth.code, customer and customer.get("code"))
            if truth.contact:
                if contact is not None:
                    checks["contact person → contact"].add(RIGHT)
                elif customer is None:
                    checks["contact person → contact"].add(LOST, _lost_cause(run, truth, None, ""))
                elif customer.get("contact_person") == truth.contact:
                    checks["contact person → contact"].add(LOST, "no contact made (name kept as customer text)")
                else:
                    checks["contact person → contact"].add(LOST, "no contact made")
                check_field(checks["contact person as text on customer"], run, truth, customer, truth.contact,
                            customer.get("contact_person") if customer else None)
        sources = [contact] if person else [contact, customer]

        check_field(checks["position"], run, truth, record, truth.position, _pick(sources, "position"))
        check_field(checks["mobile"], run, truth, record, truth.phone, _pick(sources, "phone"), form=forms.get("手机", ""),
                    equal=lambda a, b: mobile_key(a) == mobile_key(b))
        check_kept(checks["landline"], run, truth, record, values, truth.landline, form=forms.get("座机", ""),
                   normalise=digits)
        # A WeChat "同手机" means the mobile: the phone column holding that number is not the WeChat kept.
        check_kept(checks["wechat"], run, truth, record, [(k, v) for k, v in values if not k.endswith(".phone")],
                   truth.wechat, form=forms.get("微信", ""))
        check_field(checks["email"], run, truth, record, truth.email, _pick(sources, "email"))
        check_kept(checks["city"], run, truth, record, values, truth.city)
        check_kept(checks["region (province/state)"], run, truth, record, values, truth.region)
        if person:
            check_kept(checks["address"], run, truth, record, values, truth.address)
            check_kept(checks["source"], run, truth, record, values, truth.source)
            check_kept(checks["owner"], run, truth, record, values, truth.owner)
        else:
            check_field(checks["address"], run, truth, customer, truth.address, _pick(sources, "address"))
            check_field(checks["source"], run, truth, customer, truth.source, _pick(sources, "source"))
            check_field(checks["owner"], run, truth, customer, truth.owner, exported.get("owner"),
                        dropped="owner left unset (not a team member)")
        check_field(checks["industry"], run, truth, customer, truth.industry, customer and customer.get("industry"))
        if truth.birthday is not None:
            form = forms.get("生日", "")
            meant = truth.birthday.as_tuple()
            check = checks["birthday (on the contact)"]
            if contact is not None and contact.get("birth_month"):
                if _birthday_tuple(contact) == meant:
                    check.add(RIGHT, "", form)
                else:
                    check.add(WRONG, f"contact has {_birthday_tuple(contact)}", form)
            elif customer is not None and customer.get("birthday") and not person:
                stored = _date(customer["birthday"])
                year_note = "" if stored and stored.year == truth.birthday.year else f", year {stored.year} invented"
                check.add(WRONG, "put on the company (customers.birthday)" + year_note, form)
            elif record is None:
                check.add(LOST, _lost_cause(run, truth, None, ""), form)
            else:
                check.add(LOST, "not stored", form)
        check_field(checks["opening purchase amount"], run, truth, customer,
                    None if truth.amount_cents is None else Decimal(truth.amount_cents) / 100,
                    _money(exported.get("total_spend")) or None, form=forms.get("年采购额(万元)", ""),
                    dropped="no purchase figure (¥0)")
        check_field(checks["first cooperation"], run, truth, customer, truth.since,
                    _date(customer and customer.get("cooperation_since")), form=forms.get("首次合作", ""))
        check_field(checks["last visit → historic contact"], run, truth, customer, truth.last_visit,
                    _date(exported.get("last_interaction")), form=forms.get("最近拜访", ""),
                    dropped="no interaction (never contacted)")
        check_field(checks["tier"], run, truth, customer, truth.tier, exported.get("tier"), dropped="ungraded")
        check_field(checks["notes"], run, truth, record, truth.notes, _pick(sources, "notes"),
                    equal=lambda a, b: str(a) in str(b))
        check_field(checks["followers"], run, truth, customer, truth.followers,
                    customer and customer.get("followers") or None)
        check_kept(checks["purchase frequency"], run, truth, record, values,
                   {"high": "高", "mid": "中", "low": "低"}.get(truth.frequency or ""))
        check_kept(checks["loyalty"], run, truth, record, values, truth.loyalty)
        check_kept(checks["action plan"], run, truth, record, values, truth.action_plan)
        for header, value in truth.custom.items():
            check_kept(checks["other columns → custom fields"], run, truth, record, values, value, form=header)
    used = [check for check in checks.values() if check.results]
    return used, checks


def audit_rows(truths: list[RowTruth], run: ImportRun, back: Readback) -> dict:
    """Rows: lost and why, duplicates caught or missed, false duplicates, non-data rows made customers."""
    data = data_rows(truths)
    meant_names = {t.customer for t in data}
    distinct = [t for t in data if t.duplicate_of is None]
    lost = Counter()
    for truth in distinct:
        if back.customer(truth.customer, truth.code) is None:
            lost[run.outcome(truth.row)] += 1
    duplicates = [t for t in data if t.duplicate_of is not None]
    caught = [t for t in duplicates if t.row in run.duplicates]
    rejected_dups = [t for t in duplicates if t.row in run.errors]
    made_twice = [t for t in duplicates if len(back.by_name.get(t.customer or "", [])) > 1]
    false_duplicates = [(t.row, t.customer, run.duplicates[t.row]) for t in distinct if t.row in run.duplicates]
    strangers = sorted({c["name"] for c in back.customers} - meant_names - {None})
    non_data = [t for t in truths if t.kind != "data"]
    non_data_read = [(t.row, t.kind, run.outcome(t.row)) for t in non_data
                     if t.row in run.errors or t.row in run.duplicates]
    return dict(data=len(data), distinct=len(distinct), customers=len(back.customers), lost=lost,
                duplicates=len(duplicates), caught=len(caught), rejected_dups=len(rejected_dups),
                made_twice=len(made_twice), false_duplicates=false_duplicates, strangers=strangers,
                non_data_read=non_data_read)


def rows_section(rows: dict) -> str:
    lines = [
        f"- data rows in the sheet: {rows['data']} ({rows['distinct']} customers, {rows['duplicates']} duplicate rows); "
        f"customers in the database after the import: {rows['customers']}",
        f"- customers lost: {sum(rows['lost'].values())}"
        + "".join(f"\n  - {n} × {why}" for why, n in rows["lost"].most_common(8)),
        f"- duplicate rows: {rows['duplicates']}; caught as duplicates: {rows['caught']}; rejected for another "
        f"reason: {rows['rejected_dups']}; imported as a second customer: {rows['made_twice']}",
        f"- false duplicates (a customer of its own skipped as a duplicate): {len(rows['false_duplicates'])}"
        + "".join(f"\n  - row {r}: {name} — {note}" for r, name, note in rows["false_duplicates"]),
    ]
    if rows["non_data_read"]:
        lines.append("- title/header/footer rows read as data: "
                     + "; ".join(f"row {r} ({kind}) {what}" for r, kind, what in rows["non_data_read"]))
    if rows["strangers"]:
        lines.append(f"- customers that are no customer of the sheet: {len(rows['strangers'])} — "
                     + ", ".join(repr(s) for s in rows["strangers"][:8]))
    return "\n".join(lines) + "\n"


# --- the sheets ---------------------------------------------------------------------------------------


@dataclass
class Section:
    title: str
    text: str
    brief: list[str] = field(default_factory=list)


def import_both(ws: Workspace, kind: str, sheet: Path, database: Path, *extra: str) -> tuple[ImportRun, ImportRun]:
    dry = ImportRun.of(ws.cli("import", kind, sheet, "--db", database, "--dry-run", "--json", *extra))
    real = ImportRun.of(ws.cli("import", kind, sheet, "--db", database, "--json", *extra))
    return dry, real


def export_customers(ws: Workspace, database: Path, kind: str = "customers") -> list[dict]:
    out = database.with_suffix(f".{kind}.json")
    run = ws.cli("export", kind, out, "--db", database, "--as-of", TODAY.isoformat())
    if run.rc != 0:
        raise RuntimeError(f"export failed: {run.stderr}")
    return json.loads(out.read_text(encoding="utf-8"))


def run_line(label: str, run: ImportRun) -> str:
    counts = run.counts
    failure = run.failure()
    shown = ", ".join(f"{k} {v}" for k, v in counts.items()) if counts else "—"
    return (f"- {label}: exit {run.run.rc}; {shown}" + (f"; refused: {failure}" if failure else "")
            + f" ({run.run.seconds:.1f} s)\n")


def customers_report(title: str, truths: list[RowTruth], dry: ImportRun, real: ImportRun, back: Readback,
                     *, by_form: tuple[str, ...] = ()) -> tuple[str, list[Check], dict, dict[str, Check]]:
    checks, named = audit_customer_rows(truths, real, back)
    rows = audit_rows(truths, real, back)
    text = [f"## {title}\n", run_line("dry run", dry), run_line("import", real),
            f"- mapping: {real.mapping_text()}\n", "\n### Rows\n\n", rows_section(rows),
            "\n### Columns\n\n", table(CHECK_HEADER, (c.row() for c in checks))]
    for name in by_form:
        if named[name].results:
            text += [f"\n#### {name}, by how the cell was written\n\n", table(FORM_HEADER, named[name].by_form())]
    return "".join(text), checks, rows, named


def audit_manager_list(ws: Workspace, seed: int) -> Section:
    log("hand-kept list …")
    sheet = ws.folder / "manager_list.xlsx"
    truths = build_manager_list(sheet, seed)
    database = ws.folder / "manager_list.accountdesk"
    dry, real = import_both(ws, "customers", sheet, database)
    planned = ws.cli("reminders", "--db", database, "--date", TODAY.isoformat(), "--json")
    exported = export_customers(ws, database)
    back = Readback(database, exported)
    text, _checks, rows, named = customers_report(
        "a) The hand-kept customer list (300 rows, titles, merged cells, 合计)", truths, dry, real, back,
        by_form=("birthday (on the contact)", "opening purchase amount", "mobile", "landline",
                 "last visit → historic contact", "first cooperation"))
    revisits = Counter(row["next_revisit"] for row in exported if row.get("next_revisit"))
    busiest = revisits.most_common(1)[0] if revisits else (None, 0)
    tiers = Counter(row.get("tier") or "—" for row in exported)
    retier = ws.cli("retier", "--db", database, "--as-of", TODAY.isoformat(), "--json")
    after = Counter(row.get("tier") or "—" for row in export_customers(ws, database))
    totals = Counter(("¥0" if not _money(row.get("total_spend")) else "spend > 0") for row in exported)
    never = sum(1 for row in exported if not row.get("last_interaction"))
    text += ("\n### The book after the import\n\n"
             f"- tiers after the import: {dict(tiers)}; after `retier`: {dict(after)} (retier exit {retier.rc})\n"
             f"- purchase figures: {dict(totals)}; customers never contacted: {never} of {len(exported)}\n"
             f"- next revisits after `reminders --date {TODAY}` (exit {planned.rc}): {len(revisits)} distinct "
             f"day(s); busiest {busiest[0]} with {busiest[1]} customers\n")
    contacts_export = ws.cli("export", "contacts", ws.folder / "contacts.json", "--db", database)
    if contacts_export.rc != 0:
        said = (contacts_export.stderr.strip().splitlines() or ["?"])[-1]
        text += (f"- `export contacts OUT.json` (in DESIGN.md's contract) exit {contacts_export.rc}: {said}; contacts "
                 "and birthdays above are read from the database file\n")
    birthday = named["birthday (on the contact)"]
    amount = named["opening purchase amount"]
    contact = named["contact person → contact"]
    lost_rows = [t for t in data_rows(truths) if t.duplicate_of is None and back.customer(t.customer) is None]
    solar_only = [t for t in lost_rows if any(m.startswith("a customer's birthday needs") for m in real.errors.get(t.row, []))]
    unreadable = [t for t in lost_rows if t not in solar_only and "birthday" in real.error_fields.get(t.row, [])]
    skipped = [t for t in lost_rows if t.row in real.duplicates]
    other = Counter(real.outcome(t.row) for t in lost_rows if t not in solar_only and t not in unreadable
                    and t not in skipped)
    birthday_column = MANAGER_COLUMNS.index("生日")
    brief = [
        f"Hand-kept list: {len(lost_rows)} of {rows['distinct']} customers lost (exit {real.run.rc}): "
        f"{len(solar_only)} because a customer's birthday must be a full solar date (3月12日, 农历八月十五, 阴历腊月初八, "
        f"农历闰四月初三 …), {len(unreadable)} whose birthday text the parser cannot read ("
        + ", ".join(dict.fromkeys(str(t.cells[birthday_column]) for t in unreadable)) + f"), {len(skipped)} "
        "skipped as a duplicate of another customer" + "".join(f", {n} {why}" for why, n in other.items()) + ".",
        f"Birthdays: {birthday.count(RIGHT)} of {len(birthday.results)} on a contact as meant; "
        f"{birthday.count(WRONG)} put on the company; {birthday.count(LOST)} lost.",
        f"Contacts: {contact.count(RIGHT)} of {len(contact.results)} contact persons became a contact "
        f"(contacts table: {sum(len(v) for v in back.contacts.values())} rows).",
        f"Landline/city/WeChat kept: {named['landline'].count(RIGHT)}/{len(named['landline'].results)}, "
        f"{named['city'].count(RIGHT)}/{len(named['city'].results)}, "
        f"{named['wechat'].count(RIGHT)}/{len(named['wechat'].results)}; amounts as opening purchases "
        f"{amount.count(RIGHT)}/{len(amount.results)}; last visits as contacts "
        f"{named['last visit → historic contact'].count(RIGHT)}/{len(named['last visit → historic contact'].results)}.",
        f"Duplicates: {rows['caught']} of {rows['duplicates']} caught ({rows['rejected_dups']} rejected for their "
        f"birthday instead, {rows['made_twice']} made twice); false duplicates: {len(rows['false_duplicates'])} "
        f"({'; '.join(str(n) for _r, n, _note in rows['false_duplicates'])}).",
        f"Revisits: {busiest[1]} of {len(revisits)and sum(revisits.values())} planned on {busiest[0]}; tiers after "
        f"import {dict(tiers)}, after retier {dict(after)}.",
    ]
    if rows["non_data_read"]:
        brief.append("Non-data rows read as data: " + "; ".join(f"row {r} ({k})" for r, k, _w in rows["non_data_read"]))
    return Section("manager", text, brief)


def audit_manager_amounts(ws: Workspace, seed: int) -> Section:
    """The list's 年采购额(万元) cells, exactly as written, imported the one way the app takes amounts
    today (as transactions under a 金额(万元) header): where units are applied twice."""
    log("amounts as transactions …")
    import openpyxl

    truths = build_manager_list(ws.folder / "manager_list_again.xlsx", seed)
    column = MANAGER_COLUMNS.index("年采购额(万元)")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["客户名称", "日期", "金额(万元)"])
    wanted = [t for t in data_rows(truths) if t.duplicate_of is None and t.amount_cents is not None]
    for truth in wanted:
        sheet.append([truth.customer, date(2026, 1, 2), truth.cells[column]])
    path = ws.folder / "manager_amounts.xlsx"
    workbook.save(path)
    database = ws.folder / "manager_amounts.accountdesk"
    real = ImportRun.of(ws.cli("import", "transactions", path, "--db", database, "--create-customers", "--json"))
    back = Readback(database, export_customers(ws, database))
    check = Check("amount")
    examples: dict[object, str] = {}
    for offset, truth in enumerate(wanted):
        row = offset + 2
        customer = back.customer(truth.customer)
        stored = _money(back.exported(customer).get("total_spend"))
        meant = Decimal(truth.amount_cents or 0) / 100
        form = truth.forms["年采购额(万元)"]
        if truth.cells[column] in ("544.7万", "1502000元", "约684万"):
            examples[truth.cells[column]] = f"¥{stored:,}" if customer is not None and stored else real.outcome(row)
        if customer is None or not stored:
            check.add(LOST, "row " + real.outcome(row), form)
        elif stored == meant:
            check.add(RIGHT, "", form)
        elif stored == meant * 10000:
            check.add(WRONG, "unit applied twice (×10,000)", form)
        else:
            check.add(WRONG, f"stored {stored} for {meant}", form)
    text = ("## The 年采购额(万元) cells as the app takes amounts today (transactions, 金额(万元))\n\n"
            "The list's amount column has no customer field, so the customer import drops it (above). The only "
            "way an amount enters today is a transaction; these are the same cells under a 金额(万元) header.\n\n"
            + run_line("import", real) + "\n" + table(FORM_HEADER, check.by_form()))
    twice = sum(1 for s, c, _f in check.results if c.startswith("unit applied twice"))
    brief = [f"Money: of {len(check.results)} amounts taken as transactions under 金额(万元), {check.count(RIGHT)} "
             f"exact, {twice} scaled twice, {check.count(LOST)} refused ("
             + "; ".join(f"“{cell}” → {what}" for cell, what in examples.items()) + ")."]
    return Section("amounts", text, brief)


def audit_tier_sheet(ws: Workspace) -> Section:
    log("tier sheet …")
    sheet = ws.folder / "tier_sheet.xlsx"
    truths = build_tier_sheet(sheet)
    database = ws.folder / "tier_sheet.accountdesk"
    dry, real = import_both(ws, "customers", sheet, database)
    retier = ws.cli("retier", "--db", database, "--as-of", TODAY.isoformat(), "--json")
    back = Readback(database, export_customers(ws, database))
    text, _checks, rows, named = customers_report("b) The method's tier sheet (客户分级管理表格, two rows)", truths,
                                                  dry, real, back)
    text += f"\n- `retier` exit {retier.rc}; tiers now: " + (", ".join(
        f"{c['name']} {back.exported(c).get('tier') or '—'}" for c in back.customers) or "no customers") + "\n"
    kept = named["customer (row kept)"]
    brief = [f"Tier sheet: {kept.count(RIGHT)} of 2 rows imported, exit {real.run.rc}: "
             + "; ".join(f"{t.customer} {real.outcome(t.row)}" for t in data_rows(truths)) + "."]
    return Section("tier", text, brief)


def audit_own_tier_export(ws: Workspace) -> Section:
    """AccountDesk's own tier export (`export tiers X.xlsx`) imported into an empty database: from the
    imported hand-kept list (graded by retier) and from the book of its amounts (with spend)."""
    log("own tier export …")
    text = ["## AccountDesk's own tier export, imported again\n"]
    brief = []
    for label, source in (("the hand-kept list after import and retier", "manager_list"),
                          ("the book made of the list's amounts (spend > 0)", "manager_amounts")):
        database_from = ws.folder / f"{source}.accountdesk"
        if source == "manager_amounts":
            ws.cli("retier", "--db", database_from, "--as-of", TODAY.isoformat())
        exported_sheet = ws.folder / f"own_tiers_{source}.xlsx"
        run = ws.cli("export", "tiers", exported_sheet, "--db", database_from, "--as-of", TODAY.isoformat())
        before = export_customers(ws, database_from)
        database = ws.folder / f"own_tiers_{source}.accountdesk"
        real = ImportRun.of(ws.cli("import", "customers", exported_sheet, "--db", database, "--json"))
        after = export_customers(ws, database) if database.exists() else []
        back = Readback(database, after) if database.exists() else None
        again = {row["name"]: back.exported(back.customer(row["name"])) for row in before
                 if back and back.customer(row["name"])}
        same_tier = sum(1 for row in before if row["name"] in again and again[row["name"]].get("tier") == row.get("tier"))
        with_spend = [row for row in before if _money(row.get("total_spend"))]
        same_spend = sum(1 for row in with_spend if row["name"] in again
                         and _money(again[row["name"]].get("total_spend")) == _money(row.get("total_spend")))
        strangers = sorted({c["name"] for c in back.customers} - {row["name"] for row in before}) if back else []
        errors = Counter(shape(m) for ms in real.errors.values() for m in ms[:1])
        text.append(
            f"\n### From {label}\n\n- `export tiers` exit {run.rc}: {len(before)} customers\n" + run_line("import", real)
            + f"- mapping: {real.mapping_text()}\n"
            + f"- rejected: {sum(errors.values())}" + "".join(f"\n  - {n} × {why}" for why, n in errors.most_common(4))
            + f"\n- customers: {len(before)} exported, {len(after)} made, {len(again)} of them found again (as name or company); "
            f"same tier {same_tier}; of {len(with_spend)} with spend, same total spend {same_spend}\n"
            + (f"- names that are no customer of the book: {len(strangers)} — {', '.join(strangers[:6])}\n"
               if strangers else ""))
        brief.append(f"Own tier export of {label}, imported again: {len(again)} of {len(before)} customers back"
                     + (f", {sum(errors.values())} rejected (e.g. {errors.most_common(1)[0][0]})" if errors else "")
                     + (f", names taken from another column ({', '.join(strangers[:3])})" if strangers else "")
                     + f"; tier kept {same_tier}; spend kept {same_spend} of {len(with_spend)}.")
    return Section("own", "".join(text), brief)


def audit_zoho(ws: Workspace, seed: int) -> Section:
    log("Zoho …")
    accounts_sheet, contacts_sheet = ws.folder / "zoho_accounts.csv", ws.folder / "zoho_contacts.csv"
    accounts = build_zoho_accounts(accounts_sheet, seed)
    contacts = build_zoho_contacts(contacts_sheet, seed)
    database = ws.folder / "zoho.accountdesk"
    dry, real = import_both(ws, "customers", accounts_sheet, database)
    contacts_dry, contacts_real = import_both(ws, "contacts", contacts_sheet, database)
    back = Readback(database, export_customers(ws, database))
    text, _c, rows, named = customers_report("c) Zoho CRM Accounts export (CSV)", accounts, dry, real, back)
    contact_checks, contact_named = audit_customer_rows(contacts, contacts_real, back, person=True)
    made = contact_named["contact (row kept)"]
    text += ("\n## c) Zoho CRM Contacts export (CSV), into the same database\n\n" + run_line("dry run", contacts_dry)
             + run_line("import", contacts_real) + f"- mapping: {contacts_real.mapping_text()}\n\n"
             + table(CHECK_HEADER, (c.row() for c in contact_checks)))
    kept = named["customer (row kept)"]
    name_column = real.document.get("mapping", {}).get("columns", {}).get("name", {}).get("header")
    brief = [f"Zoho Accounts: {kept.count(RIGHT)} of {len(kept.results)} accounts imported; header read as rows "
             f"{real.header_row and real.header_row - 1}–{real.header_row}, the customer name taken from the column "
             f"headed {name_column!r} (customers made: {', '.join(rows['strangers']) or '—'}), "
             f"{len(rows['false_duplicates'])} accounts skipped as 'same name'. Contacts: {made.count(RIGHT)} of "
             f"{len(made.results)} ({contacts_real.failure() or 'imported'})."]
    return Section("zoho", text, brief)


def audit_fxiaoke(ws: Workspace, seed: int) -> Section:
    log("纷享销客 …")
    sheet = ws.folder / "fxiaoke_customers.xlsx"
    truths = build_fxiaoke_customers(sheet, seed)
    database = ws.folder / "fxiaoke.accountdesk"
    dry, real = import_both(ws, "customers", sheet, database)
    back = Readback(database, export_customers(ws, database))
    text, _c, rows, named = customers_report("c) 纷享销客 customer export (.xlsx)", truths, dry, real, back)
    tier = named["tier"]
    brief = [f"纷享销客: {named['customer (row kept)'].count(RIGHT)} of {len(truths) - 1} customers; tier as meant "
             f"{tier.count(RIGHT)}/{len(tier.results)} ({tier.causes(WRONG, 2) or tier.causes(LOST, 2)}); owner "
             f"{named['owner'].count(RIGHT)}/{len(named['owner'].results)}; last follow-up as contact "
             f"{named['last visit → historic contact'].count(RIGHT)}/{len(named['last visit → historic contact'].results)}."]
    return Section("fxiaoke", text, brief)


def purchases_report(title: str, lines: list[LineTruth], real: ImportRun, exported: list[dict],
                     back: Readback | None) -> tuple[str, dict]:
    """Per customer: lines and total as in the file, against what the export says."""
    truth = totals_by_customer(lines)
    by_code = {row["code"]: row for row in exported}
    by_name = {row["name"]: row for row in exported}
    names = {line.customer_code or line.customer: line.customer for line in data_rows(lines)}
    codes = {line.customer_code or line.customer: line.customer_code for line in data_rows(lines)}
    right = wrong_count = wrong_total = missing = 0
    lines_short = 0
    for key, totals in truth.items():
        row = by_code.get(codes[key] or "") or by_name.get(names[key] or "")
        if row is None:
            missing += 1
            lines_short += totals.count
            continue
        count = row.get("purchase_count") or 0
        total = _money(row.get("total_spend")) or Decimal(0)
        lines_short += totals.count - count
        if count == totals.count and total == totals.amount:
            right += 1
        else:
            wrong_count += count != totals.count
            wrong_total += total != totals.amount
    data = data_rows(lines)
    repeats = [line for line in data if line.repeats is not None]
    repeats_skipped = sum(1 for line in repeats if line.row in real.duplicates)
    other_skipped = sum(1 for line in data if line.row in real.duplicates and line.repeats is None)
    errors = Counter(real.errors[line.row][0] for line in data if line.row in real.errors)
    non_data = [line for line in lines if line.kind not in ("data", "header", "title")]
    non_data_read = sum(1 for line in non_data if line.row in real.errors or line.row in real.duplicates)
    stored_lines = sum(row.get("purchase_count") or 0 for row in exported)
    quantity_note = ""
    if back is not None:
        quantity_right = 0
        for key, totals in truth.items():
            customer = back.customer(names[key], codes[key])
            stored = sum(Decimal(str(t.get("quantity") or 0)) for t in back.transactions.get(customer["id"], [])) \
                if customer else None
            quantity_right += stored == totals.quantity
        quantity_note = f"- quantities per customer as in the file: {quantity_right} of {len(truth)}\n"
    text = (f"## {title}\n\n" + run_line("import", real) + f"- mapping: {real.mapping_text()}\n"
            f"- lines in the file: {len(data)} for {len(truth)} customers; lines stored: {stored_lines}; "
            f"customers in the export: {len(exported)}\n"
            f"- identical lines (a purchase repeated): {len(repeats)}; skipped as duplicates: {repeats_skipped}; "
            f"other lines skipped as duplicates: {other_skipped}\n"
            f"- lines rejected: {sum(errors.values())}" + "".join(f"\n  - {n} × {why}" for why, n in errors.most_common(5))
            + f"\n- subtotal/footer rows: {len(non_data)}; read as lines: {non_data_read}\n"
            f"- customers whose count and total equal the file's: {right} of {len(truth)}; count differs "
            f"{wrong_count}; total differs {wrong_total}; missing {missing}\n" + quantity_note)
    return text, dict(right=right, customers=len(truth), lines=len(data), repeats=len(repeats),
                      repeats_skipped=repeats_skipped, rejected=sum(errors.values()), missing=missing,
                      wrong_count=wrong_count, wrong_total=wrong_total, failure=real.failure())


def audit_sales_outbound(ws: Workspace, seed: int) -> Section:
    log("金蝶/用友 …")
    sheet = ws.folder / "sales_outbound.xlsx"
    lines = build_sales_outbound(sheet, seed)
    database = ws.folder / "sales_outbound.accountdesk"
    real = ImportRun.of(ws.cli("import", "transactions", sheet, "--db", database, "--create-customers", "--json"))
    exported = export_customers(ws, database) if database.exists() else []
    text, facts = purchases_report("c) 金蝶/用友 销售出库明细 (.xlsx, transactions)", lines, real, exported,
                                   Readback(database, exported) if database.exists() else None)
    brief = [f"销售出库明细: {facts['right']} of {facts['customers']} customers with the file's count and total; "
             f"{facts['rejected']} of {facts['lines']} lines rejected; identical lines skipped "
             f"{facts['repeats_skipped']} of {facts['repeats']}" + (f"; refused: {facts['failure']}" if facts["failure"] else "")
             + "."]
    return Section("outbound", text, brief)


def audit_cdnow(ws: Workspace) -> Section:
    source = find_cdnow()
    if source is None:
        return Section("cdnow", "## d) Public purchase log (CDNOW)\n\nLifetimes is not installed "
                       "(`pip install --no-deps lifetimes==0.11.3`); not audited.\n", [])
    log("CDNOW (69,659 lines; a few minutes) …")
    lines = read_cdnow(source)
    sheet = write_purchase_csv(ws.folder / "cdnow.csv", lines)
    database = ws.folder / "cdnow.accountdesk"
    real = ImportRun.of(ws.cli("import", "transactions", sheet, "--db", database, "--create-customers", "--json"))
    exported = export_customers(ws, database) if database.exists() else []
    text, facts = purchases_report("d) Public purchase log: CDNOW_master.txt (Lifetimes 0.11.3), as CSV", lines, real,
                                   exported, None)
    brief = [f"CDNOW: {facts['repeats_skipped']} of {facts['repeats']} identical lines skipped as duplicates; "
             f"{facts['right']} of {facts['customers']} customers with the file's count and total "
             f"({facts['wrong_count']} counts and {facts['wrong_total']} totals differ)."]
    return Section("cdnow", text, brief)


# --- what the reader hands over ----------------------------------------------------------------------


def probe_reader(folder: Path) -> Section:
    """What python-calamine gives for the cells these sheets hold (the importer sees nothing else)."""
    from importlib import metadata

    import openpyxl
    import python_calamine

    path = folder / "probe.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    samples = [
        ("mobile typed as a number", 13812345678, None),
        ("numeric text '544.7'", "544.7", None),
        ("Excel date", date(1985, 3, 12), "yyyy-mm-dd"),
        ("Excel date-time at midnight", datetime(2025, 3, 8), "yyyy-mm-dd hh:mm"),
        ("Excel date-time 14:30", datetime(2025, 3, 8, 14, 30), "yyyy-mm-dd hh:mm"),
        ("'3月12日' typed into Excel (a date of the typing year, format m月d日)", date(2025, 3, 12), 'm"月"d"日"'),
        ("number shown as '1,502,000元' by its format", 1502000, '#,##0"元"'),
        ("number shown as '544.7万' by its format", 544.7, '0.0"万"'),
        ("date serial without a date format", 31118, None),
        ("18-digit number (ID card typed as a number)", 110101198503121234, None),
        ("formula =SUM(…) saved without a cached value", "=SUM(1,2)", None),
        ("TRUE", True, None),
    ]
    for row, (_label, value, number_format) in enumerate(samples, start=1):
        cell = sheet.cell(row=row, column=2, value=value)
        if number_format:
            cell.number_format = number_format
    sheet.cell(row=1, column=4, value="merged D1:E2")
    sheet.merge_cells("D1:E2")
    workbook.save(path)
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    read = book.get_sheet_by_index(0)
    rows = read.to_python(skip_empty_area=False)
    out = []
    for row, (label, value, number_format) in enumerate(samples):
        got = rows[row][1]
        out.append([label, repr(value) + (f" `{number_format}`" if number_format else ""),
                    f"{type(got).__name__} {got!r}"])
    merged = read.merged_cell_ranges
    def cell(r: int, c: int) -> object:
        return rows[r][c] if r < len(rows) and c < len(rows[r]) else "(beyond the row's end)"

    covered = [cell(0, 4), cell(1, 3), cell(1, 4)]
    text = ("## What python-calamine hands the importer\n\n"
            f"python-calamine {metadata.version('python-calamine')}, `to_python(skip_empty_area=False)`:\n\n"
            + table(["cell", "written (openpyxl)", "read"], out)
            + f"\n- merged D1:E2: `merged_cell_ranges` = {merged}; the covered cells read {covered!r} "
              "(only the top-left cell holds the value; the reader spreads it, `headers.fill_merged`)\n"
            "- empty cells read as `''`, never `None`; with the default `skip_empty_area=True` leading empty rows "
            "and columns are dropped and row numbers shift\n"
            "- number formats are not exposed: a unit shown only by a cell's format (\"元\", \"万\") or a date "
            "shown as m月d日 cannot be seen through calamine\n")
    return Section("reader", text)


# --- the report ---------------------------------------------------------------------------------------


def git_head() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="write the Markdown report here (default: print it)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="keep the sheets and databases in this folder")
    parser.add_argument("--no-cdnow", action="store_true", help="skip the 69,659-line public purchase log")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="import-audit-") as scratch:
        ws = Workspace(args.keep or Path(scratch))
        started = time.perf_counter()
        sections = [
            audit_manager_list(ws, args.seed),
            audit_manager_amounts(ws, args.seed),
            audit_own_tier_export(ws),
            audit_tier_sheet(ws),
            audit_zoho(ws, args.seed),
            audit_fxiaoke(ws, args.seed),
            audit_sales_outbound(ws, args.seed),
        ]
        if not args.no_cdnow:
            sections.append(audit_cdnow(ws))
        sections.append(probe_reader(ws.folder))
        seconds = time.perf_counter() - started
    brief = [line for section in sections for line in section.brief]
    report = (
        "# Import audit: the sheets managers keep (issue #15)\n\n"
        f"What the current importer (commit {git_head()}) makes of the corpus in `tests/sheets/` (seed "
        f"{args.seed}), compared with the truth of every row. Made by `python tools/import_audit.py --out "
        f"tests/sheets/AUDIT.md` in {seconds:.0f} s; \"as meant\" / \"wrong\" / \"lost\" count rows whose truth has a "
        "value in that column (duplicate rows left out). Tables are generated; nothing here is edited by hand.\n\n"
        "## In brief\n\n" + "".join(f"- {line}\n" for line in brief) + "\n"
        + "\n".join(section.text for section in sections)
    )
    if args.out:
        args.out.write_text(report, encoding="utf-8")
        log(f"wrote {args.out}")
    else:
        print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
