"""The coarse timer that writes feedback answers waiting while a visit goes on (guide/feedback/store.py)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer


class FeedbackClock(QTimer):
    """Answers reach the disk at the end of a visit, or on this timer while any wait; it runs
    only then, so an idle kiosk has no timer going."""

    INTERVAL_MS = 10 * 60 * 1000

    def __init__(self, parent: QObject):
        super().__init__(parent, objectName="feedbackTimer", singleShot=True, interval=self.INTERVAL_MS)

    def arm(self, waiting: bool) -> None:
        if not waiting:
            self.stop()
        elif not self.isActive():
            self.start()
