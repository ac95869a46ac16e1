"""The local time zone, and turning stored UTC instants into the local dates a manager sees."""

from __future__ import annotations

import os
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


@lru_cache(maxsize=1)
def local_zone() -> tzinfo:
    """The machine's zone (an IANA zone where one can be found; ACCOUNTDESK_TZ overrides it)."""
    override = os.environ.get("ACCOUNTDESK_TZ")
    if override:
        try:
            return ZoneInfo(override)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    try:
        from tzlocal import get_localzone

        return get_localzone()
    except Exception:  # no zone configured (minimal containers): the fixed offset in use now
        return datetime.now().astimezone().tzinfo or timezone.utc


def local_date(instant: datetime, zone: tzinfo | None = None) -> date:
    return instant.astimezone(zone or local_zone()).date()


def local_noon_utc(day: date, zone: tzinfo | None = None) -> datetime:
    """Midday of a local date as a UTC instant: the instant stored for something logged "on a day"."""
    return datetime.combine(day, time(12), tzinfo=zone or local_zone()).astimezone(timezone.utc)


class LocalDays:
    """Converts many epoch seconds to local day ordinals fast.

    A UTC offset is looked up once per hour of time seen; 100,000 instants then cost a dict
    lookup each instead of a time-zone conversion each.
    """

    def __init__(self, zone: tzinfo | None = None) -> None:
        self.zone = zone or local_zone()
        self._offsets: dict[int, int] = {}

    def ordinal(self, epoch_seconds: float | int) -> int:
        seconds = int(epoch_seconds)
        hour = seconds // 3600
        offset = self._offsets.get(hour)
        if offset is None:
            at = datetime.fromtimestamp(hour * 3600, timezone.utc).astimezone(self.zone)
            delta = at.utcoffset() or timedelta(0)
            offset = self._offsets[hour] = int(delta.total_seconds())
        return _EPOCH_ORDINAL + (seconds + offset) // 86400
