"""A compared race's runner whose name the race shown has too ("Ortiz" of June beside May's
own Sam Ortiz) is tagged with her race wherever she is named: the track, the scoreboard,
the comparison tab, its note and the export's cards (coach's review R10)."""

from __future__ import annotations

import pytest

from racegui.export.cards import ghost_name, title_text
from racegui.io.replay_file import read_replay
from racegui.model.follow import compared
from racegui.ui.panel.compare_tab import compare_names, stand_in_texts
from racegui.ui.race_status import compare_label

ROWS = {
    "Sam Ortiz": ("52.10", "2:00.50", "3:09.70", "4:16.00"),
    "Lena Brandt": ("53.00", "2:02.10", "3:12.10", "4:21.00"),
    "Tom Reyes": ("52.60", "2:01.50", "3:13.90", "4:24.90"),
}
"""May's runners' splits at 300, 700, 1100 and 1500 m."""


def _csv(path, title: str, runners: dict[str, tuple[str, ...]]):
    lines = [title, "athlete,distance_m,time"]
    for name, times in runners.items():
        lines += [f"{name},{m},{t}" for m, t in zip((300, 700, 1100, 1500), times, strict=True)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def may(tmp_path):
    return _csv(tmp_path / "club1500_long.csv", "Club 1500m time trial, 12 May", ROWS)


def _june(tmp_path, title: str = "Club 1500m time trial, 9 June"):
    """June's trial, without Tom Reyes: it sets him against its winner, Sam Ortiz."""
    june = {n: ROWS[n] for n in ("Sam Ortiz", "Lena Brandt")}
    june["Sam Ortiz"] = ("51.40", "1:58.90", "3:06.80", "4:11.70")
    return _csv(tmp_path / "club1500_june.csv", title, june)


def _reyes(replay):
    return replay.following(replay.ids[[a.name for a in replay.athletes].index("Tom Reyes")])


def test_a_ghost_named_as_a_runner_of_the_race_shown_names_her_race(tmp_path, may):
    shown = _reyes(read_replay(may))
    other = compared(shown, read_replay(_june(tmp_path)))
    assert other.athletes[other.focus].name == "Sam Ortiz"
    assert compare_label(other, shown) == "Ortiz, 9 June"  # was "Ortiz": May's Ortiz?
    names = compare_names(shown, other)
    assert (names.tab, names.column) == ("vs 9 June", "9 June")  # was "vs Ortiz", "Ortiz"
    assert stand_in_texts(shown, other)[1] == "Compared with Ortiz, 9 June: no Reyes in that race"
    assert ghost_name(other, shown) == "Ortiz, 9 June (4:11.70)"
    assert "Ghost: Ortiz, 9 June (4:11.70)" in title_text(shown, other).lines


def test_a_namesake_s_race_without_a_date_or_telling_title_is_the_other_race(tmp_path, may):
    shown = _reyes(read_replay(may))
    same_title = compared(shown, read_replay(_june(tmp_path, "Club 1500m time trial, 12 May")))
    assert compare_label(same_title, shown) == "Ortiz, other race"
    assert compare_names(shown, same_title).tab == "vs other race"


def test_a_ghost_no_runner_of_the_race_shown_is_named_shown_as_before(tmp_path, may):
    """Lena Brandt followed in a race without an Ortiz: "Ortiz" is no one else's there."""
    rows = {n: ROWS[n] for n in ("Lena Brandt", "Tom Reyes")}
    shown = _reyes(read_replay(_csv(tmp_path / "no-ortiz.csv", "Club 1500m, 12 May", rows)))
    other = compared(shown, read_replay(_june(tmp_path)))
    assert compare_label(other, shown) == "Ortiz" and compare_names(shown, other).tab == "vs Ortiz"


def test_the_window_names_the_namesake_s_race_on_track_board_tab_and_export(window, tmp_path, may):
    """Following Tom Reyes in May and comparing June, whose winner is also Sam Ortiz: the
    ghost's tag, the scoreboard's gap line and the tab had all read just "Ortiz"."""
    from racegui.export.window_export import open_export_dialog
    from racegui.ui.panel.splits_table import COMPARE

    assert window.open_path(may)
    window.follow(_reyes(window.replay).ids[_reyes(window.replay).focus])
    assert window.open_compare(_june(tmp_path))
    window.clock.seek(160.0)
    track = window.scene.track
    assert track.status.compare_gap.label == "Ortiz, 9 June"  # the board's and the tag's
    assert track._compare_name == "Ortiz, 9 June"  # the pocket cam's ring
    splits = window.scene.panel.splits
    assert splits.buttons.button(COMPARE).text() in ("vs 9 June", "9 June")
    assert "Ortiz, 9 June" in " ".join(splits.compare_note.texts)
    dialog = open_export_dialog(window)
    assert dialog.ghost_label.text() == "Ortiz, 9 June (4:11.70), as in the window"
    dialog.close()


def test_a_long_title_tells_her_race_apart_in_a_short_tag(tmp_path, may):
    """'County Championships 1500 m heat 2 in pouring rain and wind' had tagged the ghost
    'Ortiz, County Championships he…': too long to place on the track (review R11)."""
    shown = _reyes(read_replay(may))
    long_title = "County Championships 1500m heat 2 in pouring rain and wind"
    other = compared(shown, read_replay(_june(tmp_path, long_title)))
    assert compare_label(other, shown) == "Ortiz, County"
    assert compare_names(shown, other).tab == "vs County"
    texts = stand_in_texts(shown, other)
    assert texts[1] == "Compared with Ortiz, County: no Reyes in that race"


def test_every_form_of_the_note_names_the_namesake_s_race(tmp_path, may):
    """A wide panel's note had read 'Compared with Sam Ortiz: Tom Reyes did not run in ...'
    beside the race's own Sam Ortiz (review R11)."""
    shown = _reyes(read_replay(may))
    other = compared(shown, read_replay(_june(tmp_path)))
    assert stand_in_texts(shown, other) == (
        "Compared with Sam Ortiz, 9 June: Tom Reyes did not run in Club 1500m time trial, 9 June",
        "Compared with Ortiz, 9 June: no Reyes in that race",
        "vs Ortiz, 9 June: no Reyes there",
    )
