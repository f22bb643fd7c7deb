"""The toolbar: home, back, forward, the search box and zoom."""

from __future__ import annotations

import functools

from PySide6.QtCore import SIGNAL, QEvent, QFile, QIODevice, QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence, QMouseEvent, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolBar,
    QToolButton,
    QWidget,
)

from guide import languages
from guide.search.query import MAX_QUERY_CHARS
from guide.themes import THEME_NAMES


class NavigationBar(QToolBar):
    """Buttons that ask for navigation; the main window decides what happens."""

    homeRequested = Signal()
    backRequested = Signal()
    forwardRequested = Signal()
    zoomInRequested = Signal()
    zoomOutRequested = Signal()
    zoomResetRequested = Signal()
    searchDownPressed = Signal()  # the visitor wants to walk the results with the arrow keys
    finishedRequested = Signal()
    languageChosen = Signal(str)
    themeChosen = Signal(str)
    titleTapped = Signal()
    readAloudRequested = Signal()  # start, or stop, reading the page aloud

    # Each language named in itself, so a visitor finds their own whatever is on screen.

    def __init__(self, language: str = "en", parent: QWidget | None = None, kiosk: bool = False):
        super().__init__(parent)
        self.setObjectName("navigationBar")
        self.setMovable(False)
        self.setFloatable(False)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        self._icons: dict[QAction, str] = {}
        self._icon_colour = ""

        self.home = self._action("homeButton", "home", self.homeRequested, QKeySequence("Alt+Home"))
        self.back = self._action("backButton", "back", self.backRequested, QKeySequence.StandardKey.Back)
        self.forward = self._action("forwardButton", "forward", self.forwardRequested, QKeySequence.StandardKey.Forward)
        self._search_ready = False
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMaxLength(MAX_QUERY_CHARS)  # a paste of a whole article is cut here
        self.search_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.search_box.setMinimumWidth(160)
        self.search_box.setMinimumHeight(34)
        self.search_box.installEventFilter(self)
        self.addWidget(self.search_box)
        self.zoom_out = self._action(
            "zoomOutButton", "zoom-out", self.zoomOutRequested, QKeySequence.StandardKey.ZoomOut
        )
        self.zoom_in = self._action("zoomInButton", "zoom-in", self.zoomInRequested, QKeySequence.StandardKey.ZoomIn)
        self.read_aloud = self._action(
            "readAloudButton", "read-aloud", self.readAloudRequested, QKeySequence("Ctrl+Shift+S")
        )
        self.read_aloud.setCheckable(True)  # on while reading: pressed again, it stops
        self.read_aloud.setVisible(False)  # set_read_aloud: only with a voice for the language
        self.language_box = QComboBox(self)
        self.language_box.setObjectName("languageBox")
        for code in languages.codes():  # each in its own name
            self.language_box.addItem(languages.language(code).name, code)
        self.language_box.setCurrentIndex(self.language_box.findData(language))
        self.language_box.currentIndexChanged.connect(
            lambda index: self.languageChosen.emit(self.language_box.itemData(index))
        )
        self.addWidget(self.language_box)
        self.theme_button = QToolButton(self)
        self.theme_button.setObjectName("themeButton")
        self.theme_button.setIcon(icon("theme"))
        self.theme_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.theme_menu = QMenu(self.theme_button)
        self.theme_menu.setObjectName("themeMenu")
        self.theme_actions = {}
        group = QActionGroup(self)
        for name in THEME_NAMES:
            action = self.theme_menu.addAction("")
            action.setCheckable(True)
            action.setData(name)
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, n=name: self.themeChosen.emit(n))
            self.theme_actions[name] = action
        self.theme_button.setMenu(self.theme_menu)
        self.addWidget(self.theme_button)
        # The magnifiers say "smaller/larger" on their own; words there crowded out Home and Back
        # in Spanish on a kiosk. Their names stay in tooltips and for screen readers.
        for action in (self.zoom_out, self.zoom_in, self.read_aloud):
            self.widgetForAction(action).setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        # Back to normal size is a shortcut only: a third zoom button would crowd the bar.
        QShortcut(QKeySequence("Ctrl+0"), self, lambda: self.zoomResetRequested.emit())  # see wiring.py: no bound emit
        self.retranslate()
        if kiosk:
            self.show_kiosk_controls()

    def _action(self, name: str, icon_name: str, signal, shortcut: QKeySequence) -> QAction:
        action = QAction(icon(icon_name), "", self)
        self._icons[action] = icon_name
        action.setShortcut(shortcut)
        action.triggered.connect(signal)
        self.addAction(action)
        button = self.widgetForAction(action)
        button.setObjectName(name)
        button.installEventFilter(self)  # see eventFilter: one connection to the action, not one a change
        return action

    def retranslate(self) -> None:
        """Set every visible word again, in the installed language."""
        texts = {
            self.home: (self.tr("Home"), self.tr("Go to the start page")),
            self.back: (self.tr("Back"), self.tr("Go back to the page you read before")),
            self.forward: (self.tr("Forward"), self.tr("Go forward again")),
            self.zoom_out: (self.tr("Smaller text"), self.tr("Make the text smaller")),
            self.zoom_in: (self.tr("Larger text"), self.tr("Make the text larger")),
            self.read_aloud: (self.tr("Read aloud"), self.tr("Read this page aloud; press again to stop")),
        }
        for action, (text, tip) in texts.items():
            action.setText(text)
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
            self.widgetForAction(action).setAccessibleName(text)
        if hasattr(self, "finished"):
            self.title.show_name(self.tr("Recovery Guide"))
            self.finished.setText(self.tr("I'm finished"))
            self.finished.setToolTip(self.tr("Start over: clears everything you looked at"))
        names = {
            "system": self.tr("Follow the computer's setting"),
            "light": self.tr("Light"),
            "dark": self.tr("Dark"),
            "high-contrast": self.tr("High contrast"),
        }
        for name, action in self.theme_actions.items():
            action.setText(names[name])
        self.theme_button.setToolTip(self.tr("Colours: light, dark or high contrast"))
        self.theme_button.setAccessibleName(self.tr("Colours"))
        self.language_box.setToolTip(self.tr("Language"))
        self.language_box.setAccessibleName(self.tr("Language"))
        self.search_box.setPlaceholderText(
            self.tr("Search the guide") if self._search_ready else self.tr("Getting search ready...")
        )
        self.search_box.setAccessibleName(self.tr("Search the guide"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ActionChanged and event.action() in self._icons:
            # Qt 6.11's QToolButton answers a change to its action (back enabled, the words in
            # another language, a new icon) with setDefaultAction(), which connects the action's
            # changed() to the button once more each time: in a kiosk's day, thousands of
            # connections, and every later change called them all. Drop them; setDefaultAction()
            # makes the one it needs again.
            QObject.disconnect(event.action(), SIGNAL("changed()"), watched, None)
            return False
        if watched is self.search_box and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:
                self.search_box.clear()
                return True
            if event.key() == Qt.Key.Key_Down:
                self.searchDownPressed.emit()
                return True
        return super().eventFilter(watched, event)

    def show_kiosk_controls(self) -> None:
        """The guide's name first (five taps on it: the staff exit) and "I'm finished" last.

        A kiosk's bar is laid out for touch and for a 1024-pixel screen in either language: the
        name on two lines, and Home, Back and Forward with their words under the icons.
        """
        for action in (self.home, self.back, self.forward):
            self.widgetForAction(action).setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        self.title = TitleLabel(self)
        self.title.setObjectName("titleLabel")
        self.title.tapped.connect(self.titleTapped)
        self.insertWidget(self.home, self.title)
        self.finished = QPushButton(self)
        self.finished.setObjectName("finishedButton")
        self.finished.clicked.connect(self.finishedRequested)
        self.addWidget(self.finished)
        self.retranslate()

    def focus_chain(self) -> list[QWidget]:
        """The toolbar's controls in reading order, for the window's tab order."""
        widgets = [self.widgetForAction(a) for a in (self.home, self.back, self.forward)]
        widgets += [self.search_box, self.widgetForAction(self.zoom_out), self.widgetForAction(self.zoom_in)]
        widgets.append(self.widgetForAction(self.read_aloud))  # hidden without a voice: Tab skips it
        widgets += [self.language_box, self.theme_button]
        if hasattr(self, "finished"):
            widgets.append(self.finished)
        for widget in widgets:
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # tool buttons take Tab focus too
        return widgets

    def set_theme(self, name: str, icon_colour: str = "") -> None:
        """Tick the chosen theme, and draw the icons in the theme's text colour."""
        self.theme_actions.get(name, self.theme_actions["system"]).setChecked(True)
        if icon_colour and icon_colour != self._icon_colour:
            # Only when the colour changes (not on every reset), and each colour's icons are
            # drawn once: a new QIcon is a new entry in Qt's pixmap cache each time it is painted.
            self._icon_colour = icon_colour
            for action, icon in self._icons.items():
                action.setIcon(tinted_icon(icon, icon_colour))
            self.theme_button.setIcon(tinted_icon("theme", icon_colour))

    def set_language(self, language: str) -> None:
        """Show `language` in the box (without asking for it again) and every word in it."""
        self.language_box.blockSignals(True)
        self.language_box.setCurrentIndex(self.language_box.findData(language))
        self.language_box.blockSignals(False)
        self.retranslate()

    def set_search_ready(self, ready: bool) -> None:
        self._search_ready = ready
        self.retranslate()

    def set_history_state(self, can_go_back: bool, can_go_forward: bool) -> None:
        self.back.setEnabled(can_go_back)
        self.forward.setEnabled(can_go_forward)

    def set_read_aloud(self, available: bool, reading: bool) -> None:
        """The button shown only with a voice for the language; pressed while reading."""
        self.read_aloud.setVisible(available)
        self.read_aloud.setChecked(reading)

    def set_zoom_state(self, can_zoom_in: bool, can_zoom_out: bool) -> None:
        self.zoom_in.setEnabled(can_zoom_in)
        self.zoom_out.setEnabled(can_zoom_out)


class TitleLabel(QLabel):
    """The guide's name on the toolbar; a press is a tap (the staff exit counts them)."""

    tapped = Signal()

    def show_name(self, name: str) -> None:
        """Show `name` on two lines as even as they can be ("Guía de / recuperación")."""
        words = name.split()
        metrics = self.fontMetrics()
        splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
        if splits:
            first, second = min(splits, key=lambda pair: max(metrics.horizontalAdvance(p) for p in pair))
            self.setText(f"{first}\n{second}")
        else:
            self.setText(name)
        self.setAccessibleName(name)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.tapped.emit()
        super().mousePressEvent(event)


# Each icon is made once for the whole run, in each colour it is drawn in: a toolbar made for each
# visitor shares them, and a new QIcon would be drawn into Qt's pixmap cache again each time.
@functools.cache
def icon(name: str) -> QIcon:
    return QIcon(f":/icons/{name}.svg")


@functools.cache
def tinted_icon(name: str, colour: str) -> QIcon:
    """An icon from :/icons drawn in `colour` (the SVGs are drawn in one dark stroke colour)."""
    source = QFile(f":/icons/{name}.svg")
    if not source.open(QIODevice.OpenModeFlag.ReadOnly):
        return QIcon()
    svg = bytes(source.readAll().data()).replace(b"#1f2937", colour.encode())
    pixmap = QPixmap()
    pixmap.loadFromData(svg, "SVG")
    return QIcon(pixmap)
