"""When things happen in the demo: waking hours, busy shopping days, tenure at a given moment."""

from __future__ import annotations

import calendar
import itertools
import random
from datetime import datetime, timedelta

from opennps.demo.cast import Region
from opennps.demo.story import HISTORY_DAYS

DAY = timedelta(days=1)
HISTORY = timedelta(days=HISTORY_DAYS)

# Local hours in which people answer: shops keep opening hours, phones and e-mail do not.
SHOP_HOURS = (10, 21)
WAKING_HOURS = (7, 23)


def add_months(moment: datetime, months: int) -> datetime:
    """The same day and time `months` later; the 31st becomes the month's last day. The rule of
    opennps.distribution.relationship.add_months, restated here so the generator needs no Django."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def days_ago(moment: datetime, now: datetime) -> float:
    return (now - moment) / DAY


def daytime(rng: random.Random, moment: datetime, region: Region, channel: str) -> datetime:
    """`moment`, or the next local opening time after it when it falls outside the hours in which
    people use `channel` in `region`. Never earlier than `moment`."""
    opens, closes = SHOP_HOURS if channel == "kiosk" else WAKING_HOURS
    offset = timedelta(hours=region.utc_offset_hours)
    local = moment + offset
    if opens <= local.hour < closes:
        return moment
    opening = local.replace(hour=opens, minute=0, second=0, microsecond=0)
    if local.hour >= closes:
        opening += DAY
    return opening - offset + timedelta(minutes=rng.uniform(0, 150))


def purchase_day_weights(now: datetime) -> tuple[list[int], list[float]]:
    """Days ago (0 … history) and cumulative weights for when purchases happen: a growing
    business, busier weekends, a December peak and Black Friday week."""
    days = list(range(HISTORY_DAYS))
    weights = []
    for day in days:
        date = (now - day * DAY).date()
        growth = 1 + 0.4 * (1 - day / HISTORY_DAYS)
        weekday = {4: 1.1, 5: 1.35, 6: 1.15}.get(date.weekday(), 1.0)
        season = 1.35 if date.month == 12 else 1.0
        if date.month == 11 and date.day >= 24:
            season = 1.6
        weights.append(growth * weekday * season)
    return days, list(itertools.accumulate(weights))


def tenure_band(customer_since: datetime, moment: datetime) -> str:
    years = (moment - customer_since) / (365 * DAY)
    if years < 1:
        return "<1y"
    return "1-3y" if years < 3 else "3y+"
