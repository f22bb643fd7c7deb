"""Applies a colour theme to the window: the style sheets filled in, and a matching palette."""

from __future__ import annotations

from PySide6.QtCore import QFile, QIODevice, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from guide.themes import THEMES, fill, resolve


def _resource(name: str) -> str:
    file = QFile(name)
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        return ""
    return bytes(file.readAll().data()).decode("utf-8")


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints is not None and hints.colorScheme() == Qt.ColorScheme.Dark


def palette_for(theme: str) -> QPalette:
    colours = {k: QColor(v) for k, v in THEMES[theme].items() if v.startswith("#")}
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "background", QPalette.ColorRole.WindowText: "text",
        QPalette.ColorRole.Base: "background", QPalette.ColorRole.AlternateBase: "panel",
        QPalette.ColorRole.Text: "text", QPalette.ColorRole.Button: "card", QPalette.ColorRole.ButtonText: "text",
        QPalette.ColorRole.Highlight: "selection", QPalette.ColorRole.HighlightedText: "text",
        QPalette.ColorRole.Link: "link", QPalette.ColorRole.ToolTipBase: "card", QPalette.ColorRole.ToolTipText: "text",
        QPalette.ColorRole.PlaceholderText: "muted",
    }  # fmt: skip
    for role, name in roles.items():
        palette.setColor(role, colours[name])
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, colours["muted"])
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, colours["muted"])
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, colours["muted"])
    return palette


class ThemeApplier:
    """Fills the templates for a theme and applies them; remembers what it applied, for tests."""

    def __init__(self, window):
        self.window = window
        self.qss_template = _resource(":/style/guide.qss")
        self.css_template = _resource(":/style/reader.css")
        self.theme = ""
        self.stylesheet = ""
        self.reader_css = ""

    def mark_colours(self) -> tuple[str, str]:
        """The colours of marked search words in the theme shown (a new reader takes them)."""
        return THEMES[self.theme]["mark"], THEMES[self.theme]["mark_text"]

    def apply(self, name: str) -> str:
        """Apply `name` ("system" follows the desktop); returns the theme actually used."""
        theme = resolve(name, system_is_dark())
        if theme == self.theme:
            return theme  # already on screen: re-applying re-polishes every widget for nothing
        self.theme = theme
        self.stylesheet = fill(self.qss_template, theme)
        self.reader_css = fill(self.css_template, theme)
        self.window.setStyleSheet(self.stylesheet)
        # After the style sheet's polish, which puts back the palette the window had before and so
        # drops roles the sheet doesn't name (Link). A window not yet shown is polished here, or
        # the polish that X11's first show brings would do it after the palette is set.
        self.window.ensurePolished()
        self.window.setPalette(palette_for(theme))
        self.window.reader.set_colours(self.reader_css, THEMES[theme]["mark"], THEMES[theme]["mark_text"])
        return theme
