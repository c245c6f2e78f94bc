"""The frame source of an export: the replay window's own scene, drawn offscreen at exact times.

Needs a QApplication (any platform, offscreen included). Frames come out as RGB arrays of
exactly the requested size, whatever the screen or its device pixel ratio.
"""

from __future__ import annotations

import sys

import numpy as np
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage, QPainter

from racegui.export.cards import card_accent, draw_card, end_text, title_text
from racegui.export.key_colours import key_colours
from racegui.export.layout import layout_scale, layout_size, phone_layout, track_text_floor
from racegui.export.speed_badge import badge_rect, draw_badge
from racegui.model.follow import compared
from racegui.model.replay import Replay
from racegui.ui.scene import ReplayScene
from racegui.ui.speed_pill import badge_text
from racegui.ui.theme import Theme


def image_to_rgb(image: QImage) -> np.ndarray:
    """(height, width, 3) uint8 RGB copy of a QImage."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    h, w = rgb.height(), rgb.width()
    buf = np.frombuffer(rgb.constBits(), dtype=np.uint8, count=rgb.bytesPerLine() * h)
    return buf.reshape(h, rgb.bytesPerLine())[:, : w * 3].reshape(h, w, 3).copy()


class SceneFrameSource:
    """Draws a ReplayScene (track, overlays, optional side panel) for an export.

    Under 1080 pixels on its short side (the height, or a portrait export's width), the
    scene is laid out with that side at REFERENCE_HEIGHT_PX, or for a landscape export at
    SMALL_LAYOUT_PX or its own height, whichever is more (see layout_size), in the export's
    aspect ratio, and each frame scaled down to `size` (px): a 720p export is a 1440x810
    window drawn 0.89 times as big, its text big enough for a slide.
    Bigger exports are laid out at their own size with fonts scaled up to match. ``splits``
    is the panel's splits table: "laps", "200m", "timed" or "compare" (with ``compare``;
    None: the comparison tab with ``compare``, else the laps, as `export --splits` has it).
    With ``presentation`` the layout is the window's presentation mode on a screen of the
    layout's size (bigger type, fewer lines), but for a portrait phone video, laid out with
    big type anyway (see layout.phone_layout).
    """

    def __init__(
        self,
        replay: Replay,
        theme: Theme,
        size: tuple[int, int],
        *,
        panel: bool = True,
        compare: Replay | None = None,
        splits: str | None = None,
        presentation: bool = False,
    ) -> None:
        if compare is not None:  # her own run in it, if she ran in it too
            compare = compared(replay, compare)
        self.size = (int(size[0]), int(size[1]))
        self.duration_s = replay.race_end_s
        """Default end of an export (s): the runner's finish (a 4:06.42 race is 7393 frames)."""
        self.key_colours = key_colours(replay, theme)
        """RGB colours that tell the scene's things apart (a GIF's palette keeps them)."""
        self._replay = replay
        self._compare = compare
        """A second race shown as a ghost, named on the cards (None: none)."""
        self._theme = theme
        self._panel = panel
        w, h = self.size
        self.scene = ReplayScene(replay, theme, panel=panel)
        self.scene.panel.set_static(True)  # no half rows or scroll bars in a video
        self.scene.panel.splits.set_mode_name(splits or "laps")
        self._layout_size = layout_size(self.size)
        scale = layout_scale(self.size, presentation)
        # A phone's video is laid out with big type already: presentation mode's layout of
        # the panel (every line at its height, nothing fitted) cut its last card off.
        presentation = presentation and not phone_layout(self.size)
        # Bigger than 1080p: the 1080p layout drawn bigger (a 4K export is a 1080p one at
        # twice the size). Presentation: as the window's presentation mode on a screen of
        # the layout's size.
        if presentation or scale != 1.0:
            self.scene.set_scale(scale, presentation=presentation)
        # Each frame is drawn at the export's size: the track's text is kept legible there.
        self.scene.track.set_output_scale(w / self._layout_size[0], track_text_floor(self.size))
        if compare is not None:
            self.scene.set_compare(compare)  # which shows its tab, unless another is asked for
            if splits is not None:
                self.scene.panel.splits.set_mode_name(splits)
        self._cards: dict[str, np.ndarray] = {}
        self._end_s: float | None = None
        """Race time (s) of the export's last race frame (None: the whole race)."""
        self._start_s = 0.0
        """Race time (s) of the export's first race frame."""
        self._last_image: QImage | None = None
        self._badge = ""
        self._under_badge: tuple[QImage, QImage, QPoint] | None = None
        """(frame image, its pixels under the badge, where): put back before the next frame is
        drawn over it, so the badge's soft edges are drawn on the scene, not on themselves."""

    def set_end(self, end_s: float) -> None:
        """The race time (s) the export's last race frame shows: the end card of a clip that
        stops before the runner's finish says where it left her, not the result (and the
        title card what part of the race it shows)."""
        if end_s != self._end_s:
            self._end_s = end_s
            self._cards.pop("end", None)
            self._cards.pop("title", None)

    def set_start(self, start_s: float) -> None:
        """The race time (s) the export's first race frame shows: the title card of a clip
        that starts after the gun says what part of the race it shows."""
        if start_s != self._start_s:
            self._start_s = start_s
            self._cards.pop("title", None)

    def set_speed(self, speed: float) -> None:
        """Race seconds per video second: at any but 1 each race frame carries a badge
        ("4× speed"); a clip played fast had nothing to say so (user review)."""
        badge = badge_text(speed)  # an old badge goes as the next frame puts back its pixels
        if badge != self._badge:
            self._badge = badge
            self._cards.pop("title", None)  # which says the speed too

    def _finish(self, image: QImage) -> np.ndarray:
        if (image.width(), image.height()) != self.size:
            image = image.scaled(
                self.size[0],
                self.size[1],
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        if sys.byteorder != "little":
            return image_to_rgb(image)
        self._last_image = image  # the array below is a view of its pixels
        h, w = image.height(), image.width()
        buf = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.bytesPerLine() * h)
        return buf.reshape(h, image.bytesPerLine())[:, : w * 4].reshape(h, w, 4)

    def frame_at(self, t: float) -> np.ndarray:
        """The scene at race time t (s): a (h, w, 4) view of the drawn image, bytes B, G, R, A
        (valid until the next call; the writers copy it). Use frames.to_rgb for RGB."""
        if self._under_badge is not None:  # the last frame as the scene drew it
            image, under, at = self._under_badge
            painter = QPainter(image)
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
            painter.drawImage(at, under)
            painter.end()
            self._under_badge = None
        image = self.scene.render_image(
            t, self._layout_size, panel=self._panel, reuse=True, out_size=self.size
        )
        if self._badge:
            rect = badge_rect(image, self._badge, self._theme).toAlignedRect()
            self._under_badge = (image, image.copy(rect), rect.topLeft())
            draw_badge(image, self._badge, self._theme)
        return self._finish(image)

    def settle(self) -> None:
        """Draw the next frame with its name tags whole, nothing fading in or out (an
        export's last race frame, which a player rests on)."""
        self.scene.track.overlay.settle_tags()

    def reset(self) -> None:
        """Forget what frames drawn before left behind (where the name tags were), so the
        export's first frame is drawn as if it were the first, as a still of its moment is (a
        GIF's palette samples are drawn from all over the clip before it starts)."""
        self.scene.track.reset_tags()

    def card_frame(self, kind: str) -> np.ndarray:
        """The title or end card (drawn once, then reused)."""
        if kind not in self._cards:
            if kind == "end":
                text = end_text(self._replay, self._compare, self._end_s)
            else:
                end = self.duration_s if self._end_s is None else self._end_s
                span = (self._start_s, end)
                text = title_text(self._replay, self._compare, span, self._badge)
            accent = card_accent(self._replay, self._theme)
            self._cards[kind] = image_to_rgb(draw_card(text, self.size, self._theme, accent))
        return self._cards[kind]

    def close(self) -> None:
        """Release the offscreen scene."""
        self.scene.hide()
        self.scene.deleteLater()
