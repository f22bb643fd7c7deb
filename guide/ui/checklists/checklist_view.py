"""The checklist view: large check boxes in groups, a live result, and the crisis banner."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from guide.checklists.checklist import Checklist, Result, crisis_text
from guide.printing.offer import PrintOffer
from guide.ui.announce import announce
from guide.ui.checklists.check_item import CheckItem
from guide.ui.checklists.crisis_banner import CrisisBanner
from guide.ui.checklists.result_box import ResultBox


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
        # Items wrap to the width: a scroll bar that came and went would re-wrap them and move them.
        self._scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        layout.addWidget(self._scroll, 1)
        # The result and its buttons stay in view below the list while three rows still fit above
        # them; when they don't (800x600 with the crisis banner), they follow the list inside the
        # scroll area instead (_place_footer).
        self._footer_pinned = False
        footer = self._footer = QFrame(self)
        footer.setObjectName("checklistFooter")
        footer_layout = QVBoxLayout(footer)
        footer_layout.setContentsMargins(14, 10, 14, 10)
        self.result_label = ResultBox(footer)
        self.result_label.setObjectName("checklistResult")
        footer_layout.addWidget(self.result_label)
        self.print_button = QPushButton(footer)
        self.print_button.setObjectName("printButton")
        self.print_button.clicked.connect(self.printRequested)
        self.article_button = QPushButton(footer)
        self.article_button.setObjectName("checklistArticleButton")
        self.article_button.clicked.connect(self._on_article_button)
        buttons = self._buttons = QHBoxLayout()
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
        # Pack text: plain, never read as HTML (an <img> in it would draw a file from disk).
        title = QLabel(checklist.title, page)
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setObjectName("checklistTitle")
        title.setWordWrap(True)
        layout.addWidget(title)
        intro = QLabel(checklist.intro, page)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self._boxes = {}
        for group in checklist.groups:
            box = QFrame(page)  # not a QGroupBox: its title never wraps, and widens the list
            box.setProperty("role", "group")
            group_layout = QVBoxLayout(box)
            group_layout.setContentsMargins(0, 10, 0, 0)
            group_layout.setSpacing(4)
            heading = QLabel(group.title, box)
            heading.setTextFormat(Qt.TextFormat.PlainText)
            heading.setProperty("role", "groupTitle")
            heading.setWordWrap(True)
            group_layout.addWidget(heading)
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
                    note.setTextFormat(Qt.TextFormat.PlainText)
                    note.setObjectName(f"note-{item.id}")
                    note.setProperty("role", "note")
                    note.setWordWrap(True)
                    check.setAccessibleDescription(item.note)
                    group_layout.addWidget(note)
            layout.addWidget(box)
        self._footer_pinned = True  # the old page (and the footer in it, if it was there) goes now
        self.layout().addWidget(self._footer)
        self._footer.show()  # reparented: else shown only in a later turn of the event loop
        layout.addStretch(1)
        old = self._scroll.takeWidget()
        self._scroll.setWidget(page)
        if old is not None:
            old.deleteLater()
        self.article_button.setVisible(bool(checklist.article))
        self.print_message.hide()  # a new page starts without the last one's printing trouble
        self.retranslate()
        self._fit_buttons()
        if self.isVisible():
            self._apply_zoom()
        bands = (None, *checklist.bands)
        # Room for the longest result with one item's message, kept from the start so that the
        # list doesn't jump as the visitor ticks; more messages at once (rare) grow it.
        longest = max((item.message for item in checklist.items), key=len)
        flags = (checklist.items[0],)  # any item stands for "a red flag is ticked"
        self.result_label.set_possible_texts(
            [
                self._result_words(Result(0, band, flags if crisis else (), (longest,) if longest else ()), language)
                for crisis in (False, True)
                for band in bands
            ]
        )
        self.crisis_banner.setVisible(result.crisis)  # a new page: nothing on it to keep still yet
        self._place_footer()
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
        self.result_label.setText(self._result_words(result, language))
        self.crisis_banner.set_language(language)
        if result.crisis != self.crisis_banner.isVisible():
            self._show_banner(result.crisis)

    @staticmethod
    def _result_words(result: Result, language: str) -> str:
        """The crisis note, the band's message, then what each ticked item with a message says."""
        lines = [crisis_text(language)["result_note"]] if result.crisis else []
        if result.band is not None:
            lines.append(result.band.message)
        lines += result.messages
        return "\n\n".join(lines)

    def _show_banner(self, visible: bool) -> None:
        """Show or hide the banner above the list without moving the row under the visitor's
        finger: the list scrolls by exactly as much as the banner pushes (or pulls) it."""
        page = self._scroll.widget()
        if not self.isVisible() or page is None:
            self.crisis_banner.setVisible(visible)
            self._place_footer()
            return
        top = self._scroll.y()
        self.crisis_banner.setVisible(visible)
        self._place_footer()  # below the list, not under it, if three rows no longer fit above it
        # Room to scroll by the banner's height even when the whole list fits in view (and never
        # less than the rows need at their width, or their words would be clipped for a frame).
        needed = max(page.height(), page.heightForWidth(page.width()))
        page.setMinimumHeight(needed if visible else 0)
        self.layout().activate()  # lay out now, so the scroll area has moved before we scroll
        bar = self._scroll.verticalScrollBar()
        bar.setValue(bar.value() + self._scroll.y() - top)

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
        self._fit_buttons()  # the view's width is known for sure only now
        self._place_footer()
        super().showEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._fit_buttons()
            if self.isVisible():
                self._apply_zoom()
        self._place_footer()

    def footer_pinned(self) -> bool:
        """True while the result and its buttons stay in view below the list."""
        return self._footer_pinned

    def _place_footer(self) -> None:
        """Keep the result in view below the list while at least three rows fit above it; else
        put it at the end of the list. Decided from the view's height, the banner's and the
        footer's, none of which depend on where the footer is: it can't flip back and forth."""
        page = self._scroll.widget()
        if page is None:
            return
        width = self.width()
        banner = self.crisis_banner.heightForWidth(width) if not self.crisis_banner.isHidden() else 0
        if banner < 0:
            banner = self.crisis_banner.sizeHint().height()
        footer = self._footer.heightForWidth(width)
        footer = footer if footer >= 0 else self._footer.sizeHint().height()
        # The rows' width: the view's, less the scroll bar (always shown) and the page's margins.
        row_width = width - self._scroll.verticalScrollBar().sizeHint().width() - 2 * 18
        rows = sorted((b.heightForWidth(row_width) for b in self._boxes.values()), reverse=True)
        three_rows = sum(max(h, b) for h, b in zip(rows[:3], [44] * 3, strict=False)) + 3 * 10 + 24
        pinned = self.height() - banner - footer >= three_rows
        if pinned == self._footer_pinned:
            return
        self._footer_pinned = pinned
        page_layout = page.layout()
        if pinned:
            page_layout.removeWidget(self._footer)
            self.layout().addWidget(self._footer)
        else:
            self.layout().removeWidget(self._footer)
            page_layout.insertWidget(page_layout.count() - 1, self._footer)  # before the closing stretch
        # Moved to a new parent, a widget is shown again only in a later turn of the event loop;
        # until then the page is laid out without it and the rows squeezed for a frame.
        self._footer.show()

    def _fit_buttons(self) -> None:
        # Side by side while they fit, one above the other when they don't: never wider than the view.
        shown = [b for b in (self.article_button, self.print_button) if not b.isHidden()]
        needed = sum(b.sizeHint().width() for b in shown) + 2 * 14 + 2 * 18 + 30
        wide = self._scroll.viewport().width() >= needed
        self._buttons.setDirection(QHBoxLayout.Direction.LeftToRight if wide else QHBoxLayout.Direction.TopToBottom)

    def _fitting_scale(self) -> float:
        """The largest font scale at which the checklist's longest word still fits the view's width:
        a word can't wrap, and a wider page would need a horizontal scroll bar."""
        if self.checklist is None:
            return 10.0
        # (texts, point size at 100%, bold, room taken beside the words: margins, box, padding)
        page, footer = 2 * 18, 2 * 18 + 2 * 14 + 2 * 14
        kinds = [
            ([self.checklist.title], 19, True, page),
            ([self.checklist.intro], 12, False, page),
            ([g.title for g in self.checklist.groups], 13, True, page),
            ([i.text for g in self.checklist.groups for i in g.items], 12, False, page + 22 + 10),
            ([i.note for g in self.checklist.groups for i in g.items if i.note], 11, False, page + 34),
            ([b.message for b in self.checklist.bands], 13, False, footer),
        ]
        width = self._scroll.viewport().width()
        scale = 10.0
        for texts, points, bold, beside in kinds:
            font = QFont(self.font())
            font.setPointSizeF(points)
            font.setBold(bold)
            metrics = QFontMetricsF(font)
            widest = max((metrics.horizontalAdvance(word) for text in texts for word in text.split()), default=0)
            if widest:
                scale = min(scale, (width - beside) / (widest * 1.05))
        return scale

    def _apply_zoom(self) -> None:
        # The reader's zoom, as far as the longest word allows (in steps of 5%, not to re-polish for
        # each pixel); the estimate is checked against the page's real minimum width.
        target = scale = min(self._zoom / 100, int(self._fitting_scale() * 20) / 20)
        if target == getattr(self, "_applied_zoom", None):
            return  # a new style sheet re-polishes the whole view: only when the zoom changes
        self._applied_zoom = target
        self._set_scale(scale)
        page = self._scroll.widget()
        while page is not None and scale > 0.5 and page.minimumSizeHint().width() > self._scroll.viewport().width():
            scale = round(scale - 0.05, 2)
            self._set_scale(scale)

    def _set_scale(self, scale: float) -> None:
        self.setStyleSheet(
            f"QWidget#checklistPage QLabel {{ font-size: {12 * scale:.1f}pt; }}"
            f"QWidget#checklistPage QLabel#checklistTitle {{ font-size: {19 * scale:.1f}pt; }}"
            f"QWidget#checklistPage QLabel[role='note'] {{ font-size: {11 * scale:.1f}pt; }}"
            f"QCheckBox[role='item'] {{ font-size: {12 * scale:.1f}pt; }}"
            f"QWidget#checklistPage QLabel[role='groupTitle'] {{ font-size: {13 * scale:.1f}pt; }}"
            f"QWidget#checklistView QLabel#checklistResult {{ font-size: {13 * scale:.1f}pt; }}"
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
