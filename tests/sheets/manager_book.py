"""The sheets key-account managers keep (issue #15), written with openpyxl, with what every row means.

Every builder writes one file and returns its TRUTH, one entry per sheet row (title, header, data,
subtotal and footer rows too), so a test can compare what an import made of each row with what the
manager meant. The same seed writes the same cells and the same truth.

    build_manager_list(path, seed=1)  the hand-kept ~300-row customer list (.xlsx) -> list[RowTruth]
    build_tier_sheet(path)            the method's two-row tier table (.xlsx)      -> list[RowTruth]
    build_zoho_accounts(path, seed=1) a Zoho CRM Accounts export (.csv)            -> list[RowTruth]
    build_zoho_contacts(path, seed=1) a Zoho CRM Contacts export (.csv)            -> list[RowTruth]
    build_fxiaoke_customers(path, seed=1)  a 纷享销客 customer export (.xlsx)      -> list[RowTruth]
    build_sales_outbound(path, seed=1)     a 金蝶/用友 销售出库明细 (.xlsx)         -> list[LineTruth]
    build_all(folder, seed=1)         all of them                                  -> list[Sheet]

How to read the truth:
- Text fields hold the value as the manager means it, written as in the sheet (“杭州” in the hand-kept
  list, “杭州市” in the 纷享销客 export); a mobile is its 11 digits; a landline is "area-number"
  ("0571-88881234").
- `birthday` belongs to the contact person, never to the company: month, day, year or None, lunar,
  leap month. A year-less or lunar birthday is still a birthday; "不详" is no birthday (but the row
  is still a customer).
- `amount_cents` is the opening purchase figure, units applied once: under a "(万元)" header a bare
  number or numeric text is in 万元, while a cell that names its own unit ("1502000元", "¥3,000",
  "1.2亿", "约684万") means what it says.
- `last_visit` is a historic contact on that date; a year-less "11月20日" in the hand-kept list is the
  latest such day on or before the sheet's own date (SHEET_DATE, printed in its second title row).
- `duplicate_of` is the sheet row of the first row naming the same customer; identical purchase
  lines are NOT duplicates (`LineTruth.repeats` marks them; each is a purchase of its own).
- `custom` lists the columns that have no field of their own, header -> cell text: an import keeps
  them as custom fields.
- `forms` says how each tricky cell was written (header -> form), so a report can count per form.

The Zoho column names follow Zoho CRM's documented standard fields of Accounts and Contacts (field
labels as an export heads its columns, "Record Id" first). The 纷享销客 and 金蝶/用友 layouts use the
column names managers quote; their value vocabularies (客户级别 重要客户/普通客户/非优先客户, the
小计/合计 rows of a 明细表) are the common ones, not taken from the vendors' documentation.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter

SHEET_DATE = date(2026, 11, 28)
_EXCEL_EPOCH = date(1899, 12, 30)
_FILE_TIME = datetime(2026, 11, 28, 9, 0)

# --- the truth -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BirthdayTruth:
    """A contact person's birthday as meant: solar or lunar, the year often unknown."""

    month: int
    day: int
    year: int | None = None
    lunar: bool = False
    leap: bool = False

    def as_tuple(self) -> tuple[int, int, int | None, bool, bool]:
        return (self.month, self.day, self.year, self.lunar, self.leap)

    def export_text(self) -> str:
        """As `export contacts` writes it (DESIGN.md): YYYY-MM-DD, or MM-DD when the year is unknown."""
        if self.year is None:
            return f"{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@dataclass(frozen=True)
class RowTruth:
    """What one sheet row means. `row` is 1-based as the sheet shows it (a CSV's header is row 1)."""

    row: int
    kind: str  # title | header | data | subtotal | footer
    customer: str | None = None
    code: str | None = None
    contact: str | None = None
    position: str | None = None
    phone: str | None = None  # mobile, 11 digits
    landline: str | None = None  # "0571-88881234"
    wechat: str | None = None
    email: str | None = None
    city: str | None = None
    region: str | None = None  # province / state
    address: str | None = None
    industry: str | None = None
    source: str | None = None
    owner: str | None = None
    birthday: BirthdayTruth | None = None
    amount_cents: int | None = None  # opening purchase figure (消费金额, 年采购额)
    since: date | None = None  # first cooperation
    last_visit: date | None = None  # a historic contact on this day
    tier: str | None = None  # A / B / C as the sheet grades it
    frequency: str | None = None  # purchase frequency: high / mid / low
    loyalty: str | None = None
    followers: int | None = None
    action_plan: str | None = None
    notes: str | None = None
    custom: dict[str, str] = field(default_factory=dict)
    duplicate_of: int | None = None
    cells: tuple = ()
    forms: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class LineTruth:
    """One purchase line of a sales detail report or a transaction log."""

    row: int
    kind: str  # title | header | data | subtotal | footer
    customer: str | None = None
    customer_code: str | None = None
    occurred_on: date | None = None
    product: str | None = None
    product_code: str | None = None
    quantity: Decimal | None = None
    amount_cents: int | None = None
    document: str | None = None
    salesperson: str | None = None
    repeats: int | None = None  # the row of an identical earlier line: still a purchase of its own
    cells: tuple = ()


@dataclass(frozen=True)
class CustomerTotals:
    """Per customer: how many purchase lines and how much, exactly."""

    count: int
    amount_cents: int
    quantity: Decimal

    @property
    def amount(self) -> Decimal:
        return Decimal(self.amount_cents) / 100


@dataclass(frozen=True)
class Sheet:
    """One written file, the import kind it is for, and its truth."""

    name: str
    path: Path
    kind: str  # customers | contacts | transactions
    rows: list


def data_rows(rows: Iterable) -> list:
    return [row for row in rows if row.kind == "data"]


def distinct_customers(rows: Iterable[RowTruth]) -> list[RowTruth]:
    """The data rows that are customers of their own (duplicates left out)."""
    return [row for row in data_rows(rows) if row.duplicate_of is None]


def totals_by_customer(lines: Iterable[LineTruth],
                       key: Callable[[LineTruth], str | None] = lambda line: line.customer_code or line.customer
                       ) -> dict[str, CustomerTotals]:
    counts: dict[str, list] = {}
    for line in data_rows(lines):
        name = key(line)
        entry = counts.setdefault(name, [0, 0, Decimal(0)])
        entry[0] += 1
        entry[1] += line.amount_cents or 0
        entry[2] += line.quantity or 0
    return {name: CustomerTotals(*entry) for name, entry in counts.items()}


# --- shared vocabulary -------------------------------------------------------------------------------

# city, area code, province
CITIES = (
    ("杭州", "0571", "浙江"), ("宁波", "0574", "浙江"), ("温州", "0577", "浙江"), ("绍兴", "0575", "浙江"),
    ("上海", "021", "上海"), ("南京", "025", "江苏"), ("苏州", "0512", "江苏"), ("无锡", "0510", "江苏"),
    ("常州", "0519", "江苏"), ("合肥", "0551", "安徽"), ("北京", "010", "北京"), ("广州", "020", "广东"),
    ("深圳", "0755", "广东"), ("成都", "028", "四川"), ("武汉", "027", "湖北"), ("厦门", "0592", "福建"),
)
BRANDS = ("凯达", "华信", "恒通", "远航", "博源", "金桥", "鑫盛", "瑞丰", "宏图", "天成", "新元", "永泰", "正和",
          "诚信", "汇通", "嘉禾", "联创", "明珠", "东鑫", "长盛", "兴业", "海川", "锦程", "富达", "佳美", "中和",
          "盛世", "广源", "安信", "百川")
TRADES = {"纺织": "纺织服装", "机械": "机械制造", "电子": "电子元器件", "贸易": "批发贸易", "化工": "化工",
          "食品": "食品饮料", "物流": "物流运输", "建材": "建材", "医疗器械": "医疗器械", "软件": "信息技术",
          "包装": "包装印刷", "五金": "五金工具", "家具": "家具", "汽配": "汽车零部件"}
SUFFIXES = ("有限公司",) * 7 + ("股份有限公司", "集团有限公司", "经营部", "商行")
SURNAMES = {"王": "wang", "李": "li", "张": "zhang", "刘": "liu", "陈": "chen", "杨": "yang", "黄": "huang",
            "赵": "zhao", "吴": "wu", "周": "zhou", "徐": "xu", "孙": "sun", "马": "ma", "朱": "zhu", "胡": "hu",
            "郭": "guo", "何": "he", "高": "gao", "林": "lin", "罗": "luo"}
GIVEN = ("伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "秀英", "建华",
         "志强", "海燕", "晓东", "丽华", "国平", "春梅", "建国", "文博", "雪梅", "立新", "红霞")
POSITIONS = ("总经理", "采购经理", "采购主管", "副总经理", "董事长", "财务总监", "办公室主任", "老板", "采购部长",
             "供应链经理")
DISTRICTS = ("高新区", "经济开发区", "工业园区", "新城区", "滨江区", "城东新区")
ROADS = ("建设路", "人民路", "解放路", "中山路", "科技路", "创业大道", "工业路", "学院路")
NOTES = ("老客户，年底有采购计划", "价格敏感，需要详细报价单", "需开增值税专用发票", "对交期要求高",
         "去年投诉过一次物流延误，已解决", "老板亲自对接", "春节前寄礼品", "喜欢喝茶，拜访带茶叶",
         "有意向扩大合作，明年预算增加", "付款周期 60 天")
GARBAGE_BIRTHDAYS = ("不详", "保密", "？", "80后", "不知道", "待确认")

_CN_DIGITS = "〇一二三四五六七八九"
_LUNAR_MONTHS = ("正", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二")
_OLD_MONTH_NAMES = {1: "正", 11: "冬", 12: "腊"}


def lunar_day_text(day: int) -> str:
    """初八, 十五, 二十, 廿三, 三十."""
    if day <= 10:
        return "初" + ("十" if day == 10 else _CN_DIGITS[day])
    if day < 20:
        return "十" + _CN_DIGITS[day - 10]
    if day == 20:
        return "二十"
    if day < 30:
        return "廿" + _CN_DIGITS[day - 20]
    return "三十"


def excel_serial(day: date) -> int:
    return (day - _EXCEL_EPOCH).days


def _text(number: Decimal) -> str:
    """A decimal as a person types it: 544.7, 1502000, 1.05."""
    return format(number.normalize(), "f")


def _cents(yuan: Decimal) -> int:
    return int((yuan * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _deal(rng: random.Random, counts: dict[str, int]) -> list[str]:
    """Exactly `count` of each form, in a seeded shuffle: every form appears, in known numbers."""
    forms = [form for form, count in counts.items() for _ in range(count)]
    rng.shuffle(forms)
    return forms


def _random_day(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange((end - start).days + 1))


def _save(workbook: openpyxl.Workbook, path: Path) -> Path:
    workbook.properties.creator = "王经理"
    workbook.properties.created = _FILE_TIME
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


def _put(sheet, row: int, cells: Sequence, formats: dict[int, str] | None = None) -> None:
    for column, value in enumerate(cells, start=1):
        if value is None:
            continue
        cell = sheet.cell(row=row, column=column, value=value)
        if isinstance(value, str) and value[:1] in "=+-@":
            cell.data_type = "s"  # typed text, not a formula
        if formats and column in formats:
            cell.number_format = formats[column]


# --- a) the hand-kept customer list -----------------------------------------------------------------

MANAGER_COLUMNS = ("序号", "客户名称", "联系人", "职位", "手机", "座机", "微信", "城市", "地址", "行业", "生日",
                   "年采购额(万元)", "首次合作", "最近拜访", "备注")
MANAGER_TITLE = "2026年重点客户维护表（华东大区）"
MANAGER_SUBTITLE = f"制表：王经理    更新日期：{SHEET_DATE.year}年{SHEET_DATE.month}月{SHEET_DATE.day}日    金额单位：万元"
MANAGER_HEADER_ROWS = (3, 4)
NEAR_NAMES = ("常州凯达纺织有限公司", "常州凯达纺织股份有限公司")  # two customers, not one

_COL = {name: index for index, name in enumerate(MANAGER_COLUMNS)}
_COUNT = 297  # distinct customers; three duplicate rows make 300

BIRTHDAY_FORMS = {
    "blank": 90, "excel_date": 35, "iso_text": 20, "slash_text": 18, "dot_text": 6, "cn_full": 10, "serial": 8,
    "md_cn": 25, "md_excel": 10, "md_slash": 6, "lunar_cn": 25, "lunar_yin": 12, "lunar_leap": 6, "lunar_bare": 8,
    "lunar_year": 5, "lunar_numeric": 5, "garbage": 8,
}
AMOUNT_FORMS = {"wan_number": 120, "wan_text": 40, "wan_suffix": 20, "yuan_text": 15, "approx_wan": 12, "yi": 6,
                "yen_sep": 12, "yuan_sep": 12, "blank": 60}
PHONE_FORMS = {"number": 120, "text": 80, "dashes": 35, "spaces": 30, "plus86": 12, "blank": 20}
LANDLINE_FORMS = {"dash": 130, "spaces": 25, "paren": 20, "compact": 15, "blank": 107}
WECHAT_FORMS = {"id": 150, "same_as_mobile": 30, "blank": 117}
SINCE_FORMS = {"date": 150, "slash": 40, "cn": 25, "iso": 20, "dot": 10, "compact": 10, "serial": 10, "blank": 32}
VISIT_FORMS = {"date": 80, "datetime": 30, "slash": 40, "iso": 25, "cn": 20, "dot": 10, "md": 8, "blank": 84}
# What each form is called in reports.
FORM_LABELS = {
    "excel_date": "Excel 日期", "iso_text": "1985-03-12", "slash_text": "1985/3/12", "dot_text": "1985.3.12",
    "cn_full": "1985年3月12日", "serial": "日期序列号（数字）", "md_cn": "3月12日", "md_excel": "Excel 日期 m月d日（年份为录入年）",
    "md_slash": "3/12", "lunar_cn": "农历八月十五", "lunar_yin": "阴历腊月初八", "lunar_leap": "农历闰四月初三",
    "lunar_bare": "正月初一（无“农历”）", "lunar_year": "农历1979年冬月廿三", "lunar_numeric": "农历3月12日",
    "garbage": "不详/保密…", "wan_number": "544.7（数字）", "wan_text": "\"544.7\"（文本数字）", "wan_suffix": "544.7万",
    "yuan_text": "1502000元", "approx_wan": "约684万", "yi": "1.2亿", "yen_sep": "¥3,000", "yuan_sep": "3,000元",
    "number": "数字", "text": "文本", "dashes": "138-1234-5678", "spaces": "空格分隔", "plus86": "+86 …",
    "dash": "0571-88881234", "paren": "(0571)88881234", "compact": "紧凑", "id": "微信号", "same_as_mobile": "同手机",
    "date": "Excel 日期", "datetime": "Excel 日期时间", "slash": "2025/3/8", "iso": "2025-03-08", "cn": "2025年3月8日",
    "dot": "2025.3.8", "md": "11月20日（无年份）", "blank": "空",
}


@dataclass
class _Person:
    """One customer of the hand-kept list as the manager knows it."""

    name: str
    city: str
    area: str
    contact: str
    surname_ascii: str
    position: str
    mobile: str
    landline: str
    address: str | None
    industry: str | None
    notes: str | None
    since: date | None = None
    visit: date | None = None


def _unique_mobiles(rng: random.Random, count: int) -> list[str]:
    seen: set[str] = {"13800000000", "13900000000"}
    out = []
    while len(out) < count:
        number = rng.choice(("13", "15", "18", "17", "19")) + str(rng.randint(0, 9)) + f"{rng.randrange(10**8):08d}"
        if number[2] == "4" and number[1] == "1":
            continue
        if number not in seen:
            seen.add(number)
            out.append(number)
    return out


def _people(rng: random.Random) -> list[_Person]:
    """297 customers in runs of the same city (managers keep the list grouped), with the two 常州凯达 firms."""
    used = {("常州", "凯达", "纺织")}
    mobiles = _unique_mobiles(rng, _COUNT)
    landlines: set[str] = set()
    people: list[_Person] = []
    while len(people) < _COUNT:
        city, area, _province = rng.choice(CITIES)
        for _ in range(rng.randint(1, 5)):
            if len(people) == _COUNT:
                break
            while True:
                brand, trade = rng.choice(BRANDS), rng.choice(list(TRADES))
                if (city, brand, trade) not in used:
                    used.add((city, brand, trade))
                    break
            people.append(_person(rng, f"{city}{brand}{trade}{rng.choice(SUFFIXES)}", city, area, trade,
                                  mobiles[len(people)], landlines))
    # The near-but-distinct pair: far apart, as a long list has them.
    for index, name in zip((36, 187), NEAR_NAMES, strict=True):
        people[index] = _person(rng, name, "常州", "0519", "纺织", mobiles[index], landlines)
    return people


def _person(rng: random.Random, name: str, city: str, area: str, trade: str, mobile: str,
            landlines: set[str]) -> _Person:
    surname = rng.choice(list(SURNAMES))
    while True:
        landline = f"{area}-{rng.choice('68')}{rng.randrange(10**7):07d}"
        if landline not in landlines:
            landlines.add(landline)
            break
    address = None
    if rng.random() < 0.8:
        address = f"{city}市{rng.choice(DISTRICTS)}{rng.choice(ROADS)}{rng.randint(1, 999)}号"
    return _Person(
        name=name, city=city, area=area, contact=surname + rng.choice(GIVEN), surname_ascii=SURNAMES[surname],
        position=rng.choice(POSITIONS), mobile=mobile, landline=landline, address=address,
        industry=TRADES[trade] if rng.random() < 0.85 else None,
        notes=rng.choice(NOTES) if rng.random() < 0.3 else None,
    )


def _birthday(rng: random.Random, form: str, ordinal: int) -> tuple[object, str | None, BirthdayTruth | None]:
    """The cell, its number format and the truth for one birthday form. `ordinal` is how many of
    this form came before, so the issue's own examples come first."""
    year = rng.randint(1958, 1996)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    if form == "blank":
        return None, None, None
    if form == "garbage":
        return GARBAGE_BIRTHDAYS[ordinal % len(GARBAGE_BIRTHDAYS)], None, None
    solar = BirthdayTruth(month, day, year)
    if form == "excel_date":
        return date(year, month, day), "yyyy-mm-dd", solar
    if form == "iso_text":
        return f"{year}-{month:02d}-{day:02d}", None, solar
    if form == "slash_text":
        return f"{year}/{month}/{day}", None, solar
    if form == "dot_text":
        return f"{year}.{month}.{day}", None, solar
    if form == "cn_full":
        return f"{year}年{month}月{day}日", None, solar
    if form == "serial":
        return excel_serial(date(year, month, day)), None, solar
    if form == "md_cn":
        if ordinal == 0:
            month, day = 12, 20
        elif ordinal == 1:
            month, day = 3, 12
        return f"{month}月{day}日", None, BirthdayTruth(month, day)
    if form == "md_excel":
        # Excel turns "3月12日" typed into a cell into a date of the year it was typed, shown as 3月12日.
        typed = rng.choice((2024, 2025, 2026))
        return date(typed, month, day), 'm"月"d"日"', BirthdayTruth(month, day)
    if form == "md_slash":
        return f"{month}/{day}", None, BirthdayTruth(month, day)
    lunar_day = rng.randint(1, 30)
    if form == "lunar_cn":
        if ordinal == 0:
            month, lunar_day = 8, 15
        return f"农历{_LUNAR_MONTHS[month - 1]}月{lunar_day_text(lunar_day)}", None, BirthdayTruth(month, lunar_day, lunar=True)
    if form == "lunar_yin":
        month = (12, 1, 11)[ordinal % 3]
        if ordinal == 0:
            lunar_day = 8
        return f"阴历{_OLD_MONTH_NAMES[month]}月{lunar_day_text(lunar_day)}", None, BirthdayTruth(month, lunar_day, lunar=True)
    if form == "lunar_leap":
        month = rng.randint(2, 8)
        if ordinal == 0:
            month, lunar_day = 4, 3
        return (f"农历闰{_LUNAR_MONTHS[month - 1]}月{lunar_day_text(lunar_day)}", None,
                BirthdayTruth(month, lunar_day, lunar=True, leap=True))
    if form == "lunar_bare":
        month, lunar_day = ((1, 1), (12, 23), (11, 10), (12, 8))[ordinal % 4] if ordinal < 4 else (
            rng.choice((1, 11, 12)), lunar_day)
        return f"{_OLD_MONTH_NAMES[month]}月{lunar_day_text(lunar_day)}", None, BirthdayTruth(month, lunar_day, lunar=True)
    if form == "lunar_year":
        lunar_day = min(lunar_day, 29)  # every lunar month of a given year has a 29th
        name = _OLD_MONTH_NAMES.get(month, _LUNAR_MONTHS[month - 1])
        return (f"农历{year}年{name}月{lunar_day_text(lunar_day)}", None,
                BirthdayTruth(month, lunar_day, year, lunar=True))
    if form == "lunar_numeric":
        return f"农历{month}月{lunar_day}日", None, BirthdayTruth(month, lunar_day, lunar=True)
    raise ValueError(form)


def _amount(rng: random.Random, form: str, ordinal: int) -> tuple[object, int | None]:
    """The cell under 年采购额(万元) and the amount meant, in cents."""
    wan = Decimal(rng.randint(50, 20000)) / (10 if rng.random() < 0.7 else 100)
    if form == "blank":
        return None, None
    if form == "wan_number":
        if ordinal == 0:
            wan = Decimal("544.7")
        return float(wan), _cents(wan * 10000)
    if form == "wan_text":
        return _text(wan), _cents(wan * 10000)
    if form == "wan_suffix":
        if ordinal == 0:
            wan = Decimal("544.7")
        return f"{_text(wan)}万", _cents(wan * 10000)
    if form == "yuan_text":
        yuan = Decimal(1502000) if ordinal == 0 else Decimal(rng.randint(100, 3000) * 1000 + rng.choice((0, 500)))
        return f"{_text(yuan)}元", _cents(yuan)
    if form == "approx_wan":
        whole = 684 if ordinal == 0 else rng.randint(20, 1500)
        return f"约{whole}万", _cents(Decimal(whole) * 10000)
    if form == "yi":
        yi = (Decimal("1.2"), Decimal("1.05"), Decimal("2"), Decimal("1.5"), Decimal("3.25"), Decimal("1.8"))[ordinal % 6]
        return f"{_text(yi)}亿", _cents(yi * 100_000_000)
    if form in ("yen_sep", "yuan_sep"):
        yuan = Decimal(3000) if ordinal == 0 else Decimal(rng.randint(1, 900) * 1000 + rng.choice((0, 500)))
        written = f"{int(yuan):,}"
        return (f"¥{written}" if form == "yen_sep" else f"{written}元"), _cents(yuan)
    raise ValueError(form)


def _mobile_cell(mobile: str, form: str) -> object:
    if form == "number":
        return int(mobile)
    if form == "text":
        return mobile
    if form == "dashes":
        return f"{mobile[:3]}-{mobile[3:7]}-{mobile[7:]}"
    if form == "spaces":
        return f"{mobile[:3]} {mobile[3:7]} {mobile[7:]}"
    if form == "plus86":
        return f"+86 {mobile[:3]} {mobile[3:7]} {mobile[7:]}"
    raise ValueError(form)


def _landline_cell(landline: str, form: str) -> str:
    area, number = landline.split("-")
    return {"dash": landline, "spaces": f"{area} {number[:4]} {number[4:]}", "paren": f"({area}){number}",
            "compact": f"{area}{number}"}[form]


def _date_cell(day: date, form: str) -> tuple[object, str | None]:
    if form == "date":
        return day, "yyyy-mm-dd"
    if form == "datetime":
        return datetime(day.year, day.month, day.day, 14, 30), "yyyy-mm-dd hh:mm"
    if form == "iso":
        return day.isoformat(), None
    if form == "slash":
        return f"{day.year}/{day.month}/{day.day}", None
    if form == "dot":
        return f"{day.year}.{day.month}.{day.day}", None
    if form == "cn":
        return f"{day.year}年{day.month}月{day.day}日", None
    if form == "compact":
        return int(day.strftime("%Y%m%d")), None
    if form == "serial":
        return excel_serial(day), None
    if form == "md":
        return f"{day.month}月{day.day}日", None
    raise ValueError(form)


@dataclass
class _Row:
    """One data row being written: its cells, number formats, truth and forms."""

    person: _Person
    cells: list
    formats: dict[int, str]
    truth: dict
    forms: dict[str, str]
    duplicate_of: int | None = None  # index into the originals


def _manager_rows(rng: random.Random) -> list[_Row]:
    people = _people(rng)
    deals = {name: _deal(rng, counts) for name, counts in (
        ("生日", BIRTHDAY_FORMS), ("年采购额(万元)", AMOUNT_FORMS), ("手机", PHONE_FORMS), ("座机", LANDLINE_FORMS),
        ("微信", WECHAT_FORMS), ("首次合作", SINCE_FORMS), ("最近拜访", VISIT_FORMS))}
    # The two 常州凯达 firms carry no birthday, so that what is measured on them is name matching alone.
    births = deals["生日"]
    spare = [i for i, form in enumerate(births) if form == "blank" and i not in (36, 187)]
    for index in (36, 187):
        if births[index] != "blank":
            other = spare.pop()
            births[index], births[other] = births[other], births[index]
    seen_forms: dict[tuple[str, str], int] = {}
    rows: list[_Row] = []
    for index, person in enumerate(people):
        forms = {column: deal[index] for column, deal in deals.items()}
        ordinals = {}
        for column, form in forms.items():
            ordinals[column] = seen_forms.get((column, form), 0)
            seen_forms[(column, form)] = ordinals[column] + 1
        cells: list = [None] * len(MANAGER_COLUMNS)
        formats: dict[int, str] = {}
        cells[_COL["客户名称"]] = person.name
        cells[_COL["联系人"]] = person.contact
        cells[_COL["职位"]] = person.position
        mobile = None if forms["手机"] == "blank" else person.mobile
        if mobile:
            cells[_COL["手机"]] = _mobile_cell(mobile, forms["手机"])
        landline = None if forms["座机"] == "blank" else person.landline
        if landline:
            cells[_COL["座机"]] = _landline_cell(landline, forms["座机"])
        wechat = None
        if forms["微信"] == "same_as_mobile" and mobile:
            cells[_COL["微信"]], wechat = "同手机", mobile
        elif forms["微信"] != "blank":
            forms["微信"] = "id"
            wechat = f"{person.surname_ascii}{rng.choice(('', '_', 'wx'))}{rng.randint(10, 9999)}"
            cells[_COL["微信"]] = wechat
        cells[_COL["城市"]] = person.city
        cells[_COL["地址"]] = person.address
        cells[_COL["行业"]] = person.industry
        birthday_cell, birthday_format, birthday = _birthday(rng, forms["生日"], ordinals["生日"])
        cells[_COL["生日"]] = birthday_cell
        if birthday_format:
            formats[_COL["生日"] + 1] = birthday_format
        amount_cell, amount_cents = _amount(rng, forms["年采购额(万元)"], ordinals["年采购额(万元)"])
        cells[_COL["年采购额(万元)"]] = amount_cell
        since = None
        if forms["首次合作"] != "blank":
            since = _random_day(rng, date(2010, 1, 1), date(2026, 10, 31))
            cells[_COL["首次合作"]], number_format = _date_cell(since, forms["首次合作"])
            if number_format:
                formats[_COL["首次合作"] + 1] = number_format
        visit = None
        if forms["最近拜访"] != "blank":
            earliest = date(2026, 1, 1) if forms["最近拜访"] == "md" else max(since or date(2025, 1, 1), date(2025, 1, 1))
            visit = _random_day(rng, earliest, SHEET_DATE - timedelta(days=1))
            cells[_COL["最近拜访"]], number_format = _date_cell(visit, forms["最近拜访"])
            if number_format:
                formats[_COL["最近拜访"] + 1] = number_format
        cells[_COL["备注"]] = person.notes
        truth = dict(customer=person.name, contact=person.contact, position=person.position, phone=mobile,
                     landline=landline, wechat=wechat, city=person.city, address=person.address,
                     industry=person.industry, birthday=birthday, amount_cents=amount_cents, since=since,
                     last_visit=visit, notes=person.notes)
        rows.append(_Row(person, cells, formats, truth, forms))
    return rows


def _with_duplicates(rng: random.Random, originals: list[_Row]) -> list[_Row]:
    """Three rows naming a customer already listed: two exact repeats, one with its mobile written
    another way. They come late in the list, as a second entry made months later does."""
    # Originals whose birthday any importer reads (none or a full date), so that what the duplicate
    # rows measure is duplicate detection alone.
    plain = ("blank", "excel_date", "iso_text", "slash_text", "cn_full")
    candidates = [i for i in range(10, 120) if originals[i].person.name not in NEAR_NAMES
                  and originals[i].truth["phone"] is not None and originals[i].forms["生日"] in plain]
    exact_a, exact_b, reformatted = rng.sample(candidates, 3)
    rows = list(originals)
    for position, source, new_form in ((150, exact_a, None), (232, exact_b, None), (288, reformatted, "other")):
        original = originals[source]
        cells = list(original.cells)
        forms = dict(original.forms)
        if new_form:
            old = forms["手机"]
            forms["手机"] = "dashes" if old == "number" else "number"
            cells[_COL["手机"]] = _mobile_cell(original.person.mobile, forms["手机"])
        rows.insert(position, _Row(original.person, cells, dict(original.formats), dict(original.truth), forms,
                                   duplicate_of=source))
    return rows


def build_manager_list(path: Path | str, seed: int = 1) -> list[RowTruth]:
    """The hand-kept customer list: two merged title rows, a two-level header (联系方式 merged over
    手机/座机/微信, the other headings merged down), 300 data rows (297 customers and 3 duplicates),
    城市 merged over runs of the same city, and a 合计 footer. Returns one RowTruth per sheet row."""
    rng = random.Random(seed)
    path = Path(path)
    originals = _manager_rows(rng)
    rows = _with_duplicates(rng, originals)
    first = MANAGER_HEADER_ROWS[1] + 1
    sheet_row_of = {id(row): first + i for i, row in enumerate(rows)}

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "客户名单"
    width = len(MANAGER_COLUMNS)
    last = get_column_letter(width)
    truths: list[RowTruth] = [
        RowTruth(1, "title", cells=(MANAGER_TITLE,)),
        RowTruth(2, "title", cells=(MANAGER_SUBTITLE,)),
    ]
    _put(sheet, 1, [MANAGER_TITLE])
    _put(sheet, 2, [MANAGER_SUBTITLE])
    sheet.merge_cells(f"A1:{last}1")
    sheet.merge_cells(f"A2:{last}2")
    upper = [name if name not in ("手机", "座机", "微信") else None for name in MANAGER_COLUMNS]
    upper[_COL["手机"]] = "联系方式"
    lower = [name if name in ("手机", "座机", "微信") else None for name in MANAGER_COLUMNS]
    _put(sheet, 3, upper)
    _put(sheet, 4, lower)
    truths.append(RowTruth(3, "header", cells=tuple(upper)))
    truths.append(RowTruth(4, "header", cells=tuple(lower)))
    for index, name in enumerate(MANAGER_COLUMNS):
        letter = get_column_letter(index + 1)
        if name not in ("手机", "座机", "微信"):
            sheet.merge_cells(f"{letter}3:{letter}4")
    sheet.merge_cells(f"{get_column_letter(_COL['手机'] + 1)}3:{get_column_letter(_COL['微信'] + 1)}3")

    city_column = _COL["城市"]
    for i, row in enumerate(rows):
        row.cells[_COL["序号"]] = i + 1
        written = list(row.cells)
        if i > 0 and rows[i - 1].person.city == row.person.city:
            written[city_column] = None  # inside a merged run of the same city: only its top cell holds it
        _put(sheet, first + i, written, row.formats)
        duplicate_of = None
        if row.duplicate_of is not None:
            duplicate_of = sheet_row_of[id(originals[row.duplicate_of])]
        truths.append(RowTruth(first + i, "data", duplicate_of=duplicate_of, cells=tuple(written),
                               forms=dict(row.forms), **row.truth))
    # Merge each run of one city.
    start = 0
    for i in range(1, len(rows) + 1):
        if i == len(rows) or rows[i].person.city != rows[start].person.city:
            if i - start > 1:
                letter = get_column_letter(city_column + 1)
                sheet.merge_cells(f"{letter}{first + start}:{letter}{first + i - 1}")
            start = i

    # 合计: Excel's SUM adds the numbers of the column and skips text; the cached value is what a reader sees.
    numbers = [Decimal(repr(row.cells[_COL["年采购额(万元)"]])) for row in rows
               if isinstance(row.cells[_COL["年采购额(万元)"]], float)]
    footer: list = [None] * width
    footer[_COL["序号"]] = "合计"
    footer[_COL["客户名称"]] = f"共 {len(rows)} 条"
    footer[_COL["年采购额(万元)"]] = float(sum(numbers))
    footer_row = first + len(rows)
    _put(sheet, footer_row, footer)
    truths.append(RowTruth(footer_row, "footer", cells=tuple(footer)))
    sheet.freeze_panes = f"C{first}"
    _save(workbook, path)
    return truths


# --- b) the method's tier sheet ---------------------------------------------------------------------

TIER_COLUMNS = ("客户名称", "联系方式", "购买频率", "消费金额(元)", "忠诚度", "影响力", "综合评价", "行动方案")
TIER_TITLE = "客户分级管理表格"
TIER_ROWS = (
    # name, phone, frequency, amount (yuan), loyalty, influence, grade, action plan; truth frequency, followers
    ("张三", 13800000000, "高", 50000, "长期合作", "10,000+粉丝", "A级", "优先推荐最新产品，提供专属客服和VIP服务",
     "high", 10000),
    ("李四", 13900000000, "中", 8000, "短期合作", "1,000+粉丝", "B级", "定期电话回访，推送优惠活动", "mid", 1000),
)


def build_tier_sheet(path: Path | str) -> list[RowTruth]:
    """The method's tier sheet (客户分级管理表格) with a title row above the header, as managers copy
    it: phones and amounts typed into Excel become numbers (amounts shown with thousands separators)."""
    path = Path(path)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "客户分级"
    _put(sheet, 1, [TIER_TITLE])
    sheet.merge_cells(f"A1:{get_column_letter(len(TIER_COLUMNS))}1")
    _put(sheet, 2, TIER_COLUMNS)
    truths = [RowTruth(1, "title", cells=(TIER_TITLE,)), RowTruth(2, "header", cells=TIER_COLUMNS)]
    for offset, (name, phone, frequency, yuan, loyalty, influence, grade, plan, level, followers) in enumerate(TIER_ROWS):
        cells = (name, phone, frequency, yuan, loyalty, influence, grade, plan)
        _put(sheet, 3 + offset, cells, {4: "#,##0"})
        truths.append(RowTruth(
            3 + offset, "data", customer=name, phone=str(phone), amount_cents=yuan * 100, tier=grade[0],
            frequency=level, loyalty=loyalty, followers=followers, action_plan=plan, cells=cells,
            forms={"联系方式": "number", "消费金额(元)": "number #,##0", "影响力": "10,000+粉丝", "综合评价": "A级"},
        ))
    _save(workbook, path)
    return truths


# --- c) mapping-preset samples ----------------------------------------------------------------------

ZOHO_ACCOUNT_COLUMNS = (
    "Record Id", "Account Owner", "Account Name", "Account Number", "Phone", "Website", "Account Type", "Industry",
    "Annual Revenue", "Employees", "Billing Street", "Billing City", "Billing State", "Billing Code",
    "Billing Country", "Description", "Created Time", "Modified Time",
)
ZOHO_CONTACT_COLUMNS = (
    "Record Id", "Contact Owner", "Lead Source", "First Name", "Last Name", "Account Name", "Email", "Title",
    "Department", "Phone", "Mobile", "Date of Birth", "Mailing Street", "Mailing City", "Mailing State",
    "Mailing Zip", "Mailing Country", "Description", "Created Time", "Modified Time",
)
# name, street, city, state, postcode, country, industry, type, owner
_ZOHO_ACCOUNTS = (
    ("上海博源电子有限公司", "浦东新区张江路88号", "上海市", "上海市", "201203", "中国", "电子元器件", "Customer", "王磊"),
    ("杭州恒通机械股份有限公司", "西湖区文三路90号", "杭州市", "浙江省", "310012", "中国", "机械制造", "Customer", "王磊"),
    ("苏州瑞丰纺织有限公司", "工业园区星湖街328号", "苏州市", "江苏省", "215123", "中国", "纺织服装", "Customer", "李娜"),
    ("南京金桥物流有限公司", "江宁区天元中路126号", "南京市", "江苏省", "211100", "中国", "物流运输", "Prospect", "李娜"),
    ("宁波东鑫五金有限公司", "鄞州区天童南路588号", "宁波市", "浙江省", "315100", "中国", "五金工具", "Customer", "王磊"),
    ("Northwind Traders Ltd.", "12 Harbour Road, Wan Chai", "Hong Kong", "", "", "Hong Kong", "批发贸易", "Reseller",
     "David Wong"),
    ("深圳联创软件有限公司", "南山区科技园南区高新南七道9号", "深圳市", "广东省", "518057", "中国", "信息技术", "Customer", "张敏"),
    ("成都天成食品有限公司", "武侯区武侯大道289号", "成都市", "四川省", "610041", "中国", "食品饮料", "Customer", "张敏"),
    ("武汉长盛建材有限公司", "东湖高新区光谷大道77号", "武汉市", "湖北省", "430074", "中国", "建材", "Prospect", "李娜"),
    ("合肥安信医疗器械有限公司", "蜀山区黄山路600号", "合肥市", "安徽省", "230031", "中国", "医疗器械", "Customer", "王磊"),
)
_AREA = {"上海市": "021", "杭州市": "0571", "苏州市": "0512", "南京市": "025", "宁波市": "0574", "深圳市": "0755",
         "成都市": "028", "武汉市": "027", "合肥市": "0551"}


def _zoho_time(rng: random.Random, start: date, end: date) -> str:
    day = _random_day(rng, start, end)
    return f"{day.isoformat()} {rng.randint(8, 19):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"


def _zoho_accounts(rng: random.Random) -> list[dict]:
    accounts = []
    for number, (name, street, city, state, code, country, industry, kind, owner) in enumerate(_ZOHO_ACCOUNTS, start=1):
        if city in _AREA:
            landline = f"{_AREA[city]}-{rng.choice('68')}{rng.randrange(10**7):07d}"
            phone_cell = landline if number % 3 else f"+86 {landline[1:].replace('-', ' ')}"
        else:
            landline = f"+852 {rng.randint(2000, 3999)} {rng.randint(1000, 9999)}"
            phone_cell = landline
        revenue = Decimal(rng.randint(5, 800)) * 100000
        accounts.append(dict(
            record=f"zcrm_5725767000000{412000 + number * 7}", owner=owner, name=name, code=f"ACC-{1000 + number}",
            phone_cell=phone_cell, landline=landline,
            website=f"www.example{number}.cn" if number != 6 else "www.northwind.example.com", type=kind,
            industry=industry, revenue=_text(revenue), employees=str(rng.randint(12, 2400)), street=street, city=city,
            state=state, postcode=code, country=country,
            description="重点客户，季度回访" if number % 4 == 1 else "",
            created=_zoho_time(rng, date(2021, 1, 1), date(2024, 12, 31)),
            modified=_zoho_time(rng, date(2025, 1, 1), date(2026, 11, 27)),
        ))
    return accounts


def _write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if value is None else value for value in row])


def build_zoho_accounts(path: Path | str, seed: int = 1) -> list[RowTruth]:
    """A Zoho CRM Accounts export (CSV, UTF-8): ten accounts, one in Hong Kong with an English name.
    Annual Revenue is the account's own revenue, not what it buys from us: a custom field."""
    path = Path(path)
    accounts = _zoho_accounts(random.Random(seed))
    cells = [(a["record"], a["owner"], a["name"], a["code"], a["phone_cell"], a["website"], a["type"], a["industry"],
              a["revenue"], a["employees"], a["street"], a["city"], a["state"], a["postcode"], a["country"],
              a["description"], a["created"], a["modified"]) for a in accounts]
    _write_csv(path, ZOHO_ACCOUNT_COLUMNS, cells)
    truths = [RowTruth(1, "header", cells=ZOHO_ACCOUNT_COLUMNS)]
    for line, (account, row) in enumerate(zip(accounts, cells, strict=True), start=2):
        truths.append(RowTruth(
            line, "data", customer=account["name"], code=account["code"], owner=account["owner"],
            landline=account["landline"], city=account["city"], region=account["state"] or None,
            address=account["street"], industry=account["industry"], notes=account["description"] or None,
            custom={"Record Id": account["record"], "Website": account["website"], "Account Type": account["type"],
                    "Annual Revenue": account["revenue"], "Employees": account["employees"],
                    "Billing Code": account["postcode"], "Billing Country": account["country"],
                    "Created Time": account["created"], "Modified Time": account["modified"]},
            cells=row,
        ))
    return truths


# first name, last name, account index, title, department, lead source, birthday
_ZOHO_CONTACTS = (
    ("建华", "王", 0, "采购经理", "采购部", "Trade Show", date(1978, 6, 15)),
    ("丽", "陈", 0, "总经理", "总经办", "Trade Show", None),
    ("志强", "刘", 1, "采购主管", "采购部", "Cold Call", date(1983, 11, 2)),
    ("敏", "赵", 2, "副总经理", "管理层", "Employee Referral", date(1975, 2, 28)),
    ("海燕", "孙", 3, "物流经理", "运营部", "Web Download", None),
    ("晓东", "周", 4, "老板", "", "External Referral", date(1969, 9, 9)),
    ("David", "Chen", 5, "Purchasing Manager", "Procurement", "Partner", date(1981, 4, 30)),
    ("Mary", "Lau", 5, "Director", "Management", "Partner", None),
    ("文博", "吴", 6, "CTO", "技术部", "Web Research", date(1988, 12, 31)),
    ("春梅", "何", 7, "采购经理", "采购部", "Advertisement", date(1985, 7, 7)),
    ("国平", "高", 8, "总经理", "总经办", "Cold Call", None),
    ("雪梅", "林", 9, "设备科科长", "设备科", "Seminar Partner", date(1979, 3, 18)),
    ("立新", "罗", 9, "采购员", "采购部", "Seminar Partner", date(1992, 10, 1)),
)


def build_zoho_contacts(path: Path | str, seed: int = 1) -> list[RowTruth]:
    """A Zoho CRM Contacts export (CSV) whose Account Name values are the accounts of
    build_zoho_accounts with the same seed. A Chinese name is Last Name + First Name ("王" + "建华"
    = 王建华); an English one First Last ("David Chen")."""
    path = Path(path)
    rng = random.Random(seed)
    accounts = _zoho_accounts(rng)
    mobiles = _unique_mobiles(rng, len(_ZOHO_CONTACTS))
    rows = []
    truths = [RowTruth(1, "header", cells=ZOHO_CONTACT_COLUMNS)]
    for line, (first, last, account_index, title, department, source, birthday) in enumerate(_ZOHO_CONTACTS, start=2):
        account = accounts[account_index]
        chinese = not first.isascii()
        name = f"{last}{first}" if chinese else f"{first} {last}"
        mobile = mobiles[line - 2]
        mobile_cell = mobile if line % 4 else f"+86 {mobile[:3]} {mobile[3:7]} {mobile[7:]}"
        if not chinese:
            mobile, mobile_cell = None, f"+852 {rng.randint(5000, 9999)} {rng.randint(1000, 9999)}"
        landline = account["landline"] if line % 3 else None
        email = f"{'contact' if chinese else first.lower()}{line}@example{account_index + 1}.cn"
        record = f"zcrm_5725767000000{413000 + line * 11}"
        created = _zoho_time(rng, date(2021, 1, 1), date(2024, 12, 31))
        modified = _zoho_time(rng, date(2025, 1, 1), date(2026, 11, 27))
        description = "喜欢喝茶" if line % 5 == 0 else ""
        cells = (record, account["owner"], source, first, last, account["name"], email, title, department,
                 landline or "", mobile_cell, birthday.isoformat() if birthday else "", account["street"],
                 account["city"], account["state"], account["postcode"], account["country"], description, created,
                 modified)
        rows.append(cells)
        custom = {"Record Id": record, "Mailing Zip": account["postcode"], "Mailing Country": account["country"],
                  "Created Time": created, "Modified Time": modified}
        if department:
            custom["Department"] = department
        if mobile is None:
            custom["Mobile"] = mobile_cell  # a Hong Kong mobile: kept as written
        truths.append(RowTruth(
            line, "data", customer=account["name"], contact=name, position=title, phone=mobile, landline=landline,
            email=email, city=account["city"], region=account["state"] or None, address=account["street"],
            owner=account["owner"], source=source, notes=description or None,
            birthday=BirthdayTruth(birthday.month, birthday.day, birthday.year) if birthday else None,
            custom=custom, cells=cells,
        ))
    _write_csv(path, ZOHO_CONTACT_COLUMNS, rows)
    return truths


FXIAOKE_COLUMNS = ("客户名称", "客户编号", "客户级别", "成交状态", "负责人", "归属部门", "电话", "地址", "省", "市", "区",
                   "行业", "来源", "创建时间", "最后跟进时间", "备注")
FXIAOKE_LEVELS = {"重要客户": "A", "普通客户": "B", "非优先客户": "C"}
# province, city, district, road
_FXIAOKE_PLACES = (
    ("浙江省", "杭州市", "西湖区", "文三路"), ("浙江省", "宁波市", "鄞州区", "天童南路"), ("江苏省", "苏州市", "吴中区", "东吴北路"),
    ("江苏省", "无锡市", "新吴区", "长江路"), ("上海市", "上海市", "闵行区", "莘庄工业区春东路"), ("安徽省", "合肥市", "包河区", "徽州大道"),
    ("广东省", "广州市", "天河区", "天河北路"), ("湖北省", "武汉市", "江汉区", "建设大道"),
)


def build_fxiaoke_customers(path: Path | str, seed: int = 1) -> list[RowTruth]:
    """A 纷享销客 customer list export (.xlsx, header on row 1): 客户级别 重要客户/普通客户/非优先客户
    are the sheet's A/B/C; 最后跟进时间 is a historic contact; 省/市 are region and city."""
    path = Path(path)
    rng = random.Random(seed)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "客户"
    _put(sheet, 1, FXIAOKE_COLUMNS)
    truths = [RowTruth(1, "header", cells=FXIAOKE_COLUMNS)]
    mobiles = _unique_mobiles(rng, 16)
    used: set[str] = set()
    for offset in range(16):
        province, city, district, road = _FXIAOKE_PLACES[offset % len(_FXIAOKE_PLACES)]
        while True:
            name = f"{city.removesuffix('市')}{rng.choice(BRANDS)}{rng.choice(list(TRADES))}有限公司"
            if name not in used:
                used.add(name)
                break
        created_day = _random_day(rng, date(2022, 1, 1), date(2025, 12, 31))
        code = f"KH{created_day.strftime('%Y%m%d')}{offset + 1:03d}"
        level = ("重要客户", "普通客户", "普通客户", "非优先客户")[offset % 4]
        status = ("已成交", "多次成交", "未成交")[offset % 3]
        owner = ("王磊", "李娜", "张敏")[offset % 3]
        area = {"杭州市": "0571", "宁波市": "0574", "苏州市": "0512", "无锡市": "0510", "上海市": "021", "合肥市": "0551",
                "广州市": "020", "武汉市": "027"}[city]
        mobile = landline = None
        if offset % 3 == 1:
            landline = f"{area}-{rng.choice('68')}{rng.randrange(10**7):07d}"
            phone_cell = landline
        else:
            mobile = mobiles[offset]
            phone_cell = mobile
        address = f"{province}{city if city != province else ''}{district}{road}{rng.randint(1, 500)}号"
        industry = ("制造业", "批发零售", "信息技术", "建筑建材")[offset % 4]
        source = ("展会", "官网", "转介绍", "电话营销", "")[offset % 5]
        created = f"{created_day.isoformat()} {rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}"
        followed = None
        followed_cell = ""
        if offset % 5 != 4:
            followed = _random_day(rng, max(created_day, date(2025, 6, 1)), date(2026, 11, 27))
            followed_cell = f"{followed.isoformat()} {rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}"
        notes = "年度框架协议客户" if offset % 6 == 0 else ""
        cells = (name, code, level, status, owner, "华东销售部", phone_cell, address, province, city, district,
                 industry, source, created, followed_cell, notes)
        _put(sheet, 2 + offset, cells)
        truths.append(RowTruth(
            2 + offset, "data", customer=name, code=code, tier=FXIAOKE_LEVELS[level], owner=owner, phone=mobile,
            landline=landline, address=address, region=province, city=city, industry=industry, source=source or None,
            last_visit=followed, notes=notes or None,
            custom={"成交状态": status, "归属部门": "华东销售部", "区": district, "创建时间": created},
            cells=cells, forms={"客户级别": level},
        ))
    _save(workbook, path)
    return truths


OUTBOUND_COLUMNS = ("单据日期", "单据编号", "客户编码", "客户名称", "物料编码", "物料名称", "规格型号", "单位", "数量",
                    "含税单价", "价税合计", "业务员", "仓库")
OUTBOUND_TITLE = "销售出库明细表"
OUTBOUND_SUBTITLE = "日期：2026-01-01 至 2026-11-30    销售组织：华东销售公司    币别：人民币"
# code, name, spec, unit, tax-inclusive unit price, quantity kind (decimal tonnes or whole pieces)
_PRODUCTS = (
    ("1.01.001", "不锈钢板", "304 2.0mm", "吨", Decimal("16850.00"), "tonnes"),
    ("1.01.007", "镀锌卷", "DX51D 1.5mm", "吨", Decimal("5230.50"), "tonnes"),
    ("1.02.003", "深沟球轴承", "6205-2RS", "套", Decimal("18.60"), "pieces"),
    ("1.02.011", "减速机", "WPA-80 1:20", "台", Decimal("1265.00"), "pieces"),
    ("2.03.002", "液压油", "L-HM46 18L", "桶", Decimal("398.00"), "pieces"),
    ("2.05.010", "包装纸箱", "五层 600×400×400", "个", Decimal("6.35"), "pieces"),
    ("3.01.004", "伺服电机", "1.5kW 220V", "台", Decimal("2380.00"), "pieces"),
    ("3.02.001", "电缆", "YJV 3×2.5", "米", Decimal("12.80"), "pieces"),
)
_OUTBOUND_CUSTOMERS = (
    ("C0001", "杭州恒通机械股份有限公司"), ("C0002", "苏州瑞丰纺织有限公司"), ("C0003", "宁波东鑫五金有限公司"),
    ("C0004", "上海博源电子有限公司"), ("C0005", "常州凯达纺织有限公司"), ("C0006", "常州凯达纺织股份有限公司"),
    ("C0007", "无锡兴业汽配有限公司"), ("C0008", "合肥安信医疗器械有限公司"),
)


def build_sales_outbound(path: Path | str, seed: int = 1) -> list[LineTruth]:
    """A 金蝶/用友 销售出库明细表: two title rows, the header, lines grouped by customer each closed by a
    小计 row, and a 合计 footer. Some lines repeat an earlier line exactly (the same item entered
    twice on one document): each is a purchase. 数量 in tonnes has decimals."""
    path = Path(path)
    rng = random.Random(seed)
    lines: list[dict] = []
    for code, name in _OUTBOUND_CUSTOMERS:
        for _ in range(rng.randint(2, 6)):
            day = _random_day(rng, date(2026, 1, 5), date(2026, 11, 28))
            document = f"XSCKD{day.strftime('%Y%m%d')}{rng.randint(1, 60):04d}"
            salesperson = rng.choice(("王磊", "李娜", "张敏"))
            for product in rng.sample(_PRODUCTS, rng.randint(1, 3)):
                product_code, product_name, spec, unit, price, quantity_kind = product
                if quantity_kind == "tonnes":
                    quantity = Decimal(rng.randint(500, 25000)) / 1000
                else:
                    quantity = Decimal(rng.choice((1, 2, 5, 10, 20, 50, 100, 200, 500)))
                amount = (quantity * price).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
                lines.append(dict(day=day, document=document, code=code, name=name, product_code=product_code,
                                  product=product_name, spec=spec, unit=unit, quantity=quantity, price=price,
                                  amount=amount, salesperson=salesperson))
    lines.sort(key=lambda line: (line["code"], line["day"], line["document"]))
    # Identical lines: the same item entered twice on one document, kept as two purchases.
    for index in sorted(rng.sample(range(len(lines)), 3), reverse=True):
        lines.insert(index + 1, dict(lines[index]))

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "销售出库明细"
    width = len(OUTBOUND_COLUMNS)
    last = get_column_letter(width)
    _put(sheet, 1, [OUTBOUND_TITLE])
    _put(sheet, 2, [OUTBOUND_SUBTITLE])
    sheet.merge_cells(f"A1:{last}1")
    sheet.merge_cells(f"A2:{last}2")
    _put(sheet, 3, OUTBOUND_COLUMNS)
    truths = [LineTruth(1, "title", cells=(OUTBOUND_TITLE,)), LineTruth(2, "title", cells=(OUTBOUND_SUBTITLE,)),
              LineTruth(3, "header", cells=OUTBOUND_COLUMNS)]
    formats = {1: "yyyy-mm-dd", 9: "0.000", 10: "#,##0.00", 11: "#,##0.00"}
    row = 4
    seen: dict[tuple, int] = {}
    grand_quantity, grand_amount = Decimal(0), Decimal(0)
    for index, line in enumerate(lines):
        cells = (line["day"], line["document"], line["code"], line["name"], line["product_code"], line["product"],
                 line["spec"], line["unit"], float(line["quantity"]), float(line["price"]), float(line["amount"]),
                 line["salesperson"], "成品仓")
        _put(sheet, row, cells, formats)
        key = tuple(cells)
        truths.append(LineTruth(
            row, "data", customer=line["name"], customer_code=line["code"], occurred_on=line["day"],
            product=line["product"], product_code=line["product_code"], quantity=line["quantity"],
            amount_cents=_cents(line["amount"]), document=line["document"], salesperson=line["salesperson"],
            repeats=seen.get(key), cells=cells,
        ))
        seen.setdefault(key, row)
        grand_quantity += line["quantity"]
        grand_amount += line["amount"]
        row += 1
        if index + 1 == len(lines) or lines[index + 1]["code"] != line["code"]:
            mine = [other for other in lines if other["code"] == line["code"]]
            subtotal = ("小计", None, None, None, None, None, None, None, float(sum(other["quantity"] for other in mine)),
                        None, float(sum(other["amount"] for other in mine)), None, None)
            _put(sheet, row, subtotal, formats)
            truths.append(LineTruth(row, "subtotal", cells=subtotal))
            row += 1
    footer = ("合计", None, None, None, None, None, None, None, float(grand_quantity), None, float(grand_amount),
              None, None)
    _put(sheet, row, footer, formats)
    truths.append(LineTruth(row, "footer", cells=footer))
    _save(workbook, path)
    return truths


# --- everything ---------------------------------------------------------------------------------------


def build_all(folder: Path | str, seed: int = 1) -> list[Sheet]:
    """Every sheet of the corpus in `folder` (the public purchase log is in purchase_log.py)."""
    folder = Path(folder)
    return [
        Sheet("客户名单（手工维护）", folder / "manager_list.xlsx", "customers",
              build_manager_list(folder / "manager_list.xlsx", seed)),
        Sheet("客户分级管理表格", folder / "tier_sheet.xlsx", "customers", build_tier_sheet(folder / "tier_sheet.xlsx")),
        Sheet("Zoho CRM Accounts", folder / "zoho_accounts.csv", "customers",
              build_zoho_accounts(folder / "zoho_accounts.csv", seed)),
        Sheet("Zoho CRM Contacts", folder / "zoho_contacts.csv", "contacts",
              build_zoho_contacts(folder / "zoho_contacts.csv", seed)),
        Sheet("纷享销客 客户", folder / "fxiaoke_customers.xlsx", "customers",
              build_fxiaoke_customers(folder / "fxiaoke_customers.xlsx", seed)),
        Sheet("金蝶/用友 销售出库明细", folder / "sales_outbound.xlsx", "transactions",
              build_sales_outbound(folder / "sales_outbound.xlsx", seed)),
    ]
