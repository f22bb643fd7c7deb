"""The main window: builds the widgets, wires them together, and shows the Session.

It holds no logic of its own: the link policy, the history and the rendering are the core's;
each slot hands off to them in a line or two, then shows the result.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QMenu, QWidget

from guide.config import Config
from guide.library import Library
from guide.links import Link, LinkKind, classify
from guide.render import Renderer
from guide.session import Session
from guide.ui.external_link_dialog import ExternalLinkDialog
from guide.ui.help_panel import HelpPanel
from guide.ui.navigation_bar import NavigationBar
from guide.ui.reader import Reader
from guide.ui.reading_splitter import ReadingSplitter
from guide.ui.topic_tree import TopicTree


class MainWindow(QMainWindow):
    """Toolbar on top; topics, the reader and the help panel side by side below it."""

    MINIMUM_SIZE = (800, 600)

    def __init__(
        self, library: Library, config: Config, language: str, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowIcon(QIcon(":/icons/phone.svg"))
        self.setMinimumSize(*self.MINIMUM_SIZE)
        self.library = library
        self.config = config
        self.renderer = Renderer(library)
        self._start_language = language
        self.session = Session(language=language)

        self.navigation = NavigationBar(self)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.navigation)
        self.topic_tree = TopicTree(self)
        self.reader = Reader(self)
        self.help_panel = HelpPanel(library.helplines, language, self)
        self.splitter = ReadingSplitter(self.topic_tree, self.reader, self)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.help_panel, 0)
        self.setCentralWidget(central)

        self._connect_signals()
        self.topic_tree.set_topics(library.topics(language))
        self._show_session()

    def _connect_signals(self) -> None:
        self.navigation.homeRequested.connect(self.go_home)
        self.navigation.backRequested.connect(self.go_back)
        self.navigation.forwardRequested.connect(self.go_forward)
        self.navigation.zoomInRequested.connect(self.on_zoom_in)
        self.navigation.zoomOutRequested.connect(self.on_zoom_out)
        self.navigation.zoomResetRequested.connect(self.on_zoom_reset)
        self.topic_tree.articleChosen.connect(self.open_article)
        self.reader.linkRequested.connect(self.on_link_requested)
        self.help_panel.moreHelpRequested.connect(self.open_help)

    # The automation contract (docs/TESTING.md): what testers and the kiosk call.

    def open_article(self, article_id: str, anchor: str = "") -> None:
        self._go(Link(LinkKind.ARTICLE, article_id, anchor))

    def open_help(self) -> None:
        self._go(Link(LinkKind.HELP))

    def go_home(self) -> None:
        self.open_article("home")

    def go_back(self) -> None:
        self._remember_scroll()
        self.session.history.back()
        self._show_session()

    def go_forward(self) -> None:
        self._remember_scroll()
        self.session.history.forward()
        self._show_session()

    def reset_session(self) -> None:
        """Forget the visitor: a new Session, and every widget shown again from it."""
        self.session = Session(language=self._start_language)
        self._show_session()

    def current_location(self) -> Link:
        return self.session.history.current.location

    # Slots

    def on_link_requested(self, url: QUrl) -> None:
        link = classify(url.toString())
        if link.kind is LinkKind.ANCHOR:
            self.reader.scrollToAnchor(link.anchor)
        elif link.kind is LinkKind.EXTERNAL:
            self.show_external_link(link.target)
        elif link.kind is LinkKind.BLOCKED:
            self.statusBar().showMessage(self.tr("That link can't be opened in the guide."), 8000)
        else:
            self._go(link)

    def show_external_link(self, address: str) -> ExternalLinkDialog:
        dialog = ExternalLinkDialog(address, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def on_zoom_in(self) -> None:
        self.session.zoom_in()
        self._show_zoom()

    def on_zoom_out(self) -> None:
        self.session.zoom_out()
        self._show_zoom()

    def on_zoom_reset(self) -> None:
        self.session.zoom_reset()
        self._show_zoom()

    # Showing the session

    def _go(self, link: Link) -> None:
        self._remember_scroll()
        self.session.history.visit(link)
        self._show_session()

    def _remember_scroll(self) -> None:
        self.session.history.current.scroll = self.reader.scroll_position()

    def _show_session(self) -> None:
        visit = self.session.history.current
        location = visit.location
        language = self.session.language
        if location.kind is LinkKind.HELP:
            html, title = self.renderer.help_html(language), self.tr("Get help now")
        else:
            html = self.renderer.article_html(location.target, language)
            article = self.library.article(location.target, language)
            title = article.title if article else ""
        self.reader.show_page(html, location.anchor, visit.scroll)
        self.topic_tree.select_article(
            location.target if location.kind is LinkKind.ARTICLE else None
        )
        history = self.session.history
        self.navigation.set_history_state(history.can_go_back, history.can_go_forward)
        self.setWindowTitle(
            f"{title} - {self.tr('Recovery Guide')}" if title else self.tr("Recovery Guide")
        )
        self._show_zoom()

    def _show_zoom(self) -> None:
        self.reader.set_zoom(self.session.zoom)
        self.navigation.set_zoom_state(self.session.can_zoom_in, self.session.can_zoom_out)

    def createPopupMenu(self) -> QMenu | None:
        # The default menu would let anyone hide the toolbar; there is nothing to toggle.
        return None
