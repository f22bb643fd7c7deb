"""The interface's language: Qt's own translation system, switched at run time.

`guide_<lang>.qm` is built from `translations/guide_<lang>.ts` by pyside6-lrelease (`make
translations`; a test checks it is current). Qt's own words (dialog buttons) come from the
qtbase translations that ship with Qt.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, Qt, QTranslator

FOLDER = Path(__file__).with_name("translations")


PREFIX = "guide-translator:"  # the objectName of every translator this module gives the application


class Translations(QObject):
    """Installs the translators for one language, and takes away any other language's.

    Qt's translators belong to the application, not to a window: a Spanish window closed
    before an English one was built left its translators installed, and the English window's
    toolbar, title and help heading came up in Spanish. So the translators are the
    application's children, loaded once per language, and each switch removes them all first.
    """

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.language = "en"

    def apply(self, language: str) -> bool:
        """Use `language` from now on; False when no translation for it could be loaded."""
        app = QCoreApplication.instance()
        for translator in app.findChildren(QTranslator, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if translator.objectName().startswith(PREFIX):
                QCoreApplication.removeTranslator(translator)
        self.language = language
        if language == "en":  # the source language
            return True
        translators = self._translators(app, language)
        if not translators:
            return False
        for translator in translators:
            QCoreApplication.installTranslator(translator)
        return True

    @staticmethod
    def _translators(app: QCoreApplication, language: str) -> list[QTranslator]:
        """Qt's own words and ours for `language`, each read from disk once per application."""
        name = f"{PREFIX}{language}"
        loaded = [t for t in app.findChildren(QTranslator, options=Qt.FindChildOption.FindDirectChildrenOnly)
                  if t.objectName() in (f"{name}:qt", f"{name}:guide")]  # fmt: skip
        if loaded:
            return sorted(loaded, key=lambda t: t.objectName().endswith(":guide"))  # ours last: it wins
        ours = QTranslator(app)
        if not ours.load(str(FOLDER / f"guide_{language}.qm")):
            ours.deleteLater()
            return []
        ours.setObjectName(f"{name}:guide")
        qt = QTranslator(app)
        if qt.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            qt.setObjectName(f"{name}:qt")
            return [qt, ours]
        qt.deleteLater()
        return [ours]
