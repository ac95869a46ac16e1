"""What `accountdesk check` finds beyond SQLite's own integrity check (duplicate live codes, rows that
point at nothing, kept figures that disagree with their rows) and how `check --repair` mends what can
be derived or settled without guessing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Table, and_, delete, func, inspect, not_, select
from sqlalchemy.orm import Session

from accountdesk.core.figures import churn_figures, grading_figures
from accountdesk.core.i18n import Message
from accountdesk.core.storage.indexes import LIVE_CODE_INDEX, create_live_code_index
from accountdesk.core.storage.models import Base, Customer, CustomerActivity, CustomerFigures, CustomerTag
from accountdesk.core.tiering.metrics import figure_rows
from accountdesk.core.tiering.scoring import current_model, definition_of

# Rows that only mirror others: an orphan among them is dropped by a repair, nothing is lost.
DERIVED_TABLES = {CustomerFigures.__tablename__, CustomerActivity.__tablename__, CustomerTag.__tablename__}


@dataclass
class Finding:
    """One kind of logical damage: what is wrong, how to mend it, and whether --repair can."""

    kind: str  # duplicate_codes | orphans | figures | code_index
    message: Message
    repairable: bool
    detail: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"kind": self.kind, "repairable": self.repairable, "message_zh": self.message.zh,
                "message_en": self.message.en, "detail": self.detail[:50]}


def logical_findings(session: Session, today: date) -> list[Finding]:
    findings = []
    duplicates = _duplicate_codes(session)
    if duplicates:
        shown = ", ".join(f"{code} ×{count}" for code, count in duplicates[:10])
        findings.append(Finding("duplicate_codes", Message(
            f"有 {len(duplicates)} 个客户编号同时被多位未删除的客户使用（{shown}）。修复：在客户详情中给其中一位改用新编号，"
            "或运行 accountdesk check --repair，把较晚建立的客户改为“编号-2”等（会列出改动）。",
            f"{len(duplicates)} customer codes are used by more than one live customer ({shown}). To repair: give "
            "one of them a new code in the customer's form, or run 'accountdesk check --repair', which renames "
            "the later customers to CODE-2 and so on (and lists them).",
        ), True, [code for code, _count in duplicates]))
    if session.get_bind().dialect.name == "sqlite" and not _has_live_code_index(session):
        findings.append(Finding("code_index", Message(
            "保证客户编号不重复的索引不见了。修复：运行 accountdesk check --repair 重建它。",
            "The index that keeps customer codes unique is missing. To repair: run 'accountdesk check --repair', "
            "which rebuilds it.",
        ), True))
    for table, column, target, count in _orphans(session):
        derived = table.name in DERIVED_TABLES
        how_zh = "运行 accountdesk check --repair 删除这些派生行（不会丢失任何数据）" if derived else \
            "这些记录指向已不存在的内容，无法自动推断；请用 accountdesk restore 恢复最近的备份，或把它们导出后核对"
        how_en = "run 'accountdesk check --repair', which drops these derived rows (nothing is lost)" if derived else \
            "they point at something that no longer exists and cannot be mended by guessing; restore the newest " \
            "backup with 'accountdesk restore', or export them and check by hand"
        findings.append(Finding("orphans", Message(
            f"{table.name} 中有 {count} 行的 {column} 指向不存在的 {target} 记录。修复：{how_zh}。",
            f"{count} rows of {table.name} have a {column} that points at no {target} row. To repair: {how_en}.",
        ), derived, [f"{table.name}.{column}"]))
    disagreeing = _disagreeing_figures(session, today)
    if disagreeing:
        findings.append(Finding("figures", Message(
            f"有 {len(disagreeing)} 位客户的分级统计数字与其交易和联系记录不符。修复：运行 accountdesk check --repair "
            "从记录重新计算（也会在下次重新分级时自动重建）。",
            f"The kept grading figures of {len(disagreeing)} customers disagree with their purchases and contacts. "
            "To repair: run 'accountdesk check --repair', which recomputes them from the rows (the next re-grade "
            "would rebuild them too).",
        ), True, [str(customer_id) for customer_id in sorted(disagreeing)[:50]]))
    return findings


def _duplicate_codes(session: Session) -> list[tuple[str, int]]:
    query = (select(Customer.code, func.count()).where(Customer.deleted_at.is_(None))
             .group_by(Customer.code).having(func.count() > 1).order_by(Customer.code))
    return [(code, count) for code, count in session.execute(query)]


def _has_live_code_index(session: Session) -> bool:
    return LIVE_CODE_INDEX in {index["name"] for index in inspect(session.connection()).get_indexes("customers")}


def _orphans(session: Session) -> list[tuple[Table, str, str, int]]:
    found = []
    for table in Base.metadata.sorted_tables:
        for key in table.foreign_keys:
            column, target = key.parent, key.column
            missing = ~select(target).where(target == column).exists()
            count = session.scalar(select(func.count()).select_from(table).where(and_(column.is_not(None), missing)))
            if count:
                found.append((table, column.name, target.table.name, count))
    return found


def _disagreeing_figures(session: Session, today: date) -> set[int]:
    """Customers whose kept figures, brought to `today` as a re-grade would, differ from figures
    computed from their rows from scratch. Nothing kept yet: nothing to disagree."""
    if session.scalar(select(func.count()).select_from(CustomerFigures)) == 0:
        return set()
    months = definition_of(current_model(session)).window_months
    kept = grading_figures.figures(session, today, months, store=False)
    fresh = figure_rows(session, today, months)
    return {customer_id for customer_id in kept.keys() | fresh.keys() if kept.get(customer_id) != fresh.get(customer_id)}


@dataclass
class Repair:
    """What `check --repair` did."""

    renamed: list[tuple[str, str, str]] = field(default_factory=list)  # (name, old code, new code)
    dropped: dict[str, int] = field(default_factory=dict)
    figures_rebuilt: bool = False
    index_rebuilt: bool = False

    def lines(self) -> list[Message]:
        lines = [Message(f"  {name}：编号 {old} → {new}", f"  {name}: code {old} → {new}") for name, old, new in self.renamed]
        lines += [Message(f"  删除了 {table} 中 {count} 行派生数据", f"  dropped {count} derived rows of {table}")
                  for table, count in self.dropped.items()]
        if self.figures_rebuilt:
            lines.append(Message("  分级统计数字已从记录重新计算", "  grading figures recomputed from the rows"))
        if self.index_rebuilt:
            lines.append(Message("  客户编号唯一索引已重建", "  the unique index of customer codes rebuilt"))
        return lines

    def as_dict(self) -> dict:
        return {"renamed": [{"name": n, "old": o, "new": c} for n, o, c in self.renamed], "dropped": self.dropped,
                "figures_rebuilt": self.figures_rebuilt, "index_rebuilt": self.index_rebuilt}


def repair(session: Session, today: date) -> Repair:
    """Mend what can be derived or settled without guessing, in the caller's write transaction."""
    done = Repair()
    for table, column, _target, _count in _orphans(session):
        if table.name in DERIVED_TABLES:
            target = table.c[column]
            key = next(k for k in table.foreign_keys if k.parent is target)
            result = session.execute(delete(table).where(
                target.is_not(None), not_(select(key.column).where(key.column == target).exists())))
            done.dropped[table.name] = done.dropped.get(table.name, 0) + (result.rowcount or 0)
    taken = set(session.scalars(select(Customer.code).where(Customer.deleted_at.is_(None))))
    for code, _count in _duplicate_codes(session):
        clashing = session.scalars(select(Customer).where(Customer.code == code, Customer.deleted_at.is_(None))
                                   .order_by(Customer.created_at, Customer.id)).all()
        for customer in clashing[1:]:
            number = 2
            while f"{code}-{number}" in taken:
                number += 1
            customer.code = f"{code}-{number}"
            taken.add(customer.code)
            done.renamed.append((customer.name, code, customer.code))
        session.flush()
    if session.get_bind().dialect.name == "sqlite" and not _has_live_code_index(session):
        create_live_code_index(session)
        done.index_rebuilt = True
    if _disagreeing_figures(session, today):
        grading_figures.forget(session)
        months = definition_of(current_model(session)).window_months
        grading_figures.figures(session, today, months, store=True)
        churn_figures.forget(session)  # the next reminder run rebuilds the churn figures from the rows
        done.figures_rebuilt = True
    return done
