"""A visit that ends leaves the window exactly as a new one: every widget, shown or hidden.

Issue 18: after a reset the search box gave the next visitor the last one's words with Ctrl+Z,
the hidden checklist kept its red-flag tick, the comment box its draft, the results their
titles, the find bar its word; the clipboard, a dragged splitter, an open menu and a refused
link's message survived. Here a rich visit (tests/visit_scenario.py) ends each of the three
ways a visit ends, and the window is compared, widget by widget and property by property
(tests/snapshot.py), with a new window made with the same options. The same test runs under a
real X server with a window manager (tests/display/test_reset_equals_new_window.py).
"""

import pytest
from snapshot import differences, snapshot
from visit_scenario import ENDINGS, kiosk_args, reset_window_against_a_new_one, rich_visit, settle

# The offscreen platform can't raise or grab for the theme menu the visit leaves open.
OFFSCREEN_MENU = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")


@OFFSCREEN_MENU
@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("way", ENDINGS)
def test_a_visit_that_ends_leaves_the_window_as_a_new_one(
    window_factory, pin_config, locator_pack, qtbot, language, way
):
    args = kiosk_args(pin_config, language, way, locator_pack)
    assert reset_window_against_a_new_one(window_factory, qtbot, args, language, way) == []


@OFFSCREEN_MENU
def test_a_desktop_window_reset_by_staff_is_a_new_one_too(window_factory, locator_pack, qtbot):
    args = ["--lang", "es", "--content", str(locator_pack)]
    assert reset_window_against_a_new_one(window_factory, qtbot, args, "es", "staff reset") == []


@OFFSCREEN_MENU
def test_the_snapshot_sees_what_a_reset_would_forget(window_factory, pin_config, locator_pack, qtbot):
    """The comparison can fail: the same visit, not ended, differs from a new window in the
    places issue 18 lists (tests/TESTING.md shows it failing with each clear undone)."""
    args = kiosk_args(pin_config, "en", "staff reset", locator_pack)
    window = window_factory(*args)
    rich_visit(window, qtbot, "en")
    settle()
    during = snapshot(window)
    window.hide()
    new = window_factory(*args)
    qtbot.waitUntil(new.search_ready, timeout=60_000)
    settle()
    found = "\n".join(differences(during, snapshot(new)))
    for expected in (
        "searchBox",
        "feedbackComment",
        "suicide-thoughts",
        "findField",
        "splitter",
        "statusbar",
        "zipBox",
    ):
        assert expected.lower() in found.lower(), expected
