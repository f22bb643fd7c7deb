"""The Spanish interface: current translation files, no English left, a live switch that keeps your place."""

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QWidget,
)

from guide import languages
from guide.ui.checklists.crisis_banner import CrisisBanner

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "guide/ui/translations/guide_es.ts"
QM = ROOT / "guide/ui/translations/guide_es.qm"
BIN = Path(sys.executable).parent


def tool(name):
    found = shutil.which(name, path=str(BIN))
    assert found, f"{name} is not installed beside this Python"
    return found


def test_the_qm_is_what_lrelease_makes_of_the_ts(tmp_path):
    fresh = tmp_path / "fresh.qm"
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == QM.read_bytes(), "run `make translations` and commit the result"


def messages(path):
    return {
        (context.findtext("name"), m.findtext("source"))
        for context in ET.parse(path).getroot().iter("context")
        for m in context.iter("message")
    }


def test_the_ts_holds_every_string_in_the_source_and_all_are_translated(tmp_path):
    copy = tmp_path / "guide_es.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "guide/ui").rglob("*.py"))  # as `make translations`
    subprocess.run(
        [tool("pyside6-lupdate"), *sources, "-ts", str(copy), "-no-obsolete"], check=True, capture_output=True
    )
    assert messages(copy) == messages(TS), "run `make translations`, translate what is new, and commit"
    assert 'type="unfinished"' not in TS.read_text()


def english_words():
    """Every interface string whose Spanish differs: none may be on screen in Spanish."""
    words = set()
    for message in ET.parse(TS).getroot().iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        text = "".join(translation.itertext()) if translation is not None else ""
        if source and source.strip() and source != text and len(source.strip()) > 2:
            words.add(source.split("%")[0].strip() or source)
    return words


def visible_strings(window):
    found = [window.windowTitle()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        found += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, (QLabel, QAbstractButton)):
            found.append(widget.text())
        if isinstance(widget, QLineEdit):
            found.append(widget.placeholderText())
        if isinstance(widget, QGroupBox):
            found.append(widget.title())
        if isinstance(widget, QTreeWidget):
            for index in range(widget.topLevelItemCount()):
                top = widget.topLevelItem(index)
                found += [top.text(0)] + [top.child(i).text(0) for i in range(top.childCount())]
        if isinstance(widget, QComboBox) and widget.objectName() != "languageBox":  # names in their own tongue
            found += [widget.itemText(i) for i in range(widget.count())]
    return [s for s in found if s]


def assert_no_english(window):
    english = english_words()
    leftovers = [s for s in visible_strings(window) if s in english or re.sub(r" \(.*\)$", "", s) in english]
    assert leftovers == [], leftovers


def assert_no_clipped_buttons(window):
    QApplication.processEvents()  # let the toolbar lay itself out after the last change
    for button in window.findChildren(QAbstractButton):
        if not (button.isVisibleTo(window) and button.text()):
            continue
        if button.hasHeightForWidth():  # a checklist item wraps its words: it must be tall enough instead
            assert button.height() >= button.heightForWidth(button.width()), (button.objectName(), button.text())
        else:
            assert button.sizeHint().width() <= button.width() + 1, (button.objectName(), button.text())


def walk_every_view(window, qtbot):
    """Visit each kind of screen a visitor can reach, checking as we go."""
    yield "home"
    window.open_article("clonazepam")
    window.feedback_panel.no.click()
    yield "article with feedback"
    window.open_checklist("clonazepam-signs")
    window.checklist_view.box("suicide-thoughts").setChecked(True)
    yield "checklist with a red flag"
    window.open_help()
    window.open_find_bar()
    yield "help page with the find bar"
    qtbot.waitUntil(window.search_ready)
    window.navigation.search_box.setText("klonpin")
    qtbot.waitUntil(window.search_settled)
    yield "search results"


@pytest.mark.parametrize("start", [["--lang", "es"], ["--lang", "es", "--kiosk"]])
def test_no_visible_string_is_english_in_the_spanish_interface(window_factory, qtbot, start):
    window = window_factory(*start)
    for _view in walk_every_view(window, qtbot):
        assert_no_english(window)
        assert_no_clipped_buttons(window)


def test_english_buttons_are_not_clipped_either(window_factory, qtbot):
    window = window_factory("--kiosk")
    for _view in walk_every_view(window, qtbot):
        assert_no_clipped_buttons(window)


def test_switching_language_keeps_the_open_article(window, qtbot):
    window.open_article("withdrawal-and-detox")
    box = window.findChild(QComboBox, "languageBox")
    box.setCurrentIndex(box.findData("es"))
    assert window.session.language == "es"
    assert window.current_location().target == "withdrawal-and-detox"
    assert window.reader.toPlainText().startswith("Abstinencia y desintoxicación")
    assert window.navigation.home.text() == "Inicio"
    assert_no_english(window)
    box.setCurrentIndex(box.findData("en"))
    assert window.reader.toPlainText().startswith("Withdrawal and detox") and window.navigation.home.text() == "Home"


def test_switching_language_keeps_the_checklist_answers(window):
    window.open_checklist("withdrawal-warning-signs")
    window.checklist_view.box("sweating").setChecked(True)
    window.checklist_view.box("seizure").setChecked(True)
    window.set_language("es")
    view = window.checklist_view
    assert view.checklist.lang == "es"
    assert view.box("sweating").isChecked() and view.box("seizure").isChecked()
    assert view.box("sweating").text() != "Sweating more than usual"
    assert window.findChild(QWidget, "crisisBanner").isVisible()
    assert "busque ayuda" in window.findChild(QWidget, "crisisBanner").text()


def test_the_help_panel_switches_words_and_keeps_numbers(window):
    english = window.help_panel.contact_texts()
    window.set_language("es")
    spanish = window.help_panel.contact_texts()
    assert spanish[:2] == ["Emergencias", "Llame al 911"]
    numbers = re.compile(r"\d[\d-]{2,}")
    assert [numbers.findall(t) for t in english] == [numbers.findall(t) for t in spanish]
    assert english != spanish


def test_a_reset_goes_back_to_the_configured_language(window_factory, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('language = "es"\n')
    window = window_factory("--config", str(config))
    assert window.navigation.home.text() == "Inicio"
    window.set_language("en")
    window.reset_session()
    assert window.session.language == "es" and window.navigation.home.text() == "Inicio"
    assert window.findChild(QComboBox, "languageBox").currentData() == "es"


def test_the_find_bar_and_search_speak_spanish(window_factory, qtbot):
    window = window_factory("--lang", "es")
    qtbot.waitUntil(window.search_ready)
    qtbot.keyClicks(window.navigation.search_box, "zzqqxx")
    qtbot.waitUntil(window.search_settled)
    assert (
        window.search_results.messages()[0].startswith("No se encontraron")
        or "No" in window.search_results.messages()[0]
    )
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.field.placeholderText() != "Find in this page"


WORDS = {
    "en": {"home": "Home", "title": "Recovery Guide", "more": "All help lines and what they do",
           "clonazepam": "Clonazepam (Klonopin) - Recovery Guide"},
    "es": {"home": "Inicio", "title": "Guía de recuperación", "more": "Ver todas las líneas de ayuda",
           "clonazepam": "Clonazepam (Klonopin) - Guía de recuperación"},
}  # fmt: skip


def assert_speaks(window, language: str) -> None:
    words = WORDS[language]
    assert window.navigation.widgetForAction(window.navigation.home).text() == words["home"]
    assert window.windowTitle() == words["title"]  # Home: the guide's name, once
    assert window.help_panel.findChild(object, "moreHelpButton").text() == words["more"]


@pytest.mark.parametrize("first_closed", [True, False], ids=["first closed", "first still open"])
@pytest.mark.parametrize(("first", "second"), [("es", "en"), ("en", "es")])
def test_a_window_speaks_its_own_language_whatever_was_built_before(window_factory, qtbot, first, second, first_closed):
    """Testers and the screenshot script build windows one after another in one process; a
    Spanish window closed before an English one was built gave it a Spanish toolbar."""
    earlier = window_factory("--lang", first)
    assert_speaks(earlier, first)
    if first_closed:
        earlier.close()
    later = window_factory("--lang", second)
    qtbot.waitUntil(later.search_ready, timeout=10_000)
    assert_speaks(later, second)
    later.open_article("clonazepam")
    assert later.windowTitle() == WORDS[second]["clonazepam"]


@pytest.mark.parametrize(("first", "second"), [("es", "en"), ("en", "es")])
def test_closing_a_window_gives_the_one_before_it_its_words_back(window_factory, qtbot, first, second):
    """A window built while another was open took the first one's words away for good."""
    earlier = window_factory("--lang", first)
    window_factory("--lang", second).close()
    earlier.open_article("clonazepam")
    assert earlier.windowTitle() == WORDS[first]["clonazepam"]
    earlier.open_find_bar()
    assert earlier.find_bar.field.placeholderText() == {"en": "Find in this page", "es": "Buscar en esta página"}[first]


def test_a_made_up_third_language_starts_the_window_in_it(window_factory, qtbot):
    """Adding a language is a catalogue, its .ts file and one registry entry (guide/languages.py)."""
    made_up = Path(__file__).parents[1] / "fixtures" / "made-up-language" / "xx.toml"
    with languages.registered("xx", made_up):
        window = window_factory("--lang", "xx")
        box = window.navigation.language_box
        assert [box.itemText(i) for i in range(box.count())] == ["English", "Español", "Tildish"]
        assert box.currentText() == "Tildish"
        window.open_help()
        assert window.reader.toPlainText().startswith("~Get help now")
        window.open_checklist("clonazepam-signs")
        window.checklist_view.box("suicide-thoughts").setChecked(True)
        banner = window.findChild(CrisisBanner)
        assert banner.isVisible() and banner.text().startswith("~Please get help now")
        window.set_language("es")
        assert box.currentText() == "Español"


def test_a_right_to_left_language_lays_the_window_out_from_the_right(window_factory, tmp_path):
    made_up = Path(__file__).parents[1] / "fixtures" / "made-up-language" / "xx.toml"
    right_to_left = tmp_path / "rt.toml"
    right_to_left.write_text(made_up.read_text("utf-8").replace('direction = "ltr"', 'direction = "rtl"'), "utf-8")
    with languages.registered("rt", right_to_left):
        window = window_factory("--lang", "rt")
        assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert window.help_panel.mapTo(window, window.help_panel.rect().topLeft()).x() < window.width() // 2
        window.set_language("en")
        assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_a_closed_window_never_takes_the_words_back(window_factory, qtbot):
    """In CI, fourteen widget tests that ran after a Spanish window's test read Spanish words:
    the platform's activation event for that window arrived after it had closed, and put its
    translators back in the application for good. A hidden window's late events leave the words
    alone; only a window a visitor can see is the one whose words are in use."""
    from PySide6.QtCore import QCoreApplication, QEvent

    spanish = window_factory("--lang", "es")
    english = window_factory("--lang", "en")
    english.close()
    spanish.close()
    assert QCoreApplication.translate("NavigationBar", "Larger text") == "Larger text"
    QCoreApplication.sendEvent(spanish, QEvent(QEvent.Type.WindowActivate))  # late, from the platform
    QCoreApplication.sendEvent(spanish, QEvent(QEvent.Type.Show))
    assert QCoreApplication.translate("NavigationBar", "Larger text") == "Larger text"


def test_a_window_built_and_closed_without_being_shown_gives_its_words_back(qtbot):
    """A tester (or the screenshot script) may build a window, read it and close it unshown."""
    from PySide6.QtCore import QCoreApplication

    from guide.ui.app import create_window

    window = create_window(["--lang", "es"])
    qtbot.addWidget(window)
    assert QCoreApplication.translate("NavigationBar", "Larger text") == "Texto más grande"
    window.close()
    assert QCoreApplication.translate("NavigationBar", "Larger text") == "Larger text"
