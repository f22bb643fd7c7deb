"""The checklist view: large check boxes in groups, a live result, and the crisis banner."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from guide.checklist import Checklist, Result, crisis_text
from guide.printing import PrintOffer
from guide.ui.announce import announce
from guide.ui.check_item import CheckItem
from guide.ui.crisis_banner import CrisisBanner


class ChecklistView(QWidget):
    """Shows one checklist with the visitor's answers; reports each tick to its owner."""

    answerToggled = Signal(str, bool)
    printRequested = Signal()
    articleRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("checklistView")
        self.checklist: Checklist | None = None
        self._boxes: dict[str, QCheckBox] = {}
        self._zoom = 100
        self._print_offer = PrintOffer.DIALOG
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        # The banner sits outside the scroll area: it can't be scrolled out of sight.
        self.crisis_banner = CrisisBanner(self)
        layout.addWidget(self.crisis_banner)
        self._scroll = self.scroll_area = QScrollArea(self)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(self._scroll, 1)
        # The result and its buttons stay in view below the list, however long it is.
        footer = QFrame(self)
        footer.setObjectName("checklistFooter")
        footer_layout = QVBoxLayout(footer)
        footer_layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(footer)
        self.result_label = QLabel(footer)
        self.result_label.setObjectName("checklistResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        footer_layout.addWidget(self.result_label)
        self.print_button = QPushButton(footer)
        self.print_button.setObjectName("printButton")
        self.print_button.clicked.connect(self.printRequested)
        self.article_button = QPushButton(footer)
        self.article_button.setObjectName("checklistArticleButton")
        self.article_button.clicked.connect(self._on_article_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.article_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        footer_layout.addLayout(buttons)
        # Why printing didn't work, in the view itself: a kiosk visitor gets no window to dismiss.
        self.print_message = QLabel(footer)
        self.print_message.setObjectName("printMessage")
        self.print_message.setWordWrap(True)
        self.print_message.setTextFormat(Qt.TextFormat.PlainText)
        self.print_message.hide()
        footer_layout.addWidget(self.print_message)

    def show_checklist(self, checklist: Checklist, ticked: set[str], result: Result, language: str) -> None:
        """Build the page for `checklist` with `ticked` already ticked."""
        self.checklist = checklist
        page = QWidget()
        page.setObjectName("checklistPage")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(18, 14, 18, 18)
        layout.setSpacing(10)
        title = QLabel(checklist.title, page)
        title.setObjectName("checklistTitle")
        title.setWordWrap(True)
        layout.addWidget(title)
        intro = QLabel(checklist.intro, page)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self._boxes = {}
        for group in checklist.groups:
            box = QGroupBox(group.title, page)
            group_layout = QVBoxLayout(box)
            group_layout.setSpacing(4)
            for item in group.items:
                check = CheckItem(item.text, box)
                check.setObjectName(f"item-{item.id}")
                check.setProperty("role", "item")
                check.setChecked(item.id in ticked)
                check.toggled.connect(lambda on, item_id=item.id: self.answerToggled.emit(item_id, on))
                group_layout.addWidget(check)
                self._boxes[item.id] = check
                if item.note:
                    note = QLabel(item.note, box)
                    note.setObjectName(f"note-{item.id}")
                    note.setProperty("role", "note")
                    note.setWordWrap(True)
                    check.setAccessibleDescription(item.note)
                    group_layout.addWidget(note)
            layout.addWidget(box)
        layout.addStretch(1)
        old = self._scroll.takeWidget()
        self._scroll.setWidget(page)
        if old is not None:
            old.deleteLater()
        self.article_button.setVisible(bool(checklist.article))
        self.print_message.hide()  # a new page starts without the last one's printing trouble
        self.retranslate()
        self.show_result(result, language)

    def retranslate(self) -> None:
        if self._print_offer is PrintOffer.PRINTER:
            self.print_button.setText(self.tr("Print"))
            self.print_message.setText(self.tr("The printer is not working. Please ask a staff member."))
        else:
            self.print_button.setText(self.tr("Print or save as PDF"))
            self.print_message.setText(self.tr("The summary could not be printed. Please try again."))
        self.print_button.setToolTip(
            self.tr("A summary to take to a doctor: your answers, the result and the help lines")
        )
        self.article_button.setText(self.tr("Read the article"))

    def show_result(self, result: Result, language: str) -> None:
        """Show the score's message, and the crisis banner while any red flag is ticked."""
        words = crisis_text(language)
        lines = []
        if result.crisis:
            lines.append(words["result_note"])
        if result.band is not None:
            lines.append(result.band.message)
        self.result_label.setText("\n\n".join(lines))
        self.crisis_banner.set_language(language)
        self.crisis_banner.setVisible(result.crisis)

    def first_item(self) -> QWidget:
        return next(iter(self._boxes.values()), self.print_button)

    def set_zoom(self, percent: int) -> None:
        """Scale the checklist's words with the reader's (a style sheet of its own outranks the
        window's fixed sizes); a hidden view takes the size when it is next shown."""
        self._zoom = percent
        if self.isVisible():
            self._apply_zoom()

    def showEvent(self, event: QShowEvent) -> None:
        self._apply_zoom()
        super().showEvent(event)

    def _apply_zoom(self) -> None:
        percent = self._zoom
        if percent == getattr(self, "_applied_zoom", None):
            return  # a new style sheet re-polishes the whole view: only when the zoom changes
        self._applied_zoom = percent
        scale = percent / 100
        self.setStyleSheet(
            f"QWidget#checklistPage QLabel {{ font-size: {12 * scale:.1f}pt; }}"
            f"QWidget#checklistPage QLabel#checklistTitle {{ font-size: {19 * scale:.1f}pt; }}"
            f"QWidget#checklistPage QLabel[role='note'] {{ font-size: {11 * scale:.1f}pt; }}"
            f"QCheckBox[role='item'] {{ font-size: {12 * scale:.1f}pt; }}"
            f"QGroupBox {{ font-size: {13 * scale:.1f}pt; }}"
            f"QLabel#checklistResult {{ font-size: {13 * scale:.1f}pt; }}"
            f"QLabel#printMessage {{ font-size: {12 * scale:.1f}pt; font-weight: bold; }}"
        )

    def box(self, item_id: str) -> QCheckBox:
        return self._boxes[item_id]

    def scroll_to(self, item_id: str) -> QCheckBox:
        """Bring an item into view (as a visitor scrolling to it would) and return its box."""
        self._scroll.ensureWidgetVisible(self._boxes[item_id])
        return self._boxes[item_id]

    def set_print_offer(self, offer: PrintOffer) -> None:
        """Whether there is a print button, and what it says it does (the core decides)."""
        self._print_offer = offer
        self.print_button.setVisible(offer is not PrintOffer.NONE)
        self.retranslate()

    def show_print_failed(self, failed: bool) -> None:
        self.print_message.setVisible(failed)
        if failed:
            announce(self.print_message)

    def _on_article_button(self) -> None:
        if self.checklist is not None and self.checklist.article:
            self.articleRequested.emit(self.checklist.article)
