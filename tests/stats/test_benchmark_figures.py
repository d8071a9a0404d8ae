from __future__ import annotations

import pytest

from opennps.stats import BENCHMARKS, UnknownIndustryError, benchmarks_for, industries

# (industry, subject, nps, source, year, region): every published figure we carry, no others.
EXPECTED_FIGURES = {
    ("internet-tv-providers", "industry average", 0, "Temkin Group, 2018", 2018, "US"),
    ("auto-dealers", "industry average", 39, "Temkin Group, 2018", 2018, "US"),
    ("internet-providers", "industry average", -1, "Satmetrix, 2018", 2018, "US"),
    ("department-and-specialty-stores", "industry average", 65, "Satmetrix, 2018", 2018, "US"),
    ("streaming", "Netflix", 64, "Company NPS figures reported in 2018", 2018, "US"),
    ("payments", "PayPal", 63, "Company NPS figures reported in 2018", 2018, "US"),
    ("e-commerce", "Amazon", 54, "Company NPS figures reported in 2018", 2018, "US"),
    ("internet", "Google", 53, "Company NPS figures reported in 2018", 2018, "US"),
    ("consumer-electronics", "Apple", 49, "Company NPS figures reported in 2018", 2018, "US"),
    ("all-industries", "industry average", 16, "Fred Reichheld, 2001", 2001, "US"),
    ("e-commerce", "eBay", 75, "Fred Reichheld, 2001", 2001, "US"),
    ("e-commerce", "Amazon", 75, "Fred Reichheld, 2001", 2001, "US"),
    ("banks", "industry average", 44, "NAFI, 2016", 2016, "RU"),
    ("banks", "industry average", 30, "NAFI, 2016", 2016, "RU"),
    ("telecom", "norm", 25, "Industry norms cited by a Kazakh NPS guide", None, "KZ"),
    ("car-sales", "norm", 60, "Industry norms cited by a Kazakh NPS guide", None, "KZ"),
    ("insurance", "norm", 35, "Industry norms cited by a Kazakh NPS guide", None, "KZ"),
    ("banks", "norm", 25, "Industry norms cited by a Kazakh NPS guide", None, "KZ"),
    (
        "shops-and-supermarkets",
        "norm",
        50,
        "Industry norms cited by a Kazakh NPS guide",
        None,
        "KZ",
    ),
    ("e-commerce", "norm", 20, "Industry norms cited by a Kazakh NPS guide", None, "KZ"),
    ("restaurants", "norm", 20, "Industry norms cited by a Kazakh NPS guide", None, "KZ"),
    ("construction", "norm", 15, "Industry norms cited by a Kazakh NPS guide", None, "KZ"),
    ("private-clinics", "norm", 10, "Industry norms cited by a Kazakh NPS guide", None, "KZ"),
    ("education", "norm", 40, "Industry norms cited by a Kazakh NPS guide", None, "KZ"),
}


def test_every_published_figure_is_present_with_its_source_and_no_other() -> None:
    carried = [(b.industry, b.subject, b.nps, b.source, b.year, b.region) for b in BENCHMARKS]

    assert len(carried) == len(EXPECTED_FIGURES)
    assert set(carried) == EXPECTED_FIGURES


def test_every_figure_names_its_source_label_and_region() -> None:
    for benchmark in BENCHMARKS:
        assert benchmark.source.strip()
        assert benchmark.label.strip()
        assert benchmark.region in {"US", "RU", "KZ"}
        assert isinstance(benchmark.nps, float)


def test_the_lowest_and_highest_industry_averages_say_so() -> None:
    notes = {(b.source, b.nps): b.note for b in BENCHMARKS}

    assert notes[("Temkin Group, 2018", 0)] == "lowest industry average in the study"
    assert notes[("Temkin Group, 2018", 39)] == "highest industry average in the study"
    assert notes[("Satmetrix, 2018", -1)] == "lowest industry average in the study"
    assert notes[("Satmetrix, 2018", 65)] == "highest industry average in the study"


def test_each_industry_key_has_one_english_label() -> None:
    labels: dict[str, set[str]] = {}
    for benchmark in BENCHMARKS:
        labels.setdefault(benchmark.industry, set()).add(benchmark.label)

    assert all(len(names) == 1 for names in labels.values())


def test_banks_bring_both_the_russian_survey_and_the_kazakh_norm() -> None:
    found = {(b.source, b.nps) for b in benchmarks_for("banks")}

    assert found == {
        ("NAFI, 2016", 44),
        ("NAFI, 2016", 30),
        (
            "Industry norms cited by a Kazakh NPS guide",
            25,
        ),
    }


def test_e_commerce_brings_amazon_ebay_and_the_kazakh_norm() -> None:
    found = {(b.subject, b.nps, b.year) for b in benchmarks_for("e-commerce")}

    assert found == {
        ("Amazon", 54, 2018),
        ("eBay", 75, 2001),
        ("Amazon", 75, 2001),
        (
            "norm",
            20,
            None,
        ),
    }


@pytest.mark.parametrize(
    ("asked", "key"),
    [
        ("Telecommunications", "telecom"),
        ("ecommerce", "e-commerce"),
        ("E_Commerce", "e-commerce"),
        ("E commerce", "e-commerce"),
        ("bank", "banks"),
        ("BANKS", "banks"),
        ("retail", "shops-and-supermarkets"),
        ("Shops & supermarkets", "shops-and-supermarkets"),
        (" Internet/TV providers ", "internet-tv-providers"),
        ("private_clinics", "private-clinics"),
    ],
)
def test_lookups_ignore_case_and_separators_and_know_aliases(asked: str, key: str) -> None:
    assert {b.industry for b in benchmarks_for(asked)} == {key}


def test_an_unknown_industry_is_refused_with_the_known_ones_listed() -> None:
    with pytest.raises(UnknownIndustryError) as caught:
        benchmarks_for("space tourism")

    assert caught.value.industry == "space tourism"
    assert isinstance(caught.value, ValueError)
    message = str(caught.value)
    assert message.startswith("unknown industry 'space tourism'; known industries: ")
    for key in industries():
        assert key in message


def test_industries_are_the_sorted_keys() -> None:
    keys = industries()

    assert keys == sorted({b.industry for b in BENCHMARKS})
    assert {"banks", "e-commerce", "telecom", "internet-tv-providers"} <= set(keys)
