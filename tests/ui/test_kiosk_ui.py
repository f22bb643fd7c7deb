"""Kiosk mode against the real window: lockdown, idle reset, the staff exit, no traces on disk."""

import os
import time

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QContextMenuEvent, QDesktopServices, QDragEnterEvent
from PySide6.QtWidgets import QApplication, QCheckBox

from guide.kiosk.rules import MIN_ITERATIONS, hash_pin
from guide.reader.links import LinkKind
from guide.ui.reader.external_link_dialog import ExternalLinkDialog


@pytest.fixture
def kiosk(window_factory, pin_config):
    return window_factory("--kiosk", "--config", str(pin_config))


def test_close_and_quit_keys_leave_the_kiosk_open(kiosk, qtbot):
    assert kiosk.close() is False
    for key, modifiers in [
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    ]:
        qtbot.keyClick(kiosk, key, modifiers)
        qtbot.keyClick(kiosk.reader, key, modifiers)
    assert kiosk.isVisible()


def test_no_context_menus_and_no_files_dropped_in(kiosk):
    reader = kiosk.reader.viewport()
    menu = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(10, 10), reader.mapToGlobal(QPoint(10, 10)))
    QApplication.sendEvent(reader, menu)
    assert QApplication.activePopupWidget() is None
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile("/etc/hostname")])
    drag = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(kiosk, drag)
    assert not drag.isAccepted()


@pytest.mark.parametrize(
    "address",
    ["https://988lifeline.org", "mailto:a@example.org", "file:///etc/passwd", "javascript:x()"],
)
def test_no_link_leaves_the_guide(kiosk, monkeypatch, address):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url))
    kiosk.open_article("clonazepam")
    kiosk.reader.setSource(QUrl(address))
    assert kiosk.current_location().target == "clonazepam" and opened == []
    dialog = kiosk.findChild(ExternalLinkDialog)
    assert (dialog is not None) == address.startswith(("https", "mailto"))
    if dialog:
        assert dialog.qr_code.data == address


def leave_traces(window, qtbot):
    """Do everything a visitor can do; return the window."""
    window.open_checklist("clonazepam-signs")
    window.checklist_view.box("suicide-thoughts").setChecked(True)
    window.open_article("clonazepam")
    window.on_zoom_in()
    window.reader.verticalScrollBar().setValue(200)
    window.open_article("withdrawal-and-detox")
    window.open_find_bar()
    window.find_bar.field.setText("seizure")
    qtbot.waitUntil(window.search_ready)
    window.navigation.search_box.setText("klonopin")
    window.show_external_link("https://988lifeline.org")


def assert_fresh(window):
    """Everything back as the first visitor found it."""
    assert window.current_location().kind is LinkKind.ARTICLE and window.current_location().target == "home"
    assert not window.navigation.back.isEnabled() and not window.navigation.forward.isEnabled()
    assert (
        window.session.zoom == 100
        and window.reader.document().defaultFont().pointSizeF() == window.reader.BASE_POINT_SIZE
    )
    assert window.reader.verticalScrollBar().value() == 0
    assert window.navigation.search_box.text() == "" and window.topic_tree.isVisible()
    assert not window.find_bar.isVisible() and window.find_bar.field.text() == ""
    assert window.session.answers == {} and window.help_panel.highlighted() == []
    assert window.session.language == "en"
    assert [d for d in window.findChildren(ExternalLinkDialog) if d.isVisible()] == []
    assert not window.findChild(object, "idleWarning").isVisible()
    window.open_checklist("clonazepam-signs")
    assert not any(b.isChecked() for b in window.checklist_view.findChildren(QCheckBox))
    assert not window.findChild(object, "crisisBanner").isVisible()


def test_idle_warning_then_reset_within_the_idle_time_wipes_everything(window_factory, qtbot, pin_config):
    window = window_factory("--kiosk", "--config", str(pin_config), "--idle-seconds", "2")
    leave_traces(window, qtbot)
    window.kiosk_mode.idle.note_input()
    last_input = time.monotonic()
    warning = window.findChild(object, "idleWarning")
    qtbot.waitUntil(warning.isVisible, timeout=3000)
    assert "Are you still there?" in warning.findChild(object, "idleWarningTitle").text()
    assert "start over in 1 second." in warning.findChild(object, "idleCountdown").text()
    panel = window.help_panel
    assert not warning.geometry().intersects(
        panel.geometry().translated(panel.mapTo(window, panel.rect().topLeft()) - panel.pos())
    )
    with qtbot.waitSignal(window.sessionReset, timeout=3000):
        pass
    assert time.monotonic() - last_input < 2.3  # the single-shot timer fires on time
    assert_fresh(window)


def test_any_input_during_the_warning_keeps_the_session(window_factory, qtbot, pin_config):
    window = window_factory("--kiosk", "--config", str(pin_config), "--idle-seconds", "2")
    window.open_article("clonazepam")
    warning = window.findChild(object, "idleWarning")
    qtbot.waitUntil(warning.isVisible, timeout=3000)
    qtbot.mouseClick(warning.findChild(object, "stillHereButton"), Qt.MouseButton.LeftButton)
    assert not warning.isVisible()
    with qtbot.assertNotEmitted(window.sessionReset, wait=800):
        pass
    assert window.current_location().target == "clonazepam"


def test_no_timer_runs_once_a_kiosk_has_been_reset_and_left_alone(window_factory, qtbot, pin_config):
    window = window_factory("--kiosk", "--config", str(pin_config), "--idle-seconds", "2")
    with qtbot.waitSignal(window.sessionReset, timeout=3000):
        pass
    assert not window.kiosk_mode.idle.armed
    qtbot.mouseMove(window.reader.viewport(), QPoint(20, 20))
    window.kiosk_mode.idle.note_input()
    assert window.kiosk_mode.idle.armed


def test_im_finished_resets_at_once(kiosk, qtbot):
    leave_traces(kiosk, qtbot)
    qtbot.mouseClick(kiosk.findChild(object, "finishedButton"), Qt.MouseButton.LeftButton)
    assert_fresh(kiosk)


def tap_title(qtbot, window, times=5):
    title = window.findChild(object, "titleLabel")
    for _ in range(times):
        qtbot.mouseClick(title, Qt.MouseButton.LeftButton)


def enter(qtbot, pad, digits):
    for key in [*digits, "ok"]:
        qtbot.mouseClick(pad.findChild(object, f"pin-{key}"), Qt.MouseButton.LeftButton)


def test_five_taps_and_the_right_pin_close_the_kiosk(kiosk, qtbot, monkeypatch):
    quits = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(1))
    tap_title(qtbot, kiosk, 4)
    assert kiosk.findChild(object, "adminPinPad") is None
    tap_title(qtbot, kiosk, 1)
    pad = kiosk.findChild(object, "adminPinPad")
    assert pad is not None and pad.isVisible()
    enter(qtbot, pad, "2468")
    assert not kiosk.isVisible() and quits == [1]


def test_wrong_pins_are_refused_and_three_lock_the_keypad(kiosk, qtbot):
    qtbot.keyClick(
        kiosk,
        Qt.Key.Key_Q,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    pad = kiosk.findChild(object, "adminPinPad")
    assert pad is not None
    enter(qtbot, pad, "1111")
    assert "not right" in pad.findChild(object, "pinPrompt").text() and kiosk.isVisible()
    enter(qtbot, pad, "2222")
    enter(qtbot, pad, "3333")
    assert "Too many wrong tries" in pad.findChild(object, "pinPrompt").text()
    assert not pad.findChild(object, "pin-2").isEnabled()
    enter(qtbot, pad, "2468")  # disabled keys: nothing happens, even with the right PIN
    assert kiosk.isVisible()


def test_the_pin_pad_is_the_locators_number_pad_and_takes_a_keyboard_too(kiosk, qtbot, monkeypatch):
    """One component for both pads (issue 21): its keys never take the focus, so staff with a
    keyboard type the PIN instead, Enter for OK."""
    from guide.ui.number_pad import NumberPad

    quits = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(1))
    pad = kiosk.kiosk_mode.open_pin_pad()
    keys = pad.findChild(NumberPad, "numberPad")
    assert keys is not None and keys.findChild(object, "pin-ok").text() == "OK"
    qtbot.keyClicks(pad, "99")
    qtbot.keyClick(pad, Qt.Key.Key_Backspace)  # clears
    qtbot.keyClicks(pad, "2468")
    assert pad.findChild(object, "pinDisplay").text() == "••••"
    qtbot.keyClick(pad, Qt.Key.Key_Return)
    assert not kiosk.isVisible() and quits == [1]


def test_a_restarted_kiosk_is_still_locked(window_factory, pin_config, qtbot):
    first = window_factory("--kiosk", "--config", str(pin_config))
    pad = first.kiosk_mode.open_pin_pad()
    for digits in ("1111", "2222", "3333"):
        enter(qtbot, pad, digits)
    again = window_factory("--kiosk", "--config", str(pin_config))  # as after a restart
    pad = again.kiosk_mode.open_pin_pad()
    assert "Too many wrong tries" in pad.findChild(object, "pinPrompt").text()
    assert not pad.findChild(object, "pin-2").isEnabled()


def test_without_a_pin_the_staff_exit_is_not_offered(window_factory, qtbot, capfd):
    window = window_factory("--kiosk")
    assert "guide kiosk set-pin" in capfd.readouterr().err
    tap_title(qtbot, window, 5)
    qtbot.keyClick(
        window,
        Qt.Key.Key_Q,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.findChild(object, "adminPinPad") is None and window.isVisible()


def test_a_kiosk_session_writes_nothing_to_disk(qtbot, tmp_path, monkeypatch, pin_config):
    home = tmp_path / "home"
    for variable, folder in [
        ("HOME", ""),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_DATA_HOME", ".local/share"),
    ]:
        monkeypatch.setenv(variable, str(home / folder))
    home.mkdir()

    def files():
        # Every file and folder, the guide's caches included: start-up fills them, a visit never.
        return {str(p.relative_to(home)): (p.lstat().st_size, p.lstat().st_mtime_ns) for p in home.rglob("*")}

    from guide.testing import open_window

    window = open_window(qtbot, ["--kiosk", "--config", str(pin_config)])
    qtbot.waitUntil(window.search_ready)
    before = files()
    leave_traces(window, qtbot)
    window.reset_session()
    assert files() == before
    assert set(os.listdir(home)) <= {".cache"}


def test_a_long_lock_is_shown_in_minutes(qtbot):
    from guide.kiosk.rules import PinGate
    from guide.ui.kiosk.admin_pin_pad import AdminPinPad

    now = [1000.0]
    gate = PinGate(hash_pin("2468", iterations=MIN_ITERATIONS), lambda: now[0])
    for round_ in range(2):  # three wrong, wait out the minute, three wrong: five minutes
        for pin in ("1111", "2222", "3333"):
            gate.attempt(pin)
        now[0] += gate.locked_for() if round_ == 0 else 0
    pad = AdminPinPad(gate)
    qtbot.addWidget(pad)
    assert pad.findChild(object, "pinPrompt").text() == "Too many wrong tries. Wait 5 minute(s)."
