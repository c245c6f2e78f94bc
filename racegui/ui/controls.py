"""The transport bar: restart, previous/next event, step, play/pause, loop, seek bar, speed."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QMouseEvent, QPainter, QPaintEvent, QPolygonF
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QStyle,
    QStyleOptionComboBox,
    QToolButton,
    QWidget,
)

from racegui.model.replay import Replay
from racegui.model.timefmt import clock_text
from racegui.ui.clock import SPEEDS
from racegui.ui.icons import transport_icon
from racegui.ui.seek_bar import SeekBar
from racegui.ui.theme import Theme

BUTTONS = ("restart", "prev_event", "step_back", "play", "step_forward", "next_event", "loop")
"""Action names the bar shows as buttons, left to right."""


def speed_text(speed: float) -> str:
    """ "0.25x", "1x", "16x"."""
    return f"{speed:g}x"


def length_tip(replay: Replay) -> str:
    """Tooltip of the replay time: why the replay runs on past the last finish (the clock
    read 4:10.57 at the end while the race board said 4:06.42, a new user's review)."""
    end, length = replay.race_end_s, replay.duration_s
    tip = f"Replay time / length of the replay ({clock_text(length)})"
    if length - end >= 0.01:
        tip += (
            f": the race ends at the last finish, {clock_text(end)}, and the replay runs on "
            f"{length - end:.1f} s while the runners slow to a stop"
        )
    return tip


GO_TO_TIME_TIP = "Double-click to go to a time (Ctrl+G)"
"""The last line of the time label's tooltip."""


class TimeLabel(QLabel):
    """The replay time; a double-click on it asks for a time to go to (where users try)."""

    double_clicked = Signal()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.double_clicked.emit()
            event.accept()
        else:
            super().mouseDoubleClickEvent(event)


class SpeedBox(QComboBox):
    """The speed chooser: a combo box whose style sheet draws its box, and which draws its
    own arrow in `arrow_colour`. Left to the style sheet, the arrow's box had Qt's default
    outset border, a dark corner on the light theme (a keyboard user's review); styling
    that box away takes Qt's arrow with it."""

    ARROW_PX = (8.0, 5.0)
    """Width and height of the arrow (px)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.arrow_colour = QColor("#808080")

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        box = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxArrow, self
        )
        w, h = self.ARROW_PX
        c = box.center()
        x, y = c.x() + 0.5, c.y() + 0.5
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.arrow_colour)
        corners = [
            QPointF(x - w / 2, y - h / 2),
            QPointF(x + w / 2, y - h / 2),
            QPointF(x, y + h / 2),
        ]
        painter.drawPolygon(QPolygonF(corners))
        painter.end()


class TransportBar(QWidget):
    """Buttons bound to the window's actions, a seek bar and a speed chooser."""

    seek_requested = Signal(float)
    """Race time (s) chosen on the seek bar."""
    speed_chosen = Signal(float)
    """Playback speed picked in the speed box."""
    scrub_started = Signal()
    """The seek bar's handle was pressed (see SeekBar.drag_started)."""
    scrub_finished = Signal()
    """The seek bar's handle was let go."""
    time_double_clicked = Signal()
    """The time label was double-clicked (to type a time to go to)."""

    def __init__(
        self, actions: dict[str, QAction], theme: Theme, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("transportBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._actions = actions
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 12, 4)
        layout.setSpacing(4)
        self.buttons: dict[str, QToolButton] = {}
        for name in BUTTONS:
            button = QToolButton(self)
            button.setDefaultAction(actions[name])
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setIconSize(QSize(22, 22) if name != "play" else QSize(28, 28))
            layout.addWidget(button)
            self.buttons[name] = button
        self.time_label = TimeLabel("0:00.00", self)
        self.time_label.double_clicked.connect(self.time_double_clicked)
        self.time_label.setObjectName("timeLabel")
        self.time_label.setMinimumWidth(150)
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addSpacing(6)
        layout.addWidget(self.time_label)
        self.seek_bar = SeekBar(theme, self)
        self.seek_bar.seek_requested.connect(self.seek_requested)
        self.seek_bar.drag_started.connect(self.scrub_started)
        self.seek_bar.drag_finished.connect(self.scrub_finished)
        layout.addWidget(self.seek_bar, 1)
        self.speed_box = SpeedBox(self)
        self.speed_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for s in SPEEDS:
            self.speed_box.addItem(speed_text(s), s)
        self.speed_box.setCurrentIndex(SPEEDS.index(1.0))
        self.speed_box.setToolTip("Playback speed (+ / -)")
        self.speed_box.activated.connect(self._on_speed_activated)
        layout.addWidget(self.speed_box)
        self._duration_text = ""
        self._last_text = ""
        self.set_theme(theme)

    def set_replay(self, replay: Replay) -> None:
        self.seek_bar.set_replay(replay)
        self._duration_text = clock_text(replay.duration_s)
        self._last_text = ""
        self.time_label.setToolTip(f"{length_tip(replay)}\n{GO_TO_TIME_TIP}")

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.seek_bar.set_theme(theme)
        self.refresh_icons()
        self.setStyleSheet(
            f"#transportBar {{ background: {theme.controls_background}; }}"
            f"#transportBar QLabel#timeLabel {{ color: {theme.text}; font-size: 14px;"
            f" font-weight: 600; }}"
            f"#transportBar QToolButton {{ border: none; border-radius: 6px; padding: 3px; }}"
            f"#transportBar QToolButton:hover {{ background: {theme.slider_groove}; }}"
            f"#transportBar QToolButton:checked {{ background: {theme.slider_groove}; }}"
            f"#transportBar QComboBox {{ color: {theme.text}; background: {theme.panel_background};"
            f" border: 1px solid {theme.grid}; border-radius: 4px; padding: 2px 8px; }}"
            "#transportBar QComboBox::drop-down { border: none; width: 16px; }"
        )
        self.speed_box.arrow_colour = QColor(theme.text_muted)
        self.speed_box.update()

    def refresh_icons(self) -> None:
        """Icons in the theme's colour (play shows pause while playing)."""
        colour = QColor(self.theme.text).name()
        for name in BUTTONS:
            action = self._actions[name]
            icon_name = name
            if name == "play" and action.isChecked():
                icon_name = "pause"
            action.setIcon(transport_icon(icon_name, colour))

    def set_speed(self, speed: float) -> None:
        """Show the current speed (no signal)."""
        i = self.speed_box.findData(speed)
        if i >= 0:
            self.speed_box.setCurrentIndex(i)

    def update_frame(self, t: float) -> None:
        """Move the seek handle and the time label to race time t (s)."""
        self.seek_bar.set_time(t)
        text = f"{clock_text(t)} / {self._duration_text}"
        if text != self._last_text:
            self._last_text = text
            self.time_label.setText(text)

    def _on_speed_activated(self, index: int) -> None:
        self.speed_chosen.emit(float(self.speed_box.itemData(index)))
