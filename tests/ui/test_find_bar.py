"""Find in page as a visitor uses it: typing, a language switch, another page; and the place
in the page kept through a language or theme switch."""

import pytest
from PySide6.QtCore import Qt

from guide.testing import Guide


def count_words(reader, word: str) -> int:
    return reader.toPlainText().lower().count(word)


def test_typing_a_word_ends_on_its_first_match(window, qtbot):
    """Each key found the next match after the last one: d-e-t-o-x ended on "3 of 5"."""
    window.open_article("withdrawal-and-detox")
    total = count_words(window.reader, "detox")
    assert total >= 3
    window.open_find_bar()
    Guide(window, qtbot).type(window.find_bar.field, "detox")
    assert window.find_bar.count_label.text() == f"1 of {total}"
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)  # Enter still goes on to the next
    assert window.find_bar.count_label.text() == f"2 of {total}"


def test_a_language_switch_counts_again_in_the_new_language(window, qtbot):
    """The bar kept the old page's count in the old language ("10 de 19" on a page without the word)."""
    window.open_article("withdrawal-and-detox")
    window.open_find_bar()
    Guide(window, qtbot).type(window.find_bar.field, "seizure")
    assert window.find_bar.count_label.text().endswith(f"of {count_words(window.reader, 'seizure')}")
    window.set_language("es")
    assert window.find_bar.isVisible() and window.find_bar.field.text() == "seizure"
    assert count_words(window.reader, "seizure") == 0  # the Spanish page says "convulsiones"
    assert window.find_bar.count_label.text() == "No se encontró"
    window.find_bar.field.setText("convulsiones")
    assert window.find_bar.count_label.text() == f"1 de {count_words(window.reader, 'convulsiones')}"


def test_another_page_closes_the_find_bar(window, qtbot):
    """The bar stayed open with the old page's word and count over the next page."""
    window.open_article("withdrawal-and-detox")
    window.open_find_bar()
    Guide(window, qtbot).type(window.find_bar.field, "detox")
    window.open_article("clonazepam")
    assert not window.find_bar.isVisible() and window.find_bar.field.text() == ""
    assert window.session.find_text == ""


def share_read(reader) -> float:
    bar = reader.verticalScrollBar()
    return bar.value() / bar.maximum()


@pytest.mark.parametrize("switch", ["language", "theme"])
def test_a_language_or_theme_switch_keeps_the_place_in_the_page(window, switch):
    """Both jumped back to the top, though the README promises the place is kept."""
    window.open_article("withdrawal-and-detox")
    bar = window.reader.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 2)
    before = share_read(window.reader)
    window.set_language("es") if switch == "language" else window.set_theme("dark")
    assert share_read(window.reader) == pytest.approx(before, abs=0.02)
    window.open_article("clonazepam")
    window.go_back()  # and the place is remembered for Back, in the page as now shown
    assert share_read(window.reader) == pytest.approx(before, abs=0.02)
