"""The interface's language: Qt's own translation system, switched at run time.

`guide_<lang>.qm` is built from `translations/guide_<lang>.ts` by pyside6-lrelease (`make
translations`; a test checks it is current). Qt's own words (dialog buttons) come from the
qtbase translations that ship with Qt.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, Qt, QTranslator
from PySide6.QtWidgets import QWidget

from guide import languages

FOLDER = Path(__file__).with_name("translations")


class Translations(QObject):
    """One window's language: the translators for it belong to the window, and are the
    application's while that window is the one in use.

    Qt looks words up in the translators installed in the application, not in a window's. Left
    installed, a Spanish window closed before an English one was built gave the English window a
    Spanish toolbar, title and help heading; and a window built while another was open took the
    first one's words away for good. So each window loads its own translators (its children:
    they go when it goes) and installs them when it is built, shown or activated, in place of
    the last window's; when it is hidden or closed, the window in use before it gets its words
    back, and a hidden window's late events (an activation delivered after it closed) leave the
    words alone.
    """

    _in_use: ClassVar[list[Translations]] = []  # the windows' languages, the one installed now last

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.language = "en"
        self._translators: list[QTranslator] = []
        self._installed: list[QTranslator] = []  # what this window gave the application
        self._loaded: dict[str, list[QTranslator]] = {}  # each language read from disk once
        window.installEventFilter(self)

    def apply(self, language: str) -> bool:
        """Use `language` from now on; False when no translation for it could be loaded (the
        window then shows the guide's own English words)."""
        self.language = language
        self._translators = [] if language == "en" else self._load(language)
        if languages.language(language).direction == "rtl":  # the window is laid out in reading order
            self.parent().setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        else:
            self.parent().setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.install()
        return language == "en" or bool(self._translators)

    @staticmethod
    def _windows_in_use() -> list[Translations]:
        in_use = Translations._in_use
        in_use[:] = [t for t in in_use if shiboken6.isValid(t)]  # closed windows' are gone with them
        return in_use

    def install(self) -> None:
        """Make this window's words the application's."""
        in_use = self._windows_in_use()
        if in_use and in_use[-1] is self and self._installed == self._translators:
            return
        if in_use:
            in_use[-1]._take_out()
        if self in in_use:
            in_use.remove(self)
        in_use.append(self)
        for translator in self._translators:
            QCoreApplication.installTranslator(translator)
        self._installed = list(self._translators)

    def give_back(self) -> None:
        """Hidden or closed: the window in use before this one gets its words back."""
        in_use = self._windows_in_use()
        if self not in in_use:
            return
        on_top = in_use[-1] is self
        in_use.remove(self)
        if on_top:
            self._take_out()
            if in_use:  # install() puts it back on top
                in_use.pop().install()

    def _take_out(self) -> None:
        if shiboken6.isValid(self):
            for translator in self._installed:
                QCoreApplication.removeTranslator(translator)
        self._installed = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        # Only a window a visitor can see takes the words: an activation the platform delivers
        # after the window has closed (it happens offscreen, and on slow machines) must not put a
        # closed window's words back for good.
        if kind in (QEvent.Type.Show, QEvent.Type.WindowActivate) and self.parent().isVisible():
            self.install()
        elif kind == QEvent.Type.Hide:
            self.give_back()
        return False

    def _load(self, language: str) -> list[QTranslator]:
        """Qt's own words and ours for `language` (ours last: it wins)."""
        if language in self._loaded:
            return self._loaded[language]
        ours = QTranslator(self)
        if not ours.load(str(FOLDER / f"guide_{language}.qm")):
            ours.deleteLater()
            return []
        translators = [ours]
        qt = QTranslator(self)
        if qt.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            translators.insert(0, qt)
        else:
            qt.deleteLater()
        self._loaded[language] = translators
        return translators
