"""Finding the header row of a sheet (below titles, across merged cells) and matching its columns to fields."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from accountdesk.core.i18n import AccountDeskError, Message

KINDS = ("customers", "contacts", "transactions", "interactions")
HEADER_SCAN_ROWS = 30
# A merge larger than this is formatting, not data (a whole column merged), and is not spread.
MERGE_FILL_LIMIT = 200_000


@dataclass(frozen=True)
class FieldSpec:
    """One thing a column can hold, the words managers head it with, and how its cells are read."""

    name: str
    label: Message
    synonyms: tuple[str, ...]
    type: str  # text | code | phone | email | date | recent_date | datetime | birthday | money | int | bool | choice:<set> | tier | satisfaction
    required: bool = False


def _f(name: str, zh: str, en: str, synonyms: str, type_: str = "text", required: bool = False) -> FieldSpec:
    words = tuple(s.strip() for s in synonyms.split("|") if s.strip())
    return FieldSpec(name, Message(zh, en), (zh, en, *words), type_, required)


_CUSTOMER_REF = (
    _f("customer_code", "客户编号", "Customer code", "客户代码|客户编码|客户号|客户ID|Customer No|Customer ID", "code"),
    _f("customer_name", "客户名称", "Customer", "客户|客户名|客户全称|公司名称|公司|单位名称|企业名称|Customer name|Company", "text"),
)

FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "customers": (
        _f("code", "客户编号", "Code", "编号|客户代码|客户编码|客户号|客户ID|代码|序号编码|Customer code|Customer No|Customer ID|No.", "code"),
        _f("name", "客户名称", "Name", "客户|客户名|客户全称|客户姓名|名称|Customer|Customer name", required=True),
        _f("company", "公司名称", "Company", "公司|单位|单位名称|企业|企业名称|所属公司|Company name|Organization"),
        _f("contact_person", "联系人", "Contact person", "联系人姓名|对接人|负责人姓名|Contact|Contact name"),
        _f("phone", "联系方式", "Phone", "电话|手机|手机号|手机号码|联系电话|电话号码|移动电话|Mobile|Tel|Telephone|Phone number",
           "contact_phone"),
        _f("landline", "座机", "Landline", "固定电话|固话|座机号码|办公电话|公司电话|Landline|Office phone", "phone"),
        _f("wechat", "微信", "WeChat", "微信号|WeChat ID|Weixin"),
        _f("email", "邮箱", "Email", "电子邮箱|电子邮件|邮件|E-mail|Mail", "email"),
        _f("position", "职位", "Position", "职务|岗位|Title|Job title"),
        _f("address", "地址", "Address", "联系地址|公司地址|通讯地址|详细地址"),
        _f("region", "地区", "Region", "城市|所在城市|所在地区|区域|省市|所在地|City|Region|Billing City"),
        _f("industry", "行业", "Industry", "所属行业|行业类别"),
        _f("source", "客户来源", "Source", "来源|获客渠道|渠道"),
        _f("birthday", "生日", "Birthday", "出生日期|生日日期|Date of birth|DOB", "birthday"),
        _f("cooperation_since", "合作开始日期", "Customer since", "合作开始|合作日期|合作时间|首次合作|开始合作日期|建档日期|Since|Start date", "date"),
        _f("owner", "负责人", "Owner", "客户经理|归属|归属人|所属经理|业务员|销售|跟进人|Account manager|Manager|Sales rep", "text"),
        _f("tier", "等级", "Tier", "客户等级|级别|分级|客户分级|综合评价|Grade|Level|Class", "tier"),
        _f("stage", "生命周期", "Stage", "生命周期阶段|阶段|客户阶段|Lifecycle|Lifecycle stage", "choice:stage"),
        _f("need_type", "需求类型", "Need type", "需求|敏感类型|Need", "choice:need"),
        _f("purchasing_power", "购买力", "Purchasing power", "消费能力|购买能力", "choice:level"),
        _f("referrals", "推荐客户数", "Referrals", "推荐数|转介绍|转介绍数|推荐|Referral count", "int"),
        _f("followers", "粉丝数", "Followers", "关注者|粉丝|影响人数|影响力|Follower count", "count"),
        _f("notes", "备注", "Notes", "说明|附注|Remark|Remarks|Comment|Comments|Note"),
        _f("opening_spend", "年采购额", "Opening spend",
           "累计消费|消费金额|采购额|年采购金额|年消费额|累计采购额|累计采购|采购金额|消费总额|累计金额|Annual spend|Total spend",
           "money"),
        _f("last_contact", "最近拜访", "Last contact",
           "最近联系|最近跟进|上次拜访|上次联系|最后拜访|最后联系|最近拜访日期|最近联系日期|Last visit|Last contact|Last interaction",
           "recent_date"),
    ),
    "contacts": (
        *_CUSTOMER_REF,
        _f("name", "姓名", "Name", "联系人|联系人姓名|名字|Contact|Contact name", required=True),
        _f("phone", "电话", "Phone", "联系方式|手机|手机号|手机号码|联系电话|Mobile|Tel|Telephone", "phone"),
        _f("email", "邮箱", "Email", "电子邮箱|电子邮件|邮件|E-mail|Mail", "email"),
        _f("wechat", "微信", "WeChat", "微信号|WeChat ID|Weixin"),
        _f("position", "职位", "Position", "职务|岗位|Title|Job title"),
        _f("is_primary", "主要联系人", "Primary", "首要联系人|是否主要|是否主联系人|Primary contact|Main", "bool"),
        _f("birthday", "生日", "Birthday", "出生日期|农历生日|Date of birth|DOB", "birthday"),
        _f("notes", "备注", "Notes", "说明|Remark|Remarks|Comment|Note"),
        _f("uid", "记录ID", "Record ID", "记录编号|Record uid", "code"),
    ),
    "transactions": (
        *_CUSTOMER_REF,
        _f("occurred_on", "日期", "Date", "交易日期|购买日期|下单日期|成交日期|消费日期|订单日期|时间|Order date|Purchase date", "date", required=True),
        _f("product", "产品", "Product", "商品|产品名称|商品名称|品名|项目|Item|Product name"),
        _f("quantity", "数量", "Quantity", "件数|Qty", "int"),
        _f("amount", "金额", "Amount", "消费金额|成交金额|交易金额|订单金额|销售额|总额|总价|实收金额|Total|Sum|Value", "money", required=True),
        _f("notes", "备注", "Notes", "说明|Remark|Remarks|Comment|Note"),
        _f("uid", "记录ID", "Record ID", "记录编号|Record uid", "code"),
    ),
    "interactions": (
        *_CUSTOMER_REF,
        _f("occurred_at", "时间", "When", "日期|互动时间|联系时间|沟通时间|拜访日期|拜访时间|跟进时间|跟进日期|Date|Time", "datetime", required=True),
        _f("kind", "方式", "Kind", "类型|互动方式|联系方式|沟通方式|跟进方式|渠道|Channel|Type", "choice:interaction"),
        _f("summary", "内容", "Summary", "摘要|沟通内容|跟进内容|拜访内容|记录|详情|Content|Details|Notes"),
        _f("outcome", "结果", "Outcome", "沟通结果|跟进结果|成果|Result"),
        _f("next_step", "下一步", "Next step", "后续计划|下一步计划|后续|Next action|Follow-up"),
        _f("satisfaction", "满意度", "Satisfaction", "满意程度|评分|Rating|Score", "satisfaction"),
        _f("contact", "联系人", "Contact", "对接人|Contact person", "text"),
        _f("user", "负责人", "By", "经办人|客户经理|跟进人|记录人|业务员|Owner|User|Manager", "text"),
        _f("uid", "记录ID", "Record ID", "记录编号|Record uid", "code"),
    ),
}

# A sheet is about this kind only if one of these is present (beside a required field).
IDENTIFYING: dict[str, tuple[str, ...]] = {
    "customers": ("name", "company"),
    "contacts": ("name",),
    "transactions": ("amount", "occurred_on"),
    "interactions": ("occurred_at",),
}

# A cell that is a value, not a column name: "10,000+粉丝", "500人" (the first data row under a header).
_VALUE_LIKE = re.compile(r"[\d,.]+\+?[^\d]{0,3}")
_UNIT = re.compile(r"[(（\[【]([^()（）\[\]【】]*)[)）\]】]\s*$")
_DECOR = re.compile(r"[\s*＊:：_\-]+")


def normalize_label(text: object) -> str:
    """How header texts are compared: full-width folded, case and spaces and markers (*, :) ignored."""
    if text is None:
        return ""
    return _DECOR.sub("", unicodedata.normalize("NFKC", str(text)).casefold())


# Columns of AccountDesk's own customer and tier exports that it works out from the records
# (scores, counts, dates of the last purchase …): read back, they would be stale copies, so an
# import neither maps them nor keeps them as custom fields.
DERIVED_LABELS = frozenset(normalize_label(label) for label in (
    "得分", "Score", "购买次数", "Purchases", "购买天数", "Purchase days", "首次购买", "First purchase", "最近购买",
    "Last purchase", "下次回访", "Next revisit", "购买频率等级", "Frequency level", "评分", "等级锁定", "Tier locked", "RFM分群", "RFM segment",
    "近12个月购买次数", "累计购买次数", "累计购买天数", "客单价(元)", "客单价", "距上次购买天数", "复购率",
    "典型购买间隔(天)", "典型购买间隔", "消费趋势", "满意度", "未解决投诉", "回访间隔(天)", "回访间隔", "服务等级",
))


def split_unit(label: str) -> tuple[str, str]:
    """"消费金额(元)" → ("消费金额", "元")."""
    text = unicodedata.normalize("NFKC", str(label)).strip()
    match = _UNIT.search(text)
    if match:
        return text[: match.start()].strip(), match[1].strip()
    return text, ""


def unit_scale(unit: str) -> int:
    unit = unit.replace(" ", "")
    if unit.startswith("万"):
        return 10_000
    if unit.startswith("千") or unit.lower() == "k":
        return 1_000
    if unit.startswith("亿"):
        return 100_000_000
    return 1


class _Matcher:
    """Synonym lookup for one kind: exact first, then the head noun at the end (客户联系电话 → 电话)."""

    def __init__(self, kind: str) -> None:
        self.fields = FIELDS[kind]
        self.exact: dict[str, FieldSpec] = {}
        for spec in self.fields:
            for word in spec.synonyms:
                self.exact.setdefault(normalize_label(word), spec)
        self.suffixes = sorted(
            ((key, spec) for key, spec in self.exact.items() if len(key) >= 2 and not key.isascii()),
            key=lambda item: len(item[0]),
            reverse=True,
        )

    def match(self, label: object) -> FieldSpec | None:
        if label is None or label == "" or isinstance(label, bool | int | float):
            return None
        base, _unit = split_unit(str(label))
        key = normalize_label(base)
        if not key or len(key) > 40 or _VALUE_LIKE.fullmatch(key):
            return None
        if key in self.exact:
            return self.exact[key]
        for suffix, spec in self.suffixes:
            if key.endswith(suffix):
                return spec
        return None


_MATCHERS: dict[str, _Matcher] = {}


def matcher(kind: str) -> _Matcher:
    if kind not in _MATCHERS:
        _MATCHERS[kind] = _Matcher(kind)
    return _MATCHERS[kind]


def field_spec(kind: str, name: str) -> FieldSpec:
    for spec in FIELDS[kind]:
        if spec.name == name:
            return spec
    raise KeyError(name)


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass
class HeaderMatch:
    """Where the header is and which column holds which field."""

    kind: str
    header_rows: tuple[int, int]  # first and last header row, 0-based
    labels: list[str]  # header text per column, as shown in the sheet
    columns: dict[str, int]  # field name → 0-based column
    scales: dict[str, int] = field(default_factory=dict)  # money columns headed in 万元 etc.
    ignored: list[int] = field(default_factory=list)  # columns with a header no field claims
    skipped: tuple[str, ...] = ()  # headers a remembered mapping chose not to import at all

    @property
    def data_start(self) -> int:
        return self.header_rows[1] + 1

    def describe_column(self, index: int) -> str:
        label = self.labels[index] if index < len(self.labels) else ""
        return f"{column_letter(index)} ({label})" if label else column_letter(index)

    def signature(self) -> str:
        return layout_signature(self.labels)

    def as_dict(self) -> dict:
        return {
            "header_row": self.header_rows[1] + 1,
            "columns": {name: {"column": column_letter(i), "header": self.labels[i]} for name, i in self.columns.items()},
            "ignored": [{"column": column_letter(i), "header": self.labels[i]} for i in self.ignored],
        }


def layout_signature(labels: list[str]) -> str:
    """A key for a sheet layout, so a mapping chosen once is offered again for the same layout."""
    text = "\x1f".join(normalize_label(label) for label in labels)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def fill_merged(rows: list[list], merged: list[tuple[tuple[int, int], tuple[int, int]]] | None) -> None:
    """Spread each merged cell's value over its range, as the manager sees it (a customer name merged
    down over several transaction rows belongs to each of them)."""
    if not merged:
        return
    for (r0, c0), (r1, c1) in merged:
        if r0 >= len(rows) or (r1 - r0 + 1) * (c1 - c0 + 1) > MERGE_FILL_LIMIT:
            continue
        top = rows[r0]
        value = top[c0] if c0 < len(top) else ""
        if value == "" or value is None:
            continue
        for r in range(r0, min(r1, len(rows) - 1) + 1):
            row = rows[r]
            if len(row) <= c1:
                row.extend([""] * (c1 + 1 - len(row)))
            for c in range(c0, c1 + 1):
                if row[c] == "" or row[c] is None:
                    row[c] = value


def _label_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _assign(kind: str, labels: list[str]) -> tuple[dict[str, int], dict[str, int], list[int]]:
    match = matcher(kind)
    columns: dict[str, int] = {}
    scales: dict[str, int] = {}
    ignored: list[int] = []
    for index, label in enumerate(labels):
        if not label:
            continue
        spec = match.match(label)
        if spec is None or spec.name in columns:
            ignored.append(index)
            continue
        columns[spec.name] = index
        if spec.type == "money":
            scales[spec.name] = unit_scale(split_unit(label)[1])
    return columns, scales, ignored


def _score(kind: str, columns: dict[str, int]) -> tuple[int, int]:
    identifying = sum(1 for name in IDENTIFYING[kind] if name in columns)
    return (1 if identifying else 0, len(columns))


def detect_header(rows: list[list], kind: str, *, where: str = "") -> HeaderMatch:
    """The row (or two rows, for merged two-level headers) that best names this kind's fields."""
    best: tuple[tuple[int, int, int], HeaderMatch] | None = None
    limit = min(len(rows), HEADER_SCAN_ROWS)
    for r in range(limit):
        single = [_label_text(v) for v in rows[r]]
        options = [((r, r), single)]
        if r + 1 < len(rows):
            below = [_label_text(v) for v in rows[r + 1]]
            width = max(len(single), len(below))
            single_padded = single + [""] * (width - len(single))
            below += [""] * (width - len(below))
            m = matcher(kind)
            # Two-level header: the lower row names the column where it can; a cell merged down
            # (empty below) keeps the upper text.
            combined = [b if (b and m.match(b)) else (s or b) for s, b in zip(single_padded, below, strict=True)]
            options.append(((r, r + 1), combined))
        for span, labels in options:
            columns, scales, ignored = _assign(kind, labels)
            identifying, count = _score(kind, columns)
            if not identifying:
                continue
            rank = (identifying, count, -(span[1] - span[0]))
            if best is None or rank > best[0]:
                best = (rank, HeaderMatch(kind, span, labels, columns, scales, ignored))
    if best is None:
        expected = "、".join(spec.label.zh for spec in FIELDS[kind] if spec.name in IDENTIFYING[kind])
        expected_en = ", ".join(spec.label.en for spec in FIELDS[kind] if spec.name in IDENTIFYING[kind])
        raise AccountDeskError(
            f"{where}前 {HEADER_SCAN_ROWS} 行中找不到表头：需要像“{expected}”这样的列名。",
            f"{where}no header row found in the first {HEADER_SCAN_ROWS} rows: expected a column such as '{expected_en}'.",
        )
    return best[1]


def mapping_from_columns(kind: str, labels: list[str], columns: dict[str, int], header_row: int) -> HeaderMatch:
    """A mapping chosen by hand (the wizard), in the same shape detection gives."""
    known = {spec.name for spec in FIELDS[kind]}
    unknown = set(columns) - known
    if unknown:
        raise AccountDeskError(f"未知字段：{', '.join(sorted(unknown))}", f"unknown fields: {', '.join(sorted(unknown))}")
    scales = {
        name: unit_scale(split_unit(labels[i])[1]) for name, i in columns.items() if field_spec(kind, name).type == "money"
    }
    used = set(columns.values())
    ignored = [i for i, label in enumerate(labels) if label and i not in used]
    return HeaderMatch(kind, (header_row, header_row), labels, dict(columns), scales, ignored)


class HeaderScore:
    """How well a sheet's rows carry a header of `kind` (columns recognised): picks the sheet to
    import among several. A class, not a closure, so it travels to the reading process."""

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def __call__(self, rows: list[list]) -> int:
        try:
            match = detect_header(rows, self.kind)
        except AccountDeskError:
            return 0
        return len(match.columns)
