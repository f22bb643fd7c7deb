"""Rendering: safe HTML, internal links, contents, review dates and sources on every page."""

import re
from html import unescape
from html.parser import HTMLParser

from helpers import article
from hostile import EXTERNAL_SCHEMES, INTERNAL_SCHEMES, hostile_markdown, hostile_tag, scheme_as_read
from hypothesis import given, settings
from hypothesis import strategies as st

from guide.packs.library import load_library
from guide.reader.links import LinkKind, classify
from guide.reader.markdown_html import markdown_to_html
from guide.reader.render import Renderer

START = ("en", "page")  # the page a start shows first: the one page a Renderer keeps on disk


def test_raw_html_is_escaped_not_passed_through():
    html, _ = markdown_to_html('Hi <script>alert(1)</script> <img src="x" onerror="y">\n\n<div>block</div>')
    assert "<script" not in html and "<img" not in html and "<div" not in html
    assert "&lt;script&gt;" in html and "&lt;div&gt;" in html


def test_article_links_are_rewritten_and_others_left_for_the_policy():
    html, _ = markdown_to_html("[a](clonazepam.md) [b](benzodiazepines.md#tolerance) [c](https://x.org)")
    assert 'href="article:clonazepam"' in html
    assert 'href="article:benzodiazepines#tolerance"' in html
    assert 'href="https://x.org"' in html


def test_headings_get_anchors_the_reader_can_scroll_to_and_a_table_of_contents():
    html, toc = markdown_to_html("## First part\n\ntext\n\n## Second part\n")
    assert '<a name="first-part"></a>' in html
    assert 'href="#second-part"' in toc


def test_tables_and_lists_render():
    html, _ = markdown_to_html("| a | b |\n|---|---|\n| 1 | 2 |\n\n- one\n- two\n")
    assert "<table>" in html and "<li>one</li>" in html


def test_every_bundled_article_ends_with_review_dates_and_sources():
    library = load_library()
    renderer = Renderer(library)
    for article_id in library.article_ids():
        html = renderer.article_html(article_id, "en")
        article = library.article(article_id, "en")
        reviewed, due = article.reviewed, article.review_due  # as the header gives them; shown in words
        assert f"Last reviewed: {reviewed.day} {reviewed:%B %Y}" in html, article_id
        assert f"Next review due: {due.day} {due:%B %Y}" in html, article_id
        assert (due - reviewed).days in (365, 366), article_id  # reviewed again within the year
        assert "<h3>Sources</h3>" in html and html.count("<li>") >= 2, article_id


def test_related_articles_are_listed_by_title():
    renderer = Renderer(load_library())
    html = renderer.article_html("clonazepam", "en")
    assert '<a href="article:benzodiazepines">Benzodiazepines' in html


def test_unknown_article_gives_a_page_that_says_so():
    html = Renderer(load_library()).article_html("no-such-page", "en")
    assert "not in the guide" in html


def test_an_unreadable_body_shows_a_message_and_is_listed_as_a_problem(make_pack):
    library = load_library([make_pack({"en/articles/bad.md": b"Title: Bad\n\n\xff\n"})])
    html = Renderer(library).article_html("bad", "en")
    assert "could not be opened" in html and "bad.md" not in html  # the file's path is for staff
    assert any(p.path.name == "bad.md" and p.line == 3 for p in library.problems)


def test_a_pack_without_home_gets_a_home_page_made_of_its_topics(make_pack, monkeypatch):
    from guide.packs import library as library_module

    monkeypatch.setattr(library_module, "BUNDLED_PACK", make_pack({"en/articles/only.md": article("Only one")}))
    html = Renderer(library_module.load_library()).article_html("home", "en")
    assert 'href="article:only"' in html


def test_help_page_lists_every_number_with_what_to_do():
    html = Renderer(load_library()).help_html("en")
    for words in (
        "Call 911",
        "Call 988",
        "Text 988",
        "Call 1-800-662-4357",
        "TTY 1-800-487-4889",
        "Call 1-800-222-1222",
        "Text HOME to 741741",
    ):
        assert words in html


# What markdown makes of an article, and nothing more: no tag of a page's own, no event handler.
PAGE_TAGS = {"p", "a", "img", "br", "hr", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "div"}
PAGE_TAGS |= {"h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td"}
PAGE_ATTRIBUTES = {"href", "src", "alt", "title", "id", "name", "class", "style", "start"}


class _Page(HTMLParser):
    """The tags and the text of a page, read by an HTML parser the guide doesn't use (the
    stdlib's), with character references decoded as the reader's parser decodes them."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_data(self, data):
        self.text.append(data)


@settings(max_examples=200, deadline=None)
@given(hostile_markdown)
def test_hostile_markdown_makes_no_tag_no_handler_and_no_link_that_opens(text):
    html, toc = markdown_to_html(text)
    for tag, attributes in _Page(html + toc).tags:
        assert tag in PAGE_TAGS, (tag, html)
        for name, value in attributes:
            assert name in PAGE_ATTRIBUTES and not name.startswith("on"), (tag, name, html)
            if name == "style":
                assert re.fullmatch(r"text-align: (left|right|center);", value or ""), value
            if name == "href":  # decoded, as the reader gives it to the link policy
                link, scheme = classify(value or ""), scheme_as_read(value or "")
                if scheme is not None and scheme not in EXTERNAL_SCHEMES | INTERNAL_SCHEMES:
                    assert link.kind is LinkKind.BLOCKED, value
                if link.kind is LinkKind.EXTERNAL:
                    assert scheme in EXTERNAL_SCHEMES, value


@settings(max_examples=150, deadline=None)
@given(hostile_tag, st.text(alphabet=st.characters(codec="utf-8", categories=["L", "N"]), max_size=8))
def test_raw_html_in_a_sentence_is_shown_as_text(tag, word):
    html, _ = markdown_to_html(f"Before {word} {tag} after.")
    page = _Page(html)
    assert [tag for tag, _ in page.tags] == ["p"]
    assert unescape(tag) in "".join(page.text)


def test_the_start_page_is_cached_on_disk_and_redone_when_a_file_changes(make_pack, tmp_path):
    import os

    pack = make_pack(
        {"en/articles/page.md": article("Page", body="First words."), "en/articles/other.md": article("Other")}
    )
    pack_page = pack / "en/articles/page.md"
    pack_page.write_text(pack_page.read_text().replace("Title: Page", "Title: Page\nRelated: other"))
    cache = tmp_path / "cache"
    first = Renderer(load_library([pack]), cache, START).article_html("page", "en")
    assert "First words." in first and len(list((cache / "pages").glob("*.html"))) == 1
    # A new start: the page comes from the disk, byte for byte.
    assert Renderer(load_library([pack]), cache, START).article_html("page", "en") == first
    other = pack / "en/articles/other.md"
    other.write_text(article("Renamed other"))
    os.utime(other, ns=(1, 1))
    assert "Renamed other" in Renderer(load_library([pack]), cache, START).article_html("page", "en")
    pack_page.write_text(pack_page.read_text().replace("First words.", "New words."))
    os.utime(pack_page, ns=(2, 2))
    assert "New words." in Renderer(load_library([pack]), cache, START).article_html("page", "en")


def test_a_cached_page_with_another_key_under_the_same_name_is_not_shown(make_pack, tmp_path):
    # The file name carries a short checksum; two keys may share one, so the key inside decides.
    pack = make_pack({"en/articles/page.md": article("Page", body="Today's words.")})
    cache = tmp_path / "cache"
    Renderer(load_library([pack]), cache, START).article_html("page", "en")
    (cached,) = (cache / "pages").glob("*.html")
    cached.write_text("1|en|some other file:1:1\n<p>Yesterday's words.</p>", "utf-8")
    shown = Renderer(load_library([pack]), cache, START).article_html("page", "en")
    assert "Today's words." in shown and "Yesterday" not in shown


def test_pages_other_than_the_start_page_change_no_file(make_pack, tmp_path):
    # What a visitor opens stays in memory: no file's time says when someone first read a page.
    names = [(lang, name) for lang in ("en", "es") for name in ("page", "crisis")]
    pack = make_pack({f"{lang}/articles/{name}.md": article(name.title()) for lang, name in names})
    cache = tmp_path / "cache"
    renderer = Renderer(load_library([pack]), cache, START)
    renderer.article_html("page", "en")
    (kept,) = (cache / "pages").iterdir()
    before = [(p.name, p.stat().st_mtime_ns, p.stat().st_ctime_ns) for p in (cache, cache / "pages", kept)]
    for lang, name in [("en", "crisis"), ("es", "crisis"), ("es", "page"), ("en", "no-such-page"), ("en", "page")]:
        assert renderer.article_html(name, lang)
    assert [(p.name, p.stat().st_mtime_ns, p.stat().st_ctime_ns) for p in (cache, cache / "pages", kept)] == before
    assert list((cache / "pages").iterdir()) == [kept]
    assert "Crisis" in Renderer(load_library([pack]), cache).article_html("crisis", "en")  # no start page: none kept
    assert list((cache / "pages").iterdir()) == [kept]


def test_writing_the_start_page_clears_the_pages_earlier_starts_kept(make_pack, tmp_path):
    pack = make_pack({"en/articles/page.md": article("Page"), "en/articles/other.md": article("Other")})
    cache = tmp_path / "cache"
    (cache / "pages").mkdir(parents=True)
    for name in ("en-crisis-and-emergencies-0123.html", "es-clonazepam-4567.html", "en-home-89ab.tmp"):
        (cache / "pages" / name).write_text("1|en|a page an earlier version kept\n<p>Old</p>")
    Renderer(load_library([pack]), cache, ("en", "other")).article_html("other", "en")
    Renderer(load_library([pack]), cache, START).article_html("page", "en")
    (kept,) = (cache / "pages").iterdir()
    assert kept.name.startswith("en-page-")


def test_an_unwritable_cache_still_renders(make_pack, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("in the way")
    pack = make_pack({"en/articles/page.md": article("Page", body="Words.")})
    assert "Words." in Renderer(load_library([pack]), blocker / "cache", START).article_html("page", "en")
