"""The "Find treatment near you" page: a ZIP code, filters as large toggles, the nearest programs.

It shows a LocatorView (guide/locator/page.py) as it is and reports what the visitor does; the
Navigator keeps the ZIP code and the filters in the Session, so a reset forgets them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from guide.locator.page import LocatorView, filter_groups, words
from guide.ui.number_pad import NumberPad
from guide.ui.reader.qr_code import QrCode


class ResultRow(QFrame):
    """One program: name and distance, address, phone with its QR code, what it offers and takes."""

    def __init__(self, row, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("locatorResult")
        self.row = row
        self.setAccessibleName(row.text)
        layout = QHBoxLayout(self)
        text = QVBoxLayout()
        layout.addLayout(text, 1)
        for role, value in (("name", row.name), ("distance", row.distance), ("address", row.address),
                            ("phone", row.phone), ("offers", row.offers), ("payment", row.payment)):  # fmt: skip
            if value:
                label = QLabel(value, self)
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setWordWrap(True)
                label.setProperty("role", role)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
                text.addWidget(label)
        text.addStretch(1)
        if row.call:
            layout.addWidget(QrCode(row.call, self), 0, Qt.AlignmentFlag.AlignTop)


class LocatorResults(QWidget):
    """The programs found, nearest first; `rows()` gives each one's name and distance."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("locatorResults")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def show_rows(self, rows) -> None:
        while self._layout.count():
            old = self._layout.takeAt(0).widget()
            if old is not None:
                old.hide()
                old.deleteLater()
        for row in rows:
            widget = ResultRow(row, self)
            self._layout.addWidget(widget)
            widget.show()  # now, not at the next turn of the event loop: the rows are there when the view is

    def rows(self) -> list[str]:
        return [widget.row.text for widget in self.row_widgets()]

    def row_widgets(self) -> list[ResultRow]:
        """The rows shown, nearest first (the last view's wait, hidden, to be deleted)."""
        return [widget for widget in self.findChildren(ResultRow) if not widget.isHidden()]


class LocatorPage(QWidget):
    """The page; `zipEntered` and `filterToggled` go to the Navigator, which sends a new view."""

    zipEntered = Signal(str)
    filterToggled = Signal(str, bool)
    choosingToggled = Signal(bool)  # open the toggles, or fold them into one line

    def __init__(self, kiosk: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("locatorPage")
        self._view: LocatorView | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        # The page wraps to the width (the toggles take fewer columns): it never scrolls sideways.
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(self.scroll_area)
        body = QWidget(self.scroll_area)
        body.setObjectName("locatorBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(18, 14, 18, 14)
        self.title = self._label(body, "locatorTitle")
        self.intro = self._label(body)
        self.call_first = self._label(body, "locatorCallFirst")
        for label in (self.title, self.intro, self.call_first):
            layout.addWidget(label)
        zip_row = QHBoxLayout()
        self.zip_label = QLabel(body)
        self.zip_box = QLineEdit(body)
        self.zip_box.setObjectName("zipBox")
        self.zip_box.setMaxLength(5)
        self.zip_box.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,5}"), self.zip_box))
        self.zip_box.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.zip_label.setBuddy(self.zip_box)
        self.zip_box.returnPressed.connect(self._enter)
        self.find_button = QPushButton(body)
        self.find_button.setObjectName("zipFindButton")
        self.find_button.clicked.connect(self._enter)
        zip_row.addWidget(self.zip_label)
        zip_row.addWidget(self.zip_box, 1)
        zip_row.addWidget(self.find_button)
        layout.addLayout(zip_row)
        self.number_pad = NumberPad(body)
        self.number_pad.keyPressed.connect(self._on_pad)
        # A touch kiosk has no keyboard: the pad is there until the programs are, and again
        # when the visitor taps the ZIP code to change it (4 rows of keys would push them away).
        self._kiosk = kiosk
        self._changing_zip = False
        self.number_pad.setVisible(kiosk)
        self.zip_box.installEventFilter(self)
        layout.addWidget(self.number_pad, 0, Qt.AlignmentFlag.AlignLeft)
        # The toggles fold into one button and one line ("Only programs with: ..."), so the
        # programs come right below the ZIP code: 18 toggles filled 800x600 before the first one.
        self.choose_button = self._choose_button(body, "filtersButton", lambda: not self._choosing())
        layout.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.chosen = self._label(body, "locatorChosen")
        layout.addWidget(self.chosen)
        self.filters_box = QWidget(body)
        self.filters_box.setObjectName("locatorFilters")
        choices = QVBoxLayout(self.filters_box)
        choices.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filters_box)
        self.filter_buttons: dict[str, QPushButton] = {}
        self._grids: list[tuple[QGridLayout, list[QPushButton]]] = []
        self._columns = 0
        self.group_titles: dict[str, QLabel] = {}
        for group, _title, filters in filter_groups("en"):  # the words come with each view
            title = self.group_titles[group] = self._label(self.filters_box)
            title.setProperty("role", "groupTitle")
            choices.addWidget(title)
            grid = QGridLayout()
            for name, _label in filters:
                button = QPushButton(self.filters_box)
                button.setObjectName(f"filter-{name}")
                button.setCheckable(True)
                button.setMinimumHeight(44)
                button.toggled.connect(lambda on, n=name: self.filterToggled.emit(n, on))
                self.filter_buttons[name] = button
            self._grids.append((grid, [self.filter_buttons[name] for name, _label in filters]))
            choices.addLayout(grid)
        self.done_button = self._choose_button(self.filters_box, "filtersDoneButton", lambda: False)
        choices.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.heading = self._label(body, "locatorHeading")
        self.message = self._label(body, "locatorMessage")
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        self.results = LocatorResults(body)
        layout.addWidget(self.results)
        self.as_of = self._label(body)
        self.stale = self._label(body, "locatorStale")
        self.attribution = self._label(body)
        for label in (self.as_of, self.stale, self.attribution):
            label.setProperty("role", "note")
            layout.addWidget(label)
        layout.addStretch(1)
        self.scroll_area.setWidget(body)
        self._lay_out_filters(3)
        self.retranslate()

    def eventFilter(self, watched, event) -> bool:
        tapped = event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin)
        if watched is self.zip_box and tapped and self._kiosk and not self.number_pad.isVisibleTo(self):
            self._changing_zip = True
            self.number_pad.show()
        return super().eventFilter(watched, event)

    def _choose_button(self, parent: QWidget, name: str, choosing) -> QPushButton:
        button = QPushButton(parent)
        button.setObjectName(name)
        button.setMinimumHeight(44)
        button.clicked.connect(lambda: self.choosingToggled.emit(choosing()))
        return button

    def _choosing(self) -> bool:
        return self._view is not None and self._view.choosing

    def _lay_out_filters(self, columns: int) -> None:
        """The toggles in as many columns as their longest words fit (one at 800x600 in Spanish)."""
        if columns == self._columns:
            return
        self._columns = columns
        for grid, buttons in self._grids:
            for index, button in enumerate(buttons):
                grid.addWidget(button, index // columns, index % columns)

    def _fit_filters(self) -> None:
        width = self.scroll_area.viewport().width() - 36
        widest = max(button.sizeHint().width() for button in self.filter_buttons.values()) + 6
        self._lay_out_filters(max(1, min(3, width // max(widest, 1))))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_filters()

    @staticmethod
    def _label(parent: QWidget, name: str = "") -> QLabel:
        label = QLabel(parent)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        if name:
            label.setObjectName(name)
        return label

    def retranslate(self) -> None:
        self.zip_label.setText(self.tr("ZIP code:"))
        self.zip_box.setAccessibleName(self.tr("ZIP code"))
        self.zip_box.setPlaceholderText(self.tr("5 digits"))
        self.find_button.setText(self.tr("Find"))
        self.number_pad.retranslate()

    def show_view(self, view: LocatorView, language: str) -> None:
        self._view = view
        said = words(language)
        self.title.setText(said["title"])
        self.intro.setText(said["intro"])
        self.call_first.setText(said["call_first"])
        for group, title, filters in filter_groups(language):
            self.group_titles[group].setText(title)
            for name, label in filters:
                self.filter_buttons[name].setText(label)
                self.filter_buttons[name].setAccessibleName(label)
        self._fit_filters()
        folding = self.filters_box.isVisibleTo(self) and not view.choosing
        self.choose_button.setText(said["done_choosing"] if view.choosing else said["choose"])
        self.choose_button.setAccessibleName(self.choose_button.text())
        self.done_button.setText(said["done_choosing"])
        self.filters_box.setVisible(view.choosing)
        self.chosen.setText(view.chosen)
        self.chosen.setVisible(bool(view.chosen))
        if self.zip_box.text() != view.zip_code:
            self.zip_box.setText(view.zip_code)
        for name, button in self.filter_buttons.items():
            button.blockSignals(True)
            button.setChecked(name in view.filters)
            button.blockSignals(False)
            button.setEnabled(view.available)
        for widget in (self.zip_box, self.find_button, self.number_pad, self.choose_button):
            widget.setEnabled(view.available)
        self.heading.setText(view.heading)
        self.heading.setVisible(bool(view.heading))
        self.message.setText(view.message)
        self.message.setVisible(bool(view.message))
        self.results.show_rows(view.rows)
        self.number_pad.setVisible(self._kiosk and (self._changing_zip or not view.rows))
        self.as_of.setText(view.as_of)
        self.stale.setText(view.stale)
        self.stale.setVisible(bool(view.stale))
        self.attribution.setText("\n".join(view.attribution))
        if folding:  # "Done": the programs, from the top of the page
            self.scroll_area.verticalScrollBar().setValue(0)

    def set_zoom(self, percent: int) -> None:
        scale = percent / 100
        self.setStyleSheet(
            f"QWidget#locatorBody QLabel {{ font-size: {12 * scale:.1f}pt; }}"
            f"QWidget#locatorBody QLabel#locatorTitle {{ font-size: {19 * scale:.1f}pt; font-weight: bold; }}"
            f"QWidget#locatorBody QLabel#locatorHeading {{ font-size: {14 * scale:.1f}pt; font-weight: bold; }}"
            f"QWidget#locatorBody QLabel#locatorCallFirst {{ font-weight: bold; }}"
            f"QWidget#locatorBody QLabel[role='name'] {{ font-size: {13 * scale:.1f}pt; font-weight: bold; }}"
            f"QWidget#locatorBody QLabel[role='groupTitle'] {{ font-size: {13 * scale:.1f}pt; font-weight: bold; }}"
            f"QWidget#locatorBody QLabel[role='note'] {{ font-size: {10.5 * scale:.1f}pt; }}"
            f"QWidget#locatorBody QPushButton {{ font-size: {12 * scale:.1f}pt; }}"
        )

    def _enter(self) -> None:
        self._changing_zip = False
        self.zipEntered.emit(self.zip_box.text())

    def _on_pad(self, key: str) -> None:
        if key == "back":
            self.zip_box.backspace()
        elif key == "enter":
            self._enter()
        else:
            self.zip_box.insert(key)
        self.zip_box.setFocus(Qt.FocusReason.OtherFocusReason)
