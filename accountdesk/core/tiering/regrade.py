"""Tiers: re-grading every customer (score, tier, lifecycle stage, RFM segment), previews of a
model, and the `retier` command; the tiering API in one place (explanations, overrides and
policies live in explain.py, overrides.py and policies.py and are re-exported here)."""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from accountdesk.core.changes import Changes, record
from accountdesk.core.figures import grading_figures as customer_figures
from accountdesk.core.i18n import Message, counted
from accountdesk.core.revisits.replan import replan_for_tiers
from accountdesk.core.storage.bulk import new_uids, roomy_cache
from accountdesk.core.storage.bulk_rows import insert_rows, update_derived
from accountdesk.core.storage.locks import hold_job_lock
from accountdesk.core.storage.models import Customer, ScoringModel, TierChange, utcnow
from accountdesk.core.storage.sql import driver_rows
from accountdesk.core.tiering.explain import CriterionScore, ScoreBreakdown, score_breakdown
from accountdesk.core.tiering.lifecycle import lifecycle_rules, lifecycle_stage
from accountdesk.core.tiering.metrics import (
    CustomerMetrics,
    customer_base_columns,
    metrics_from_rows,
    open_complaints,
)
from accountdesk.core.tiering.overrides import (
    TierHistoryEntry,
    known_tiers,
    set_manual_stage,
    set_manual_tier,
    tier_history,
    unlock_stage,
    unlock_tier,
)
from accountdesk.core.tiering.policies import policy_for, tier_policies, update_tier_policy
from accountdesk.core.tiering.rfm import rfm_segments
from accountdesk.core.tiering.scoring import (
    ScoringDefinition,
    active_model,
    current_model,
    definition_of,
    record_grading,
)

__all__ = [
    "CriterionScore",
    "RegradeReport",
    "ScoreBreakdown",
    "TierHistoryEntry",
    "TierMove",
    "preview_model",
    "regrade_all",
    "score_breakdown",
    "set_manual_stage",
    "set_manual_tier",
    "tier_history",
    "tier_policies",
    "policy_for",
    "unlock_stage",
    "unlock_tier",
    "update_tier_policy",
    "known_tiers",
]

NO_TIER = "-"  # how "no tier yet" appears in migration matrices


class TierMove(NamedTuple):
    """One customer whose tier a re-grade changes (a tuple: a first grading makes 100,000)."""

    customer_id: int
    code: str
    name: str
    old_tier: str | None
    new_tier: str
    score: float

    def as_dict(self) -> dict:
        return self._asdict()


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
    replanned: int = 0  # open revisit plans moved to the new tiers' cadence
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
            "replanned": self.replanned,
            "seconds": round(self.seconds, 3),
        }

    def as_changes(self) -> Changes:
        if self.dry_run or not self.rows_written:
            return Changes()
        return Changes(customers=set(self.changed_customers), tiers=True, revisits=bool(self.replanned))

    def summary(self) -> Message:
        tiers = " · ".join(f"{tier} {count}" for tier, count in self.counts.items())
        zh = (
            f"{'试运行（未写入）：' if self.dry_run else ''}截至 {self.as_of} 按评分表“{self.model_name}”"
            f"（版本 {self.model_version}）重新分级 {self.customers} 位客户：{tiers}；"
            f"等级变动 {len(self.changes)} 位，锁定 {self.locked} 位，更新 {self.rows_written} 行，"
            f"{self.replanned} 个回访计划按新等级重排，用时 {self.seconds:.2f} 秒。"
        )
        en = (
            f"{'Dry run (nothing written): ' if self.dry_run else ''}re-graded {counted(self.customers, 'customer')} as of "
            f"{self.as_of} with '{self.model_name}' (version {self.model_version}): {tiers}; "
            f"{len(self.changes)} changed tier, {self.locked} locked, {counted(self.rows_written, 'row')} updated, "
            f"{counted(self.replanned, 'revisit plan')} moved to the new tiers' cadence, in {self.seconds:.2f} s."
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
    stage_locked: bool = False


def _current_states(session: Session) -> tuple[dict[int, _State], list]:
    """Every live customer's stored grade, and the rows `compute_metrics` needs (one query)."""
    query = select(
        *customer_base_columns(), Customer.code, Customer.name, Customer.tier, Customer.tier_locked,
        Customer.score, Customer.stage, Customer.rfm_segment, Customer.stage_locked,
    ).where(Customer.deleted_at.is_(None))
    states, base = {}, []
    days = _TextDates()
    # The driver's rows (SQLAlchemy's would cost more than the read): dates may come as ISO text
    # and flags as 0/1, so those two are converted here.
    for (customer_id, since, referrals, followers, code, name, tier, locked, score, stage, segment,
         stage_locked) in driver_rows(session.connection(), query):
        states[customer_id] = _State(code, name, tier, bool(locked), score, stage, segment, bool(stage_locked))
        base.append((customer_id, days[since], referrals, followers))
    return states, base


class _TextDates(dict):
    """A date as the driver gives it (ISO text on SQLite, a date on PostgreSQL, or None) → date."""

    def __missing__(self, key):
        value = self[key] = date.fromisoformat(key) if isinstance(key, str) else key
        return value


@dataclass
class _Grading:
    states: dict[int, _State]
    metrics: dict[int, CustomerMetrics]
    scores: dict[int, float]
    tiers: dict[int, str]
    stages: dict[int, str]
    segments: dict[int, str | None]


def _grade_population(session: Session, definition: ScoringDefinition, as_of: date, *, store: bool) -> _Grading:
    """Everyone's metrics, score, tier, stage and segment as of `as_of`; with `store`, the kept
    figures (customer_figures) are brought to `as_of` in the session's transaction."""
    session.flush()
    states, base = _current_states(session)
    rows = customer_figures.figures(session, as_of, definition.window_months, store=store)
    metrics = metrics_from_rows(base, rows, open_complaints(session, as_of), as_of)
    scores = dict(zip(metrics, definition.score_all(list(metrics.values())), strict=True))
    # Locked customers keep their manual tier and take no place in share-mode ranking.
    free = [(cid, states[cid].code, s) for cid, s in scores.items() if not states[cid].locked]
    tiers = definition.grade(free)
    for customer_id, state in states.items():
        if state.locked:
            tiers[customer_id] = state.tier or definition.tiers[-1]
    rules = lifecycle_rules(session)
    # A stage set by hand stays until it is unlocked, as a locked tier does.
    stages = {customer_id: states[customer_id].stage if states[customer_id].stage_locked else lifecycle_stage(m, rules)
              for customer_id, m in metrics.items()}
    rfm = rfm_segments(metrics.values())
    segments = {customer_id: rfm.get(customer_id) for customer_id in metrics}
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
    if not dry_run:
        # One re-grade at a time per database: two at once would rebuild the same kept figures.
        hold_job_lock(session, "regrade")
    model = current_model(session) if dry_run else active_model(session)
    definition = definition_of(model)
    grading = _grade_population(session, definition, as_of, store=not dry_run)
    report = _report(grading, definition, as_of, model, dry_run=dry_run)
    if not dry_run:
        report.rows_written, report.changed_customers = _write_back(
            session, grading, model, as_of, report.changes, reason
        )
        # A new tier or lifecycle stage brings its cadence: those customers' open plans follow it.
        moved = {move.customer_id for move in report.changes}
        moved.update(cid for cid, stage in grading.stages.items() if stage != grading.states[cid].stage)
        report.replanned = len(replan_for_tiers(session, moved, as_of))
        record_grading(session, model, as_of)
    report.seconds = time.perf_counter() - started
    return report


def preview_model(session: Session, definition: dict, as_of: date) -> RegradeReport:
    """What grading with `definition` would do to today's tiers (its `matrix`), writing nothing."""
    started = time.perf_counter()
    parsed = ScoringDefinition.from_json(definition)
    grading = _grade_population(session, parsed, as_of, store=False)
    report = _report(grading, parsed, as_of, None, dry_run=True, name="preview")
    report.seconds = time.perf_counter() - started
    return report


def _write_back(session: Session, grading: _Grading, model: ScoringModel, as_of: date,
                moves: list[TierMove], reason: str | None) -> tuple[int, set[int]]:
    """Write only the rows that changed. Tier, score, stage and segment are derived columns: they
    leave the customer's version and its updated_at/updated_by alone (a person editing the customer
    meanwhile saves without a conflict); the tier history is their record."""
    rows = []
    for customer_id, state in grading.states.items():
        tier = grading.tiers[customer_id]
        score = grading.scores[customer_id]
        stage = grading.stages[customer_id]
        segment = grading.segments[customer_id]
        if tier != state.tier or score != state.score or stage != state.stage or segment != state.segment:
            rows.append((tier, score, stage, segment, customer_id))
    if not rows and not moves:
        return 0, set()
    changed = {row[-1] for row in rows}
    with roomy_cache(session.connection(), 64):
        update_derived(session, Customer.__table__, ["tier", "score", "stage", "rfm_segment"], rows)
        if moves:
            _record_moves(session, moves, model, as_of, reason)
    record(session, Changes(tiers=True))  # the customers: update_derived recorded them
    # Customers already loaded in this session now hold stale values; reload them on next use.
    for obj in list(session.identity_map.values()):
        if isinstance(obj, Customer):
            session.expire(obj)
    return len(rows), changed


def _record_moves(session: Session, moves: list[TierMove], model: ScoringModel, as_of: date,
                  reason: str | None) -> None:
    text = reason or f"重新分级（截至 {as_of.isoformat()}） / re-grade as of {as_of.isoformat()}"
    now = utcnow()
    user = session.info.get("user")
    columns = ["uid", "created_at", "updated_at", "updated_by", "version", "customer_id", "changed_at",
               "old_tier", "new_tier", "score", "model_id", "model_version", "manual", "reason"]
    insert_rows(session, TierChange.__table__, columns, [
        (uid, now, now, user, 1, move.customer_id, now, move.old_tier, move.new_tier, move.score,
         model.id, model.version, False, text)
        for uid, move in zip(new_uids(len(moves)), moves, strict=True)
    ])


# --- command line ------------------------------------------------------------------------------
