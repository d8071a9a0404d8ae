"""eNPS anonymity: groups of fewer than five people are never shown, not even their size.

Hiding the small groups alone is not enough when the total is shown beside them: with one group
hidden, total minus the visible groups *is* that group. So after hiding every group under the
minimum, the smallest visible groups are hidden too until what is hidden holds either nobody or
at least the minimum (secondary suppression, as statistics offices do with census tables). The
hidden remainder then is itself a group of at least five, safe to be deduced.

What this does not stop (see docs/dashboard.md): subtracting two *different* views, e.g. the
same filter over two date ranges one day apart. Only members of the workspace see the
dashboard; give employee workspaces to few people.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TypeVar

from opennps.stats import ENPS_MINIMUM_GROUP, Histogram

Key = TypeVar("Key", bound=Hashable)


def shown_groups(
    groups: Sequence[tuple[Key, Histogram]], total_n: int, minimum: int = ENPS_MINIMUM_GROUP
) -> tuple[list[tuple[Key, Histogram]], int]:
    """The groups safe to show (in their given order) and how many were hidden.

    `total_n` is the n of the whole view the groups come from (shown elsewhere on the page);
    answers in no group (no value for the attribute) count as part of what is hidden.
    """
    if total_n < minimum:
        return [], len(groups)
    visible = {key: histogram for key, histogram in groups if histogram.n >= minimum}
    hidden_n = total_n - sum(histogram.n for histogram in visible.values())
    smallest_first = sorted(visible.items(), key=lambda item: (item[1].n, str(item[0])))
    # Ends at the latest when every group is hidden: then hidden_n == total_n >= minimum.
    while 0 < hidden_n < minimum and smallest_first:
        key, histogram = smallest_first.pop(0)
        del visible[key]
        hidden_n += histogram.n
    shown = [(key, histogram) for key, histogram in groups if key in visible]
    return shown, len(groups) - len(shown)


def may_show(histogram: Histogram, minimum: int = ENPS_MINIMUM_GROUP) -> bool:
    """Whether one eNPS figure (a headline, a previous period) may be shown at all."""
    return histogram.n >= minimum
