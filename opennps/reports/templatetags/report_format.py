"""Numbers as reports show them: one decimal, in the reader's language, with a dash for "none"."""

from __future__ import annotations

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from opennps.reports.content import one_decimal, signed_number, verdict
from opennps.stats import Comparison, Summary

register = template.Library()

DASH = "–"


@register.filter
def nps(value: float | None) -> str:
    return DASH if value is None else one_decimal(value)


@register.filter
def signed(value: float | None) -> str:
    return DASH if value is None else signed_number(value)


@register.filter
def interval(summary: Summary) -> str:
    if summary.ci_low is None or summary.ci_high is None:
        return DASH
    return _("%(low)s to %(high)s") % {
        "low": one_decimal(summary.ci_low),
        "high": one_decimal(summary.ci_high),
    }


@register.filter
def count(value: int) -> str:
    return number_format(value, 0, force_grouping=True)


@register.filter
def share(part: int, whole: int) -> str:
    return DASH if not whole else number_format(100 * part / whole, 0) + "%"


@register.filter
def change_verdict(comparison: Comparison) -> str:
    return verdict(comparison)


@register.filter
def p_value(comparison: Comparison) -> str:
    if comparison.p_value is None:
        return DASH
    return "< 0.001" if comparison.p_value < 0.001 else number_format(comparison.p_value, 2)
