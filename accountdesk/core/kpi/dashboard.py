"""The statistics screen's figures for a chosen period (headline numbers on top of kpi.dashboard) and their export."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from accountdesk.core.i18n import Message, ValidationError
from accountdesk.core.kpi import figures as kpi
from accountdesk.core.kpi.care import TierCare, care_by_tier
from accountdesk.core.kpi.winbacks import WinBackFigures, win_back_figures
from accountdesk.core.reminders.settings import load_reminder_settings
from accountdesk.core.storage.models import Customer, User, cents_to_decimal
from accountdesk.core.tiering.lifecycle import STAGE_LABELS
from accountdesk.core.tiering.policies import tier_policies
from accountdesk.core.tiering.resources import ResourceGap, resource_gaps
from accountdesk.core.tiering.rfm import SEGMENT_LABELS
from accountdesk.core.tiering.scoring import DEFAULT_DEFINITION, list_models
from accountdesk.core.tiering.segments import FREQUENCY_LABELS
from accountdesk.core.winback.plans import reason_label

PERIODS = ("this_month", "last_month", "this_quarter", "this_year", "custom")


def period_range(kind: str, today: date, start: date | None = None, end: date | None = None) -> tuple[date, date]:
    """The days a period covers. Periods that are still running end today (month to date),
    so a partial month is compared with the same number of days before it."""
    if kind == "this_month":
        return today.replace(day=1), today
    if kind == "last_month":
        last = today.replace(day=1) - timedelta(days=1)
        return last.replace(day=1), last
    if kind == "this_quarter":
        return date(today.year, 3 * ((today.month - 1) // 3) + 1, 1), today
    if kind == "this_year":
        return date(today.year, 1, 1), today
    if kind == "custom":
        if start is None or end is None:
            raise ValidationError("自定义期间需要开始和结束日期", "a custom period needs a start and an end date",
                                  field="period")
        if start > end:
            raise ValidationError(f"开始日期 {start} 晚于结束日期 {end}", f"the start {start} is after the end {end}",
                                  field="period")
        return start, end
    raise ValidationError(f"未知的期间“{kind}”", f"unknown period '{kind}'", field="period")


def _month_end(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1) - timedelta(days=1)


def _quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def _same_day_in(first: date, offset: int, last: date) -> date:
    """`offset` days into a period that starts on `first`, but not past its `last` day."""
    return min(first + timedelta(days=offset), last)


@dataclass(frozen=True)
class PeriodInfo:
    """What a chosen period is: the days it covers, whether it has ended, and the days it is
    compared with like for like (month to date against the same days of the month before)."""

    kind: str
    start: date
    end: date
    natural_end: date  # the last day of the month, quarter or year it belongs to
    compare_start: date
    compare_end: date

    @property
    def partial(self) -> bool:
        """Not ended: the figures cover only the days so far."""
        return self.end < self.natural_end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def total_days(self) -> int:
        return (self.natural_end - self.start).days + 1


def period_info(kind: str, today: date, start: date | None = None, end: date | None = None) -> PeriodInfo:
    """The period, and the like-for-like period it is compared with."""
    first, last = period_range(kind, today, start, end)
    offset = (last - first).days
    if kind == "this_month":
        natural = _month_end(first)
        previous = (first - timedelta(days=1)).replace(day=1)
        compare = (previous, _same_day_in(previous, offset, _month_end(previous)))
    elif kind == "this_quarter":
        natural = _month_end(date(first.year, first.month + 2, 1))
        previous = _quarter_start(first - timedelta(days=1))
        compare = (previous, _same_day_in(previous, offset, first - timedelta(days=1)))
    elif kind == "this_year":
        natural = date(first.year, 12, 31)
        previous = date(first.year - 1, 1, 1)
        compare = (previous, _same_day_in(previous, offset, date(first.year - 1, 12, 31)))
    elif kind == "last_month":
        natural = last
        previous = (first - timedelta(days=1)).replace(day=1)
        compare = (previous, _month_end(previous))
    else:  # custom: the same number of days just before; not ended if it reaches past today
        natural = last
        last = min(last, today) if first <= today else last
        offset = (last - first).days
        compare = (first - timedelta(days=offset + 1), first - timedelta(days=1))
    return PeriodInfo(kind, first, last, natural, *compare)


def tier_order(session: Session) -> list[str]:
    """Tiers best first: the active scoring model's, then any other a policy names. Reads only
    (the statistics screen may look at a read-only database)."""
    models = list_models(session)
    active = next((m for m in models if m.is_active), models[0] if models else None)
    definition = active.definition if active is not None else DEFAULT_DEFINITION
    tiers = [str(t) for t in (definition or {}).get("tiers") or DEFAULT_DEFINITION["tiers"]]
    tiers.extend(p.tier for p in tier_policies(session) if p.tier not in tiers)
    return tiers


def _rank(order: list[str]):
    position = {tier: index for index, tier in enumerate(order)}
    return lambda tier: (tier == kpi.NO_TIER, position.get(tier, len(order)), tier)


@dataclass
class DashboardFigures:
    """kpi.Dashboard for one period, plus the headline tiles the screen shows above it."""

    dashboard: kpi.Dashboard
    tier_order: list[str]
    customers: int
    period_retention: kpi.RetentionFigure  # the period against the same number of days before it
    top_tier: str | None
    top_tier_share: float | None  # the best tier's share of the period's spend
    mean_satisfaction: float | None
    satisfaction_scores: int
    owner_names: dict[str, str] = field(default_factory=dict)  # login → display name
    period: PeriodInfo | None = None
    comparison: Comparison | None = None  # the same figures for the like-for-like days
    winbacks: WinBackFigures | None = None
    care: list[TierCare] = field(default_factory=list)
    # Customers owned below the rep level their tier asks (now, not in the period).
    resource_gaps: list[ResourceGap] = field(default_factory=list)

    def owner_name(self, login: str | None) -> str:
        return self.owner_names.get(login or "", login or kpi.NO_TIER)

    @property
    def start(self) -> date:
        return self.dashboard.start

    @property
    def end(self) -> date:
        return self.dashboard.end

    @property
    def spend_cents(self) -> int:
        return sum(t.spend_cents for t in self.dashboard.tiers)

    def summary(self) -> dict[str, Any]:
        return {
            "customers": self.customers,
            "spend": str(cents_to_decimal(self.spend_cents)),
            "top_tier": self.top_tier,
            "top_tier_share_of_spend": self.top_tier_share,
            "retention_rate": self.period_retention.rate,
            "retention_base": self.period_retention.base,
            "retained": self.period_retention.retained,
            "mean_satisfaction": self.mean_satisfaction,
            "satisfaction_scores": self.satisfaction_scores,
            "revisits_on_time_rate": self.dashboard.revisits.on_time_rate,
            "win_back_rate": self.winbacks.total.rate if self.winbacks is not None else None,
            "care_cost": str(cents_to_decimal(sum(c.cost_cents for c in self.care))),
        }

    def as_dict(self) -> dict[str, Any]:
        document = {**self.dashboard.as_dict(), "tier_order": self.tier_order, "summary": self.summary()}
        if self.period is not None:
            document["period"] = {"kind": self.period.kind, "partial": self.period.partial,
                                  "days": self.period.days, "total_days": self.period.total_days}
        if self.comparison is not None:
            document["comparison"] = self.comparison.as_dict()
        if self.winbacks is not None:
            document["win_backs"] = self.winbacks.as_dict()
        document["care"] = [c.as_dict() for c in self.care]
        document["resource_gaps"] = [gap.as_dict() for gap in self.resource_gaps]
        return document


@dataclass(frozen=True)
class Comparison:
    """The headline figures for the days a period is compared with (like for like)."""

    start: date
    end: date
    spend_cents: int
    retention: kpi.RetentionFigure
    mean_satisfaction: float | None
    revisits: kpi.RevisitFigures

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(),
                "spend": str(cents_to_decimal(self.spend_cents)), "retention_rate": self.retention.rate,
                "mean_satisfaction": self.mean_satisfaction, "revisits_on_time_rate": self.revisits.on_time_rate}


def _comparison(session: Session, start: date, end: date, today: date) -> Comparison:
    grace = load_reminder_settings(session).grace_days
    spend = sum(t.spend_cents for t in kpi.tier_distribution(session, start, end))
    scores = kpi.satisfaction_by_tier(session, start, end)
    count = sum(n for _mean, n in scores.values())
    mean = round(sum(m * n for m, n in scores.values()) / count, 2) if count else None
    return Comparison(start, end, spend, kpi.retention(session, [(start, end)])[0], mean,
                      kpi.revisits_on_time(session, start, end, today, grace))


def load_period(session: Session, period: PeriodInfo, today: date) -> DashboardFigures:
    """The statistics for a period, with its like-for-like comparison."""
    figures = load_dashboard(session, period.start, period.end, today)
    figures.period = period
    figures.comparison = _comparison(session, period.compare_start, period.compare_end, today)
    return figures


def load_dashboard(session: Session, start: date, end: date, today: date) -> DashboardFigures:
    """Every figure of the statistics screen for the days start..end (inclusive)."""
    board = kpi.dashboard(session, start, end, today)
    order = tier_order(session)
    rank = _rank(order)
    board.tiers.sort(key=lambda t: rank(t.tier))
    board.migration.tiers.sort(key=rank)
    board.satisfaction = dict(sorted(board.satisfaction.items(), key=lambda kv: rank(kv[0])))
    customers = int(session.scalar(select(func.count()).select_from(Customer).where(Customer.deleted_at.is_(None))) or 0)
    top = next((t for t in board.tiers if t.tier != kpi.NO_TIER), None)
    scores = sum(n for _mean, n in board.satisfaction.values())
    mean = round(sum(m * n for m, n in board.satisfaction.values()) / scores, 2) if scores else None
    return DashboardFigures(
        dashboard=board,
        tier_order=order,
        customers=customers,
        period_retention=kpi.retention(session, [(start, end)])[0],
        top_tier=top.tier if top else (order[0] if order else None),
        top_tier_share=top.share_of_spend if top is not None and any(t.spend_cents for t in board.tiers) else None,
        mean_satisfaction=mean,
        satisfaction_scores=scores,
        owner_names={name: display or name for name, display in session.execute(select(User.name, User.display_name))},
        winbacks=win_back_figures(session, start, end),
        care=sorted(care_by_tier(session, start, end), key=lambda c: rank(c.tier)),
        resource_gaps=resource_gaps(session),
    )


# --- export --------------------------------------------------------------------------------------


def _label(zh: str, en: str) -> str:
    return Message(zh, en).text()


def _money(cents: int) -> Any:
    return cents_to_decimal(cents)


# What the breakdown's classes and their values are called in the exported sheet.
DIMENSION_LABELS = {
    "stage": Message("生命周期阶段", "Lifecycle stage"),
    "need_type": Message("需求类型", "Need type"),
    "purchasing_power": Message("购买力", "Purchasing power"),
    "frequency_level": Message("购买频率", "Purchase frequency"),
    "rfm_segment": Message("RFM 分群", "RFM segment"),
}
VALUE_LABELS: dict[str, dict[str, Message]] = {
    "stage": STAGE_LABELS,
    "need_type": {"price": Message("价格敏感型", "Price-sensitive"), "quality": Message("质量敏感型", "Quality-sensitive"),
                  "service": Message("服务敏感型", "Service-sensitive")},
    "purchasing_power": {"high": Message("高端", "High-end"), "mid": Message("中端", "Mid-range"),
                         "low": Message("低端", "Low-end")},
    "frequency_level": FREQUENCY_LABELS,
    "rfm_segment": SEGMENT_LABELS,
}


def segment_value_label(dimension: str, code: str) -> str:
    label = VALUE_LABELS.get(dimension, {}).get(code)
    return label.text() if label is not None else (_label("未知", "unknown") if code == kpi.NO_TIER else code)


def _sections(figures: DashboardFigures) -> list[tuple[str, list[str], list[list[Any]], dict[int, str]]]:
    """(sheet title, headers, rows, {column: number format}) for each section of the screen."""
    board = figures.dashboard
    percent, money, mean = "0.0%", "#,##0.00", "0.00"
    summary = figures.summary()
    overview = [
        [_label("期间", "Period"), f"{board.start.isoformat()} – {board.end.isoformat()}"],
        [_label("客户数", "Customers"), figures.customers],
        [_label("期间消费(元)", "Spend in period"), _money(figures.spend_cents)],
        [_label(f"{figures.top_tier or ''} 级客户消费占比", f"Tier {figures.top_tier or ''} share of spend"),
         summary["top_tier_share_of_spend"]],
        [_label("留存率", "Retention rate"), summary["retention_rate"]],
        [_label("平均满意度", "Mean satisfaction"), summary["mean_satisfaction"]],
        [_label("按时回访率", "Revisits on time"), summary["revisits_on_time_rate"]],
    ]
    period, comparison = figures.period, figures.comparison
    if period is not None and period.partial:
        overview.append([_label("期间状态", "Period status"),
                         _label(f"尚未结束：第 {period.days} 天，共 {period.total_days} 天",
                                f"not ended: day {period.days} of {period.total_days}")])
    if comparison is not None:
        overview += [
            [_label("对比期间（同期）", "Compared with (same days)"),
             f"{comparison.start.isoformat()} – {comparison.end.isoformat()}"],
            [_label("对比期间消费(元)", "Spend then"), _money(comparison.spend_cents)],
            [_label("对比期间留存率", "Retention then"), comparison.retention.rate],
            [_label("对比期间按时回访率", "Revisits on time then"), comparison.revisits.on_time_rate],
        ]
    tiers = [[t.tier, t.customers, _money(t.spend_cents), t.share_of_spend] for t in board.tiers]
    matrix = board.migration
    migration = [[old, *[matrix.counts.get(old, {}).get(new, 0) for new in matrix.tiers]] for old in matrix.tiers]
    retention = [[r.start, r.end, r.base, r.retained, r.rate] for r in board.retention]
    satisfaction = [[tier, m, n] for tier, (m, n) in board.satisfaction.items()]
    revisits = board.revisits
    churn = [
        [r.code, r.name, r.tier, STAGE_LABELS[r.stage].text() if r.stage in STAGE_LABELS else r.stage,
         figures.owner_name(r.owner),
         _money(r.total_spend_cents)]
        for r in board.churn_risk
    ]
    owners = [
        [figures.owner_name(o.owner), o.customers, *[o.tier_counts.get(t, 0) for t in figures.tier_order], _money(o.spend_cents),
         o.interactions, o.mean_satisfaction, o.revisits_due, o.revisits_on_time, o.on_time_rate, o.at_risk]
        for o in board.owners
    ]
    owner_headers = [_label("负责人", "Owner"), _label("客户数", "Customers"),
                     *[_label(f"{t} 级", f"Tier {t}") for t in figures.tier_order],
                     _label("期间消费(元)", "Spend"), _label("互动次数", "Interactions"),
                     _label("平均满意度", "Mean satisfaction"), _label("应回访", "Revisits due"),
                     _label("按时回访", "On time"), _label("按时率", "On-time rate"), _label("流失风险", "At risk")]
    first_money = 2 + len(figures.tier_order)
    segments = [
        [DIMENSION_LABELS[dimension].text(), segment_value_label(dimension, f.segment), f.customers,
         _money(f.spend_cents), f.mean_satisfaction, f.retention_base, f.retained, f.retention_rate]
        for dimension, rows in board.segments.items() for f in rows
    ]
    sections = [
        (_label("概览", "Summary"), [_label("指标", "Figure"), _label("数值", "Value")], overview,
         {}),
        (_label("等级分布", "Tiers"), [_label("等级", "Tier"), _label("客户数", "Customers"),
                                      _label("期间消费(元)", "Spend"), _label("消费占比", "Share of spend")],
         tiers, {2: money, 3: percent}),
        (_label("等级迁移", "Tier migration"),
         [_label(f"{matrix.start} → {matrix.end}", f"{matrix.start} → {matrix.end}"), *matrix.tiers], migration, {}),
        (_label("留存率", "Retention"), [_label("开始", "Start"), _label("结束", "End"), _label("上期购买客户", "Base"),
                                       _label("本期再购", "Retained"), _label("留存率", "Rate")],
         retention, {4: percent}),
        (_label("满意度", "Satisfaction"), [_label("等级", "Tier"), _label("平均满意度", "Mean"),
                                           _label("评分数", "Scores")], satisfaction, {1: mean}),
        (_label("回访", "Revisits"), [_label("应回访", "Due"), _label("按时完成", "Done on time"),
                                    _label("逾期完成", "Done late"), _label("逾期未做", "Open overdue"),
                                    _label("按时率", "On-time rate")],
         [[revisits.due, revisits.done_on_time, revisits.done_late, revisits.open_overdue, revisits.on_time_rate]],
         {4: percent}),
        (_label("流失预警", "Churn risk"), [_label("客户编号", "Code"), _label("客户名称", "Name"), _label("等级", "Tier"),
                                          _label("状态", "Stage"), _label("负责人", "Owner"),
                                          _label("累计消费(元)", "Total spend")], churn, {5: money}),
        (_label("负责人", "Owners"), owner_headers, owners,
         {first_money: money, first_money + 2: mean, first_money + 5: percent}),
        (_label("客户分群", "Segments"), [_label("分类", "Class"), _label("分群", "Segment"), _label("客户数", "Customers"),
                                       _label("期间消费(元)", "Spend"), _label("平均满意度", "Mean satisfaction"),
                                       _label("上期购买客户", "Base"), _label("本期再购", "Retained"),
                                       _label("留存率", "Retention rate")],
         segments, {3: money, 4: mean, 7: percent}),
    ]
    if figures.winbacks is not None:
        win = figures.winbacks
        counted = [win.total, *win.owners]
        win_rows = [[figures.owner_name(c.owner) if c is not win.total else _label("全部", "All"), c.started,
                     c.still_open, c.won, c.lost, c.rate,
                     "、".join(f"{reason_label(code)} {n}" for code, n in c.reasons.items())] for c in counted]
        sections.append((_label("挽回", "Win-back"),
                         [_label("负责人", "Owner"), _label("发起", "Started"), _label("进行中", "Open"),
                          _label("挽回成功", "Won back"), _label("已流失", "Lost"), _label("挽回率", "Win-back rate"),
                          _label("流失原因", "Churn reasons")], win_rows, {5: percent}))
    care_rows = [[c.tier, c.customers, c.cared_for, c.records, _money(c.cost_cents), _money(c.spend_cents),
                  c.cost_share] for c in figures.care]
    sections.append((_label("客户回馈", "Care"),
                     [_label("等级", "Tier"), _label("客户数", "Customers"), _label("获回馈客户", "Cared for"),
                      _label("回馈次数", "Records"), _label("回馈成本(元)", "Care cost"),
                      _label("期间消费(元)", "Spend"), _label("成本占消费", "Cost / spend")],
                     care_rows, {4: money, 5: money, 6: percent}))
    return sections


def write_dashboard_xlsx(figures: DashboardFigures, path: Path) -> Path:
    """One sheet per section of the statistics screen, headers in the interface language."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    workbook = Workbook()
    workbook.remove(workbook.active)
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="2F5597")
    for title, headers, rows, formats in _sections(figures):
        sheet = workbook.create_sheet(title=title[:31])
        sheet.append(headers)
        for cell in sheet[1]:
            cell.font = header_font
            cell.fill = header_fill
            cell.alignment = Alignment(horizontal="center", vertical="center")
        for row in rows:
            sheet.append(row)
        for column, number_format in formats.items():
            for (cell,) in sheet.iter_rows(min_row=2, min_col=column + 1, max_col=column + 1):
                cell.number_format = number_format
        if title == _label("概览", "Summary"):
            # Rates in the overview are fractions too; shown as percentages like elsewhere.
            for row_index, (name, value) in enumerate(rows, start=2):
                if isinstance(value, float) and name != _label("平均满意度", "Mean satisfaction"):
                    sheet.cell(row=row_index, column=2).number_format = "0.0%"
                elif isinstance(value, Decimal):
                    sheet.cell(row=row_index, column=2).number_format = "#,##0.00"
        for index, header in enumerate(headers, start=1):
            width = max([_text_width(header), *(_text_width(row[index - 1]) for row in rows)]) + 3
            sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = min(max(width, 8), 48)
        sheet.freeze_panes = "A2"
    path = Path(path)
    workbook.save(path)
    return path


def _text_width(value: Any) -> int:
    import unicodedata

    text = "" if value is None else str(value)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def write_dashboard_json(figures: DashboardFigures, path: Path) -> Path:
    path = Path(path)
    path.write_text(json.dumps(figures.as_dict(), ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
    return path


def export_dashboard(figures: DashboardFigures, path: Path) -> Path:
    """Write the figures as .xlsx or .json, by the file's suffix."""
    suffix = Path(path).suffix.lower()
    if suffix == ".xlsx":
        return write_dashboard_xlsx(figures, path)
    if suffix == ".json":
        return write_dashboard_json(figures, path)
    raise ValidationError(f"“{Path(path).name}”：只能导出为 .xlsx 或 .json",
                          f"'{Path(path).name}': the figures export to .xlsx or .json only", field="path")
