"""The data roles a search result row carries: the list fills them, the delegate draws them."""

from PySide6.QtCore import Qt

ID_ROLE = Qt.ItemDataRole.UserRole  # the article's id
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 1  # (snippet text, ((start, length), ...))
