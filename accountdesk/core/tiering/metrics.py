"""Customer metrics as of a date (purchases, spend, loyalty, influence, satisfaction, complaints),
computed for every customer at once with a few SQL aggregates."""

from __future__ import annotations

from bisect import bisect_right
from calendar import monthrange
from collections.abc import Collection, Iterable
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta, timezone
from datetime import time as clock_time
from itertools import islice
from operator import sub

from sqlalchemy import String, and_, case, func, select, type_coerce
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.functions import FunctionElement

from accountdesk.core.i18n import Message
from accountdesk.core.storage.models import Customer, Feedback, Interaction, Transaction, cents_to_decimal
from accountdesk.core.storage.sql import driver_rows

DEFAULT_WINDOW_MONTHS = 12
# A thousand followers count as one referral in the combined influence figure.
FOLLOWERS_PER_REFERRAL = 1000
DAYS_PER_YEAR = 365.25


@dataclass(frozen=True)
class MetricSpec:
    """What a metric is called and how its value reads (for bands, breakdowns and exports)."""

    label: Message
    unit: str  # count | money (cents) | days | years | ratio | score
    higher_is_better: bool = True


METRICS: dict[str, MetricSpec] = {
    "purchase_count": MetricSpec(Message("窗口内购买次数", "Purchases in window"), "count"),
    "purchase_days": MetricSpec(Message("窗口内购买天数", "Purchase days in window"), "count"),
    "purchase_count_all": MetricSpec(Message("累计购买次数", "Purchases (all time)"), "count"),
    "purchase_days_all": MetricSpec(Message("累计购买天数", "Purchase days (all time)"), "count"),
    "window_spend": MetricSpec(Message("窗口内消费金额", "Spend in window"), "money"),
    "total_spend": MetricSpec(Message("累计消费金额", "Spend (all time)"), "money"),
    "average_order_value": MetricSpec(Message("客单价", "Average order value"), "money"),
    "recency_days": MetricSpec(Message("距上次购买天数", "Days since last purchase"), "days", False),
    "tenure_years": MetricSpec(Message("合作年限", "Years of cooperation"), "years"),
    "repeat_rate": MetricSpec(Message("复购率", "Repeat rate"), "ratio"),
    "purchase_interval_days": MetricSpec(Message("典型购买间隔（天）", "Typical purchase interval (days)"), "days", False),
    "trend": MetricSpec(Message("消费趋势（较上一窗口）", "Spend trend (vs previous window)"), "ratio"),
    "referrals": MetricSpec(Message("转介绍数", "Referrals"), "count"),
    "followers": MetricSpec(Message("关注者数", "Followers"), "count"),
    "influence": MetricSpec(Message("影响力（转介绍 + 关注者/1000）", "Influence (referrals + followers/1000)"), "count"),
    "satisfaction": MetricSpec(Message("近期满意度", "Recent satisfaction"), "score"),
    "open_complaints": MetricSpec(Message("未解决投诉", "Open complaints"), "count", False),
    "days_since_interaction": MetricSpec(Message("距上次联系天数", "Days since last contact"), "days", False),
}


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier, clamped to the month's end (31 March - 1 month = 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def local_day_start_utc(day: date) -> datetime:
    """The UTC instant at which the local calendar day `day` begins."""
    return datetime.combine(day, clock_time(0)).astimezone().astimezone(timezone.utc)


@dataclass(frozen=True)
class MetricsWindow:
    """The dates a metrics run compares: (start, as_of] and the window before it."""

    as_of: date
    months: int

    @property
    def start(self) -> date:
        return months_before(self.as_of, self.months)

    @property
    def previous_start(self) -> date:
        return months_before(self.as_of, 2 * self.months)


@dataclass(slots=True)
class CustomerMetrics:
    """One customer's figures as of a date; window figures cover the months before it.

    Attribute names are the metric names of METRICS; money is integer cents.
    """

    customer_id: int
    purchase_count: int = 0
    purchase_days: int = 0
    purchase_count_all: int = 0
    purchase_days_all: int = 0
    window_spend: int = 0
    total_spend: int = 0
    previous_spend: int = 0
    average_order_value: int | None = None
    first_purchase: date | None = None
    last_purchase: date | None = None
    recency_days: int | None = None
    tenure_years: float | None = None
    repeat_rate: float = 0.0
    purchase_interval_days: float | None = None
    trend: float | None = None
    referrals: int = 0
    followers: int = 0
    influence: int = 0
    satisfaction: float | None = None
    open_complaints: int = 0
    last_interaction: date | None = None
    days_since_interaction: int | None = None

    def value(self, metric: str) -> int | float | None:
        """The raw value of a metric named in METRICS (money in cents)."""
        if metric not in METRICS:
            raise KeyError(metric)
        return getattr(self, metric)

    def as_dict(self) -> dict:
        """Plain JSON values: money as decimal text, dates as ISO text."""
        data = asdict(self)
        for key in ("window_spend", "total_spend", "previous_spend", "average_order_value"):
            data[key] = None if data[key] is None else str(cents_to_decimal(data[key]))
        for key in ("first_purchase", "last_purchase", "last_interaction"):
            if data[key] is not None:
                data[key] = data[key].isoformat()
        return data


class DayOrdinals(dict):
    """ISO day text → day number, parsed once per distinct day (a few thousand at most)."""

    def __missing__(self, key: str) -> int:
        value = self[key] = date.fromisoformat(key).toordinal()
        return value


class _Dates(dict):
    """Day number → date, made once per distinct day."""

    def __missing__(self, key: int) -> date:
        value = self[key] = date.fromordinal(key)
        return value


class _LocalDays(dict):
    """UTC hour text ("YYYY-MM-DD HH") → (local day, its day number) for every instant in that
    hour, or None when the local day or the clock's offset changes within the hour; computed once
    per hour instead of once per customer."""

    def __missing__(self, key: str) -> tuple[date, int] | None:
        begins = datetime.fromisoformat(key + ":00:00").replace(tzinfo=timezone.utc).astimezone()
        ends = (begins + timedelta(microseconds=3_599_999_999)).astimezone()
        day = begins.date()
        # With one offset throughout, local time only moves forward within the hour.
        same = day == ends.date() and begins.utcoffset() == ends.utcoffset()
        value = self[key] = (day, day.toordinal()) if same else None
        return value

    @staticmethod
    def exactly(text: str) -> tuple[date, int]:
        day = datetime.fromisoformat(text).replace(tzinfo=timezone.utc).astimezone().date()
        return day, day.toordinal()


def median_gap(ordinals: list[int]) -> float | None:
    """Median number of days between consecutive distinct purchase days (sorted day numbers)."""
    if len(ordinals) < 2:
        return None
    return _median_gap_of(ordinals, len(ordinals))


def _median_gap_of(ordinals: list[int], count: int) -> float:
    gaps = sorted(map(sub, islice(ordinals, 1, None), ordinals))
    middle = (count - 1) // 2
    if (count - 1) % 2:
        return float(gaps[middle])
    return (gaps[middle - 1] + gaps[middle]) / 2


class _unindexed(FunctionElement):
    """A column written so that SQLite's planner will not use an index for it (a unary "+").

    Aggregating every row, a full scan and one sort beats walking an index with a table
    lookup per row in an order unrelated to how the rows are stored (several times over
    when transactions were entered by date); other databases choose well on their own.
    """

    name = "unindexed"
    inherit_cache = True

    def __init__(self, column) -> None:
        super().__init__(column)
        self.type = column.type


@compiles(_unindexed)
def _compile_unindexed(element, compiler, **kw) -> str:
    return compiler.process(element.clauses, **kw)


@compiles(_unindexed, "sqlite")
def _compile_unindexed_sqlite(element, compiler, **kw) -> str:
    return "+" + compiler.process(element.clauses, **kw)


def _instant_text(dialect: str, instant):
    """A stored UTC instant as ISO text: read raw, it skips the per-row type conversion (a
    quarter of a second at 100,000 customers) and is parsed once per customer instead."""
    if dialect == "postgresql":
        return func.to_char(instant, "YYYY-MM-DD HH24:MI:SS.US")
    return type_coerce(instant, String)


def day_list(dialect: str):
    """Per customer, the purchase days as one comma-separated ISO text."""
    if dialect == "postgresql":
        return func.string_agg(func.to_char(Transaction.occurred_on, "YYYY-MM-DD"), ",")
    return func.group_concat(type_coerce(Transaction.occurred_on, String))


def _restrict(query, column, customer_ids: Collection[int] | None):
    return query if customer_ids is None else query.where(column.in_(list(customer_ids)))


CustomerBase = tuple[int, "date | None", "int | None", "int | None"]  # id, cooperation_since, referrals, followers


def customer_base_columns() -> tuple:
    return (Customer.id, Customer.cooperation_since, Customer.referrals, Customer.followers)


# What grading needs of one customer's purchases and contacts as of a day: one tuple per customer
# with a purchase or a contact, in this order (the layout the `customer_figures` table stores).
# Days are date ordinals (local days for contacts), money integer cents; "window" is the
# metrics window (start, as_of], "previous" the one before it.
FIGURE_COLUMNS = [
    "customer_id", "purchase_count", "spend_cents", "first_purchase_day", "last_purchase_day",
    "purchase_days", "median_gap", "window_count", "window_days", "window_spend_cents",
    "previous_spend_cents", "last_contact_day", "satisfaction_sum", "satisfaction_count",
]
LAST_CONTACT = FIGURE_COLUMNS.index("last_contact_day")


def figure_rows(
    session: Session, as_of: date, window_months: int = DEFAULT_WINDOW_MONTHS,
    customer_ids: Collection[int] | None = None,
) -> dict[int, tuple]:
    """Customer id → its FIGURE_COLUMNS tuple as of the end of `as_of`, worked out from the rows
    (every customer's, deleted ones too, or those in `customer_ids`). Rows dated after `as_of`
    and deleted rows are ignored; two aggregate queries, whatever the number of customers."""
    connection = session.connection()
    dialect = connection.dialect.name
    window = MetricsWindow(as_of, window_months)
    start, previous_start = window.start, window.previous_start

    # Both aggregates scan the covering indexes of live rows (ix_*_live_by_customer) in customer
    # order: no table lookups, no sort.
    day = Transaction.occurred_on
    in_window = day > start
    in_previous = and_(day > previous_start, day <= start)
    purchases = _restrict(
        select(
            Transaction.customer_id,
            func.count(),
            func.sum(Transaction.amount_cents),
            func.sum(case((in_window, 1), else_=0)),
            func.sum(case((in_window, Transaction.amount_cents), else_=0)),
            func.sum(case((in_previous, Transaction.amount_cents), else_=0)),
            day_list(dialect),
        )
        .where(Transaction.deleted_at.is_(None), day <= as_of)
        .group_by(Transaction.customer_id),
        Transaction.customer_id,
        customer_ids,
    )
    ordinals = DayOrdinals()
    start_ordinal = start.toordinal()
    rows: dict[int, list] = {}
    # Both big reads take the driver's rows: SQLAlchemy's rows would cost more than SQLite's work.
    for customer_id, count, total, window_count, window_spend, previous_spend, day_text in driver_rows(
        connection, purchases
    ):
        # Distinct days come from the day list rather than COUNT(DISTINCT ...): the list is
        # needed anyway for the median interval, and SQLite's DISTINCT aggregates are slow.
        days = sorted(set(map(ordinals.__getitem__, day_text.split(","))))
        day_count = len(days)
        rows[customer_id] = [
            customer_id, count, int(total or 0), days[0], days[-1], day_count,
            _median_gap_of(days, day_count) if day_count > 1 else None,
            int(window_count or 0), day_count - bisect_right(days, start_ordinal), int(window_spend or 0),
            int(previous_spend or 0), None, 0, 0,
        ]

    end_instant = local_day_start_utc(as_of + timedelta(days=1))
    window_instant = local_day_start_utc(start + timedelta(days=1))
    when = Interaction.occurred_at
    rated = case((when >= window_instant, Interaction.satisfaction))
    contacts = _restrict(
        select(Interaction.customer_id, _instant_text(dialect, func.max(when)), func.sum(rated), func.count(rated))
        .where(Interaction.deleted_at.is_(None), when < end_instant)
        .group_by(Interaction.customer_id),
        Interaction.customer_id,
        customer_ids,
    )
    local_day = _LocalDays()
    for customer_id, last_at, satisfaction_sum, satisfaction_count in driver_rows(connection, contacts):
        row = rows.get(customer_id)
        if row is None:
            row = rows[customer_id] = [customer_id, 0, 0, None, None, 0, None, 0, 0, 0, 0, None, 0, 0]
        if last_at is not None:
            row[LAST_CONTACT] = (local_day[last_at[:13]] or local_day.exactly(last_at))[1]
        row[-2:] = int(satisfaction_sum or 0), satisfaction_count
    return {customer_id: tuple(row) for customer_id, row in rows.items()}


def open_complaints(session: Session, as_of: date, customer_ids: Collection[int] | None = None) -> dict[int, int]:
    """Customer id → complaints received by `as_of` and still open on that day."""
    complaints = _restrict(
        select(Feedback.customer_id, func.count())
        .where(
            Feedback.deleted_at.is_(None),
            Feedback.kind == "complaint",
            Feedback.received_on <= as_of,
            # Resolved after as_of means it was still open on that day.
            (Feedback.resolved.is_(False)) | (Feedback.resolved_on > as_of),
        )
        .group_by(Feedback.customer_id),
        Feedback.customer_id,
        customer_ids,
    )
    return dict(session.connection().execute(complaints).all())


def metrics_from_rows(
    base: Iterable[CustomerBase], rows: dict[int, tuple], complaints: dict[int, int], as_of: date,
) -> dict[int, CustomerMetrics]:
    """The metrics of the customers in `base` from their figure rows (see FIGURE_COLUMNS) and
    open complaints as of `as_of`."""
    as_of_ordinal = as_of.toordinal()
    dates = _Dates()
    result: dict[int, CustomerMetrics] = {}
    for customer_id, since, referrals, followers in base:
        referrals, followers = referrals or 0, followers or 0
        metrics = result[customer_id] = CustomerMetrics(
            customer_id,
            referrals=referrals,
            followers=followers,
            influence=referrals + followers // FOLLOWERS_PER_REFERRAL,
            open_complaints=complaints.get(customer_id, 0),
        )
        row = rows.get(customer_id)
        if row is not None:
            (_, count, total, first, last, day_count, gap, window_count, window_days, window_spend, previous_spend,
             contact, satisfaction_sum, satisfaction_count) = row
            if count:
                metrics.purchase_count_all = count
                metrics.total_spend = total
                metrics.average_order_value = (2 * total + count) // (2 * count)  # half-up, never via float
                metrics.purchase_count = window_count
                metrics.window_spend = window_spend
                metrics.purchase_days_all = day_count
                metrics.purchase_days = window_days
                metrics.first_purchase = dates[first]
                metrics.last_purchase = dates[last]
                metrics.recency_days = as_of_ordinal - last
                if day_count > 1:
                    metrics.purchase_interval_days = gap
                    # Share of purchase days that were a return visit: 0 for a one-off buyer.
                    metrics.repeat_rate = (day_count - 1) / day_count
                if previous_spend:
                    metrics.previous_spend = previous_spend
                    metrics.trend = window_spend / previous_spend - 1
            if contact is not None:
                metrics.last_interaction = dates[contact]
                metrics.days_since_interaction = as_of_ordinal - contact
            if satisfaction_count:
                metrics.satisfaction = round(satisfaction_sum / satisfaction_count, 2)
        if since is None:
            since = metrics.first_purchase
        if since is not None:
            metrics.tenure_years = round(max(0, as_of_ordinal - since.toordinal()) / DAYS_PER_YEAR, 2)
    return result


def read_base(session: Session, customer_ids: Collection[int] | None = None) -> list[CustomerBase]:
    """The rows of `customer_base_columns()` of every live customer (or those in `customer_ids`)."""
    query = select(*customer_base_columns()).where(Customer.deleted_at.is_(None))
    return list(session.connection().execute(_restrict(query, Customer.id, customer_ids)))


def compute_metrics(
    session: Session,
    as_of: date,
    window_months: int = DEFAULT_WINDOW_MONTHS,
    customer_ids: Collection[int] | None = None,
    *,
    base: Iterable[CustomerBase] | None = None,
) -> dict[int, CustomerMetrics]:
    """Metrics of every live customer (or those in `customer_ids`) as of the end of `as_of`.

    Rows dated after `as_of` and deleted rows are ignored. Three aggregate queries in all,
    whatever the number of customers. `base` may hand in the rows of `customer_base_columns()`
    when the caller reads the customers anyway.
    """
    if base is None:
        base = read_base(session, customer_ids)
    rows = figure_rows(session, as_of, window_months, customer_ids)
    return metrics_from_rows(base, rows, open_complaints(session, as_of, customer_ids), as_of)


def floor_aggregate_query():
    """The floor a re-grade is measured against: one plain aggregate over every transaction,
    read the same way the metrics read them."""
    return select(Transaction.customer_id, func.count(), func.sum(Transaction.amount_cents)).group_by(
        _unindexed(Transaction.customer_id)
    )
