"""A reset leaves nothing of the old views behind in Python: a kiosk resets hundreds of times a
day, and whatever one reset keeps, the guide keeps growing by.

PySide6 6.11's QWidget.focusWidget() kept each widget it returned alive after Qt deleted it, so
every reset kept the old toolbar's Home button (found with `benchmarks/memory_probe.py reset`).
"""

import gc

import shiboken6
from PySide6.QtCore import QObject
from visit_scenario import settle


def deleted_but_kept() -> list[str]:
    """Python wrappers whose Qt object is gone: nothing can use them, and nothing frees them."""
    gc.collect()
    return sorted(type(o).__name__ for o in gc.get_objects() if isinstance(o, QObject) and not shiboken6.isValid(o))


def test_resets_leave_no_dead_widgets_behind(window_factory, pin_config):
    window = window_factory("--kiosk", "--config", str(pin_config), "--idle-seconds", "600")
    window.reset_session()
    settle()
    before = deleted_but_kept()
    for _ in range(5):
        window.reset_session()
        settle()
    assert deleted_but_kept() == before
