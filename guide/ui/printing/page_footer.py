"""The foot of the page area: an article's "Was this page helpful?" row, and "Print" for any page.

One row under the reader and the locator (a checklist has its own, at the end of its list), so
the print button is in the same place on every page and never takes room from the toolbar.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from guide.printing.offer import PrintOffer
from guide.ui.announce import announce


class PageFooter(QFrame):
    printRequested = Signal()

    def __init__(self, feedback_panel: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pageFooter")
        self._offer = PrintOffer.DIALOG
        self._printed = True  # what the message says when the words change language
        self._arranged = (False, QBoxLayout.Direction.LeftToRight)  # the question's wrap, the row's direction
        self.feedback_panel = feedback_panel
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        row = self._row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        row.setContentsMargins(0, 0, 14, 0)
        row.setSpacing(8)
        row.addWidget(feedback_panel, 1)
        self.print_button = QPushButton(QIcon(":/icons/print.svg"), "", self)
        self.print_button.setObjectName("printPageButton")
        self.print_button.clicked.connect(self.printRequested)
        row.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        outer.addLayout(row)
        # Whether it printed, under the button: a kiosk visitor gets no window to dismiss.
        self.message = QLabel(self)
        self.message.setObjectName("printPageMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.message.setContentsMargins(14, 0, 14, 8)
        self.message.hide()
        outer.addWidget(self.message)
        self.retranslate()

    def retranslate(self) -> None:
        # One short word beside "Was this page helpful?", in either language at 800 px; saving a
        # PDF is the desktop dialog's to offer, and the tooltip says so.
        self.print_button.setText(self.tr("Print"))
        if self._offer is PrintOffer.PRINTER:
            tip = self.tr("Print this page to take with you, with the help lines and their QR codes (Ctrl+P)")
        else:
            tip = self.tr("Print this page or save it as a PDF, with the help lines and their QR codes (Ctrl+P)")
        self.print_button.setToolTip(tip)
        self.print_button.setAccessibleName(self.print_button.text())
        if self.message.isVisible():
            self.show_printed(self._printed)

    def set_icon_colour(self, colour: str) -> None:
        """The printer drawn in the theme's text colour (dark on light, light on dark)."""
        from guide.ui.navigation_bar import tinted_icon  # the toolbar's icons are drawn the same way

        self.print_button.setIcon(tinted_icon("print", colour))

    def set_offer(self, offer: PrintOffer) -> None:
        """Whether there is a print button, and what it says it does (the core decides)."""
        self._offer = offer
        self.print_button.setVisible(offer is not PrintOffer.NONE)
        self.retranslate()

    def show_page(self, printable: bool) -> None:
        """A new page: the button where the page can be printed, no word of the last page's printing."""
        self.print_button.setVisible(printable and self._offer is not PrintOffer.NONE)
        self.message.hide()
        self._fit()

    def show_feedback(self, shown: bool) -> None:
        """The feedback row: on an article (not Home, not the guide's own pages)."""
        self.feedback_panel.setVisible(shown)
        self._fit()

    def minimumSizeHint(self) -> QSize:
        """As narrow as the button: the row is arranged to the width it is given (_place_button),
        so it never takes width from the topics beside the page."""
        hint = super().minimumSizeHint()
        margins = self._row.contentsMargins()
        return QSize(self.print_button.sizeHint().width() + margins.left() + margins.right(), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_button()

    def _place_button(self) -> None:
        """Beside the feedback row where both fit whole, its question on one line if it can be and
        on two if it must; under the row where even that doesn't fit (a narrow window, a large
        system font), so nothing is cut."""
        margins = self._row.contentsMargins()
        button = margins.left() + margins.right() + self.print_button.sizeHint().width() + self._row.spacing()
        question = self.feedback_panel.question
        direction, wrap = QBoxLayout.Direction.LeftToRight, False
        both = not self.feedback_panel.isHidden() and not self.print_button.isHidden()
        if both and button + self._panel_width(wrap=False) > self.width():
            wrap = True
            if button + self._panel_width(wrap=True) > self.width():
                direction = QBoxLayout.Direction.TopToBottom
                wrap = margins.left() + margins.right() + self._panel_width(wrap=False) > self.width()
        if question.wordWrap() != wrap:
            question.setWordWrap(wrap)
            _invalidate(self.feedback_panel.layout())
        if self._row.direction() != direction:
            self._row.setDirection(direction)
        if (wrap, direction) != self._arranged:  # the height for this width changed: the page area asks again
            self._arranged = (wrap, direction)
            _invalidate(self.layout())
            self.updateGeometry()

    def _panel_width(self, wrap: bool) -> int:
        """The least width the feedback row needs with its question on one line, or wrapped."""
        question = self.feedback_panel.question
        if question.wordWrap() != wrap:
            question.setWordWrap(wrap)
            _invalidate(self.feedback_panel.layout())  # its row's cached sizes still had the old label
        return self.feedback_panel.minimumSizeHint().width()

    def _fit(self) -> None:
        self.setVisible(not self.feedback_panel.isHidden() or not self.print_button.isHidden())
        self._place_button()

    def show_printed(self, printed: bool) -> None:
        """Say beside the button that the page went to the kiosk's printer, or that it didn't."""
        self._printed = printed
        if printed:
            self.message.setText(self.tr("Printing. Please take your page from the printer."))
        elif self._offer is PrintOffer.PRINTER:
            self.message.setText(self.tr("The printer is not working. Please ask a staff member."))
        else:
            self.message.setText(self.tr("This page could not be printed. Please try again."))
        self.message.show()
        announce(self.message)


def _invalidate(layout) -> None:
    """Forget the sizes `layout` and the layouts inside it worked out."""
    layout.invalidate()
    for index in range(layout.count()):
        inner = layout.itemAt(index).layout()
        if inner is not None:
            _invalidate(inner)
