"""The quarterly eNPS pulse of Aurora Telecom's employees: anonymous by design.

Rows carry only coarse groups (department, tenure band, office), never a contact, an invitation or
a browser key, exactly as the real survey page stores them.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import datetime, timedelta

from opennps.demo import story
from opennps.demo.answers import Row, response_row
from opennps.demo.cast import DEPARTMENTS, EMPLOYEE_TENURE, OFFICES, REGION_BY_NAME
from opennps.demo.company import EMPLOYEE
from opennps.demo.draw import Weights, weights_by_key
from opennps.demo.timing import days_ago, daytime

# Each pulse opens on these days (before now) and collects answers for two weeks. The fourth and
# fifth fall in and just after the Almaty price-rise months, when the call centre took the
# complaints: its eNPS sinks, worst in the fifth, and is back by the sixth.
PULSE_DAYS_AGO = (532, 441, 350, 259, 168, 77)
PULSE_LENGTH_DAYS = 14
# The e-mailed link, or the open link on the intranet.
CHANNEL_WEIGHTS = Weights({"email": 0.8, "web": 0.2})
OFFICE_WEIGHTS = Weights(OFFICES)
DEPARTMENT_WEIGHTS = Weights(DEPARTMENTS)
TENURE_WEIGHTS = Weights(EMPLOYEE_TENURE)
LANGUAGE_WEIGHTS = weights_by_key({office: REGION_BY_NAME[office].languages for office in OFFICES})


def pulse_sizes(count: int) -> list[int]:
    """`count` answers spread over the pulses; later pulses get the remainder (more staff)."""
    base, remainder = divmod(count, len(PULSE_DAYS_AGO))
    first_bigger = len(PULSE_DAYS_AGO) - remainder
    return [base + (1 if index >= first_bigger else 0) for index in range(len(PULSE_DAYS_AGO))]


def generate_employee_responses(rng: random.Random, count: int, now: datetime) -> Iterator[Row]:
    for opened, size in zip(PULSE_DAYS_AGO, pulse_sizes(count), strict=True):
        for _ in range(size):
            office = OFFICE_WEIGHTS.draw(rng)
            region = REGION_BY_NAME[office]
            channel = CHANNEL_WEIGHTS.draw(rng)
            # Most answer in the first days of a pulse; reminders bring a late trickle.
            delay = timedelta(days=min(PULSE_LENGTH_DAYS - 0.5, rng.expovariate(1 / 3)))
            moment = now - timedelta(days=opened) + delay
            created_at = daytime(rng, moment, region, channel)
            situation = story.Situation(
                survey=EMPLOYEE.key,
                days_ago=days_ago(created_at, now),
                region=office,
                tenure=TENURE_WEIGHTS.draw(rng),
                department=DEPARTMENT_WEIGHTS.draw(rng),
                channel=channel,
            )
            language = LANGUAGE_WEIGHTS[office].draw(rng)
            yield response_row(
                rng,
                survey=EMPLOYEE.key,
                version=1,
                felt=story.experience(rng, situation),
                channel=channel,
                language=language,
                created_at=created_at,
                attributes={
                    "department": situation.department,
                    "tenure": situation.tenure,
                    "office": office,
                },
            )
