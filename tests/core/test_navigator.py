"""The Navigator, with no display: what each thing a visitor does leads to, and what a reset forgets."""

import pytest

from guide.checklists.checklist import Checklist
from guide.config import Config
from guide.feedback.store import FeedbackStore, RefusedComment
from guide.navigator import Followed, Navigator
from guide.packs.library import load_library
from guide.reader.links import LinkKind
from guide.search.sidebar import SidebarState
from guide.session import Session


@pytest.fixture(scope="module")
def library():
    return load_library()


@pytest.fixture
def navigator(library, tmp_path):
    return Navigator(library, Config(), "en", feedback=FeedbackStore(tmp_path / "feedback.sqlite"))


def test_a_new_visit_starts_at_home_with_nothing_to_go_back_to(navigator):
    page = navigator.page()
    assert page.location.target == "home" and not page.can_go_back and page.feedback is None
    assert page.title == "Recovery Guide" and "911" in page.html  # help is on the first page


def test_an_article_has_its_title_its_pictures_folder_and_a_feedback_row(navigator):
    page = navigator.open_article("clonazepam")
    assert page.title.startswith("Clonazepam") and page.pictures.name == "en"
    assert page.feedback is not None and page.feedback.helpful is None and page.can_go_back


def test_back_remembers_how_far_down_the_page_was_read(navigator):
    navigator.open_article("clonazepam")
    navigator.open_article("benzodiazepines", scroll=0)
    navigator.forward()
    page = navigator.back(scroll=0)
    assert page.location.target == "clonazepam"
    navigator.open_article("benzodiazepines", scroll=340)
    assert navigator.back().scroll == 340


def test_the_place_kept_through_a_language_switch_is_the_one_back_returns_to(navigator):
    navigator.open_article("clonazepam")
    navigator.set_language("es")
    navigator.keep_place(512)  # where the window put the Spanish page
    assert navigator.page().scroll == 512
    navigator.open_article("benzodiazepines", scroll=512)
    assert navigator.back().scroll == 512


@pytest.mark.parametrize(
    ("address", "leads_to"),
    [("#sources", Followed.ANCHOR), ("https://988lifeline.org", Followed.EXTERNAL),
     ("javascript:alert(1)", Followed.REFUSED), ("file:///etc/passwd", Followed.REFUSED),
     ("article:benzodiazepines", Followed.PAGE), ("help:", Followed.PAGE)],
)  # fmt: skip
def test_the_link_policy_decides_where_a_link_leads(navigator, address, leads_to):
    assert navigator.follow(address).leads_to is leads_to


def test_the_staff_page_is_refused_on_a_kiosk(library):
    kiosk = Navigator(library, Config(), "en", kiosk=True)
    assert kiosk.follow("problems:").leads_to is Followed.REFUSED
    assert not kiosk.topics().staff


def test_a_red_flag_tick_makes_a_crisis_page(navigator):
    navigator.go(navigator.follow("checklist:clonazepam-signs").page.location)
    assert isinstance(navigator.page().checklist, Checklist) and not navigator.page().crisis
    page = navigator.tick("suicide-thoughts", True)
    assert page.crisis and "suicide-thoughts" in page.ticked
    assert not navigator.tick("suicide-thoughts", False).crisis


def test_one_answer_per_article_and_an_identifying_comment_is_refused(navigator):
    navigator.open_article("clonazepam")
    assert navigator.answer(True).helpful is True
    assert navigator.answer(False).helpful is True  # the first answer stands
    with pytest.raises(RefusedComment):
        navigator.comment("call me at 217 555 0199")
    assert navigator.comment("Clear and short").comment_sent


def test_search_shows_topics_until_words_are_typed(navigator):
    class Index:
        def search(self, text, language):
            return None  # still being built

    navigator.searcher = Index()
    assert navigator.search("").state is SidebarState.TOPICS
    assert navigator.search("overdose").state is SidebarState.WAITING


def test_a_reset_forgets_everything_the_visit_did(navigator):
    navigator.open_article("clonazepam")
    navigator.answer(False)
    navigator.draft("my daughter uses")
    navigator.search("rehab near me")
    navigator.find("suicide")
    navigator.zoom_in()
    navigator.set_theme("dark")
    navigator.set_language("es")
    navigator.go(navigator.follow("checklist:clonazepam-signs").page.location)
    navigator.tick("suicide-thoughts", True)
    navigator.reset()
    page = navigator.page()
    assert navigator.session == Session(language="en")
    assert page.location.kind is LinkKind.ARTICLE and page.location.target == "home" and not page.crisis
    assert navigator.theme() == Config().display.theme and navigator.zoom().percent == 100
