"""The Session: history like a browser's, zoom within bounds, a reset that forgets all."""

from guide.reader.links import Link, LinkKind
from guide.session import HOME, ZOOM_STEPS, Session


def place(name):
    return Link(LinkKind.ARTICLE, name)


def test_a_new_session_is_at_home_with_nowhere_to_go_back_or_forward():
    history = Session().history
    assert history.current.location == HOME
    assert not history.can_go_back and not history.can_go_forward


def test_back_and_forward_walk_the_history_and_a_new_visit_drops_what_was_ahead():
    history = Session().history
    history.visit(place("a"))
    history.visit(place("b"))
    assert history.back().location == place("a")
    assert history.can_go_forward
    history.visit(place("c"))
    assert not history.can_go_forward
    assert [v.location.target for v in history.visits] == ["home", "a", "c"]


def test_visiting_the_current_page_again_adds_nothing():
    history = Session().history
    history.visit(place("a"))
    history.visit(place("a"))
    assert len(history.visits) == 2


def test_back_at_the_start_and_forward_at_the_end_stay_put():
    history = Session().history
    assert history.back().location == HOME
    history.visit(place("a"))
    assert history.forward().location == place("a")


def test_zoom_steps_stop_at_both_ends():
    session = Session()
    for _ in range(20):
        session.zoom_in()
    assert session.zoom == ZOOM_STEPS[-1] and not session.can_zoom_in
    for _ in range(20):
        session.zoom_out()
    assert session.zoom == ZOOM_STEPS[0] and not session.can_zoom_out
    assert session.zoom_reset() == 100


def test_history_keeps_the_last_200_places_so_memory_stays_flat():
    history = Session().history
    for number in range(500):
        history.visit(place(f"page-{number}"))
    assert len(history.visits) == 200
    assert history.current.location == place("page-499") and not history.can_go_forward
    assert history.visits[0].location == place("page-300")
    for _ in range(199):
        history.back()
    assert not history.can_go_back and history.current.location == place("page-300")
