"""Following a runner who did not finish in the window and exports (coach's review: she had
been greyed out in View > Follow and refused by --follow). Until she stops everything is as
for a finisher; once she has stopped the panel holds her gap and says "STOPPED  DNF · 2000 m"
instead of a projection, the lap card "DNF · 2000 M" with her time and gap then, the tables
end at where she stopped ("DNF · 2000 m"), the scoreboard holds the clock at 6:30.40 and says
"Did not finish", her tags say "· DNF", and the end card says DNF and where, not a time.

The club 3000 (tests.helpers_race.club_dnf_data) with an even 9:20.00 target: Ava Reid
stops at 2000 m, 6:30.40, 17.07 s (91.4 m) behind it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QWidget

from racegui.export.cards import end_text, title_text
from racegui.io.race_file import race_from_data
from racegui.model.replay import compile_race
from racegui.ui.app import ensure_app
from racegui.ui.main_window import MainWindow
from racegui.ui.panel.live_text import LiveText
from racegui.ui.race_status import race_status
from racegui.ui.scene import ReplayScene
from racegui.ui.theme import DARK
from tests.helpers_panel import shown_panel
from tests.helpers_race import club_dnf_data
from tests.helpers_tags import spy_pocket_tags
from tests.test_ui_dnf import _tags_at

STOP_S = 390.4
BEFORE_S, AFTER_S = 300.0, 480.0


@pytest.fixture(scope="module")
def ava():
    return compile_race(race_from_data(club_dnf_data(target={"time": "9:20.00"})), "ava-reid")


def _texts(widget: QWidget) -> list[str]:
    return [w.text() for w in widget.findChildren(LiveText)]


def test_view_follow_lists_her_and_following_her_works(qtbot, settings):
    ensure_app()
    win = MainWindow(compile_race(race_from_data(club_dnf_data())), settings, theme="dark")
    qtbot.addWidget(win)
    actions = win.menus["follow"].actions()
    assert [(a.text(), a.isEnabled(), a.isCheckable()) for a in actions] == [
        ("Mia Cole", True, True),
        ("Zoe Hart", True, True),
        ("Ava Reid (did not finish)", True, True),
    ]
    assert "2000 m" in actions[2].toolTip()
    actions[2].trigger()
    assert win.replay.ids[win.replay.focus] == "ava-reid"
    assert "following Ava Reid" in win.windowTitle()
    assert [a.isChecked() for a in win.menus["follow"].actions()] == [False, False, True]


def test_with_one_finisher_she_can_be_chosen(qtbot, settings):
    data = club_dnf_data()
    data["athletes"] = [a for a in data["athletes"] if a["id"] != "zoe-hart"]
    ensure_app()
    win = MainWindow(compile_race(race_from_data(data)), settings, theme="dark")
    qtbot.addWidget(win)
    menu = win.menus["follow"]
    assert menu.isEnabled()
    assert [(a.text(), a.isEnabled()) for a in menu.actions()] == [
        ("Mia Cole", True),
        ("Ava Reid (did not finish)", True),
    ]


def test_before_she_stops_the_panel_is_as_for_a_finisher(qtbot, ava):
    panel = shown_panel(qtbot, ava)
    panel.update_frame(BEFORE_S)
    assert panel.gap.projected_caption.text() == "PROJECTED"
    assert panel.gap.projected.text()[0].isdigit()
    assert panel.lap_split.lap_name.text() == "LAP 4 SO FAR"


def test_once_she_stops_the_gap_is_held_and_the_projection_says_dnf(qtbot, ava):
    panel = shown_panel(qtbot, ava)
    for t in (STOP_S, AFTER_S, ava.race_end_s):
        panel.update_frame(t)
        gap = panel.gap
        assert gap.gap_text() == "+17.07 s"
        assert (gap.metres.text(), gap.metres_caption.text()) == ("91.4 m", "at 6:30.40")
        assert (gap.projected_caption.text(), gap.projected.text()) == (
            "STOPPED",
            "DNF · 2000 m",
        )
        assert gap.versus.text() == ""
        split = panel.lap_split
        assert (split.lap_name.text(), split.lap_time.text(), split.lap_delta.text()) == (
            "DNF · 2000 m",
            "6:30.40",
            "+17.07 s",
        )
        assert (split.last_name.text(), split.last_time.text()) == (
            "LAST 200 m  est.",  # from 1800 m, between her splits at 1000 m and 2000 m
            "42.59 s",
        )
        assert not any("nan" in text.lower() for text in _texts(panel))


def test_without_a_target_the_stopped_line_says_when(qtbot):
    replay = compile_race(race_from_data(club_dnf_data()), "ava-reid")
    panel = shown_panel(qtbot, replay)
    panel.update_frame(AFTER_S)
    gap = panel.gap
    assert [gap.projected_caption.text(), gap.projected.text(), gap.versus.text()] == [
        "STOPPED",
        "DNF · 2000 m",
        "at 6:30.40",
    ]
    assert panel.lap_split.lap_delta.text() == ""


def test_her_tables_end_where_she_stopped(qtbot, ava):
    panel = shown_panel(qtbot, ava)
    panel.update_frame(AFTER_S)
    laps = panel.splits.laps_model
    assert laps.labels()[-2:] == ["4 · 1800 m", "DNF · 2000 m"]
    assert laps.column_texts(1)[-1] == "6:30.40"
    assert panel.splits.splits_model.labels()[-2:] == ["1800", "DNF 2000"]
    assert panel.splits.timed_model.labels() == ["1000", "DNF 2000"]
    for model in (laps, panel.splits.splits_model, panel.splits.timed_model):
        for column in range(1, 5):
            assert not any("nan" in text.lower() for text in model.column_texts(column))


def test_the_field_card_highlights_her_row(qtbot, ava):
    panel = shown_panel(qtbot, ava)
    panel.update_frame(AFTER_S)
    rows = panel.field.list.rows()
    mine = [r for r in rows if r.followed]
    assert [(r.name, r.value, r.out) for r in mine] == [("Ava Reid", "DNF · 2000 m", True)]


def test_the_scoreboard_holds_when_and_says_where_she_stopped(ava):
    before = race_status(ava, ava.state_at(BEFORE_S))
    assert before.lap_text == "Lap 4 of 7" and before.clock == "5:00.00"
    for t in (STOP_S, AFTER_S, ava.race_end_s):
        status = race_status(ava, ava.state_at(t))
        assert status.clock == "6:30.40"
        assert (status.lap_text, status.lap_detail) == ("Did not finish", "")
        assert status.distance_text == "Stopped at 2,000 m of 3,000 m"
        assert not status.finished
        assert status.target_gap.text() == "+17.07 s"


def test_a_compared_runner_s_gap_is_held_where_she_stopped(ava):
    other = compile_race(race_from_data(club_dnf_data(title="Heat")))
    at_stop = race_status(ava, ava.state_at(STOP_S), other).compare_gap
    later = race_status(ava, ava.state_at(AFTER_S), other).compare_gap
    assert later.seconds == pytest.approx(at_stop.seconds)
    assert later.metres == pytest.approx(at_stop.metres)


def test_her_tags_say_dnf_once_she_stops(qapp, ava):
    assert "Ava Reid" in _tags_at(ava, BEFORE_S)
    late = _tags_at(ava, AFTER_S)
    assert "Ava Reid · DNF" in late and "Ava Reid" not in late


def test_no_gap_arc_once_she_has_stopped(qapp, ava):
    scene = ReplayScene(ava, DARK, panel=False)
    try:
        scene.render_image(BEFORE_S, (1280, 720))
        assert scene.track.gap_mid is not None
        scene.render_image(AFTER_S, (1280, 720))
        assert scene.track.gap_mid is None
    finally:
        scene.close()


def test_the_pocket_cam_tags_her_dnf_once_she_stops(qapp, ava, monkeypatch):
    named = spy_pocket_tags(monkeypatch)
    scene = ReplayScene(ava, DARK, panel=False)
    try:
        scene.render_image(BEFORE_S, (1920, 1080))
        assert named[-1][0] == "Reid"
        scene.render_image(AFTER_S, (1920, 1080))
        assert named[-1][0] == "Reid · DNF"
    finally:
        scene.close()


def test_the_end_card_says_dnf_and_where_not_a_time(ava):
    card = end_text(ava)
    assert (card.kicker, card.headline) == ("AVA REID", "DNF")
    assert card.lines == (
        "Stopped at 2000 m, 6:30.40",
        "17.07 s behind the 9:20.00 target at the stop",
        "Mia Cole  9:14.55",
        "Zoe Hart  9:31.02",
        "Club 3000",
    )
    assert end_text(ava, end_s=ava.race_end_s) == card
    assert end_text(ava, end_s=AFTER_S) == card


def test_a_clip_ending_before_she_stops_ends_on_where_it_left_her(ava):
    card = end_text(ava, end_s=BEFORE_S)
    assert card.kicker == "AVA REID  ·  CLIP ENDS" and card.headline == "5:00.00"


def test_the_title_card_names_her(ava):
    assert title_text(ava).lines[0] == "Ava Reid  ·  3000 m"


def test_a_finisher_s_end_card_lists_her_dnf_as_before(ava):
    lines = end_text(ava.following("mia-cole")).lines
    assert "Ava Reid  DNF (2000 m)" in lines


def test_export_follows_her_to_an_end_card(tmp_path, capsys):
    from racegui.cli import main
    from tests.helpers_race import write_json

    race = write_json(tmp_path / "club.json", club_dnf_data(target={"time": "9:20.00"}))
    out = tmp_path / "clip_%04d.png"
    argv = ["export", str(race), "--follow", "Ava Reid", "-o", str(out), "--from", "9:30"]
    code = main([*argv, "--fps", "1", "--end-card", "1", "--size", "360p", "--quiet"])
    assert code == 0, capsys.readouterr().err
    assert len(list(tmp_path.glob("clip_*.png"))) == 3


def test_her_tables_do_not_give_her_stop_away_before_she_stops(qtbot, ava):
    """Reviewer: the 200 m and Timed tabs said "DNF 2000" before she stopped. Until she
    stops each tab reads as a finisher's, to the finish, rows ahead of her dimmed "—"; her
    own rows, ending at "DNF 2000", from the moment she stops."""
    panel = shown_panel(qtbot, ava)
    splits = panel.splits
    panel.update_frame(BEFORE_S)
    laps, two, timed = splits.laps_model, splits.splits_model, splits.timed_model
    assert laps.labels()[-3:] == ["5 · 2200 m", "6 · 2600 m", "7 · 3000 m"]
    assert two.labels()[-3:] == ["2600", "2800", "Finish"]
    assert timed.labels() == ["1000", "2000", "Finish"]
    for model in (laps, two, timed):
        assert not any("DNF" in label for label in model.labels())
        last = model.index(model.rowCount() - 1, 1)
        assert model.data(last) == "—"
        assert "jump" not in model.data(last, Qt.ItemDataRole.ToolTipRole)
    panel.update_frame(STOP_S - 0.01)
    assert not any("DNF" in label for label in two.labels() + timed.labels() + laps.labels())
    panel.update_frame(STOP_S)
    assert two.labels()[-1] == "DNF 2000" and timed.labels()[-1] == "DNF 2000"
    assert laps.labels()[-1] == "DNF · 2000 m" and two.rowCount() == 10
    assert two.data(two.index(9, 1)) == "6:30.40"
    panel.update_frame(BEFORE_S)  # back again: the finisher's table
    assert two.labels()[-1] == "Finish" and two.rowCount() == 15


def test_a_finisher_s_tables_are_as_before(qtbot, ava):
    panel = shown_panel(qtbot, ava.following("mia-cole"))
    for t in (BEFORE_S, AFTER_S):
        panel.update_frame(t)
        assert panel.splits.splits_model.labels()[-1] == "Finish"
        assert panel.splits.laps_model.labels()[-1] == "7 · 3000 m"


def test_the_pocket_cam_holds_her_gap_to_the_target_once_she_stops(qapp, ava, monkeypatch):
    """Reviewer: once she stopped, the pocket cam's target chip kept growing ("light +400 m
    ahead") while the gap card held her gap. From her stop it holds that gap too, said so,
    without an arrow (the target has run on); before, the live chip as for any runner."""
    import racegui.ui.pocket_cam as pocket_cam
    from racegui.ui.pocket_paint import _chip_texts

    chips: list[tuple[float, bool]] = []
    paint = pocket_cam.paint_light_chip

    def spy(p, rect, style, gap_m, y, colour, words=("light",), held=False):
        chips.append((round(gap_m, 1), held))
        return paint(p, rect, style, gap_m, y, colour, words, held)

    monkeypatch.setattr(pocket_cam, "paint_light_chip", spy)
    scene = ReplayScene(ava, DARK, panel=False)
    try:
        scene.render_image(BEFORE_S, (1920, 1080))
        assert chips and not chips[-1][1]
        seen = []
        for t in (STOP_S + 1.0, AFTER_S, 520.0):
            scene.render_image(t, (1920, 1080))
            seen.append(chips[-1])
    finally:
        scene.close()
    assert seen == [(91.4, True)] * 3  # the gap card's 91.4 m
    assert _chip_texts(("target",), 91.4, held=True)[0] == "target 91.4 m ahead at the stop"


def test_a_finisher_s_pocket_cam_chip_is_live_as_before(qapp, ava, monkeypatch):
    import racegui.ui.pocket_cam as pocket_cam

    gaps: list[tuple[float, bool]] = []
    paint = pocket_cam.paint_light_chip

    def spy(p, rect, style, gap_m, y, colour, words=("light",), held=False):
        gaps.append((gap_m, held))
        return paint(p, rect, style, gap_m, y, colour, words, held)

    monkeypatch.setattr(pocket_cam, "paint_light_chip", spy)
    zoe = ava.following("zoe-hart")
    scene = ReplayScene(zoe, DARK, panel=False)
    try:
        for t in (AFTER_S, 520.0):
            scene.render_image(t, (1920, 1080))
    finally:
        scene.close()
    state = zoe.state_at(520.0)
    live = float(state.distance_m[zoe.target] - state.distance_m[zoe.focus])
    assert not gaps[-1][1] and gaps[-1][0] == pytest.approx(live)


def test_her_pace_chart_runs_the_whole_race_and_marks_where_she_stopped(qtbot, ava):
    """Reviewer: the pace chart's lap lines and names, and the target's line, ended at her
    stop (2000 m) while its axis ran to 3000 m. They now run to the finish as a
    finisher's, and once she has stopped a "DNF 2000 m" mark stands at 2000 m."""
    panel = shown_panel(qtbot, ava)
    chart = panel.chart
    names = [t.textItem.toPlainText() for t in chart._lap_texts]
    assert names[-2:] == ["L6", "L7"]
    assert [line.value() for line in chart._lap_lines][-2:] == [2200.0, 2600.0]
    target_m = chart.target_curve.getData()[0]
    assert target_m[-1] == pytest.approx(3000.0)
    panel.update_frame(BEFORE_S)
    assert not chart.stop_line.isVisible() and not chart.stop_text.isVisible()
    panel.update_frame(AFTER_S)
    assert chart.stop_line.isVisible() and chart.stop_line.value() == 2000.0
    assert chart.stop_text.isVisible() and chart.stop_text.textItem.toPlainText() == "DNF 2000 m"
    panel.update_frame(BEFORE_S)
    assert not chart.stop_text.isVisible()


def test_a_finisher_s_pace_chart_has_no_stop_mark(qtbot, ava):
    panel = shown_panel(qtbot, ava.following("mia-cole"))
    panel.update_frame(AFTER_S)
    assert not panel.chart.stop_line.isVisible() and not panel.chart.stop_text.isVisible()
    assert [t.textItem.toPlainText() for t in panel.chart._lap_texts][-1] == "L7"


@pytest.mark.parametrize("size", [(540, 960), (720, 1280), (1280, 720), (1920, 1080)])
def test_the_held_chip_stays_whole_under_the_title_and_her_tag_keeps_a_row(
    qapp, ava, monkeypatch, size
):
    """At 540x960 the held chip ran off the inset's left edge ("arget 37.5 m ahead when she
    stopped") over the POCKET CAM title and the scale bar (diff review)."""
    import racegui.ui.pocket_cam as pocket_cam

    seen: dict[str, object] = {}
    paint_chip, paint_chrome = pocket_cam.paint_light_chip, pocket_cam.paint_chrome

    def chip_spy(p, rect, *args, **kwargs):
        seen["rect"], seen["chip"] = QRectF(rect), paint_chip(p, rect, *args, **kwargs)
        return seen["chip"]

    def chrome_spy(*args, **kwargs):
        seen["chrome"] = paint_chrome(*args, **kwargs)
        return seen["chrome"]

    monkeypatch.setattr(pocket_cam, "paint_light_chip", chip_spy)
    monkeypatch.setattr(pocket_cam, "paint_chrome", chrome_spy)
    from racegui.export.scene_source import SceneFrameSource
    from racegui.ui.pocket_tags import TagPainter

    paint_tags = TagPainter.paint

    def tags_spy(painter, p, placed):
        seen["tags"] = [tag.text for tag, _ in placed]
        return paint_tags(painter, p, placed)

    monkeypatch.setattr(TagPainter, "paint", tags_spy)

    source = SceneFrameSource(ava, DARK, size)  # laid out as an export is
    try:
        source.frame_at(AFTER_S)
    finally:
        source.close()
    rect, chip = seen["rect"], seen["chip"]
    assert rect.contains(chip)
    title, scale = seen["chrome"][:2]
    assert chip.top() >= max(title.bottom(), scale.bottom())
    assert "Reid · DNF" in seen["tags"]  # her tag, below her where the chip took the row


def test_the_title_card_names_the_other_runners(ava):
    """A race of several runners: its card had named only the one followed (coach's
    review)."""
    assert title_text(ava).lines[1] == "With Mia Cole and Zoe Hart"
    assert title_text(ava.following("zoe-hart")).lines[1] == "With Mia Cole and Ava Reid"
