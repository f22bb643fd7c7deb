"""Kinetic scrolling: the page and the lists follow a finger and glide on (on a kiosk, a mouse drag too).

The window makes one KineticScrolling; each visit's views hand it their viewports (`watch`). It
drives each viewport's QScroller itself (`QScroller.handleInput`) from an event filter on the
viewport and every widget in it. It never calls `QScroller.grabGesture`: each grab registers a new
gesture recognizer with a new Qt.GestureType, and PySide6 6.11 makes an enum class for each new
value and never frees it (10 KB a reset, as each reset grabbed the new views' viewports again).

It does what Qt's flick gesture does (qflickgesture.cpp), with the scroller's default settings:

- A press, by a finger on a touch screen or (on a kiosk) the left mouse button, is held back
  from the widget for a moment (MousePressEventDelay, 0.25 s). A touch reaches the widgets as
  mouse events Qt makes from it, since none of these widgets takes touch events.
- Once it has moved further than DragStartDistance (5 mm), the content follows it. The widget
  never gets the press (no row is chosen, no box ticked, no word selected), or, if it already
  had it, gets a release far outside itself. Let go while moving, and the content glides on and
  comes to rest.
- Let go before that, and the widget gets the press and then the release, so a tap opens a link
  or a topic and ticks a box.
- A press on gliding content stops it.

Only then are the mouse events kept from the widget. A mouse on the desktop is left alone, so
dragging over the page selects its words. With `glide` false (the config's display.reduce_motion)
the content follows the finger and stops where it is let go: no glide, and no bounce at the ends.
"""

from __future__ import annotations

from typing import NamedTuple

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QInputDevice, QMouseEvent
from PySide6.QtWidgets import QApplication, QScroller, QScrollerProperties, QWidget

LEFT = Qt.MouseButton.LeftButton
INPUT = {
    QEvent.Type.MouseButtonPress: QScroller.Input.InputPress,
    QEvent.Type.MouseMove: QScroller.Input.InputMove,
    QEvent.Type.MouseButtonRelease: QScroller.Input.InputRelease,
}
MOVING = (QScroller.State.Dragging, QScroller.State.Scrolling)
FAR_AWAY = QPointF(-16777215, -16777215)  # QWIDGETSIZE_MAX: where Qt's flick gesture lets go of a press


class Press(NamedTuple):
    widget: QWidget  # the one pressed: a window sends it the moves and the release too
    viewport: QWidget
    scroller: QScroller


class KineticScrolling(QObject):
    """Hands the presses, moves and releases on the watched viewports to their QScrollers."""

    def __init__(self, parent: QObject, mouse: bool, glide: bool = True):
        super().__init__(parent)
        self.mouse = mouse  # a left-button drag scrolls too (on a kiosk, where words aren't selected)
        self.properties = QScrollerProperties()
        if not glide:
            metric, off = QScrollerProperties.ScrollMetric, QScrollerProperties.OvershootPolicy.OvershootAlwaysOff
            self.properties.setScrollMetric(metric.MaximumVelocity, 0.0)
            self.properties.setScrollMetric(metric.HorizontalOvershootPolicy, off)
            self.properties.setScrollMetric(metric.VerticalOvershootPolicy, off)
        self._viewports: list[QWidget] = []
        self._press: Press | None = None
        self._held: QMouseEvent | None = None  # the press the widget hasn't had yet
        self._sending = False  # what this sends a widget is not input to follow
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.timeout.connect(self._give_press)

    def watch(self, viewports: list[QWidget]) -> None:
        """The viewports to scroll from now on (a new visit's views); the old ones are let go."""
        self._delay.stop()
        self._press = self._held = None
        self._viewports = list(viewports)
        for viewport in viewports:
            self._watch(viewport)

    def _watch(self, widget: QWidget) -> None:
        # A widget inside a viewport gets the presses on it (a checklist's boxes): all are watched.
        for each in (widget, *widget.findChildren(QWidget)):
            each.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ChildPolished:  # put into a viewport later: a checklist's page
            self._watch(event.child())
        elif self._sending:
            pass
        elif kind == QEvent.Type.MouseButtonPress:
            return self._pressed(watched, event)
        elif self._press is not None and watched is self._press.widget:
            if kind == QEvent.Type.MouseButtonDblClick:
                return True  # a second tap while the first is followed is no double click (as Qt)
            if kind == QEvent.Type.MouseButtonRelease or (kind == QEvent.Type.MouseMove and event.buttons() == LEFT):
                return self._followed(event)
        return False

    def _pressed(self, widget: QWidget, event: QMouseEvent) -> bool:
        touch = event.pointingDevice().type() == QInputDevice.DeviceType.TouchScreen
        viewport = widget
        while viewport is not None and viewport not in self._viewports:
            viewport = viewport.parentWidget()
        if event.buttons() != LEFT or not (touch or self.mouse) or viewport is None:
            return False
        scroller = QScroller.scroller(viewport)
        scroller.setScrollerProperties(self.properties)
        gliding = scroller.state() == QScroller.State.Scrolling
        self._feed(scroller, viewport, event)
        if gliding and scroller.state() == QScroller.State.Inactive:  # it was nearly still: stopped,
            self._feed(scroller, viewport, event)  # and this is a press like any other
        if scroller.state() == QScroller.State.Inactive:
            return False  # nothing to scroll here: the press is the widget's
        self._press = Press(widget, viewport, scroller)
        if scroller.state() == QScroller.State.Pressed:  # else it stopped a glide: no tap
            self._held = copy = QMouseEvent(event.type(), event.position(), event.scenePosition(),
                                            event.globalPosition(), event.button(), event.buttons(),
                                            event.modifiers(), event.pointingDevice())  # fmt: skip
            copy.setTimestamp(event.timestamp())  # not clone(): PySide6 never frees what that makes
            delay = self.properties.scrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay)
            self._delay.start(round(delay * 1000))
        return True

    def _followed(self, event: QMouseEvent) -> bool:
        """A move or the release of the press being followed; true: the widget doesn't get it."""
        widget, viewport, scroller = self._press
        was_moving = scroller.state() in MOVING
        self._feed(scroller, viewport, event)
        moving = scroller.state() in MOVING
        if moving and not was_moving:  # a drag, no tap
            if self._held is not None:
                self._delay.stop()
                self._held = None
            else:  # the widget had the press (held past the delay): it lets go
                self._send(widget, QMouseEvent(QEvent.Type.MouseButtonRelease, FAR_AWAY, FAR_AWAY, FAR_AWAY,
                                               LEFT, Qt.MouseButton.NoButton, event.modifiers(),
                                               event.pointingDevice()))  # fmt: skip
        if event.type() == QEvent.Type.MouseMove:
            return moving or self._held is not None
        tap = self._held is not None
        self._give_press()  # a tap: the widget gets the press, then this release
        self._press = None
        return not tap and (was_moving or moving)

    def _give_press(self) -> None:
        self._delay.stop()
        held, self._held = self._held, None
        if held is not None and self._press is not None:
            self._send(self._press.widget, held)

    @staticmethod
    def _feed(scroller: QScroller, viewport: QWidget, event: QMouseEvent) -> None:
        position = viewport.mapFromGlobal(event.globalPosition())
        scroller.handleInput(INPUT[event.type()], position, event.timestamp())

    def _send(self, widget: QWidget, event: QMouseEvent) -> None:
        if shiboken6.isValid(widget):  # not deleted in the meantime
            self._sending = True
            try:
                QApplication.sendEvent(widget, event)
            finally:
                self._sending = False
