"""A window sought to a moment places its name tags as an export's first frame does: the
presenter's screenshot at 3:01.84 had put the pacing light's tag behind Kipyegon, the light
19 m ahead of her."""

from __future__ import annotations

from racegui.ui.app import ensure_app, render_window
from racegui.ui.loading import load_replay
from racegui.ui.main_window import MainWindow
from racegui.ui.ui_paths import demo_path

T = 181.84
"""Race time (s): the light just past the finish line, 19.3 m ahead of her."""


def test_the_lights_tag_is_ahead_of_her_in_a_window_sought_to_3_01_84(qtbot, settings):
    ensure_app()
    replay = load_replay(demo_path())
    window = MainWindow(replay, settings, theme="light")
    qtbot.addWidget(window)
    window.setMinimumSize(0, 0)
    window.lay_out_presentation(1280, 720)
    placer = window.scene.track.overlay._placer
    place = placer.place
    frames = []

    def spy(labels, widths, h, obstacles, bounds, *, t, **options):
        rects = place(labels, widths, h, obstacles, bounds, t=t, **options)
        frames.append((t, list(zip(labels, rects, strict=True))))
        return rects

    placer.place = spy
    render_window(window, T, (1280, 720))  # painted at 0:00 first, then sought, as --screenshot
    t, tags = frames[-1]
    assert t == T and min(f[0] for f in frames) < 1.0
    light = replay.athletes[replay.target].name
    box = next(r for lab, r in tags if lab.text == light)
    her = next(lab for lab, _ in tags if lab.text == replay.athletes[replay.focus].name)
    at = next(lab for lab, _ in tags if lab.text == light)
    assert at.x > her.x + 50  # the light is ahead, to her right on the home straight
    assert box.left() > her.x  # its tag too: none of it on her far side
    window.close()
