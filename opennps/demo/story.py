"""What happened at Aurora, and how it moves each answer.

Every answer starts from a latent satisfaction on the 0–10 scale. Each driver the respondent cares
about (price, quality, service …) has an experience: a mean set by who they are, where and when,
plus personal noise. The weighted experiences and a few general effects (tenure, channel …) move
the latent value, which is rounded to the score. The same experiences pick what the comment talks
about and the aspect ratings, so scores, ratings and comments tell one story.

The timeline (days before "now"):
- 270: a price rise in Almaty. Price and communication experiences there collapse for three months.
- 180: the Aurora Plus loyalty programme launches everywhere; Almaty recovers over two months.
- 120: a redesigned app ships; app usability improves, most for older customers.
Employees: the call centre takes the complaint wave of the Almaty dip; its workload shows in the
two eNPS pulses during and just after it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from opennps.demo.cast import BEST_AGENT, WORST_AGENT

HISTORY_DAYS = 548  # 18 months
PRICE_RISE_DAYS_AGO = 270
LOYALTY_LAUNCH_DAYS_AGO = 180
RECOVERED_DAYS_AGO = 120
APP_REDESIGN_DAYS_AGO = 120
STORY_REGION = "Almaty"

CUSTOMER_DRIVERS = (
    "price",
    "quality",
    "service",
    "delivery",
    "usability",
    "assortment",
    "staff",
    "communication",
    "loyalty",
)
EMPLOYEE_DRIVERS = ("pay", "workload", "management", "team", "growth")

# How much each driver weighs in the score, by survey and (post-purchase) touchpoint.
RELATIONSHIP_WEIGHTS = {
    "price": 0.40,
    "quality": 0.35,
    "service": 0.20,
    "communication": 0.15,
    "usability": 0.10,
}
PURCHASE_WEIGHTS = {
    "shop": {"staff": 0.40, "assortment": 0.25, "price": 0.20, "quality": 0.15},
    "app": {"usability": 0.50, "price": 0.15, "quality": 0.15, "delivery": 0.10},
    "delivery": {"delivery": 0.55, "communication": 0.20, "quality": 0.15},
    "support": {"service": 0.60, "communication": 0.25},
}
LOYALTY_WEIGHT = 0.20
EMPLOYEE_WEIGHTS = {"pay": 0.30, "workload": 0.30, "management": 0.30, "team": 0.20, "growth": 0.25}

BASE = {"relationship": 7.95, "purchase": 8.1, "enps": 7.85}
DRIVER_NOISE = 1.3
LATENT_NOISE = 1.7

REGION_EFFECT = {
    "Almaty": 0.0,
    "Astana": 0.25,
    "Moscow": -0.35,
    "Sofia": 0.3,
    "Shanghai": -0.1,
    "London": 0.15,
}
TENURE_EFFECT = {"<1y": 0.25, "1-3y": -0.35, "3y+": 0.2}
GENDER_EFFECT = {"female": 0.08, "male": -0.05, "unspecified": 0.0}
AGE_EFFECT = {"18-24": -0.2, "25-34": 0.0, "35-44": 0.0, "45-54": 0.1, "55+": 0.2}
SPEND_EFFECT = {"low": -0.15, "medium": 0.0, "high": 0.2}
# Interviewers and in-store tablets lift scores a little, as they do in real programmes.
CHANNEL_EFFECT = {"phone": 0.6, "kiosk": 0.35, "sms": -0.2, "widget": -0.1}
# Whoever needed support had a problem first; a shop visit is usually a pleasant errand.
TOUCHPOINT_EFFECT = {"support": -0.7, "delivery": -0.2, "shop": 0.1}
AGENT_SERVICE_EFFECT = {BEST_AGENT: 1.8, WORST_AGENT: -2.4}
DEPARTMENT_EFFECT = {
    "Call centre": {"workload": -1.2},
    "IT & digital": {"growth": 1.5, "pay": 0.8, "management": 0.4},
    "Retail stores": {"pay": -0.9},
    "Network engineering": {"team": 0.6},
    "Head office": {"management": 0.5},
    "Sales": {"pay": 0.4, "workload": -0.4},
}
EMPLOYEE_TENURE_EFFECT = {"1-3y": {"growth": -0.9}, "3y+": {"team": 0.3, "pay": -0.3}}


@dataclass(frozen=True)
class Situation:
    """Who answers which survey, where and when; None for what the survey does not know."""

    survey: str
    days_ago: float
    region: str
    age_group: str | None = None
    gender: str | None = None
    plan: str | None = None
    tenure: str | None = None
    spend_band: str | None = None
    channel: str | None = None
    touchpoint: str | None = None
    agent: str | None = None
    department: str | None = None


@dataclass(frozen=True)
class Experience:
    score: int
    drivers: dict[str, float]  # driver -> experience relative to neutral (negative is bad)
    relevant: tuple[str, ...]  # the drivers that moved the score; comments talk about these


def _ramp(days_ago: float, starts: float, full: float) -> float:
    """0 before `starts` days ago, rising linearly to 1 at `full` days ago (starts > full)."""
    if days_ago >= starts:
        return 0.0
    if days_ago <= full:
        return 1.0
    return (starts - days_ago) / (starts - full)


def price_shock(days_ago: float) -> float:
    """How much worse Almaty feels about price: arrives within two weeks, eases after the launch."""
    arrival = _ramp(days_ago, PRICE_RISE_DAYS_AGO, PRICE_RISE_DAYS_AGO - 14)
    relief = _ramp(days_ago, LOYALTY_LAUNCH_DAYS_AGO, RECOVERED_DAYS_AGO)
    full, residual = 4.0, 0.4
    return -(full * arrival * (1 - relief) + residual * arrival * relief)


def loyalty_live(days_ago: float) -> float:
    """0 before the loyalty programme, 1 a month after its launch (people discover it)."""
    return _ramp(days_ago, LOYALTY_LAUNCH_DAYS_AGO, LOYALTY_LAUNCH_DAYS_AGO - 30)


def _long_term_trend(days_ago: float) -> float:
    return 0.3 * (1 - days_ago / HISTORY_DAYS)


def driver_weights(situation: Situation) -> dict[str, float]:
    if situation.survey == "enps":
        return dict(EMPLOYEE_WEIGHTS)
    if situation.survey == "relationship":
        weights = dict(RELATIONSHIP_WEIGHTS)
    else:
        weights = dict(PURCHASE_WEIGHTS[situation.touchpoint or "shop"])
    live = loyalty_live(situation.days_ago)
    if live > 0:
        weights["loyalty"] = LOYALTY_WEIGHT * live
    return weights


def customer_driver_means(s: Situation) -> dict[str, float]:
    """The expected experience of each customer driver for this situation."""
    in_story_region = s.region == STORY_REGION
    shock = price_shock(s.days_ago) if in_story_region else 0.0
    redesign = _ramp(s.days_ago, APP_REDESIGN_DAYS_AGO, APP_REDESIGN_DAYS_AGO - 21)
    loyalty = loyalty_live(s.days_ago)
    return {
        "price": {"basic": 0.5, "premium": -0.3}.get(s.plan or "", 0.0)
        + {"18-24": -0.6}.get(s.age_group or "", 0.0)
        + {"high": -0.3}.get(s.spend_band or "", 0.0)
        + shock,
        "quality": {"basic": -0.7, "premium": 0.7}.get(s.plan or "", 0.0)
        + {"Shanghai": -0.5, "London": 0.3}.get(s.region, 0.0),
        "service": {"premium": 0.4}.get(s.plan or "", 0.0)
        + AGENT_SERVICE_EFFECT.get(s.agent or "", 0.0),
        "delivery": -0.3 + {"Shanghai": -1.2, "London": 0.4}.get(s.region, 0.0),
        "usability": {"55+": -1.3, "45-54": -0.5, "18-24": 0.5}.get(s.age_group or "", 0.0)
        + redesign * (1.2 if s.age_group == "55+" else 0.8),
        "assortment": {"Sofia": -0.8}.get(s.region, 0.0),
        "staff": {"Sofia": 0.9, "Moscow": -0.4}.get(s.region, 0.0),
        "communication": {"1-3y": -0.7}.get(s.tenure or "", 0.0) + shock / 3,
        "loyalty": loyalty * (0.7 + (0.7 if s.tenure == "3y+" else 0.0)),
    }


def employee_driver_means(s: Situation) -> dict[str, float]:
    """The expected experience of each employee driver for this situation."""
    complaint_wave = (
        s.department == "Call centre"
        and RECOVERED_DAYS_AGO + 30 < s.days_ago <= PRICE_RISE_DAYS_AGO + 15
    )
    means = dict.fromkeys(EMPLOYEE_DRIVERS, 0.0)
    means["team"] += 0.3  # colleagues are the best thing about Aurora, across the board
    for effects in (
        DEPARTMENT_EFFECT.get(s.department or "", {}),
        EMPLOYEE_TENURE_EFFECT.get(s.tenure or "", {}),
    ):
        for driver, effect in effects.items():
            means[driver] += effect
    if complaint_wave:
        means["workload"] -= 3.0
        means["management"] -= 0.6
    return means


def general_effect(s: Situation) -> float:
    """Effects on the score that no single driver explains."""
    if s.survey == "enps":
        tenure = {"<1y": 0.5, "1-3y": -0.2}.get(s.tenure or "", 0.0)
        office = {"Shanghai": -0.3, "Sofia": 0.3, "London": 0.2}.get(s.region, 0.0)
        return tenure + office + _long_term_trend(s.days_ago)
    # Beyond the bill itself, the price rise soured Almaty on the brand as a whole for a while.
    resentment = price_shock(s.days_ago) / 9 if s.region == STORY_REGION else 0.0
    return (
        resentment
        + REGION_EFFECT.get(s.region, 0.0)
        + TENURE_EFFECT.get(s.tenure or "", 0.0)
        + GENDER_EFFECT.get(s.gender or "", 0.0)
        + AGE_EFFECT.get(s.age_group or "", 0.0)
        + SPEND_EFFECT.get(s.spend_band or "", 0.0)
        + CHANNEL_EFFECT.get(s.channel or "", 0.0)
        + TOUCHPOINT_EFFECT.get(s.touchpoint or "", 0.0)
        + _long_term_trend(s.days_ago)
    )


def experience(rng: random.Random, situation: Situation, rated: tuple[str, ...] = ()) -> Experience:
    """Draw one respondent's experiences of the drivers that matter to them and of the aspects
    they are asked to `rate`, and the score they lead to."""
    means = (
        employee_driver_means(situation)
        if situation.survey == "enps"
        else customer_driver_means(situation)
    )
    weights = driver_weights(situation)
    drivers = {
        name: means[name] + rng.gauss(0.0, DRIVER_NOISE)
        for name in dict.fromkeys([*weights, *rated])
    }
    latent = (
        BASE[situation.survey]
        + general_effect(situation)
        + sum(weight * drivers[name] for name, weight in weights.items())
        + rng.gauss(0.0, LATENT_NOISE)
    )
    return Experience(score_from_latent(rng, latent), drivers, tuple(weights))


def score_from_latent(rng: random.Random, latent: float) -> int:
    """Round to the scale, with the habits of real respondents: the very unhappy often go all
    the way down, and some of the lukewarm settle on the middle of the scale."""
    if latent < 5 and rng.random() < 0.3:
        latent -= rng.uniform(1.5, 5)
    elif 3.5 <= latent < 6.5 and rng.random() < 0.15:
        return 5
    return max(0, min(10, round(latent)))


def aspect_rating(rng: random.Random, driver_experience: float, score: int) -> int:
    """A 1–5 rating of one aspect: mostly the aspect itself, partly the overall mood."""
    raw = 3.2 + 0.55 * driver_experience + 0.3 * (score - 7) + rng.gauss(0.0, 0.7)
    return max(1, min(5, round(raw)))
