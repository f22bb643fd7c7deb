"""A clinic's pack of hundreds of articles: a sidebar that opens a category at a time, and a
start that remembers the article headers yet sees every change to the pack."""

import pytest
from helpers import article
from PySide6.QtCore import Qt

from guide.packs.folder_cache import cache_file
from guide.ui.app import cache_dir
from guide.ui.reader.topic_tree import OPEN_ALL_UP_TO

CATEGORIES = ("Alpha", "Beta", "Gamma")
COUNT = OPEN_ALL_UP_TO + 1  # just enough for a long list


@pytest.fixture
def large_pack(make_pack, settle):
    pack = make_pack(
        {
            f"en/articles/page-{i}.md": article(f"Page {i:03}", category=CATEGORIES[i % 3], body=f"Words of {i}.")
            for i in range(COUNT)
        }
    )
    settle()
    return pack


def category(tree, name):
    found = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount()) if tree.topLevelItem(i).text(0) == name]
    assert found, name
    return found[0]


def click(qtbot, tree, item):
    tree.scrollToItem(item)  # as a person scrolls to it
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center())


def test_a_long_list_opens_with_only_the_category_being_read_open(window_factory, large_pack):
    window = window_factory("--content", str(large_pack), "--article", "page-4")
    tree = window.topic_tree
    assert category(tree, "Beta").isExpanded()  # page 4 is in Beta
    assert not category(tree, "Alpha").isExpanded() and not category(tree, "Gamma").isExpanded()
    assert tree.currentItem().text(0) == "Page 004"
    assert tree.viewport().rect().intersects(tree.visualItemRect(tree.currentItem()))
    assert category(tree, "Check the signs").isExpanded()  # the checklists stay in view


def test_every_article_of_a_long_list_opens_from_the_tree(window_factory, large_pack, qtbot):
    window = window_factory("--content", str(large_pack))
    tree = window.topic_tree
    opened = set()
    for name in CATEGORIES:
        group = category(tree, name)
        if not group.isExpanded():
            click(qtbot, tree, group)  # a click on a category opens it
        assert group.isExpanded() and group.childCount() == COUNT // 3
        for row in range(group.childCount()):
            item = group.child(row)
            click(qtbot, tree, item)
            assert window.reader.toPlainText().startswith(item.text(0)), item.text(0)
            opened.add(window.current_location().target)
    assert opened == {f"page-{i}" for i in range(COUNT)}


def test_the_keyboard_opens_a_closed_category_and_its_articles(window_factory, large_pack, qtbot):
    window = window_factory("--content", str(large_pack), "--article", "page-4")
    tree = window.topic_tree
    gamma = category(tree, "Gamma")
    tree.setFocus()
    tree.setCurrentItem(gamma)
    qtbot.keyClick(tree, Qt.Key.Key_Right)
    assert gamma.isExpanded()
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert window.reader.toPlainText().startswith("Page 002")  # Gamma's first, by title
    qtbot.keyClick(tree, Qt.Key.Key_Left)
    qtbot.keyClick(tree, Qt.Key.Key_Left)
    assert not gamma.isExpanded()


def test_a_link_to_an_article_in_a_closed_category_opens_it_in_the_tree(window_factory, large_pack):
    window = window_factory("--content", str(large_pack), "--article", "page-4")
    window.on_address_requested("article:page-5")  # Gamma
    assert category(window.topic_tree, "Gamma").isExpanded()
    assert window.topic_tree.currentItem().text(0) == "Page 005"


def test_the_tree_keeps_the_article_being_read_open_across_a_language_switch(window_factory, large_pack):
    window = window_factory("--content", str(large_pack), "--article", "page-5")
    window.set_language("es")
    assert category(window.topic_tree, "Gamma").isExpanded()
    assert window.topic_tree.currentItem().text(0) == "Page 005"  # no translation: the English page
    assert set(window.topic_tree.location_items()) >= {f"article:page-{i}" for i in range(COUNT)}


def test_a_changed_pack_is_seen_at_the_next_start(window_factory, make_pack, settle):
    pack = make_pack({f"en/articles/page-{i}.md": article(f"Page {i}", category="Ours") for i in range(4)})
    settle()
    window_factory("--content", str(pack))  # remembers the headers
    articles = pack / "en" / "articles"
    (articles / "page-1.md").write_text(article("Edit 1", category="Ours"))  # in place, the same size
    (articles / "page-2.md").unlink()
    (articles / "page-3.md").rename(articles / "page-9.md")
    (articles / "new-page.md").write_text(article("A new page", category="Ours"))
    items = window_factory("--content", str(pack)).topic_tree.location_items()
    titles = {address: item.text(0) for address, item in items.items() if address.startswith("article:")}
    ours = {address: title for address, title in titles.items() if address[8:] in ("page-0", "page-1", "page-9")}
    assert ours == {"article:page-0": "Page 0", "article:page-1": "Edit 1", "article:page-9": "Page 3"}
    assert "article:page-2" not in titles and "article:page-3" not in titles
    assert titles["article:new-page"] == "A new page"


def test_a_damaged_header_cache_is_rebuilt_without_a_word_to_the_visitor(window_factory, large_pack, capfd):
    first = window_factory("--content", str(large_pack))
    remembered = cache_file(cache_dir() / "headers", large_pack / "en" / "articles")
    assert remembered.is_file()
    remembered.write_bytes(b"\x00 not what was written")
    window = window_factory("--content", str(large_pack), "--article", "page-7")
    assert window.library.problems == [] and window.library.articles == first.library.articles
    assert window.reader.toPlainText().startswith("Page 007")
    assert capfd.readouterr().err == ""
