"""File > Export proposes a clip from where the replay is paused: after Ctrl+G 2:50 the
dialog had said 0:00.00 to 4:06.42, and a coach making a clip of the last lap typed over
it (coach's review R10). "Whole race" goes back to the start."""

from __future__ import annotations

import pytest

from racegui.export.window_export import install_export, open_export_dialog


def _span(dialog) -> tuple[str, str]:
    return dialog.from_edit.text(), dialog.to_edit.text()


@pytest.fixture
def opened(window, qtbot):
    """Opens the export dialog on the window, as Ctrl+E does."""
    install_export(window)

    def open_():
        dialog = open_export_dialog(window)
        qtbot.addWidget(dialog)
        return dialog

    return open_


def test_paused_mid_race_a_clip_starts_where_the_replay_is(window, opened, tmp_path):
    window.clock.seek(170.0)  # Ctrl+G 2:50
    assert not window.clock.playing
    dialog = opened()
    assert _span(dialog) == ("2:50.00", "4:06.42")
    assert (dialog.options().from_s, dialog.options().to_s) == (170.0, 246.42)
    assert dialog.whole_button.isEnabled()
    dialog.whole_button.click()
    assert _span(dialog) == ("0:00.00", "4:06.42")
    dialog.path_edit.setText(str(tmp_path / "still.png"))  # a still: where the window is
    assert dialog.from_edit.text() == "2:50.00" and not dialog.whole_button.isEnabled()
    dialog.path_edit.setText(str(tmp_path / "clip.mp4"))  # the whole race, as chosen
    assert _span(dialog) == ("0:00.00", "4:06.42")
    dialog.close()


@pytest.mark.parametrize("where", ["start", "last finish", "replay end", "playing"])
def test_at_the_start_the_end_or_playing_a_clip_is_the_whole_race(window, opened, where):
    clock = window.clock
    clock.seek({"start": 0.0, "playing": 170.0}.get(where, window.replay.race_end_s))
    if where == "replay end":
        clock.seek(window.replay.duration_s)  # End twice: the runners slowed to a stop
    if where == "playing":
        clock.play()
    dialog = opened()
    assert _span(dialog) == ("0:00.00", "4:06.42")
    clock.pause()
    dialog.close()


def test_the_last_export_s_span_is_kept_until_the_replay_moves(window, opened, tmp_path):
    """Reopened unmoved, the dialog is the last export again (as since it remembers
    it); paused elsewhere since, the clip starts there, the other options kept."""
    window.clock.seek(170.0)
    first = opened()
    first.path_edit.setText(str(tmp_path / "clip.mp4"))
    first.size_combo.setCurrentIndex(1)  # 1280 x 720
    first.fps_spin.setValue(5)
    first.to_edit.setText("2:51")
    assert first.run_export(first.options()) is not None
    first.close()
    again = opened()  # not moved: the clip just made, to redo it
    assert _span(again) == ("2:50.00", "2:51.00")
    again.close()
    window.clock.seek(210.0)  # moved on to 3:30
    moved = opened()
    assert _span(moved) == ("3:30.00", "4:06.42")
    assert (moved.options().size, moved.options().fps) == ((1280, 720), 5)
    moved.close()
    window.clock.seek(0.0)  # back at the start: the last export's span, as before
    start = opened()
    assert _span(start) == ("2:50.00", "2:51.00")
    start.close()


@pytest.mark.parametrize(
    ("paused_s", "span"),
    [
        (246.41, ("0:00.00", "4:06.42")),  # a hundredth before the last finish: 1 frame
        (244.0, ("0:00.00", "4:06.42")),  # 2.42 s of race left
        (243.42, ("4:03.42", "4:06.42")),  # 3 s left: the paused time's clip
    ],
)
def test_paused_just_before_the_last_finish_the_whole_race_is_proposed(
    window, opened, paused_s, span
):
    """Paused 4:07.29 before a 4:07.30 finish had proposed a 1-frame video (review R11):
    with less than MIN_CLIP_S of race left, the whole race instead."""
    window.clock.seek(paused_s)
    dialog = opened()
    assert _span(dialog) == span
    dialog.close()
