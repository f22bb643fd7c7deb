"""What the help panel shows when it cannot show everything: the overflow rule, without Qt.

The panel (guide/ui/help/help_panel.py) measures how tall each help line is; this module decides
what gives way, in a fixed order (docs/CONTENT.md, "Help lines"):

1. Emergency and crisis lines are always whole, with every contact.
2. Other lines compact to their first contact, the lowest line first.
3. Then other lines leave the panel, the lowest first; the "All help lines" button says how
   many, and every line stays on the help page, one tap away.

"Find treatment near you" (when a pack has the directory) gives way before all of these: the
panel shows it only where it costs no line any room.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from guide.packs.records import Helpline

# Help lines that all fit on the panel, each with its name and first number whole, at
# 800x600 in Spanish, in a kiosk, with the crisis highlight on, when the lines a clinic adds
# have long names (tests/fixtures/busy-clinic). Measured by tests/ui/test_help_panel.py;
# `guide check` warns past it.
PANEL_LIMIT = 6


class PanelEntry(NamedTuple):
    helpline: Helpline
    shown: int  # how many of its contacts the panel shows, from the first


class PanelLevel(NamedTuple):
    """One way to show the help lines: the entries in order, and how many lines are left out."""

    entries: tuple[PanelEntry, ...]
    left_out: int


def always_whole(helpline: Helpline) -> bool:
    """Emergency and crisis lines never compact or leave the panel."""
    return helpline.emergency or helpline.crisis


def panel_levels(helplines: Sequence[Helpline]) -> list[PanelLevel]:
    """Every way the panel may show `helplines`, the most complete first."""
    shown = {h.id: len(h.contacts) for h in helplines}
    kept = list(helplines)

    def level() -> PanelLevel:
        return PanelLevel(tuple(PanelEntry(h, shown[h.id]) for h in kept), len(helplines) - len(kept))

    levels = [level()]
    yielding = [h for h in reversed(helplines) if not always_whole(h)]  # the lowest first
    for helpline in yielding:
        if shown[helpline.id] > 1:
            shown[helpline.id] = 1
            levels.append(level())
    for helpline in yielding:
        kept.remove(helpline)
        levels.append(level())
    return levels


def choose_level(levels: Sequence[PanelLevel], height: Callable[[PanelLevel], int], room: int) -> PanelLevel:
    """The most complete level whose measured height fits in `room`; the last one if none does."""
    return next((level for level in levels if height(level) <= room), levels[-1])


# A phone number as people write it: "1-800-662-4357", "(217) 555-0142", "217 555 0142".
_NUMBER_RE = re.compile(r"\+?\(?\d+\)?(?:[ \-]\(?\d+\)?)+")


def unbroken_numbers(text: str) -> str:
    """`text` with each phone number's hyphens and spaces made non-breaking, for display only."""
    return _NUMBER_RE.sub(lambda m: m.group().replace("-", "\u2011").replace(" ", "\u00a0"), text)
