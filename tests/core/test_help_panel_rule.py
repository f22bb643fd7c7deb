"""The help panel's overflow rule, without a screen: what gives way, in what order."""

from guide.help.overflow import always_whole, choose_level, panel_levels, unbroken_numbers
from guide.packs.records import Contact, Helpline, HelplineText


def line(line_id: str, contacts: int = 1, **flags: bool) -> Helpline:
    numbers = tuple(Contact(kind="call", number=f"1-800-555-01{n:02}") for n in range(contacts))
    return Helpline(id=line_id, contacts=numbers, texts={"en": HelplineText(line_id)}, **flags)


LINES = [line("emergency", emergency=True), line("clinic", 3), line("988", 3, crisis=True), line("samhsa", 2)]


def shown(level) -> dict[str, int]:
    return {entry.helpline.id: entry.shown for entry in level.entries}


def test_lines_compact_from_the_bottom_then_leave_the_panel_and_crisis_lines_never_do():
    levels = panel_levels(LINES)
    assert [(shown(level), level.left_out) for level in levels] == [
        ({"emergency": 1, "clinic": 3, "988": 3, "samhsa": 2}, 0),
        ({"emergency": 1, "clinic": 3, "988": 3, "samhsa": 1}, 0),
        ({"emergency": 1, "clinic": 1, "988": 3, "samhsa": 1}, 0),
        ({"emergency": 1, "clinic": 1, "988": 3}, 1),
        ({"emergency": 1, "988": 3}, 2),
    ]
    assert [always_whole(h) for h in LINES] == [True, False, True, False]


def test_the_most_complete_level_that_fits_is_chosen():
    levels = panel_levels(LINES)
    height = {id(level): 100 - 10 * n for n, level in enumerate(levels)}.__getitem__
    assert choose_level(levels, lambda level: height(id(level)), 100) == levels[0]
    assert choose_level(levels, lambda level: height(id(level)), 75) == levels[3]
    assert choose_level(levels, lambda level: height(id(level)), 10) == levels[-1]  # nothing fits: the least


def test_numbers_get_non_breaking_hyphens_and_spaces_and_words_do_not():
    assert unbroken_numbers("Llame al 1-800-662-4357") == "Llame al 1\u2011800\u2011662\u20114357"
    assert unbroken_numbers("Front desk: (217) 555-0142") == "Front desk: (217)\u00a0555\u20110142"
    assert unbroken_numbers("Text HOME to 741741 or call 988 now") == "Text HOME to 741741 or call 988 now"
