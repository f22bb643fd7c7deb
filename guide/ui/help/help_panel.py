"""The help panel: emergency and help-line numbers, on screen in every view.

It is a fixed column of the main window, not a dock, so it cannot be closed, moved or
scrolled away, and it keeps its own text size when the reader zooms.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from guide.help.overflow import PanelLevel, choose_level, panel_levels, unbroken_numbers
from guide.packs.records import Helpline
from guide.reader.pages import contact_text


class HelpPanel(QFrame):
    """Shows every help line's name and how to reach it; emergency lines first, in red.

    A word-wrapped QLabel in a box layout often gets less height than its text needs, so the
    panel sets every label's height itself, from its text at its known width (the panel's
    width is fixed), and shows as much as fits (guide.help.overflow decides what gives way).
    """

    moreHelpRequested = Signal()
    helplineChosen = Signal(str)  # a tap on a line: its page, with codes to scan
    locatorRequested = Signal()  # "Find treatment near you"

    WIDTH = 272

    def __init__(self, helplines: list[Helpline], language: str, parent: QWidget | None = None, locator: bool = False):
        super().__init__(parent)
        self.setObjectName("helpPanel")
        self.setFixedWidth(self.WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self._helplines = helplines
        self._levels = panel_levels(helplines)
        self._level: PanelLevel | None = None
        self._frames: list[QFrame] = []
        self._crisis = False
        # Measured heights: the panel's own parts, and each line's with 1, 2... contacts shown.
        self._chrome = 0
        self._locator_room = 0  # what "Find treatment near you" adds: shown only when no line pays for it
        self._offers_locator = locator  # a pack carries SAMHSA's directory
        self._heights: dict[str, list[int]] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)
        # The panel never asks the window for more height: it shows what fits instead.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._heading = QLabel(self)
        self._heading.setProperty("role", "heading")
        self._heading.setWordWrap(True)
        layout.addWidget(self._heading)
        self._entries = QVBoxLayout()
        self._entries.setSpacing(5)
        layout.addLayout(self._entries)
        layout.addStretch(1)
        self._more = QPushButton(self)
        self._more.setObjectName("moreHelpButton")
        self._more.clicked.connect(self.moreHelpRequested)
        layout.addWidget(self._more)
        self._locator = QPushButton(self)
        self._locator.setObjectName("findTreatmentButton")
        self._locator.clicked.connect(self.locatorRequested)
        self._locator.setVisible(False)  # _fit shows it when it fits
        layout.addWidget(self._locator)
        self.set_language(language)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.WIDTH, 0)  # see SetNoConstraint above

    def set_crisis(self, crisis: bool) -> None:
        """While a red flag is ticked, the crisis lines stand out and the heading says so."""
        if crisis == self._crisis and self._heading.text():
            return  # re-polishing every line on each page view cost more than the page itself
        self._crisis = crisis
        self._heading.setText(self.tr("Reach out now") if crisis else self.tr("Need help now?"))
        self._heading.setAccessibleName(self._heading.text())
        for frame in self._frames:
            highlight = crisis and frame.property("crisis") is True
            if bool(frame.property("highlight")) != highlight:
                frame.setProperty("highlight", highlight)
                for widget in (frame, *self._labels(frame)):  # the labels' colours follow the frame's
                    widget.style().unpolish(widget)
                    widget.style().polish(widget)
        self._remeasure()

    def highlighted(self) -> list[str]:
        """The ids of the help lines standing out now."""
        return [
            f.objectName().removeprefix("helpline-")
            for f in self._frames
            if f.property("highlight") is True and f.isVisibleTo(self)
        ]

    def set_language(self, language: str) -> None:
        """Show the help lines' words in `language`; the numbers are the same in every one.

        The entries are built once and only their words change: rebuilding them on every
        language switch or reset left the old widgets' memory behind in a kiosk's long day.
        """
        self.setAccessibleName(self.tr("Help lines"))
        self._locator.setText(self.tr("Find treatment near you"))
        self._heading.setAccessibleName(self._heading.text())
        if not self._frames:
            for helpline in self._helplines:
                frame = self._entry(helpline)
                self._entries.addWidget(frame)
                self._frames.append(frame)
        for helpline, frame in zip(self._helplines, self._frames, strict=True):
            text = helpline.text(language)
            name, *contacts = self._labels(frame)
            name.setText(text.name)
            name.setAccessibleName(text.name)
            for label, contact in zip(contacts, helpline.contacts, strict=True):
                words = contact_text(contact, language)
                label.setText(unbroken_numbers(words))  # a number never breaks across two lines
                label.setAccessibleName(words)  # read aloud, and to testers, with plain hyphens
            frame.setToolTip(self.tr("Tap for the full details and a code to scan with your phone"))
            frame.setAccessibleName(", ".join([text.name, *(contact_text(c, language) for c in helpline.contacts)]))
        crisis, self._crisis = self._crisis, None  # words changed: show the crisis state again
        self.set_crisis(crisis)  # and measure again

    def _entry(self, helpline: Helpline) -> QFrame:
        frame = HelplineEntry(helpline.id, self)
        frame.chosen.connect(self.helplineChosen)
        frame.setObjectName(f"helpline-{helpline.id}")
        frame.setProperty("role", "helpline")
        frame.setProperty("emergency", helpline.emergency)
        frame.setProperty("crisis", helpline.crisis)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(8, 4, 8, 4)  # a one-line name and number: 44 px, a touch target
        layout.setSpacing(1)
        name = QLabel(frame)
        name.setTextFormat(Qt.TextFormat.PlainText)  # pack text: never read as HTML (an <img> reads a file)
        name.setProperty("role", "name")
        name.setWordWrap(True)
        layout.addWidget(name)
        for _contact in helpline.contacts:
            label = QLabel(frame)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setProperty("role", "contact")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            layout.addWidget(label)
        return frame

    @staticmethod
    def _labels(frame: QFrame) -> list[QLabel]:
        """The name label, then one label per contact, in order."""
        layout = frame.layout()
        return [layout.itemAt(i).widget() for i in range(layout.count())]

    # Fitting: measure when the words or the style change, choose a level when the height does.

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._remeasure()  # a theme's style sheet can change every font
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.isVisible():
            self._fit()  # once measured, a sum per level: no work worth saving

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()

    def _remeasure(self) -> None:
        self._heights = None
        self._level = None
        if self.isVisible():
            self._fit()

    def _fit(self) -> None:
        if self._heights is None:
            self._measure()
        room = self.contentsRect().height()
        level = choose_level(self._levels, self._height, room)
        # "Find treatment near you" gives way before any help line does (it is on the help page too).
        locator = self._offers_locator and self._height(level) + self._locator_room <= room
        if level != self._level or locator != self._locator.isVisibleTo(self):
            self._show_level(level, locator)

    def _measure(self) -> None:
        """Give every label the height its words need at its width; note each part's height."""
        self.ensurePolished()
        layout = self.layout()
        margins = layout.contentsMargins()
        inner = self.contentsRect().width() - margins.left() - margins.right()
        heading = self._heading.heightForWidth(inner)
        self._heading.setFixedHeight(heading)
        button = self._more.sizeHint().height()
        self._locator_room = self._locator.sizeHint().height() + layout.spacing()
        # A box layout puts its spacing between the visible items: heading, lines, button.
        self._chrome = margins.top() + heading + 2 * layout.spacing() + button + margins.bottom()
        self._heights = {}
        for helpline, frame in zip(self._helplines, self._frames, strict=True):
            frame_layout = frame.layout()
            inside = frame_layout.contentsMargins()
            border = frame.width() - frame.contentsRect().width()
            width = inner - border - inside.left() - inside.right()
            height = frame.height() - frame.contentsRect().height() + inside.top() + inside.bottom()
            heights = []
            for index, label in enumerate(self._labels(frame)):
                label_height = label.heightForWidth(width)
                label.setFixedHeight(label_height)
                height += label_height + (frame_layout.spacing() if index else 0)
                heights.append(height)
            self._heights[helpline.id] = heights[1:]  # with the name and 1, 2... contacts

    def _height(self, level: PanelLevel) -> int:
        lines = sum(self._heights[entry.helpline.id][entry.shown - 1] for entry in level.entries)
        return self._chrome + lines + self._entries.spacing() * max(len(level.entries) - 1, 0)

    def _show_level(self, level: PanelLevel, locator: bool) -> None:
        self._level = level
        self._locator.setVisible(locator)
        shown = {entry.helpline.id: entry.shown for entry in level.entries}
        for helpline, frame in zip(self._helplines, self._frames, strict=True):
            frame.setVisible(helpline.id in shown)
            for index, label in enumerate(self._labels(frame)[1:]):
                label.setVisible(index < shown.get(helpline.id, 0))
        if level.left_out == 1:
            self._more.setText(self.tr("See 1 more help line"))
        elif level.left_out:
            self._more.setText(self.tr("See %1 more help lines").replace("%1", str(level.left_out)))
        else:
            self._more.setText(self.tr("All help lines and what they do"))
        # Lay out again now, from the new heights: a layout's cached hints outlive a hidden child.
        for frame in self._frames:
            frame.layout().invalidate()
            frame.updateGeometry()  # the panel's layout keeps each frame's last size hint until told
        self.layout().invalidate()
        self.layout().activate()

    def level(self) -> PanelLevel | None:
        """What the panel shows now: which lines, with how many contacts each."""
        return self._level

    def entries(self) -> list[QFrame]:
        return [f for f in self._frames if f.isVisibleTo(self)]

    def first_entry(self) -> QWidget:
        entries = self.entries()
        return entries[0] if entries else self._more

    def focus_chain(self) -> list[QWidget]:
        return [*self._frames, self._more, self._locator]  # what is left out of view is skipped: it is hidden

    def contact_texts(self) -> list[str]:
        """What the panel shows, entry by entry, as a visitor reads it (with plain hyphens)."""
        return [
            label.accessibleName()
            for frame in self.entries()
            for label in self._labels(frame)
            if label.isVisibleTo(self)
        ]


class HelplineEntry(QFrame):
    """One help line on the panel; a tap (or Enter/Space) opens its details and QR codes."""

    chosen = Signal(str)

    def __init__(self, helpline_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._id = helpline_id
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.rect().contains(event.position().toPoint()):
            self.chosen.emit(self._id)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.chosen.emit(self._id)
        else:
            super().keyPressEvent(event)
