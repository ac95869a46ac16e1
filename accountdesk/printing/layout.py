"""The printed sheets' texts and HTML: labels in either language, and the revisit sheet and
plan page as the HTML subset QTextDocument lays out."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPagedPaintDevice

from accountdesk.core.i18n import current_language

if TYPE_CHECKING:
    from accountdesk.core.revisits.sheets import SheetCustomer, WeeklyPlan

BODY_POINTS = 9.0
KEY_WIDTH = {2: 14, 3: 11}  # percent of the page for a label cell, by pairs per row
MAX_COMPLAINTS = 3
MOST_NOTE_LINES, FEWEST_NOTE_LINES = 12, 3
PLAN_ROWS_PER_TABLE = 40
PLAN_ROWS_PER_PAGE = 44  # one-line rows under a group title that fill an A4 page of the plan
ACCENT = "#1f3a5f"
RULE = "#8a8f98"
SHADE = "#eef1f5"

# --- texts -----------------------------------------------------------------------------------

_LABELS: dict[str, tuple[str, str]] = {
    "app": ("AccountDesk 客户分级维护台", "AccountDesk key-account desk"),
    "sheet_title": ("客户回访单", "Customer revisit sheet"),
    "plan_title": ("回访计划", "Revisit plan"),
    "plan_month": ("{year}年{month}月回访计划", "Revisit plan for {month_name} {year}"),
    "plan_week": ("回访计划（{start} 至 {end}）", "Revisit plan, {start} to {end}"),
    "plan_day": ("{day} 回访计划", "Revisit plan for {day}"),
    "overdue_mark": ("已逾期 {n} 天", "Overdue {n} days"),
    "overdue_mark_one": ("已逾期 1 天", "Overdue 1 day"),
    "overdue_group": ("已逾期（计划日期在本期之前，尚未完成）· {count} 项",
                      "Overdue (planned before this period, still open) · {count}"),
    "overdue_group_one": ("已逾期（计划日期在本期之前，尚未完成）· 1 项",
                          "Overdue (planned before this period, still open) · 1"),
    "sec_followups": ("待办跟进（之前承诺的下一步）", "Follow-ups promised earlier"),
    "followup_title": ("客户跟进单", "Customer follow-up sheet"),
    "promised": ("承诺于", "Promised"),
    "step": ("下一步", "Next step"),
    "by": ("完成期限", "Due by"),
    "preview_title": ("回访单打印预览", "Revisit sheets: print preview"),
    "sec_archive": ("客户档案", "Customer archive"),
    "sec_tier": ("级别与服务策略", "Tier and service policy"),
    "sec_visit": ("本次回访", "This revisit"),
    "sec_interactions": ("最近互动", "Recent interactions"),
    "sec_complaints": ("未解决投诉", "Open complaints"),
    "sec_record": ("回访记录（手填）", "Revisit record (fill in by hand)"),
    "code": ("客户编号", "Code"),
    "name": ("客户名称", "Customer"),
    "company": ("公司", "Company"),
    "contact_person": ("联系人", "Contact"),
    "phone": ("电话", "Phone"),
    "address": ("地址", "Address"),
    "industry": ("行业", "Industry"),
    "owner": ("负责人", "Owner"),
    "visitor": ("回访人", "Visited by"),
    "stage": ("生命周期", "Lifecycle"),
    "since": ("合作起始", "Since"),
    "last_purchase": ("最近购买", "Last purchase"),
    "spend": ("近12个月消费", "Spend, 1 yr"),
    "tier": ("客户级别", "Tier"),
    "tier_badge": ("级", "tier"),
    "interval": ("回访周期", "Cadence"),
    "policy_channel": ("建议方式", "Channel"),
    "service_level": ("服务等级", "Service"),
    "rep_level": ("对接人员", "Served by"),
    "discount": ("折扣", "Discount"),
    "action_plan": ("行动方案", "Action plan"),
    "no_policy": ("该级别尚未设置服务策略", "No policy set for this tier"),
    "ungraded": ("未分级", "Not graded"),
    "purpose": ("回访目的", "Purpose"),
    "due": ("计划日期", "Planned for"),
    "channel": ("回访方式", "Channel"),
    "date": ("日期", "Date"),
    "kind": ("方式", "Channel"),
    "summary": ("摘要", "Summary"),
    "satisfaction": ("满意度", "Satisfaction"),
    "rating": ("满意度", "Rating"),
    "no_interactions": ("暂无互动记录", "No interactions recorded yet"),
    "received": ("收到日期", "Received"),
    "content": ("内容", "Content"),
    "waiting": ("已等待", "Open for"),
    "no_complaints": ("无未解决投诉", "No open complaints"),
    "visit_date": ("回访日期", "Date of visit"),
    "date_blank": ("_______ 年 ____ 月 ____ 日", "______ / ____ / ____"),
    "actual_channel": ("实际方式", "Channel used"),
    "sat_hint": ("（5 分最满意）", "(5 = very happy)"),
    "notes": ("记录", "Notes"),
    "next_step": ("下一步", "Next step"),
    "customer_sign": ("客户签字", "Customer signature"),
    "manager_sign": ("经理签字", "Manager signature"),
    "printed": ("打印日期", "Printed"),
    "page": ("第 {page} / {pages} 页", "Page {page} of {pages}"),
    "range": ("{start} 至 {end}", "{start} to {end}"),
    "for_owner": ("负责人：{owner}", "Owner: {owner}"),
    "total": ("共 {count} 次回访", "{count} revisits"),
    "total_one": ("共 1 次回访", "1 revisit"),
    "nothing": ("本期间没有计划中的回访。", "No revisits are planned in this period."),
    "group": ("{tier} 级 · {count} 位", "Tier {tier} · {count}"),
    "group_ungraded": ("未分级 · {count} 位", "Not graded · {count}"),
    "done": ("完成", "Done"),
    "days": ("{n} 天", "{n} days"),
    "days_one": ("1 天", "1 day"),
    "every_days": ("每 {n} 天", "every {n} days"),
    "every_days_one": ("每 1 天", "every day"),
    "count_purchases": ("（{n} 笔）", " ({n} purchases)"),
    "count_purchases_one": ("（1 笔）", " (1 purchase)"),
    "more_complaints": ("另有 {n} 条未解决投诉，见系统记录。", "{n} more open complaints in the archive."),
    "more_complaints_one": ("另有 1 条未解决投诉，见系统记录。", "1 more open complaint in the archive."),
}

_KINDS: dict[str, tuple[str, str]] = {
    "phone": ("电话", "Phone"),
    "email": ("邮件", "Email"),
    "visit": ("拜访", "Visit"),
    "meeting": ("会议", "Meeting"),
    "wechat": ("微信", "WeChat"),
    "other": ("其他", "Other"),
}

_STAGES: dict[str, tuple[str, str]] = {
    "potential": ("潜在客户", "Potential"),
    "new": ("新客户", "New"),
    "active": ("活跃客户", "Active"),
    "loyal": ("忠诚客户", "Loyal"),
    "at_risk": ("流失风险", "At risk"),
    "churned": ("已流失", "Churned"),
}

_WEEKDAYS = (
    ("周一", "Mon"), ("周二", "Tue"), ("周三", "Wed"), ("周四", "Thu"),
    ("周五", "Fri"), ("周六", "Sat"), ("周日", "Sun"),
)


def _pick(pair: tuple[str, str]) -> str:
    return pair[0] if current_language() == "zh" else pair[1]


def label(key: str, **values: object) -> str:
    """A printed label in the language in use (Chinese unless English is chosen). A count of one
    takes the label's "_one" form where it has one ("1 day", not "1 days")."""
    count = values.get("n", values.get("count"))
    if count == 1 and f"{key}_one" in _LABELS:
        key = f"{key}_one"
    return _pick(_LABELS[key]).format(**values)


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")


def plan_title(start: date, end: date) -> str:
    """What the plan page covers, named by its range: a month, a day, or the dates it spans
    (never "this week" for a month)."""
    if start == end:
        return label("plan_day", day=start.isoformat())
    next_month = date(start.year + start.month // 12, start.month % 12 + 1, 1)
    if start.day == 1 and end == next_month - timedelta(days=1):
        return label("plan_month", year=start.year, month=start.month, month_name=_MONTH_NAMES[start.month - 1])
    return label("plan_week", start=start.isoformat(), end=end.isoformat())


def _coded(table: dict[str, tuple[str, str]], code: str | None) -> str:
    if not code:
        return ""
    return _pick(table[code]) if code in table else code


def _weekday(day: date) -> str:
    return _pick(_WEEKDAYS[day.weekday()])



# --- HTML ------------------------------------------------------------------------------------


def _h(value: object | None, empty: str = "—") -> str:
    text = "" if value is None else str(value).strip()
    return escape(text) if text else empty


def sheet_font(family: str | None, points: float) -> QFont:
    """The printed font: `family` (or Qt's choice) at `points`, without localized glyph forms.

    Noto Sans CJK's 'locl' feature swaps digits after Latin letters (the 0001 of KH-0001) for
    glyphs no character maps to, and a PDF viewer then cannot copy or find them.
    """
    font = QFont(family) if family else QFont()
    font.setPointSizeF(points)
    font.setFeature(QFont.Tag("locl"), 0)
    return font


class TextFit:
    """Shortens free text to the lines a table column has, measured with the printer's own font,
    so a long note never pushes a sheet onto a second page."""

    # Cell padding and borders, in 1/96 inch like the HTML.
    _PADDING = 14.0

    def __init__(self, family: str | None, device: QPagedPaintDevice | None = None, width: float = 0.0) -> None:
        self._metrics: QFontMetricsF | None = None
        self._width = width
        self._padding = 0.0
        if device is not None and width > 0:
            font = sheet_font(family, BODY_POINTS)
            self._metrics = QFontMetricsF(font, device)
            self._padding = self._PADDING * device.logicalDpiX() / 96.0

    def __call__(self, text: str | None, fraction: float, lines: int = 1) -> str:
        """`text` escaped for HTML, elided to `lines` lines of a column `fraction` of the page wide."""
        flat = " ".join((text or "").split())
        if not flat:
            return "—"
        if self._metrics is None:
            limit = max(int(fraction * 110 * lines), 4)
            return escape(flat if len(flat) <= limit else flat[: limit - 1] + "…")
        # Wrapping leaves ragged line ends; keep a margin so the text stays within its lines.
        room = (fraction * self._width - self._padding) * lines * (1.0 if lines == 1 else 0.9)
        return escape(self._metrics.elidedText(flat, Qt.TextElideMode.ElideRight, room))


def _style(family: str | None) -> str:
    font = f"font-family: '{family}';" if family else ""
    return f"""
    body {{ {font} font-size: {BODY_POINTS}pt; color: #1d1d1f; }}
    p {{ margin: 0; }}
    .muted {{ color: #5f6670; font-size: 8pt; }}
    .title {{ font-size: 17pt; font-weight: bold; color: {ACCENT}; }}
    .cname {{ font-size: 13pt; font-weight: bold; }}
    .section {{ font-size: 10pt; font-weight: bold; color: {ACCENT};
                margin-top: 6px; margin-bottom: 2px; }}
    table.grid {{ border-collapse: collapse; }}
    table.grid td, table.grid th {{ border: 1px solid {RULE}; padding: 1px 5px; }}
    table.grid th {{ background-color: {SHADE}; font-weight: bold; text-align: left; }}
    td.k {{ background-color: {SHADE}; color: #3a3f47; }}
    table.form {{ border-collapse: collapse; }}
    td.f {{ border: 1px solid #3a3f47; padding: 4px 6px; }}
    td.fk {{ border: 1px solid #3a3f47; padding: 4px 6px; background-color: {SHADE}; color: #3a3f47; }}
    table.lines {{ border-collapse: collapse; }}
    td.line {{ border-width: 0; border-bottom: 1px solid {RULE}; padding-top: 12px; }}
    .badge {{ font-size: 26pt; font-weight: bold; color: #ffffff; }}
    .badge-note {{ font-size: 7.5pt; color: #dfe6ef; }}
    .box {{ font-size: 11pt; }}
    .overdue {{ color: #b91c1c; font-weight: bold; }}
    """


def _html(body: str, family: str | None) -> str:
    return f"<html><head><style>{_style(family)}</style></head><body>{body}</body></html>"


def _section(key: str) -> str:
    return f'<p class="section">■ {escape(label(key))}</p>'


def _kv_rows(
    pairs: Sequence[tuple[str, str]], *, wide: Sequence[tuple[str, str]] = (), per_row: int = 2
) -> str:
    """Key/value cells, `per_row` pairs to a row; `wide` pairs take a whole row each."""
    key_width = KEY_WIDTH[per_row]
    value_width = (100 - key_width * per_row) // per_row
    # The last value takes what rounding left over, so every grid ends at the right margin.
    last_width = 100 - key_width * per_row - value_width * (per_row - 1)
    rows = []
    for index in range(0, len(pairs), per_row):
        chunk = list(pairs[index : index + per_row]) + [("", "")] * (per_row - len(pairs[index : index + per_row]))
        cells = [
            f'<td class="k" width="{key_width}%">{escape(key)}</td>'
            f'<td width="{last_width if position == per_row - 1 else value_width}%">{value}</td>'
            for position, (key, value) in enumerate(chunk)
        ]
        rows.append(f"<tr>{''.join(cells)}</tr>")
    span = per_row * 2 - 1
    for key, value in wide:
        rows.append(f'<tr><td class="k">{escape(key)}</td><td colspan="{span}">{value}</td></tr>')
    return f'<table class="grid" width="100%" cellspacing="0">{"".join(rows)}</table>'


def _wide_fraction(per_row: int) -> float:
    return (100 - KEY_WIDTH[per_row]) / 100


def _badge(tier: str | None) -> str:
    text = _h(tier, "–")
    note = label("tier") if tier else label("ungraded")
    return (
        f'<td width="74" align="center" valign="middle" bgcolor="{ACCENT}">'
        f'<p align="center" class="badge">{text}</p>'
        f'<p align="center" class="badge-note">{escape(note)}</p></td>'
    )


def _rule() -> str:
    return f'<table width="100%" cellspacing="0" cellpadding="0"><tr><td height="3" bgcolor="{ACCENT}"></td></tr></table>'


def _sheet_header(sheet: SheetCustomer) -> str:
    archive = sheet.archive
    sep = "：" if current_language() == "zh" else ": "
    facts = [
        f"{escape(label('code'))}{sep}<b>{_h(archive.code)}</b>",
        f"{escape(label('due'))}{sep}<b>{sheet.due_on.isoformat()}</b> {escape(_weekday(sheet.due_on))}",
    ]
    if sheet.plan_owner:
        facts.append(f"{escape(label('visitor'))}{sep}{_h(sheet.plan_owner)}")
    if sheet.overdue:
        facts.append(f'<span class="overdue">{escape(label("overdue_mark", n=sheet.overdue_days))}</span>')
    title = label("followup_title") if sheet.is_followup else label("sheet_title")
    return (
        '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        '<td valign="bottom">'
        f'<p class="muted">{escape(label("app"))}</p>'
        f'<p class="title">{escape(title)}</p>'
        f'<p class="cname">{_h(archive.name)}</p>'
        f'<p>{"　·　".join(facts)}</p>'
        "</td>"
        f"{_badge(sheet.tier)}"
        "</tr></table>"
        + _rule()
    )


def _archive_section(sheet: SheetCustomer, fit: TextFit) -> str:
    a = sheet.archive
    purchases = sheet.purchases
    spend = escape(purchases.window_spend_text) + escape(label("count_purchases", n=purchases.window_purchases))
    pairs = []
    if a.company and a.company.strip() != a.name.strip():
        # The name is in the header already; the company only when it says something else.
        pairs.append((label("company"), fit(a.company, 0.36)))
    pairs += [
        (label("contact_person"), _h(a.contact_person)),
        (label("phone"), _h(a.phone)),
        (label("industry"), _h(a.industry)),
        (label("owner"), _h(a.owner)),
        (label("stage"), _h(_coded(_STAGES, a.stage))),
        (label("since"), _h(a.cooperation_since.isoformat() if a.cooperation_since else None)),
        (label("last_purchase"), _h(purchases.last_purchase.isoformat() if purchases.last_purchase else None)),
        (label("spend"), spend),
    ]
    address = fit(a.address, _wide_fraction(2), lines=2)
    return _section("sec_archive") + _kv_rows(pairs, wide=[(label("address"), address)])


def _tier_section(sheet: SheetCustomer, fit: TextFit) -> str:
    policy = sheet.policy
    tier = _h(sheet.tier, escape(label("ungraded")))
    if policy is None:
        pairs = [(label("tier"), f"<b>{tier}</b>"), (label("action_plan"), escape(label("no_policy")))]
        return _section("sec_tier") + _kv_rows(pairs)
    discount = f"{escape(policy.discount_percent)}%" if policy.discount_percent else "—"
    pairs = [
        (label("tier"), f"<b>{tier}</b>"),
        (label("interval"), escape(label("every_days", n=policy.revisit_interval_days))),
        (label("policy_channel"), _h(_coded(_KINDS, policy.channel))),
        (label("service_level"), fit(policy.service_level, 0.22)),
        (label("rep_level"), fit(policy.rep_level, 0.22)),
        (label("discount"), discount),
    ]
    plan = fit(policy.action_plan, _wide_fraction(3), lines=2)
    return _section("sec_tier") + _kv_rows(pairs, wide=[(label("action_plan"), plan)], per_row=3)


def _visit_section(sheet: SheetCustomer, fit: TextFit) -> str:
    # Date and visitor are in the header; here what the visit is for and how it is made.
    return _section("sec_visit") + (
        '<table class="grid" width="100%" cellspacing="0"><tr>'
        f'<td class="k" width="14%">{escape(label("purpose"))}</td>'
        f'<td width="58%"><b>{fit(sheet.purpose, 0.58, lines=2)}</b></td>'
        f'<td class="k" width="11%">{escape(label("channel"))}</td>'
        f'<td width="17%">{_h(_coded(_KINDS, sheet.channel))}</td>'
        "</tr></table>"
    )


def _followups_section(sheet: SheetCustomer, fit: TextFit) -> str:
    """The next steps promised earlier and still open (none: no section, the sheet keeps its room)."""
    if not sheet.followups:
        return ""
    head = (
        f'<tr><th width="15%">{escape(label("by"))}</th><th width="56%">{escape(label("step"))}</th>'
        f'<th width="14%">{escape(label("owner"))}</th><th width="15%">{escape(label("promised"))}</th></tr>'
    )
    rows = [
        f"<tr><td>{line.due_on.isoformat()}</td><td>{fit(line.step, 0.56)}</td><td>{_h(line.owner)}</td>"
        f"<td>{line.promised_on.isoformat()}</td></tr>"
        for line in sheet.followups[:MAX_COMPLAINTS]
    ]
    return _section("sec_followups") + f'<table class="grid" width="100%" cellspacing="0">{head}{"".join(rows)}</table>'


def _interactions_section(sheet: SheetCustomer, fit: TextFit) -> str:
    head = (
        f'<tr><th width="15%">{escape(label("date"))}</th><th width="10%">{escape(label("kind"))}</th>'
        f'<th width="64%">{escape(label("summary"))}</th><th width="11%">{escape(label("rating"))}</th></tr>'
    )
    rows = [
        f"<tr><td>{line.on.isoformat()}</td><td>{_h(_coded(_KINDS, line.kind))}</td>"
        f"<td>{fit(line.summary, 0.64)}</td>"
        f'<td align="center">{f"{line.satisfaction} / 5" if line.satisfaction else "—"}</td></tr>'
        for line in sheet.interactions
    ]
    if not rows:
        rows = [f'<tr><td colspan="4" class="muted">{escape(label("no_interactions"))}</td></tr>']
    return _section("sec_interactions") + f'<table class="grid" width="100%" cellspacing="0">{head}{"".join(rows)}</table>'


def _complaints_section(sheet: SheetCustomer, fit: TextFit) -> str:
    if not sheet.complaints:
        return _section("sec_complaints") + f'<p class="muted">{escape(label("no_complaints"))}</p>'
    head = (
        f'<tr><th width="15%">{escape(label("received"))}</th><th width="74%">{escape(label("content"))}</th>'
        f'<th width="11%">{escape(label("waiting"))}</th></tr>'
    )
    rows = [
        f"<tr><td>{c.received_on.isoformat()}</td><td>{fit(c.content, 0.74)}</td>"
        f'<td align="center">{escape(label("days", n=c.days_open))}</td></tr>'
        for c in sheet.complaints[:MAX_COMPLAINTS]
    ]
    more = len(sheet.complaints) - MAX_COMPLAINTS
    extra = f'<p class="muted">{escape(label("more_complaints", n=more))}</p>' if more > 0 else ""
    return (
        _section("sec_complaints")
        + f'<table class="grid" width="100%" cellspacing="0">{head}{"".join(rows)}</table>'
        + extra
    )


def _lines(count: int) -> str:
    rows = "".join('<tr><td class="line">&nbsp;</td></tr>' for _ in range(count))
    return f'<table class="lines" width="100%" cellspacing="0">{rows}</table>'


def _gap() -> str:
    # A full-width space between Chinese choices; a plain one keeps English ones on one line.
    return "　" if current_language() == "zh" else " "


def _record_section(note_lines: int) -> str:
    kinds = ("visit", "phone", "meeting", "wechat", "email", "other")
    boxes = (_gap() * 2).join(f'<span class="box">□</span> {escape(_pick(_KINDS[k]))}' for k in kinds)
    scores = _gap().join(f'<span class="box">□</span> {n}' for n in range(1, 6))
    k = 'class="fk" width="14%" valign="top"'
    return (
        _section("sec_record")
        + '<table class="form" width="100%" cellspacing="0">'
        f'<tr><td {k}>{escape(label("visit_date"))}</td><td class="f" width="36%">{escape(label("date_blank"))}</td>'
        f'<td {k}>{escape(label("satisfaction"))}</td><td class="f" width="36%">{scores}'
        f'{_gap()}<span class="muted">{escape(label("sat_hint"))}</span></td></tr>'
        f'<tr><td {k}>{escape(label("actual_channel"))}</td><td class="f" colspan="3">{boxes}</td></tr>'
        f'<tr><td {k}>{escape(label("notes"))}</td><td class="f" colspan="3">{_lines(note_lines)}</td></tr>'
        f'<tr><td {k}>{escape(label("next_step"))}</td><td class="f" colspan="3">{_lines(1)}</td></tr>'
        f'<tr><td {k}>{escape(label("customer_sign"))}</td><td class="f"><br>&nbsp;</td>'
        f'<td {k}>{escape(label("manager_sign"))}</td><td class="f"><br>&nbsp;</td></tr>'
        "</table>"
    )


def sheet_html(
    sheet: SheetCustomer, family: str | None, note_lines: int = FEWEST_NOTE_LINES, fit: TextFit | None = None
) -> str:
    """The HTML of one customer's revisit sheet."""
    fit = fit or TextFit(family)
    return _html(
        _sheet_header(sheet)
        + _archive_section(sheet, fit)
        + _tier_section(sheet, fit)
        + _visit_section(sheet, fit)
        + _followups_section(sheet, fit)
        + _interactions_section(sheet, fit)
        + _complaints_section(sheet, fit)
        + _record_section(note_lines),
        family,
    )


def _group_title(tier: str | None, count: int) -> str:
    return label("group", tier=tier, count=count) if tier else label("group_ungraded", count=count)


# Percent widths of the plan table's columns; English words need more room for the channel.
_PLAN_COLUMNS = {
    True: (("date", 11), ("code", 10), ("name", 21), ("contact_person", 8), ("phone", 14),
           ("kind", 6), ("purpose", 16), ("owner", 8), ("done", 6)),
    False: (("date", 11), ("code", 10), ("name", 19), ("contact_person", 9), ("phone", 14),
            ("kind", 9), ("purpose", 12), ("owner", 9), ("done", 7)),
}


def weekly_html(
    weekly: WeeklyPlan, family: str | None, owner: str | None = None, fit: TextFit | None = None
) -> str:
    """The HTML of the plan page: every planned revisit of the period, grouped by tier."""
    return _html("".join(_plan_blocks(weekly, family, owner, fit)), family)


def weekly_pages_html(
    weekly: WeeklyPlan, family: str | None, owner: str | None = None, fit: TextFit | None = None, *,
    rows_per_page: int = PLAN_ROWS_PER_PAGE, first_page_rows: int | None = None,
) -> list[str]:
    """The plan as documents of about a page each when it is long (a month: 30 pages), one otherwise.

    Laying out one document holds the interpreter for its whole length (Qt does not let go of
    Python's lock meanwhile), so a month's plan in one piece froze the window for seconds; pieces
    of a page let the window breathe between them.
    """
    if weekly.total <= rows_per_page * 3:
        return [weekly_html(weekly, family, owner, fit)]
    blocks = _plan_blocks(weekly, family, owner, fit, rows_per_table=rows_per_page,
                          first_rows=first_page_rows if first_page_rows is not None else rows_per_page)
    pages, current = [], []
    for block in blocks:
        current.append(block)
        if block.startswith("<table"):  # a table is a page's worth of rows: the page is full
            pages.append(_html("".join(current), family))
            current = []
    if current:
        pages.append(_html("".join(current), family))
    return pages


def plan_probe_html(family: str | None, rows: int) -> str:
    """A group title and a table of `rows` plan rows: measured to know how many rows fill a page."""
    columns = _PLAN_COLUMNS[current_language() == "zh"]
    head = "<tr>" + "".join(f'<th width="{percent}%">{escape(label(key))}</th>' for key, percent in columns) + "</tr>"
    row = ("<tr><td>12-31 周四</td><td>C000001</td><td>华东精密机械</td><td>张伟</td><td>138-0000-1111</td>"
           + "<td>拜访</td>" * (len(columns) - 6) + '<td align="center">□</td></tr>')
    return _html(f'<p class="section">■ A</p><table class="grid" width="100%" cellspacing="0"><thead>{head}</thead>'
                 f"{row * rows}</table>", family)


def _plan_blocks(weekly: WeeklyPlan, family: str | None, owner: str | None, fit: TextFit | None, *,
                 rows_per_table: int = PLAN_ROWS_PER_TABLE, first_rows: int | None = None) -> list[str]:
    fit = fit or TextFit(family)
    title = plan_title(weekly.start, weekly.end)
    period = label("range", start=weekly.start.isoformat(), end=weekly.end.isoformat())
    facts = [period, label("total", count=weekly.total)]
    if owner:
        facts.append(label("for_owner", owner=owner))
    parts = [
        f'<p class="muted">{escape(label("app"))}</p>'
        f'<p class="title">{escape(title)}</p>'
        f'<p>{escape("　·　".join(facts))}</p>'
        + _rule(),
    ]
    if not weekly.groups and not weekly.overdue:
        parts.append(
            '<p>&nbsp;</p><table class="grid" width="100%" cellspacing="0" cellpadding="16"><tr>'
            f'<td align="center"><span class="cname">{escape(label("nothing"))}</span></td></tr></table>'
        )
    # One line a row: a row never splits across pages, and a week of 40 visits fits one page.
    columns = _PLAN_COLUMNS[current_language() == "zh"]
    width = {key: percent / 100 for key, percent in columns}
    head = "<tr>" + "".join(f'<th width="{percent}%">{escape(label(key))}</th>' for key, percent in columns) + "</tr>"
    groups = [(escape(_group_title(group.tier, len(group.entries))), group.entries) for group in weekly.groups]
    if weekly.overdue:  # what is owed already comes first
        groups.insert(0, (f'<span class="overdue">{escape(label("overdue_group", count=len(weekly.overdue)))}</span>',
                          weekly.overdue))
    for title_html, entries in groups:
        parts.append(f'<p class="section">■ {title_html}</p>')
        rows = []
        for entry in entries:
            # (How late each overdue one is, its sheet says: a row stays one line, never split at a page end.)
            rows.append(
                f"<tr><td>{entry.due_on.strftime('%m-%d')} {escape(_weekday(entry.due_on))}</td>"
                f"<td>{_h(entry.code)}</td><td>{fit(entry.name, width['name'])}</td>"
                f"<td>{fit(entry.contact_person, width['contact_person'])}</td><td>{_h(entry.phone)}</td>"
                f"<td>{_h(_coded(_KINDS, entry.channel))}</td>"
                f"<td>{fit(entry.purpose, width['purpose'])}</td><td>{fit(entry.owner, width['owner'])}</td>"
                # The box in the body size: a taller cell would break apart from its row at a page end.
                '<td align="center">□</td></tr>'
            )
        # Tables of a page or so each: QTextDocument lays a table out in time that grows faster than its
        # rows, and a month's plan in one table of 1,800 rows took seconds on its own. The first page
        # also carries the title, so its table is shorter.
        start = 0
        while start < len(rows):
            size = first_rows if first_rows is not None else rows_per_table
            first_rows = None
            chunk = "".join(rows[start:start + size])
            parts.append(f'<table class="grid" width="100%" cellspacing="0"><thead>{head}</thead>{chunk}</table>')
            start += size
    return parts
