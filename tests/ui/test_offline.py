"""Offline always: driving every view opens no connection and starts no program."""

import socket
import subprocess
import sys

import pytest
from PySide6.QtCore import QProcess, QUrl
from PySide6.QtGui import QDesktopServices

from guide.ui.reader.external_link_dialog import ExternalLinkDialog


@pytest.fixture
def attempts(monkeypatch):
    """Every way out of the guide, recorded and refused."""
    seen = []

    def refuse(what):
        def record(*args, **kwargs):
            seen.append((what, args))
            raise OSError(f"blocked in tests: {what}")

        return record

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("socket.create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("socket.getaddrinfo"))
    monkeypatch.setattr(subprocess, "Popen", refuse("subprocess.Popen"))
    monkeypatch.setattr(QDesktopServices, "openUrl", refuse("QDesktopServices.openUrl"))
    monkeypatch.setattr(QProcess, "startDetached", refuse("QProcess.startDetached"))
    monkeypatch.setattr(QProcess, "start", refuse("QProcess.start"))
    return seen


def test_every_view_works_with_no_way_out(window, attempts, qtbot, tmp_path):
    for article_id in window.library.article_ids():
        window.open_article(article_id)
        assert window.reader.toPlainText().strip()
    for checklist_id in window.library.checklist_ids():
        window.open_checklist(checklist_id)
        for item in window.library.checklist(checklist_id).items:
            window.checklist_view.box(item.id).setChecked(True)
        assert window.findChild(object, "crisisBanner").isVisible()
        assert window.save_checklist_pdf(str(tmp_path / f"{checklist_id}.pdf"))
    window.open_help()
    for _ in range(3):
        window.go_back()
    window.go_forward()
    window.on_zoom_in()
    window.on_zoom_out()
    for address in ("https://988lifeline.org", "mailto:a@example.org", "tel:988"):
        window.reader.setSource(QUrl(address))
        dialog = window.findChild(ExternalLinkDialog)
        assert dialog is not None
        dialog.close()
        qtbot.waitUntil(lambda: window.findChild(ExternalLinkDialog) is None)
    window.reader.setSource(QUrl("file:///etc/passwd"))
    window.reset_session()
    assert attempts == []
    assert "PySide6.QtNetwork" not in sys.modules
