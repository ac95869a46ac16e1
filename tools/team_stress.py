"""A team's worth of writers on one database at once, then a check that nothing was lost.

    python -m tools.team_stress --db postgresql://… [--seconds 60] [--writers 8] [--out DIR]

Starts `--writers` processes (by turns: a customer import, an interaction import, a re-grade and
a person creating customers and editing them in forms) against one database, for `--seconds`.
Imports and re-grades go through the command line as a person types them; customers are made
and edited through the same core calls the forms use. Afterwards it checks:

- no traceback anywhere: every failure a person would see is a sentence (stderr of the command,
  or the message of the error);
- nothing lost: every customer and interaction a writer was told was saved is there, and nothing
  else; every code is distinct;
- the database is sound (`check`) and the kept grading figures equal the figures worked out from
  scratch after a last re-grade.

Prints a report (and --json writes it); the exit code is 0 when every check held.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import multiprocessing
import random
import sys
import time
import traceback
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

ROLES = ("import", "interactions", "regrade", "forms")
SEED_CUSTOMERS = 120
TODAY = date(2026, 11, 20)


def _cli(argv: list[str]) -> tuple[int, str, str]:
    """Run one command in this process, as a person would type it; (exit code, stdout, stderr)."""
    from accountdesk.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as stop:  # argparse
            code = int(stop.code or 0)
    return code, out.getvalue(), err.getvalue()


def _customer_sheet(path: Path, tag: str, rows: int) -> None:
    lines = ["客户名称,电话,行业"] + [f"{tag}-{n},0512-{random.randrange(10**7):07d},制造" for n in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _interaction_sheet(path: Path, codes: list[str], start: datetime, rows: int) -> None:
    kinds = ("电话", "微信", "上门拜访", "邮件")
    lines = ["客户编号,拜访时间,沟通方式,沟通内容,满意度"]
    for n in range(rows):
        when = start + timedelta(minutes=n)
        lines.append(f"{random.choice(codes)},{when:%Y-%m-%d %H:%M},{random.choice(kinds)},跟进第{n}次,{random.randint(1, 5)}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


class Log:
    """What one writer did: each step's outcome, and what it was told was saved."""

    def __init__(self, number: int, role: str) -> None:
        self.number, self.role = number, role
        self.steps: list[dict] = []
        self.customers: list[str] = []  # codes of customers it created (forms)
        self.imported_customers = 0
        self.imported_interactions = 0
        self.tracebacks: list[str] = []

    def step(self, op: str, ok: bool, message: str = "", seconds: float = 0.0) -> None:
        self.steps.append({"op": op, "ok": ok, "message": message, "seconds": round(seconds, 3)})

    def as_dict(self) -> dict:
        return {"number": self.number, "role": self.role, "steps": self.steps, "customers": self.customers,
                "imported_customers": self.imported_customers, "imported_interactions": self.imported_interactions,
                "tracebacks": self.tracebacks}


def _command_step(log: Log, op: str, argv: list[str]) -> dict | None:
    started = time.monotonic()
    code, out, err = _cli(argv)
    seconds = time.monotonic() - started
    if "Traceback" in err or "Traceback" in out:
        log.tracebacks.append(err or out)
    if code == 0:
        log.step(op, True, seconds=seconds)
        try:
            return json.loads(out)
        except ValueError:
            return {}
    log.step(op, False, (err.strip() or out.strip()).splitlines()[-1] if (err.strip() or out.strip()) else f"exit {code}",
             seconds)
    return None


def _forms(log: Log, database, deadline: float, rng: random.Random) -> None:
    """A person at the screens: new customers, then edits of phones and notes of the seed ones."""
    from sqlalchemy import select

    from accountdesk.core.archive import records as archive
    from accountdesk.core.i18n import AccountDeskError
    from accountdesk.core.storage.errors import explain
    from accountdesk.core.storage.models import Customer
    from accountdesk.core.team.conflicts import ConflictError, resolve, run_with_retry

    with database.session() as session:
        seed = list(session.scalars(select(Customer.id).where(Customer.code.like("S%"))))
    step = 0
    while time.monotonic() < deadline:
        step += 1
        started = time.monotonic()
        try:
            if step % 2:
                def create(step=step) -> str:
                    with database.write() as session:
                        return archive.create_customer(session, {"name": f"表单客户{log.number}-{step}",
                                                                 "phone": f"138{log.number:02d}{step:06d}"}).code
                log.customers.append(run_with_retry(create))
                log.step("create", True, seconds=time.monotonic() - started)
            else:
                customer_id = rng.choice(seed)
                with database.session() as session:
                    row = archive.get_customer(session, customer_id)
                    version, base = row.version, archive.loaded_values(row)
                field = rng.choice(("phone", "notes", "industry"))
                value = f"0512-{log.number:02d}{step:05d}" if field == "phone" else f"{field}-{log.number}-{step}"

                def save(customer_id=customer_id, version=version, base=base, field=field, value=value) -> None:
                    with database.write() as session:
                        archive.update_customer(session, customer_id, {field: value}, expected_version=version,
                                                base=base)
                try:
                    run_with_retry(save)
                except ConflictError as conflict:  # both changed it: keep mine, as the dialog offers
                    resolution = resolve(conflict)

                    def settle(resolution=resolution) -> None:
                        with database.write() as session:
                            archive.save_resolution(session, resolution)
                    run_with_retry(settle)
                log.step("edit", True, seconds=time.monotonic() - started)
        except AccountDeskError as error:
            log.step("forms", False, str(error.message), time.monotonic() - started)
        except Exception as error:
            explained = explain(error)
            if explained is None:
                log.tracebacks.append(traceback.format_exc())
            else:
                log.step("forms", False, str(explained.message), time.monotonic() - started)
        time.sleep(rng.uniform(0.0, 0.05))


def _warm_up() -> None:
    """Load what the first step would load (the command line, the importer, the pinyin tables), so
    every writer starts writing at the same moment rather than after its own imports."""
    import accountdesk.cli.entry  # noqa: F401
    import accountdesk.core.excel.imports.importer  # noqa: F401
    import accountdesk.core.tiering.regrade  # noqa: F401
    from accountdesk.core.archive.search import customer_search_key
    from accountdesk.core.storage.models import Customer

    customer_search_key(Customer(name="预热客户", code="C0"))


def writer(number: int, role: str, target: str, seconds: float, folder: str, codes: list[str], out: str,
           start) -> None:
    from accountdesk.core.i18n import set_language
    from accountdesk.core.storage.database import open_database

    set_language("en")
    _warm_up()
    # The first opening of a database (connecting, reading its schema) as a warm-up too.
    _cli(["check", "--db", target, "--lang", "en"])
    database = open_database(target, user=f"writer{number}") if role == "forms" else None
    start.wait(600)
    rng = random.Random(number)
    random.seed(number)
    log = Log(number, role)
    deadline = time.monotonic() + seconds
    work = Path(folder)
    try:
        if database is not None:
            try:
                _forms(log, database, deadline, rng)
            finally:
                database.dispose()
        iteration = 0
        while role != "forms" and time.monotonic() < deadline:
            iteration += 1
            common = ["--db", target, "--user", f"writer{number}", "--lang", "en"]
            if role == "import":
                sheet = work / f"customers-{number}-{iteration}.csv"
                _customer_sheet(sheet, f"导入{number}-{iteration}", rng.randint(50, 150))
                result = _command_step(log, "import", ["import", "customers", str(sheet), "--on-duplicate", "new",
                                                       "--json", *common])
                if result:
                    log.imported_customers += int(result.get("created", 0))
            elif role == "interactions":
                sheet = work / f"interactions-{number}-{iteration}.csv"
                start = datetime(2026, 1, 1, 8, 0) + timedelta(days=number * 30 + iteration)
                _interaction_sheet(sheet, codes, start, rng.randint(50, 150))
                result = _command_step(log, "interactions", ["import", "interactions", str(sheet), "--json", *common])
                if result:
                    log.imported_interactions += int(result.get("created", 0))
            else:
                _command_step(log, "regrade", ["retier", "--as-of", TODAY.isoformat(), "--json", *common])
                time.sleep(rng.uniform(0.5, 2.0))
    except Exception:
        log.tracebacks.append(traceback.format_exc())
    Path(out).write_text(json.dumps(log.as_dict(), ensure_ascii=False), encoding="utf-8")


def prepare(target: str) -> list[str]:
    """Seed customers (with codes the interaction sheets name) on an empty database."""
    from accountdesk.core.archive import records as archive
    from accountdesk.core.storage.database import open_database

    database = open_database(target, user="setup")
    try:
        with database.write() as session:
            codes = [archive.create_customer(session, {"name": f"种子客户{n}", "code": f"S{n:04d}"}).code
                     for n in range(SEED_CUSTOMERS)]
    finally:
        database.dispose()
    return codes


def verify(target: str, logs: list[dict], before: dict) -> dict:
    """Count what is there against what the writers were told, check the database and the figures."""
    from sqlalchemy import func, select

    from accountdesk.core.figures import grading_figures
    from accountdesk.core.storage.database import open_database
    from accountdesk.core.storage.models import Customer, Interaction
    from accountdesk.core.team.backup import check_database
    from accountdesk.core.tiering.metrics import figure_rows
    from accountdesk.core.tiering.regrade import regrade_all
    from accountdesk.core.tiering.scoring import active_model, definition_of

    database = open_database(target, user="checker")
    try:
        with database.write() as session:
            regrade_all(session, TODAY)
        with database.session() as session:
            customers = session.scalar(select(func.count()).select_from(Customer)) or 0
            codes = session.scalar(select(func.count(Customer.code.distinct())))
            interactions = session.scalar(select(func.count()).select_from(Interaction)) or 0
            form_codes = {code for log in logs for code in log["customers"]}
            stored_form_codes = set(session.scalars(select(Customer.code).where(Customer.code.in_(form_codes)))) \
                if form_codes else set()
            months = definition_of(active_model(session)).window_months
            kept = grading_figures.figures(session, TODAY, months, store=False)
            fresh = figure_rows(session, TODAY, months)
        report = check_database(database)
    finally:
        database.dispose()
    expected_customers = before["customers"] + sum(log["imported_customers"] for log in logs) + len(form_codes)
    expected_interactions = before["interactions"] + sum(log["imported_interactions"] for log in logs)
    return {
        "customers": customers, "expected_customers": expected_customers,
        "distinct_codes": codes, "interactions": interactions, "expected_interactions": expected_interactions,
        "form_customers_missing": sorted(form_codes - stored_form_codes),
        "check_ok": report.ok, "check_problems": report.problems,
        "figures_equal": kept == fresh, "figure_rows": len(fresh),
    }


def run(target: str, seconds: float, writers: int, folder: Path) -> dict:
    from accountdesk.core.storage.database import open_database

    folder.mkdir(parents=True, exist_ok=True)
    codes = prepare(target)
    database = open_database(target, user="checker")
    try:
        from sqlalchemy import func, select

        from accountdesk.core.storage.models import Customer, Interaction

        with database.session() as session:
            before = {"customers": session.scalar(select(func.count()).select_from(Customer)),
                      "interactions": session.scalar(select(func.count()).select_from(Interaction))}
    finally:
        database.dispose()
    context = multiprocessing.get_context("spawn")
    outs = [folder / f"writer{n}.json" for n in range(writers)]
    roles = [ROLES[n % len(ROLES)] for n in range(writers)]
    # Every writer loads its modules first, then all begin together.
    start = context.Barrier(writers + 1)
    processes = [context.Process(target=writer, args=(n, roles[n], target, seconds, str(folder), codes, str(outs[n]),
                                                      start))
                 for n in range(writers)]
    for process in processes:
        process.start()
    start.wait(600)
    started = time.monotonic()
    for process in processes:
        process.join(seconds + 600)
    elapsed = time.monotonic() - started
    logs = [json.loads(out.read_text(encoding="utf-8")) if out.exists() else
            {"number": n, "role": roles[n], "steps": [], "customers": [], "imported_customers": 0,
             "imported_interactions": 0, "tracebacks": [f"writer {n} left no report (exit {processes[n].exitcode})"]}
            for n, out in enumerate(outs)]
    checks = verify(target, logs, before)
    steps = [step for log in logs for step in log["steps"]]
    failures = Counter(step["message"] for step in steps if not step["ok"])
    by_op = Counter((step["op"], step["ok"]) for step in steps)
    tracebacks = [text for log in logs for text in log["tracebacks"]]
    ok = (not tracebacks and checks["customers"] == checks["expected_customers"]
          and checks["distinct_codes"] == checks["customers"]
          and checks["interactions"] == checks["expected_interactions"]
          and not checks["form_customers_missing"] and checks["check_ok"] and checks["figures_equal"])
    return {"ok": ok, "seconds": round(elapsed, 1), "writers": writers, "roles": roles,
            "steps": {f"{op} {'ok' if good else 'failed'}": n for (op, good), n in sorted(by_op.items())},
            "failure_messages": dict(failures), "tracebacks": tracebacks,
            "longest_step": max((step["seconds"] for step in steps), default=0.0), **checks}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="an empty AccountDesk database: a postgresql:// URL or a file")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--out", type=Path, default=Path("team-stress"))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    report = run(args.db, args.seconds, args.writers, args.out)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for key, value in report.items():
            if key != "tracebacks":
                print(f"{key}: {value}")
        for text in report["tracebacks"]:
            print(text, file=sys.stderr)
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
