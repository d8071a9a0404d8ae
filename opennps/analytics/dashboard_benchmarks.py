"""Benchmarks beside the workspace's NPS: published figures (opennps.stats) and the team's own.

opennps.stats stays free of Django, so its English labels are translated here, by their text.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from opennps.analytics.models import CustomBenchmark
from opennps.stats import Benchmark, benchmarks_for, industries

# Every label, subject and note used in opennps/stats/benchmarks.py, so they reach the catalogues.
_WORDS = {
    "Internet and TV providers": _("Internet and TV providers"),
    "Auto dealers": _("Auto dealers"),
    "Internet providers": _("Internet providers"),
    "Department and specialty stores": _("Department and specialty stores"),
    "Streaming": _("Streaming"),
    "Payments": _("Payments"),
    "E-commerce": _("E-commerce"),
    "Internet services": _("Internet services"),
    "Consumer electronics": _("Consumer electronics"),
    "All industries": _("All industries"),
    "Banks": _("Banks"),
    "Telecom": _("Telecom"),
    "Car sales": _("Car sales"),
    "Insurance": _("Insurance"),
    "Shops and supermarkets": _("Shops and supermarkets"),
    "Restaurants": _("Restaurants"),
    "Construction": _("Construction"),
    "Private clinics": _("Private clinics"),
    "Education": _("Education"),
    "industry average": _("industry average"),
    "norm": _("norm"),
    "lowest industry average in the study": _("lowest industry average in the study"),
    "highest industry average in the study": _("highest industry average in the study"),
    "average across more than 400 US companies": _("average across more than 400 US companies"),
    "customers rating their main bank": _("customers rating their main bank"),
    "customers rating every bank they use": _("customers rating every bank they use"),
    "Industry norms cited by a Kazakh NPS guide": _("Industry norms cited by a Kazakh NPS guide"),
    "Company NPS figures reported in 2018": _("Company NPS figures reported in 2018"),
}


def translated(text: str) -> str:
    return str(_WORDS.get(text, text))


@dataclass(frozen=True)
class BenchmarkRow:
    label: str
    subject: str
    nps: float
    source: str
    year: int | None
    region: str = ""
    note: str = ""
    custom_id: int | None = None  # set for the team's own rows, which can be removed


def industry_choices() -> list[tuple[str, str]]:
    """(key, translated label) for every industry with published figures, by label."""
    choices = [(key, translated(benchmarks_for(key)[0].label)) for key in industries()]
    return sorted(choices, key=lambda choice: choice[1].casefold())


def _published_row(benchmark: Benchmark) -> BenchmarkRow:
    return BenchmarkRow(
        label=translated(benchmark.label),
        subject=translated(benchmark.subject),
        nps=benchmark.nps,
        source=translated(benchmark.source),
        year=benchmark.year,
        region=benchmark.region,
        note=translated(benchmark.note),
    )


def benchmark_rows(workspace_id: int, industry: str) -> list[BenchmarkRow]:
    """The published figures for `industry` (none when empty), then the team's own rows."""
    rows = [_published_row(benchmark) for benchmark in benchmarks_for(industry)] if industry else []
    for custom in CustomBenchmark.objects.filter(workspace_id=workspace_id).order_by("label", "pk"):
        rows.append(
            BenchmarkRow(
                label=custom.label,
                subject=str(_("your own benchmark")),
                nps=custom.nps,
                source=custom.source,
                year=custom.year,
                custom_id=custom.pk,
            )
        )
    return rows
