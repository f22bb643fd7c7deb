"""The generic checks for a content pack, as real UI tests: `guide check --pytest DIR`.

Every article opens, every link on every page leads somewhere, every checklist scores, the
help panel shows the pack's lines, and search finds each article by its title. They use the
same fixtures a clinic's own tests do (guide.testing).
"""

from __future__ import annotations

import pytest

from guide.languages import codes
from guide.packs.helplines import read_helplines
from guide.reader.links import LinkKind, classify
from guide.reader.markdown_html import heading_anchors


@pytest.fixture
def library(guide_window):
    return guide_window.library


def test_every_article_opens(guide, library):
    for language in codes():
        guide.set_language(language)
        for article_id in library.article_ids(language):
            text = guide.open_article(article_id)
            assert text.strip(), f"{language}/{article_id} shows nothing"
            assert "not in the guide" not in text and "could not be opened" not in text, f"{language}/{article_id}"


def test_every_link_leads_somewhere(guide, library):
    for language in codes():
        guide.set_language(language)
        for article_id in library.article_ids(language):
            guide.open_article(article_id)
            article = library.article(article_id, language)
            anchors = heading_anchors(article.read_body())
            for address in guide.links():
                link = classify(address)
                where = f"{language}/{article_id}: {address}"
                assert link.kind is not LinkKind.BLOCKED, where
                if link.kind is LinkKind.ARTICLE:
                    assert library.has_article(link.target), where
                elif link.kind is LinkKind.CHECKLIST:
                    assert library.checklist(link.target, language) is not None, where
                elif link.kind is LinkKind.ANCHOR:
                    assert link.anchor in anchors, where


def test_every_checklist_scores(guide, library):
    for language in codes():
        for checklist_id in library.checklist_ids(language):
            guide.window.reset_session()  # answers are kept across languages: start each one fresh
            guide.set_language(language)
            guide.open_checklist(checklist_id)
            checklist = guide.window.checklist_view.checklist
            for item in checklist.items:
                guide.tick(item.id)
            assert guide.result_text().strip(), f"{language}/{checklist_id}: no result with every item ticked"
            assert guide.crisis_shown() == any(item.red_flag for item in checklist.items)


def test_the_help_panel_shows_the_packs_lines(guide, guide_pack):
    shown = guide.help_lines()
    assert "Call 911" in shown and "Call 988" in shown
    for pack in guide_pack:
        if (pack / "helplines.toml").is_file():
            lines, problems = read_helplines(pack / "helplines.toml")
            assert problems == [], [str(p) for p in problems]
            for line in lines:
                assert line.text("en").name in shown, f"{line.id} is not on the help panel"


def test_search_finds_each_article_by_its_title(guide, library):
    for language in codes():
        guide.set_language(language)
        for article_id in library.article_ids(language):
            if article_id == "home":
                continue
            title = library.article(article_id, language).title
            assert title in guide.search(title), f"{language}/{article_id}: searching '{title}' did not find it"
