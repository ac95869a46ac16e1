"""Tiers: re-grading every customer (score, tier, lifecycle stage, RFM segment), previews of a
model, score explanations, manual overrides with locks, and the tier history."""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from accountdesk.core.changes import Changes
from accountdesk.core.i18n import Message, ValidationError
from accountdesk.core.lifecycle import lifecycle_rules, lifecycle_stage
from accountdesk.core.metrics import METRICS, CustomerMetrics, compute_metrics, customer_base_columns
from accountdesk.core.models import Customer, ScoringModel, TierChange, cents_to_decimal, utcnow
from accountdesk.core.policies import policy_for, tier_policies, update_tier_policy
from accountdesk.core.rfm import rfm_scores
from accountdesk.core.scoring import ScoringDefinition, active_model, current_model, definition_of

__all__ = [
    "CriterionScore",
    "RegradeReport",
    "ScoreBreakdown",
    "TierHistoryEntry",
    "TierMove",
    "preview_model",
    "regrade_all",
    "run_retier_command",
    "score_breakdown",
    "set_manual_tier",
    "tier_history",
    "tier_policies",
    "policy_for",
    "unlock_tier",
    "update_tier_policy",
]

NO_TIER = "-"  # how "no tier yet" appears in migration matrices


@dataclass(frozen=True, slots=True)
class TierMove:
    """One customer whose tier a re-grade changes."""

    customer_id: int
    code: str
    name: str
    old_tier: str | None
    new_tier: str
    score: float

    def as_dict(self) -> dict:
        return {
            "customer_id": self.customer_id,
            "code": self.code,
            "name": self.name,
            "old_tier": self.old_tier,
            "new_tier": self.new_tier,
            "score": self.score,
        }


@dataclass
class RegradeReport:
    """What a re-grade did (or, dry, would do): tiers, moves and the old → new matrix."""

    as_of: date
    model_id: int | None
    model_name: str
    model_version: int | None
    dry_run: bool
    customers: int = 0
    locked: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    changes: list[TierMove] = field(default_factory=list)
    matrix: dict[str, dict[str, int]] = field(default_factory=dict)
    stages: dict[str, int] = field(default_factory=dict)
    segments: dict[str, int] = field(default_factory=dict)
    rows_written: int = 0
    seconds: float = 0.0
    changed_customers: set[int] = field(default_factory=set, repr=False)  # every row written

    def as_dict(self) -> dict:
        return {
            "as_of": self.as_of.isoformat(),
            "model_id": self.model_id,
            "model_name": self.model_name,
            "model_version": self.model_version,
            "dry_run": self.dry_run,
            "customers": self.customers,
            "locked": self.locked,
            "counts": self.counts,
            "changed": len(self.changes),
            "changes": [move.as_dict() for move in self.changes],
            "matrix": self.matrix,
            "stages": self.stages,
            "segments": self.segments,
            "rows_written": self.rows_written,
            "seconds": round(self.seconds, 3),
        }

    def as_changes(self) -> Changes:
        if self.dry_run or not self.rows_written:
            return Changes()
        return Changes(customers=set(self.changed_customers), tiers=True)

    def summary(self) -> Message:
        tiers = " · ".join(f"{tier} {count}" for tier, count in self.counts.items())
        zh = (
            f"{'试运行（未写入）：' if self.dry_run else ''}截至 {self.as_of} 按评分表“{self.model_name}”"
            f"（版本 {self.model_version}）重新分级 {self.customers} 位客户：{tiers}；"
            f"等级变动 {len(self.changes)} 位，锁定 {self.locked} 位，更新 {self.rows_written} 行，用时 {self.seconds:.2f} 秒。"
        )
        en = (
            f"{'Dry run (nothing written): ' if self.dry_run else ''}re-graded {self.customers} customers as of "
            f"{self.as_of} with '{self.model_name}' (version {self.model_version}): {tiers}; "
            f"{len(self.changes)} changed tier, {self.locked} locked, {self.rows_written} rows updated "
            f"in {self.seconds:.2f} s."
        )
        return Message(zh, en)


@dataclass(slots=True)
class _State:
    code: str
    name: str
    tier: str | None
    locked: bool
    score: float | None
    stage: str | None
    segment: str | None


def _current_states(session: Session) -> tuple[dict[int, _State], list]:
    """Every live customer's stored grade, and the rows `compute_metrics` needs (one query)."""
    query = select(
        *customer_base_columns(), Customer.code, Customer.name, Customer.tier, Customer.tier_locked,
        Customer.score, Customer.stage, Customer.rfm_segment,
    ).where(Customer.deleted_at.is_(None))
    states, base = {}, []
    for row in session.connection().execute(query):
        states[row[0]] = _State(*row[4:])
        base.append(row[:4])
    return states, base


@dataclass
class _Grading:
    states: dict[int, _State]
    metrics: dict[int, CustomerMetrics]
    scores: dict[int, float]
    tiers: dict[int, str]
    stages: dict[int, str]
    segments: dict[int, str | None]


def _grade_population(session: Session, definition: ScoringDefinition, as_of: date) -> _Grading:
    session.flush()
    states, base = _current_states(session)
    metrics = compute_metrics(session, as_of, definition.window_months, base=base)
    score = definition.scorer()
    scores = {customer_id: score(m) for customer_id, m in metrics.items()}
    # Locked customers keep their manual tier and take no place in share-mode ranking.
    free = [(cid, states[cid].code, s) for cid, s in scores.items() if not states[cid].locked]
    tiers = definition.grade(free)
    for customer_id, state in states.items():
        if state.locked:
            tiers[customer_id] = state.tier or definition.tiers[-1]
    rules = lifecycle_rules(session)
    stages = {customer_id: lifecycle_stage(m, rules) for customer_id, m in metrics.items()}
    rfm = rfm_scores(metrics.values())
    segments = {customer_id: (rfm[customer_id].segment if customer_id in rfm else None) for customer_id in metrics}
    return _Grading(states, metrics, scores, tiers, stages, segments)


def _report(grading: _Grading, definition: ScoringDefinition, as_of: date, model: ScoringModel | None, *,
            dry_run: bool, name: str | None = None) -> RegradeReport:
    report = RegradeReport(
        as_of=as_of,
        model_id=model.id if model is not None else None,
        model_name=name or (model.name if model is not None else ""),
        model_version=model.version if model is not None else None,
        dry_run=dry_run,
        customers=len(grading.states),
    )
    counts: Counter[str] = Counter()
    matrix: dict[str, Counter[str]] = defaultdict(Counter)
    for customer_id, state in grading.states.items():
        new_tier = grading.tiers[customer_id]
        counts[new_tier] += 1
        matrix[state.tier or NO_TIER][new_tier] += 1
        if state.locked:
            report.locked += 1
        if new_tier != state.tier:
            report.changes.append(
                TierMove(customer_id, state.code, state.name, state.tier, new_tier, grading.scores[customer_id])
            )
    order = {tier: index for index, tier in enumerate(definition.tiers)}
    report.counts = {tier: counts.get(tier, 0) for tier in definition.tiers}
    report.counts.update({tier: n for tier, n in counts.items() if tier not in order})
    report.matrix = {old: dict(new) for old, new in sorted(matrix.items(), key=lambda kv: order.get(kv[0], 99))}
    report.changes.sort(key=lambda m: (order.get(m.new_tier, 99), -m.score, m.code))
    report.stages = dict(Counter(grading.stages.values()))
    report.segments = dict(Counter(s for s in grading.segments.values() if s))
    return report


def regrade_all(session: Session, as_of: date, dry_run: bool = False, *, reason: str | None = None) -> RegradeReport:
    """Score and grade every live customer with the active model; write scores, tiers, stages and
    RFM segments of the customers whose values changed, and a TierChange for each new tier."""
    started = time.perf_counter()
    model = current_model(session) if dry_run else active_model(session)
    definition = definition_of(model)
    grading = _grade_population(session, definition, as_of)
    report = _report(grading, definition, as_of, model, dry_run=dry_run)
    if not dry_run:
        report.rows_written, report.changed_customers = _write_back(
            session, grading, model, as_of, report.changes, reason
        )
    report.seconds = time.perf_counter() - started
    return report


def preview_model(session: Session, definition: dict, as_of: date) -> RegradeReport:
    """What grading with `definition` would do to today's tiers (its `matrix`), writing nothing."""
    started = time.perf_counter()
    parsed = ScoringDefinition.from_json(definition)
    grading = _grade_population(session, parsed, as_of)
    report = _report(grading, parsed, as_of, None, dry_run=True, name="preview")
    report.seconds = time.perf_counter() - started
    return report


def _driver_value(connection, column, value):
    """A value as the driver takes it for `column` (e.g. an instant as SQLite's stored text)."""
    processor = column.type.bind_processor(connection.dialect)
    return processor(value) if processor else value


def _driver_executemany(connection, sql: str, rows: list[tuple]) -> None:
    """executemany straight to the driver: at 100,000 rows SQLAlchemy's per-row parameter
    handling costs more than the database's own work, so rows arrive in driver form."""
    if connection.dialect.paramstyle != "qmark":
        sql = sql.replace("?", "%s")
    connection.exec_driver_sql(sql, rows)


def _fresh_uids(count: int) -> list[str]:
    """`count` new UUID texts in the time-ordered layout (version 7: milliseconds, then a batch
    counter, then random bits). Made in one go, since uuid4() per row costs a third of a second
    at 100,000 rows, and in rising order, so the unique index on uid grows at its end."""
    millis = time.time_ns() // 1_000_000
    noise = os.urandom(8 * count)
    uids = []
    for index in range(count):
        tail = int.from_bytes(noise[8 * index : 8 * index + 8], "big") & ((1 << 42) - 1)
        # 48 bits time | version 7 | 32-bit counter split over rand_a and rand_b | variant | 42 random bits
        value = (millis << 80) | (0x7 << 76) | ((index >> 20) << 64) | (0b10 << 62) | ((index & 0xFFFFF) << 42) | tail
        h = f"{value:032x}"
        uids.append(f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")
    return uids


@contextmanager
def _roomy_page_cache(connection):
    """On SQLite, a 64 MB page cache while one transaction rewrites many thousand rows, so
    changed pages are not spilled to the journal again and again; the default comes back after."""
    if connection.dialect.name != "sqlite":
        yield
        return
    previous = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql("PRAGMA cache_size=-65536")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size={int(previous)}")


def _write_back(session: Session, grading: _Grading, model: ScoringModel, as_of: date,
                moves: list[TierMove], reason: str | None) -> tuple[int, set[int]]:
    """Bulk writes of only the rows that changed: they bypass the ORM audit on purpose (the
    tier history is the record) and so stamp updated_at/updated_by/version themselves."""
    connection = session.connection()
    user = session.info.get("user")
    now = _driver_value(connection, Customer.__table__.c.updated_at, utcnow())
    rows = []
    for customer_id, state in grading.states.items():
        tier = grading.tiers[customer_id]
        score = grading.scores[customer_id]
        stage = grading.stages[customer_id]
        segment = grading.segments[customer_id]
        if tier != state.tier or score != state.score or stage != state.stage or segment != state.segment:
            rows.append((tier, score, stage, segment, now, user, customer_id))
    if not rows and not moves:
        return 0, set()
    with _roomy_page_cache(connection):
        _write_rows(connection, rows, moves, model, as_of, reason, now, user)
    # Customers already loaded in this session now hold stale values; reload them on next use.
    for obj in list(session.identity_map.values()):
        if isinstance(obj, Customer):
            session.expire(obj)
    return len(rows), {row[-1] for row in rows}


def _write_rows(connection, rows: list[tuple], moves: list[TierMove], model: ScoringModel, as_of: date,
                reason: str | None, now, user: str | None) -> None:
    if rows:
        _driver_executemany(
            connection,
            "UPDATE customers SET tier = ?, score = ?, stage = ?, rfm_segment = ?, updated_at = ?, "
            "updated_by = ?, version = version + 1 WHERE id = ?",
            rows,
        )
    if moves:
        text = reason or f"重新分级（截至 {as_of.isoformat()}） / re-grade as of {as_of.isoformat()}"
        manual = _driver_value(connection, TierChange.__table__.c.manual, False)
        _driver_executemany(
            connection,
            "INSERT INTO tier_changes (uid, created_at, updated_at, updated_by, version, customer_id, "
            "changed_at, old_tier, new_tier, score, model_id, model_version, manual, reason) "
            "VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (uid, now, now, user, move.customer_id, now, move.old_tier, move.new_tier, move.score,
                 model.id, model.version, manual, text)
                for uid, move in zip(_fresh_uids(len(moves)), moves, strict=True)
            ],
        )


# --- explanations ----------------------------------------------------------------------------


def _display(metric: str, value: int | float | None) -> str | None:
    if value is None:
        return None
    unit = METRICS[metric].unit
    if unit == "money":
        return str(cents_to_decimal(int(value)))
    if unit == "ratio":
        return f"{value * 100:.1f}%"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


@dataclass(frozen=True)
class CriterionScore:
    """One line of a score explanation: raw value, band, points, weight and contribution."""

    key: str
    label: Message
    metric: str
    value: int | float | None  # raw (money in cents)
    display_value: str | None  # as a person reads it (money in yuan)
    band: str | None  # None: no value, the criterion's missing points apply
    points: float
    weight: float
    contribution: float  # points × weight ÷ total positive weight; the contributions add up to the score

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "label": self.label.text(),
            "label_zh": self.label.zh,
            "label_en": self.label.en,
            "metric": self.metric,
            "value": self.display_value,
            "band": self.band,
            "points": self.points,
            "weight": self.weight,
            "contribution": self.contribution,
        }


@dataclass
class ScoreBreakdown:
    """Why a customer has its score and tier, criterion by criterion."""

    customer_id: int
    code: str
    name: str
    as_of: date
    model_id: int | None  # None until a model is stored (the first re-grade stores the default)
    model_name: str
    model_version: int | None
    score: float
    rule_tier: str | None  # what the thresholds give; None in share mode (it depends on everyone)
    tier: str | None  # the stored tier
    tier_locked: bool
    lock_reason: str | None
    stage: str
    rfm_segment: str | None
    criteria: list[CriterionScore]
    metrics: CustomerMetrics

    def as_dict(self) -> dict:
        return {
            "customer_id": self.customer_id,
            "code": self.code,
            "name": self.name,
            "as_of": self.as_of.isoformat(),
            "model_id": self.model_id,
            "model_name": self.model_name,
            "model_version": self.model_version,
            "score": self.score,
            "rule_tier": self.rule_tier,
            "tier": self.tier,
            "tier_locked": self.tier_locked,
            "lock_reason": self.lock_reason,
            "stage": self.stage,
            "rfm_segment": self.rfm_segment,
            "criteria": [c.as_dict() for c in self.criteria],
            "metrics": self.metrics.as_dict(),
        }


def _customer(session: Session, customer_id: int) -> Customer:
    customer = session.get(Customer, customer_id)
    if customer is None or customer.deleted_at is not None:
        raise ValidationError(f"找不到客户 {customer_id}", f"no customer {customer_id}", field="customer_id")
    return customer


def score_breakdown(session: Session, customer_id: int, as_of: date) -> ScoreBreakdown:
    """Each criterion's raw value, band, points, weight and contribution for one customer."""
    customer = _customer(session, customer_id)
    model = current_model(session)
    definition = definition_of(model)
    metrics = compute_metrics(session, as_of, definition.window_months, customer_ids=[customer_id])[customer_id]
    divisor = definition.positive_weight
    lines = []
    for criterion in definition.criteria:
        value = metrics.value(criterion.metric)
        band = criterion.band_for(value)
        points = criterion.points_for(value)
        lines.append(
            CriterionScore(
                key=criterion.key,
                label=criterion.label,
                metric=criterion.metric,
                value=value,
                display_value=_display(criterion.metric, value),
                band=None if value is None else (band.label(criterion.money) if band else "*"),
                points=points,
                weight=criterion.weight,
                contribution=round(points * criterion.weight / divisor, 2),
            )
        )
    score = definition.score(metrics)
    return ScoreBreakdown(
        customer_id=customer.id,
        code=customer.code,
        name=customer.name,
        as_of=as_of,
        model_id=model.id,
        model_name=model.name,
        model_version=model.version,
        score=score,
        rule_tier=definition.tier_by_threshold(score) if definition.mode == "thresholds" else None,
        tier=customer.tier,
        tier_locked=bool(customer.tier_locked),
        lock_reason=customer.tier_lock_reason,
        stage=lifecycle_stage(metrics, lifecycle_rules(session)),
        rfm_segment=customer.rfm_segment,
        criteria=lines,
        metrics=metrics,
    )


# --- manual override and history ---------------------------------------------------------------


def known_tiers(session: Session) -> list[str]:
    """The active model's tiers, then any other tier a policy exists for."""
    tiers = list(definition_of(current_model(session)).tiers)
    tiers.extend(p.tier for p in tier_policies(session) if p.tier not in tiers)
    return tiers


def set_manual_tier(session: Session, customer_id: int, tier: str, reason: str, lock: bool = True) -> Changes:
    """Overrule the grade: set a tier with a reason; a locked tier survives re-grading."""
    customer = _customer(session, customer_id)
    tier = (tier or "").strip()
    reason = (reason or "").strip()
    tiers = known_tiers(session)
    if tier not in tiers:
        raise ValidationError(
            f"未知的等级“{tier}”（可选：{'、'.join(tiers)}）", f"unknown tier '{tier}' (one of: {', '.join(tiers)})",
            field="tier",
        )
    if not reason:
        raise ValidationError("手动调整等级须填写原因", "a manual tier change needs a reason", field="reason")
    model = active_model(session)
    old_tier = customer.tier
    customer.tier = tier
    customer.tier_locked = lock
    customer.tier_lock_reason = reason if lock else None
    session.add(TierChange(
        customer_id=customer.id, changed_at=utcnow(), old_tier=old_tier, new_tier=tier, score=customer.score,
        model_id=model.id, model_version=model.version, manual=True, reason=reason,
    ))
    session.flush()
    return Changes(customers={customer.id}, tiers=True)


def unlock_tier(session: Session, customer_id: int) -> Changes:
    """Let the next re-grade set this customer's tier again (the audit trail keeps the unlock)."""
    customer = _customer(session, customer_id)
    customer.tier_locked = False
    customer.tier_lock_reason = None
    session.flush()
    return Changes(customers={customer.id}, tiers=True)


@dataclass(frozen=True)
class TierHistoryEntry:
    changed_at: datetime
    old_tier: str | None
    new_tier: str | None
    score: float | None
    model_id: int | None
    model_name: str | None
    model_version: int | None
    manual: bool
    reason: str | None
    by: str | None

    def as_dict(self) -> dict:
        return {**self.__dict__, "changed_at": self.changed_at.isoformat(timespec="seconds")}


def tier_history(session: Session, customer_id: int) -> list[TierHistoryEntry]:
    """Every tier change of a customer, newest first."""
    query = (
        select(TierChange, ScoringModel.name)
        .outerjoin(ScoringModel, ScoringModel.id == TierChange.model_id)
        .where(TierChange.customer_id == customer_id, TierChange.deleted_at.is_(None))
        .order_by(TierChange.changed_at.desc(), TierChange.id.desc())
    )
    return [
        TierHistoryEntry(
            changed_at=change.changed_at, old_tier=change.old_tier, new_tier=change.new_tier, score=change.score,
            model_id=change.model_id, model_name=model_name, model_version=change.model_version,
            manual=bool(change.manual), reason=change.reason, by=change.updated_by,
        )
        for change, model_name in session.execute(query)
    ]


# --- command line ------------------------------------------------------------------------------


def run_retier_command(database, as_of: date, dry_run: bool, as_json: bool) -> int:
    """`accountdesk retier`: re-grade everyone (or only report, with --dry-run)."""
    opener = database.session if dry_run else database.write
    with opener() as session:
        report = regrade_all(session, as_of, dry_run=dry_run)
    if as_json:
        json.dump(report.as_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    print(report.summary())
    for move in report.changes[:50]:
        print(f"  {move.code} {move.name}: {move.old_tier or NO_TIER} → {move.new_tier} ({move.score:g})")
    if len(report.changes) > 50:
        more = len(report.changes) - 50
        print(Message(f"  …… 另有 {more} 位", f"  ... and {more} more"))
    print(Message("等级迁移（原 → 新）：", "Tier migration (old → new):"))
    for old, row in report.matrix.items():
        print(f"  {old}: " + ", ".join(f"→{new} {count}" for new, count in row.items()))
    return 0
