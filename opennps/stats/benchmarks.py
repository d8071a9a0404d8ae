"""Published NPS figures to set a score beside, each with the source it came from.

Only figures we can attribute are listed; there is no single unattributed "industry NPS".
Figures from different sources use different methods, panels and years, so compare a score
with a benchmark from the same region and period where one exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

INDUSTRY_AVERAGE = "industry average"
NORM = "norm"

TEMKIN_2018 = "Temkin Group, 2018"
SATMETRIX_2018 = "Satmetrix, 2018"
COMPANY_FIGURES_2018 = "Company NPS figures reported in 2018"
REICHHELD_2001 = "Fred Reichheld, 2001"
NAFI_2016 = "NAFI, 2016"
KAZAKH_GUIDE_NORMS = "Industry norms cited by a Kazakh NPS guide"


class UnknownIndustryError(ValueError):
    """No benchmarks for the asked-for industry; the message lists the known industry keys."""

    def __init__(self, industry: str, known: list[str]) -> None:
        self.industry = industry
        self.known = known
        super().__init__(f"unknown industry {industry!r}; known industries: {', '.join(known)}")


@dataclass(frozen=True)
class Benchmark:
    """One published NPS figure.

    `industry` is a lookup key ("internet-tv-providers"), `label` its English name, `subject`
    what was measured ("industry average", a company name, or "norm"), `year` the year of the
    figure when the source gives one.
    """

    industry: str
    label: str
    nps: float
    source: str
    year: int | None
    region: str
    subject: str
    note: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "nps", float(self.nps))


def _industry_average(
    industry: str, label: str, nps: float, source: str, year: int, region: str, note: str
) -> Benchmark:
    return Benchmark(industry, label, nps, source, year, region, INDUSTRY_AVERAGE, note)


def _company(
    industry: str, label: str, company: str, nps: float, source: str, year: int
) -> Benchmark:
    return Benchmark(industry, label, nps, source, year, "US", company)


def _kazakh_norm(industry: str, label: str, nps: float) -> Benchmark:
    # The guide gives no year for its norms, so none is recorded.
    return Benchmark(industry, label, nps, KAZAKH_GUIDE_NORMS, None, "KZ", NORM)


_LOWEST = "lowest industry average in the study"
_HIGHEST = "highest industry average in the study"

BENCHMARKS: tuple[Benchmark, ...] = (
    _industry_average(
        "internet-tv-providers", "Internet and TV providers", 0, TEMKIN_2018, 2018, "US", _LOWEST
    ),
    _industry_average("auto-dealers", "Auto dealers", 39, TEMKIN_2018, 2018, "US", _HIGHEST),
    _industry_average(
        "internet-providers", "Internet providers", -1, SATMETRIX_2018, 2018, "US", _LOWEST
    ),
    _industry_average(
        "department-and-specialty-stores",
        "Department and specialty stores",
        65,
        SATMETRIX_2018,
        2018,
        "US",
        _HIGHEST,
    ),
    _company("streaming", "Streaming", "Netflix", 64, COMPANY_FIGURES_2018, 2018),
    _company("payments", "Payments", "PayPal", 63, COMPANY_FIGURES_2018, 2018),
    _company("e-commerce", "E-commerce", "Amazon", 54, COMPANY_FIGURES_2018, 2018),
    _company("internet", "Internet services", "Google", 53, COMPANY_FIGURES_2018, 2018),
    _company(
        "consumer-electronics", "Consumer electronics", "Apple", 49, COMPANY_FIGURES_2018, 2018
    ),
    _industry_average(
        "all-industries",
        "All industries",
        16,
        REICHHELD_2001,
        2001,
        "US",
        "average across more than 400 US companies",
    ),
    _company("e-commerce", "E-commerce", "eBay", 75, REICHHELD_2001, 2001),
    _company("e-commerce", "E-commerce", "Amazon", 75, REICHHELD_2001, 2001),
    _industry_average(
        "banks", "Banks", 44, NAFI_2016, 2016, "RU", "customers rating their main bank"
    ),
    _industry_average(
        "banks", "Banks", 30, NAFI_2016, 2016, "RU", "customers rating every bank they use"
    ),
    _kazakh_norm("telecom", "Telecom", 25),
    _kazakh_norm("car-sales", "Car sales", 60),
    _kazakh_norm("insurance", "Insurance", 35),
    _kazakh_norm("banks", "Banks", 25),
    _kazakh_norm("shops-and-supermarkets", "Shops and supermarkets", 50),
    _kazakh_norm("e-commerce", "E-commerce", 20),
    _kazakh_norm("restaurants", "Restaurants", 20),
    _kazakh_norm("construction", "Construction", 15),
    _kazakh_norm("private-clinics", "Private clinics", 10),
    _kazakh_norm("education", "Education", 40),
)

# Other spellings people type, after normalisation (lower case, hyphens between words).
INDUSTRY_ALIASES: dict[str, str] = {
    "telecommunications": "telecom",
    "telecoms": "telecom",
    "ecommerce": "e-commerce",
    "online-shopping": "e-commerce",
    "bank": "banks",
    "banking": "banks",
    "retail": "shops-and-supermarkets",
    "shops": "shops-and-supermarkets",
    "supermarkets": "shops-and-supermarkets",
    "restaurant": "restaurants",
    "clinics": "private-clinics",
    "isp": "internet-providers",
    "isps": "internet-providers",
    "car-dealers": "auto-dealers",
    "all": "all-industries",
}


def industries() -> list[str]:
    """Every industry key that has at least one benchmark, sorted."""
    return sorted({benchmark.industry for benchmark in BENCHMARKS})


def benchmarks_for(industry: str) -> list[Benchmark]:
    """Every benchmark for `industry`, in the order of BENCHMARKS.

    Matching ignores case and treats spaces, underscores and slashes as hyphens ("E Commerce",
    "e_commerce"), and knows a few aliases ("telecommunications", "ecommerce", "bank",
    "retail"). Raises UnknownIndustryError, listing the known keys, when nothing matches.
    """
    key = normalise_industry(industry)
    key = INDUSTRY_ALIASES.get(key, key)
    found = [benchmark for benchmark in BENCHMARKS if benchmark.industry == key]
    if not found:
        raise UnknownIndustryError(industry, industries())
    return found


def normalise_industry(text: str) -> str:
    """Lower-case `text` and join its words with single hyphens ("Shops & supermarkets" ->
    "shops-and-supermarkets")."""
    if not isinstance(text, str):
        raise TypeError(f"industry must be a str such as 'banks', got {text!r}")
    words = re.split(r"[\s_/\-]+", text.strip().lower().replace("&", " and "))
    return "-".join(word for word in words if word)
