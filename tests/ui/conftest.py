"""Fixtures that build the real main window the way testers do."""

import pytest

from guide.testing import open_window


@pytest.fixture
def window_factory(qtbot):
    """Build a shown main window from command-line style arguments."""

    def make(*args: str, size: tuple[int, int] = (1200, 780)):
        return open_window(qtbot, args, size)  # the tester's kit builds it: the kit stays honest

    return make


@pytest.fixture
def window(window_factory):
    return window_factory()
