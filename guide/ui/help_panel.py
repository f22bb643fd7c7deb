"""The help panel: emergency and help-line numbers, on screen in every view.

It is a fixed column of the main window, not a dock, so it cannot be closed, moved or
scrolled away, and it keeps its own text size when the reader zooms.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from guide.library import Helpline
from guide.render import contact_text


class HelpPanel(QFrame):
    """Shows every help line's name and how to reach it; emergency lines first, in red."""

    moreHelpRequested = Signal()
    helplineChosen = Signal(str)  # a tap on a line: its page, with codes to scan

    WIDTH = 272

    def __init__(self, helplines: list[Helpline], language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("helpPanel")
        self.setFixedWidth(self.WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self._helplines = helplines
        self._frames: list[QFrame] = []
        self._crisis = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        self._heading = QLabel(self)
        self._heading.setProperty("role", "heading")
        self._heading.setWordWrap(True)
        layout.addWidget(self._heading)
        self._entries = QVBoxLayout()
        self._entries.setSpacing(6)
        layout.addLayout(self._entries)
        layout.addStretch(1)
        self._more = QPushButton(self)
        self._more.setObjectName("moreHelpButton")
        self._more.clicked.connect(self.moreHelpRequested)
        layout.addWidget(self._more)
        self.set_language(language)

    def set_crisis(self, crisis: bool) -> None:
        """While a red flag is ticked, the crisis lines stand out and the heading says so."""
        if crisis == self._crisis and self._heading.text():
            return  # re-polishing every line on each page view cost more than the page itself
        self._crisis = crisis
        self._heading.setText(self.tr("Reach out now") if crisis else self.tr("Need help now?"))
        self._heading.setAccessibleName(self._heading.text())
        for frame in self.findChildren(QFrame):
            highlight = crisis and frame.property("crisis") is True
            if frame.property("role") == "helpline" and bool(frame.property("highlight")) != highlight:
                frame.setProperty("highlight", highlight)
                frame.style().unpolish(frame)
                frame.style().polish(frame)

    def highlighted(self) -> list[str]:
        """The ids of the help lines standing out now."""
        return [
            f.objectName().removeprefix("helpline-")
            for f in self.findChildren(QFrame)
            if f.property("role") == "helpline" and f.property("highlight") is True and f.isVisibleTo(self)
        ]

    def set_language(self, language: str) -> None:
        """Show the help lines' words in `language`; the numbers are the same in every one.

        The entries are built once and only their words change: rebuilding them on every
        language switch or reset left the old widgets' memory behind in a kiosk's long day.
        """
        self.setAccessibleName(self.tr("Help lines"))
        self._heading.setAccessibleName(self._heading.text())
        self._more.setText(self.tr("All help lines and what they do"))
        if not self._frames:
            for helpline in self._helplines:
                frame = self._entry(helpline)
                self._entries.addWidget(frame)
                self._frames.append(frame)
        for helpline, frame in zip(self._helplines, self._frames, strict=True):
            text = helpline.text(language)
            name, *contacts = frame.findChildren(QLabel)
            name.setText(text.name)
            for label, contact in zip(contacts, helpline.contacts, strict=True):
                label.setText(contact_text(contact, language))
            frame.setToolTip(self.tr("Tap for the full details and a code to scan with your phone"))
            frame.setAccessibleName(", ".join([text.name, *(contact_text(c, language) for c in helpline.contacts)]))
        crisis, self._crisis = self._crisis, None  # words changed: show the crisis state again
        self.set_crisis(crisis)

    def _entry(self, helpline: Helpline) -> QFrame:
        frame = HelplineEntry(helpline.id, self)
        frame.chosen.connect(self.helplineChosen)
        frame.setObjectName(f"helpline-{helpline.id}")
        frame.setProperty("role", "helpline")
        frame.setProperty("emergency", helpline.emergency)
        frame.setProperty("crisis", helpline.crisis)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(2)
        name = QLabel(frame)
        name.setProperty("role", "name")
        name.setWordWrap(True)
        layout.addWidget(name)
        for _contact in helpline.contacts:
            label = QLabel(frame)
            label.setProperty("role", "contact")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            layout.addWidget(label)
        return frame

    def entries(self) -> list[QFrame]:
        return [f for f in self.findChildren(QFrame) if f.property("role") == "helpline" and f.isVisibleTo(self)]

    def first_entry(self) -> QWidget:
        entries = self.entries()
        return entries[0] if entries else self._more

    def focus_chain(self) -> list[QWidget]:
        return [*self.entries(), self._more]

    def contact_texts(self) -> list[str]:
        """What the panel shows, entry by entry, as a visitor reads it."""
        return [
            label.text()
            for label in self.findChildren(QLabel)
            if label.property("role") in {"name", "contact"} and label.isVisibleTo(self)
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
