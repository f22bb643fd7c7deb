"""The guide's first screen built with plain PySide6 and no application code: a floor, not a target.

`benchmarks/suite.py` times this script beside the bare window and the guide, so the start-up table
shows how much of the guide's start is Qt drawing this screen at all and how much is the guide's
own work. It builds what a visitor sees first: the toolbar (three buttons with icons, the search
box, two zoom buttons, the language box, the theme button), the topic tree, the reader showing an
article with the guide's page style, the "Was this page helpful?" row, and the help panel with five
lines, all under the guide's style sheet; then shows, paints and grabs the window to PNG.

Usage: first_screen.py STYLE.qss READER.css PAGE.html ICONS_DIR OUT.png (OUT "-": show, no grab, run until ended)
"""

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QToolBar,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

qss, css, page, icons, out = sys.argv[1:6]
app = QApplication([])
window = QMainWindow()
window.setObjectName("mainWindow")
bar = QToolBar()
bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
window.addToolBar(bar)
for icon, text in (("home", "Home"), ("back", "Back"), ("forward", "Forward")):
    bar.addAction(QIcon(f"{icons}/{icon}.svg"), text)
search = QLineEdit()
search.setPlaceholderText("Getting search ready...")
search.setClearButtonEnabled(True)
bar.addWidget(search)
for icon in ("zoom-out", "zoom-in"):
    bar.addAction(QIcon(f"{icons}/{icon}.svg"), "")
language = QComboBox()
language.addItems(["English", "Español"])
bar.addWidget(language)
theme = QToolButton()
theme.setIcon(QIcon(f"{icons}/theme.svg"))
bar.addWidget(theme)

tree = QTreeWidget()
tree.setHeaderHidden(True)
for category in range(8):
    top = QTreeWidgetItem(tree, [f"Category {category}"])
    for article in range(3):
        QTreeWidgetItem(top, [f"Article {category}-{article}"])
tree.expandAll()

reader = QTextBrowser()
reader.document().setDefaultStyleSheet(Path(css).read_text(encoding="utf-8"))
font = QFont(reader.font())
font.setPointSizeF(12)
reader.document().setDefaultFont(font)
reader.document().setDocumentMargin(18)
reader.setHtml(Path(page).read_text(encoding="utf-8"))
feedback = QWidget()
row = QHBoxLayout(feedback)
row.addWidget(QLabel("Was this page helpful?"))
row.addWidget(QPushButton("Yes"))
row.addWidget(QPushButton("No"))
row.addStretch()
reading = QWidget()
column = QVBoxLayout(reading)
column.setContentsMargins(0, 0, 0, 0)
column.addWidget(reader, 1)
column.addWidget(feedback)
pages = QStackedWidget()
pages.addWidget(reading)
splitter = QSplitter()
splitter.addWidget(tree)
splitter.addWidget(pages)

panel = QFrame()
panel.setObjectName("helpPanel")
lines = QVBoxLayout(panel)
lines.addWidget(QLabel("Need help now?"))
for number in range(5):
    line = QFrame()
    line.setProperty("role", "helpline")
    inside = QVBoxLayout(line)
    inside.addWidget(QLabel(f"Help line {number}"))
    inside.addWidget(QLabel("Call 1-800-000-0000"))
    lines.addWidget(line)
lines.addStretch()
lines.addWidget(QPushButton("All help lines and what they do"))

central = QWidget()
layout = QHBoxLayout(central)
layout.setContentsMargins(0, 0, 0, 0)
layout.addWidget(splitter, 1)
layout.addWidget(panel)
window.setCentralWidget(central)
window.setStyleSheet(Path(qss).read_text(encoding="utf-8"))
window.resize(1280, 800)
window.show()
if out == "-":  # benchmarks/peers.py: the window stays up until it is ended
    sys.exit(app.exec())
app.processEvents()
window.grab().save(out)
