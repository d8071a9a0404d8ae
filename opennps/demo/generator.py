"""Demo rows as plain dicts, from a seeded random generator: no Django, no database.

`generate(seed, responses, now)` returns the contacts, invitations and responses of the demo
organisation. The same seed and `now` always give the same rows. Each part (contacts, each survey)
draws from its own generator, so changing one part leaves the others as they were.

Rows refer to each other by keys (a contact's `key`, an invitation's `key`, a survey's key from
`opennps.demo.company`); the loader turns them into foreign keys.
"""

from __future__ import annotations

import bisect
import itertools
import math
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from opennps.demo import story
from opennps.demo.answers import Row, aspect_ratings, respondent_key, response_row
from opennps.demo.cast import (
    AGE_GROUPS,
    EMAIL_DOMAINS,
    FIRST_NAMES,
    GENDERS,
    INVITED_CHANNELS,
    PLANS_BY_SPEND,
    PURCHASE_CHANNELS,
    REGION_BY_NAME,
    REGIONS,
    RELATIONSHIP_CHANNELS,
    SPEND_BANDS,
    STORES,
    SURNAMES,
    TOUCHPOINTS,
)
from opennps.demo.company import PURCHASE, RELATIONSHIP, responses_per_survey
from opennps.demo.draw import Weights, weights_by_key
from opennps.demo.employees import generate_employee_responses
from opennps.demo.timing import (
    DAY,
    HISTORY,
    add_months,
    days_ago,
    daytime,
    purchase_day_weights,
    tenure_band,
)

# The relationship survey asks each customer once a quarter: a relationship schedule of
# WAVE_MONTHS months spreads each period's campaign over the period, every customer at the same
# point of every period (see opennps.distribution.relationship).
WAVE_MONTHS = 3
RELATIONSHIP_RESPONSE_RATE = 0.40
ASKS_PER_CONTACT = 5  # about how many quarters a customer is asked within the history
PURCHASE_RESPONSE_RATE = 0.35  # of e-mail and SMS invitations
# Kiosk, app widget and the call's phone survey come right after the moment; messages wait.
IMMEDIATE_CHANNELS = frozenset({"kiosk", "widget", "phone"})
# Nothing is dated in the last minutes, so a follow-up a few minutes later is still in the past.
LATEST = timedelta(minutes=5)


REGION_WEIGHTS = Weights({region.name: region.share for region in REGIONS})
LANGUAGE_WEIGHTS = weights_by_key({region.name: region.languages for region in REGIONS})
AGE_WEIGHTS = Weights(AGE_GROUPS)
GENDER_WEIGHTS = Weights(GENDERS)
SPEND_WEIGHTS = Weights(SPEND_BANDS)
PLAN_WEIGHTS = weights_by_key(PLANS_BY_SPEND)
TOUCHPOINT_WEIGHTS = Weights(TOUCHPOINTS)
RELATIONSHIP_CHANNEL_WEIGHTS = Weights(RELATIONSHIP_CHANNELS)
PURCHASE_CHANNEL_WEIGHTS = weights_by_key(PURCHASE_CHANNELS)
# What became of invitations nobody answered (only e-mail tells us it was opened). "sent" is
# what the sender records once the server took the message; bounced and failed never left.
UNANSWERED_STATUS = {
    "email": Weights({"sent": 0.62, "opened": 0.30, "bounced": 0.08}),
    "sms": Weights({"sent": 0.94, "failed": 0.06}),
}
NEVER_SENT = frozenset({"bounced", "failed"})
# An e-mail nobody answered gets one reminder this long after it went out (the default of the
# workspace's distribution settings); SMS gets none.
REMINDER_AFTER = 3 * DAY
RATED = {
    "relationship": ("price", "quality", "service"),
    "shop": ("quality", "service"),
    "support": ("quality", "service"),
    "delivery": ("quality", "service", "delivery"),
    "app": ("quality", "service", "delivery"),
}


@dataclass
class DemoData:
    contacts: list[Row]
    invitations: list[Row]
    responses: list[Row]  # sorted by survey, then by time
    # Start of each period of the relationship schedule; an invitation's `wave` indexes it.
    waves: list[datetime]


def generate(seed: int, responses: int, now: datetime) -> DemoData:
    """Every demo row for `responses` responses in total, ending at `now` (timezone-aware)."""
    counts = responses_per_survey(responses)
    contact_count = max(
        40, math.ceil(counts[RELATIONSHIP.key] / (RELATIONSHIP_RESPONSE_RATE * ASKS_PER_CONTACT))
    )
    contacts = list(generate_contacts(random.Random(f"{seed}:contacts"), contact_count, now))
    invitations = Invitations()
    rows = list(
        generate_relationship_responses(
            random.Random(f"{seed}:relationship"),
            contacts,
            counts[RELATIONSHIP.key],
            now,
            invitations,
        )
    )
    rows += generate_purchase_responses(
        random.Random(f"{seed}:purchase"), contacts, counts[PURCHASE.key], now, invitations
    )
    rows += generate_employee_responses(random.Random(f"{seed}:enps"), counts["enps"], now)
    order = {plan: position for position, plan in enumerate(counts)}
    rows.sort(key=lambda row: (order[row["survey"]], row["created_at"]))
    return DemoData(
        contacts=contacts,
        invitations=invitations.rows,
        responses=rows,
        waves=relationship_waves(now),
    )


def relationship_waves(now: datetime) -> list[datetime]:
    """The start of every relationship period that began at least a day before `now`."""
    waves = [now - HISTORY]
    while (following := add_months(waves[-1], WAVE_MONTHS)) < now - DAY:
        waves.append(following)
    return waves


class Invitations:
    """Collects invitation rows and numbers them."""

    def __init__(self) -> None:
        self.rows: list[Row] = []
        self._keys = itertools.count(1)

    def add(self, now: datetime, **fields: Any) -> int:
        """A row with the times the sender would have recorded: sent when it went out (bounced
        and failed never left), reminded three days later when an e-mail went unanswered."""
        key = next(self._keys)
        sent_at = None if fields["status"] in NEVER_SENT else fields["created_at"]
        reminded_at = None
        if sent_at and fields["channel"] == "email" and not fields["responded"]:
            reminded_at = sent_at + REMINDER_AFTER if sent_at + REMINDER_AFTER < now else None
        fields.setdefault("wave", None)
        fields.setdefault("touchpoint", None)
        self.rows.append({"key": key, "sent_at": sent_at, "reminded_at": reminded_at, **fields})
        return key

    def unanswered(
        self,
        rng: random.Random,
        survey: str,
        contact: Row,
        channel: str,
        sent_at: datetime,
        now: datetime,
        **context: Any,
    ) -> None:
        """An invitation nobody answered; `context` is its wave or touchpoint."""
        status = UNANSWERED_STATUS[channel].draw(rng)
        opened_at = None
        if status == "opened":
            opened_at = min(sent_at + timedelta(hours=rng.uniform(1, 30)), now - LATEST)
        self.add(
            now,
            survey=survey,
            contact=contact["key"],
            channel=channel,
            created_at=sent_at,
            status=status,
            opened_at=opened_at,
            responded=False,
            **context,
        )


def generate_contacts(rng: random.Random, count: int, now: datetime) -> Iterator[Row]:
    """Customers of Aurora Telecom; about a quarter joined during the 18 months of history."""
    start = now - HISTORY
    for serial in range(1, count + 1):
        if rng.random() < 0.28:
            since = start + timedelta(days=rng.uniform(0, story.HISTORY_DAYS - 20))
        else:
            since = start - timedelta(days=min(4200.0, rng.expovariate(1 / 1100)))
        region = REGION_BY_NAME[REGION_WEIGHTS.draw(rng)]
        language = LANGUAGE_WEIGHTS[region.name].draw(rng)
        gender = GENDER_WEIGHTS.draw(rng)
        spend_band = SPEND_WEIGHTS.draw(rng)
        name, email_local = _person_name(rng, language, gender)
        # Customers were imported from the CRM a week before the first survey, or when they joined.
        imported = max(since, start - 7 * DAY)
        yield {
            "key": f"AT-{serial:06d}",
            "external_id": f"AT-{serial:06d}",
            "email": f"{email_local}{serial}@{rng.choice(EMAIL_DOMAINS)}",
            "name": name,
            "language": language,
            "time_zone": region.time_zone,
            "attributes": {
                "region": region.name,
                "age_group": AGE_WEIGHTS.draw(rng),
                "gender": gender,
                "plan": PLAN_WEIGHTS[spend_band].draw(rng),
                "spend_band": spend_band,
                "customer_since": since.date().isoformat(),
            },
            "customer_since": since,
            "created_at": imported,
            "updated_at": imported,
        }


def _person_name(rng: random.Random, language: str, gender: str) -> tuple[str, str]:
    """A full name in the language's script and a Latin e-mail local part."""
    sex = gender if gender in ("male", "female") else rng.choice(("male", "female"))
    first, first_latin = rng.choice(FIRST_NAMES[language][sex])
    male, female, male_latin, female_latin = rng.choice(SURNAMES[language])
    last, last_latin = (male, male_latin) if sex == "male" else (female, female_latin)
    if language == "zh-hans":
        return f"{last}{first}", f"{last_latin}.{first_latin}"
    return f"{first} {last}", f"{first_latin}.{last_latin}"


def generate_relationship_responses(
    rng: random.Random, contacts: list[Row], count: int, now: datetime, invitations: Invitations
) -> Iterator[Row]:
    """Every customer is asked once a quarter, at the same point of each period of the
    relationship schedule, from their second month on; exactly `count` of the asks are answered."""
    asks = []
    waves = relationship_waves(now)
    ends = [*waves[1:], add_months(waves[-1], WAVE_MONTHS)]
    for contact in contacts:
        point = rng.uniform(0, 1)  # where in each period this customer's turn comes
        first_allowed = contact["customer_since"] + 30 * DAY
        for wave, (start, end) in enumerate(zip(waves, ends, strict=True)):
            moment = start + (end - start) * point
            if first_allowed <= moment < now - DAY:
                asks.append((moment, contact, wave))
    answered = set(rng.sample(range(len(asks)), min(count, len(asks))))
    for index, (moment, contact, wave) in enumerate(asks):
        channel = RELATIONSHIP_CHANNEL_WEIGHTS.draw(rng)
        if index not in answered and channel not in INVITED_CHANNELS:
            continue  # an interviewer's call or a website banner nobody answered leaves no trace
        region = REGION_BY_NAME[contact["attributes"]["region"]]
        asked_at = daytime(rng, moment, region, channel)
        if index not in answered:
            invitations.unanswered(
                rng, RELATIONSHIP.key, contact, channel, asked_at, now, wave=wave
            )
            continue
        yield _customer_response(
            rng, RELATIONSHIP.key, contact, channel, asked_at, now, invitations, wave=wave
        )


def generate_purchase_responses(
    rng: random.Random, contacts: list[Row], count: int, now: datetime, invitations: Invitations
) -> Iterator[Row]:
    """Purchases follow the calendar (weekends, December, Black Friday). E-mail and SMS
    invitations are answered by some; kiosks, the app and the phone survey count who answered."""
    by_since = sorted(contacts, key=lambda contact: contact["customer_since"])
    since_list = [contact["customer_since"] for contact in by_since]
    days, cumulative = purchase_day_weights(now)
    produced = 0
    while produced < count:
        day = rng.choices(days, cum_weights=cumulative)[0]
        moment = now - timedelta(days=day, hours=rng.uniform(0, 24))
        active = bisect.bisect_right(since_list, moment)
        if active == 0:
            continue
        contact = by_since[rng.randrange(active)]
        touchpoint = TOUCHPOINT_WEIGHTS.draw(rng)
        channel = PURCHASE_CHANNEL_WEIGHTS[touchpoint].draw(rng)
        region = REGION_BY_NAME[contact["attributes"]["region"]]
        bought_at = daytime(rng, moment, region, "kiosk" if touchpoint == "shop" else channel)
        if bought_at > now - DAY and channel in INVITED_CHANNELS:
            continue  # its invitation goes out tomorrow
        if channel in INVITED_CHANNELS and rng.random() >= PURCHASE_RESPONSE_RATE:
            invitations.unanswered(
                rng, PURCHASE.key, contact, channel, bought_at, now, touchpoint=touchpoint
            )
            continue
        produced += 1
        yield _customer_response(
            rng, PURCHASE.key, contact, channel, bought_at, now, invitations, touchpoint=touchpoint
        )


def _customer_response(
    rng: random.Random,
    survey: str,
    contact: Row,
    channel: str,
    asked_at: datetime,
    now: datetime,
    invitations: Invitations,
    touchpoint: str | None = None,
    wave: int | None = None,
) -> Row:
    profile = contact["attributes"]
    region = profile["region"]
    if channel in IMMEDIATE_CHANNELS:
        delay = timedelta(minutes=rng.uniform(1, 15))
    else:
        delay = timedelta(hours=min(72.0, rng.expovariate(1 / 10)))
    moment = daytime(rng, asked_at + delay, REGION_BY_NAME[region], channel)
    created_at = min(moment, now - LATEST)
    tenure = tenure_band(contact["customer_since"], created_at)
    agent = rng.choice(REGION_BY_NAME[region].agents) if touchpoint == "support" else None
    situation = story.Situation(
        survey=survey,
        days_ago=days_ago(created_at, now),
        region=region,
        age_group=profile["age_group"],
        gender=profile["gender"],
        plan=profile["plan"],
        tenure=tenure,
        spend_band=profile["spend_band"],
        channel=channel,
        touchpoint=touchpoint,
        agent=agent,
    )
    rated = RATED[touchpoint or survey]
    felt = story.experience(rng, situation, rated)
    # The kiosk and the website's open link do not know who answers: no contact, coarse facts.
    anonymous = channel in ("kiosk", "web")
    attributes: dict[str, Any] = {"region": region}
    if anonymous and survey == RELATIONSHIP.key:
        attributes.update(plan=profile["plan"], tenure=tenure)
    elif not anonymous:
        attributes.update({key: profile[key] for key in ("age_group", "gender", "plan")})
        attributes.update(tenure=tenure, spend_band=profile["spend_band"])
    if touchpoint:
        attributes["touchpoint"] = touchpoint
    if touchpoint == "shop":
        attributes["store"] = rng.choice(STORES[region])
    if channel == "kiosk":
        # Each shop's tablet tags its answers with its location, as a kiosk does.
        attributes["location"] = attributes["store"]
    if agent:
        attributes["agent"] = agent
    invitation = None
    if channel in INVITED_CHANNELS:
        invitation = invitations.add(
            now,
            survey=survey,
            contact=contact["key"],
            channel=channel,
            created_at=asked_at,
            status="responded",
            opened_at=created_at if channel == "email" else None,
            responded=True,
            wave=wave,
            touchpoint=touchpoint,
        )
    version = _version(survey, created_at, now)
    return response_row(
        rng,
        survey=survey,
        version=version,
        felt=felt,
        channel=channel,
        language=contact["language"],
        created_at=created_at,
        attributes=attributes,
        contact=None if anonymous else contact["key"],
        invitation=invitation,
        respondent=respondent_key(rng) if anonymous else "",
        answers=aspect_ratings(rng, rated, felt),
        asks_third_question=version == 2,
    )


def _version(survey: str, created_at: datetime, now: datetime) -> int:
    """The relationship survey added its third question a year ago: version 2 from then on."""
    since = RELATIONSHIP.third_question_since_days_ago
    if survey == RELATIONSHIP.key and since is not None and created_at >= now - since * DAY:
        return 2
    return 1
