"""'Was this page helpful?' at the foot of every article: Yes/No, then an optional comment."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from guide.feedback.store import MAX_COMMENT


class FeedbackPanel(QFrame):
    """Shows one article's feedback state from the Session; reports what the visitor does."""

    answered = Signal(bool)  # helpful?
    commentSent = Signal(str)
    draftChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("feedbackPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(6)
        row = QHBoxLayout()
        self.question = QLabel(self)
        self.question.setObjectName("feedbackQuestion")
        row.addWidget(self.question)
        self.yes = QPushButton(self)
        self.yes.setObjectName("feedbackYes")
        self.yes.clicked.connect(lambda: self.answered.emit(True))
        self.no = QPushButton(self)
        self.no.setObjectName("feedbackNo")
        self.no.clicked.connect(lambda: self.answered.emit(False))
        row.addWidget(self.yes)
        row.addWidget(self.no)
        row.addStretch(1)
        layout.addLayout(row)
        self.comment_row = QWidget(self)
        comment_layout = QHBoxLayout(self.comment_row)
        comment_layout.setContentsMargins(0, 0, 0, 0)
        self.comment = QLineEdit(self.comment_row)
        self.comment.setObjectName("feedbackComment")
        self.comment.setMaxLength(MAX_COMMENT)
        self.comment.textChanged.connect(self._on_text_changed)
        self.comment.returnPressed.connect(self._send)
        comment_layout.addWidget(self.comment, 1)
        self.counter = QLabel(self.comment_row)
        self.counter.setObjectName("feedbackCounter")
        comment_layout.addWidget(self.counter)
        self.send = QPushButton(self.comment_row)
        self.send.setObjectName("feedbackSend")
        self.send.clicked.connect(self._send)
        comment_layout.addWidget(self.send)
        layout.addWidget(self.comment_row)
        self.notice = QLabel(self)
        self.notice.setObjectName("feedbackNotice")
        self.notice.setWordWrap(True)
        layout.addWidget(self.notice)
        self.message = QLabel(self)
        self.message.setObjectName("feedbackMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.retranslate()
        self.show_state(None, False, "")

    def retranslate(self) -> None:
        self.question.setText(self.tr("Was this page helpful?"))
        self.yes.setText(self.tr("Yes"))
        self.no.setText(self.tr("No"))
        self.send.setText(self.tr("Send comment"))
        self.comment.setPlaceholderText(self.tr("Optional: what would make this page better?"))
        self.comment.setAccessibleName(self.tr("Comment about this page, at most 100 characters"))
        self.notice.setText(
            self.tr(
                "Anonymous: please don't type your name, phone number or address. This is not a way to "
                "contact anyone. In a crisis, call or text 988, or call 911."
            )
        )
        self._on_text_changed(self.comment.text())

    def show_state(self, helpful: bool | None, comment_sent: bool, draft: str, kept: bool = True) -> None:
        """Show the Session's state for the open article: unanswered, answered, or done; `kept` is
        False when the store could not keep the answer (feedback.py), and the visitor is told so."""
        answered = helpful is not None
        self.yes.setEnabled(not answered)
        self.no.setEnabled(not answered)
        # One short row until the visitor answers: the article keeps the room.
        self.comment_row.setVisible(answered and not comment_sent)
        self.notice.setVisible(answered and not comment_sent)
        self.message.setVisible(answered)
        if self.comment.text() != draft:
            self.comment.blockSignals(True)
            self.comment.setText(draft)
            self.comment.blockSignals(False)
            self._on_text_changed(draft, quiet=True)
        if not answered:
            self.message.clear()
        elif not kept:
            self.message.setText(
                self.tr("Thank you. Your answer could not be kept on this computer; staff have been told.")
            )
        elif comment_sent:  # kept in memory now, written at the end of the visit (feedback.py)
            # No more than is true: the screen can miss a name, so "without your name" is not promised.
            self.message.setText(self.tr("Thank you. Staff will read it; it is not linked to you."))
        else:
            self.message.setText(self.tr("Thank you. You can add a short comment if you like."))

    def refuse(self, kinds: list[str]) -> None:
        """The comment was not stored: say why, in the visitor's language, and leave it to be edited."""
        reasons = {  # one per kind of guide.feedback.identifying.RULES
            "email": self.tr("it looks like an e-mail address"),
            "handle": self.tr("it looks like a social media account"),
            "birth_date": self.tr("it looks like a date of birth"),
            "phone": self.tr("it looks like a phone number"),
            "name": self.tr("it looks like a person's name"),
            "address": self.tr("it looks like a street address"),
            "digits": self.tr("it has a long number in it"),
        }
        said = [reasons[kind] for kind in kinds]
        reason = said[0] if len(said) == 1 else ", ".join(said[:-1]) + self.tr(" and ") + said[-1]
        text = self.tr("This comment was not saved because %1. Please take that out and send it again.")
        self.message.setText(text.replace("%1", reason))

    def _on_text_changed(self, text: str, quiet: bool = False) -> None:
        self.counter.setText(f"{len(text)}/{MAX_COMMENT}")
        self.send.setEnabled(bool(text.strip()))
        if not quiet:
            self.draftChanged.emit(text)

    def _send(self) -> None:
        if self.comment.text().strip():
            self.commentSent.emit(self.comment.text())
