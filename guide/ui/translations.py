"""The interface's language: Qt's own translation system, switched at run time.

`guide_<lang>.qm` is built from `translations/guide_<lang>.ts` by pyside6-lrelease (`make
translations`; a test checks it is current). Qt's own words (dialog buttons) come from the
qtbase translations that ship with Qt.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

FOLDER = Path(__file__).with_name("translations")


class Translations(QObject):
    """Installs the translators for one language, and takes them away again."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._installed: list[QTranslator] = []
        self._loaded: dict[str, list[QTranslator]] = {}  # each language is read from disk once
        self.language = "en"

    def apply(self, language: str) -> bool:
        """Use `language` from now on; False when no translation for it could be loaded."""
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        self._installed = []
        self.language = language
        if language == "en":  # the source language
            return True
        if language not in self._loaded:
            ours = QTranslator(self)
            if not ours.load(str(FOLDER / f"guide_{language}.qm")):
                return False
            translators = []
            qt = QTranslator(self)
            if qt.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                translators.append(qt)
            self._loaded[language] = [*translators, ours]
        self._installed = list(self._loaded[language])
        for translator in self._installed:
            QCoreApplication.installTranslator(translator)
        return True
