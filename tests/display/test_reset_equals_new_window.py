"""A visit that ends leaves the window as a new one, on a real X server with a window manager.

The same comparison as tests/ui/test_reset_equals_new_window.py (every widget, shown or hidden,
property by property), here where X11 and openbox take part: focus, activation, the full-screen
state, the palette Qt re-reads when a window is mapped, a menu that really grabs.
"""

import pytest
from visit_scenario import ENDINGS, kiosk_args, reset_window_against_a_new_one


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("way", ENDINGS)
def test_a_kiosk_visit_that_ends_leaves_the_window_as_a_new_one(
    window_factory, pin_config, locator_pack, qtbot, language, way
):
    args = kiosk_args(pin_config, language, way, locator_pack)
    assert reset_window_against_a_new_one(window_factory, qtbot, args, language, way) == []
