"""An export's side panel fits every card in its height (reviewer R8: a 5000 m's twelve field
rows pushed the pace card out of a square video; a long name's two header lines and a
comparison's note pushed the pacers card out of a 720p presentation export)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from racegui.export.scene_source import SceneFrameSource  # noqa: E402
from racegui.model.follow import following_named  # noqa: E402
from racegui.resources_path import demo_race_path  # noqa: E402
from racegui.ui.loading import load_replay  # noqa: E402
from racegui.ui.panel.side_panel import SidePanel  # noqa: E402
from racegui.ui.theme import DARK  # noqa: E402
from tests.helpers_race import demo_data, write_json  # noqa: E402

LONG_NAME = "Maria Guadalupe Fernández-Castellanos de la Vega"


def _5000m_of_twelve(path, pacers: int = 0):
    """Twelve runners over 5000 m with splits every 1000 m and no pacers (R8's rs4), or
    `pacers` pacers who step off at 2000 m, 3000 m, ..."""
    runners = []
    for k in range(pacers):
        splits = [{"distance_m": 1000 * j, "time": 158.0 * j} for j in range(1, 3 + k)]
        runners.append({"id": f"p{k}", "name": f"Pacer {k}", "role": "pacer", "splits": splits})
    for k in range(12):
        lap_s = 160.0 + 2.0 * k  # each 1000 m
        runners.append(
            {
                "id": f"r{k}",
                "name": f"Runner {chr(65 + k)}",
                "role": "runner",
                "splits": [{"distance_m": 1000 * j, "time": lap_s * j} for j in range(1, 6)],
            }
        )
    data = {"format": "racegui/1", "title": "rs4", "distance_m": 5000, "athletes": runners}
    return load_replay(write_json(path / "rs4.json", data))


def _long_name_mile(path):
    """The 2023 world record mile with a runner of a long name beside Kipyegon (R8's
    longname.json), followed."""
    data = demo_data("kipyegon-wr-2023.json")
    data["title"] = "Meeting International de Monaco Herculis EBS Diamond League Women Mile Final"
    splits = (("400", "61.9"), ("800", "2:04.0"), ("1200", "3:06.9"), ("1609.344", "4:11.50"))
    data["athletes"].insert(
        1,
        {
            "id": "mg",
            "name": LONG_NAME,
            "role": "runner",
            "colour": "#ffaa00",
            "splits": [{"distance_m": float(d), "time": t} for d, t in splits],
        },
    )
    return following_named(load_replay(write_json(path / "longname.json", data)), "mg")


def _cards_outside(panel: SidePanel) -> list[str]:
    """The panel's shown cards whose bottom lies below the panel's own."""
    cards = ("header", "gap", "field", "pace_card", "splits", "pacers")
    shown = [(name, getattr(panel, name)) for name in cards]
    return [
        f"{name} ends at {card.geometry().bottom()} px of {panel.height()}"
        for name, card in shown
        if not card.isHidden() and card.geometry().bottom() >= panel.height()
    ]


@pytest.mark.parametrize("presentation", [False, True])
def test_a_square_export_s_twelve_field_rows_take_the_column_the_splits_leave(
    qapp, tmp_path, presentation
):
    """R8's rs4 in a square video: the field keeps all twelve rows in the left column under
    the gap card, pace over splits beside it, nothing cut. The field had shared its column
    with the pace card: 7 rows ("+ 5 more") beside splits with 268 px empty under them
    (--presentation), 4 rows ("+ 8 more") beside every lap without."""
    src = SceneFrameSource(
        _5000m_of_twelve(tmp_path), DARK, (1080, 1080), presentation=presentation
    )
    try:
        src.frame_at(810.0)
        panel = src.scene.panel
        assert _cards_outside(panel) == []
        field, pace, splits = panel.field, panel.pace_card, panel.splits
        assert len(field.shown_texts()) == 12 and field.list.more_text() == ""
        assert pace.x() == splits.x() > field.geometry().right() and pace.y() < splits.y()
        assert splits.view.rows_in_view() >= 6  # the current lap and the five before it
        # Neither column is left with a row's height empty beside a cut card.
        assert panel.height() - splits.geometry().bottom() < field.list.row_pitch()
    finally:
        src.close()


def test_twelve_field_rows_beside_splits_and_pacers_give_way_until_every_card_fits(qapp, tmp_path):
    """With three pacers the field keeps the pace card's column and gives rows to it: 11 rows
    and the "+ 1 more" line are as tall as 12, so two or more, not none; the splits beside
    it give way too. The field had stopped at 9 rows while the splits were the taller column,
    the splits at 8 once the field's was, and the pace and pacers cards were cut by 51 px."""
    src = SceneFrameSource(_5000m_of_twelve(tmp_path, pacers=3), DARK, (1080, 1080))
    try:
        src.frame_at(400.0)
        panel = src.scene.panel
        assert _cards_outside(panel) == []
        field = panel.field
        assert 3 <= len(field.shown_texts()) < 11
        assert field.list.more_text().startswith(f"+ {12 - len(field.shown_texts())} more")
    finally:
        src.close()


@pytest.mark.parametrize("compare", [False, True])
def test_a_presentation_export_of_a_long_name_keeps_the_pacers_card(qapp, tmp_path, compare):
    """720p presentation, a two-line title and a field card: the chart and then the laps give
    way (the current lap kept), and with a comparison its note; no card is cut."""
    other = load_replay(demo_race_path("kipyegon-wr-2023.json")) if compare else None
    src = SceneFrameSource(
        _long_name_mile(tmp_path), DARK, (1280, 720), compare=other, presentation=True
    )
    try:
        src.frame_at(120.0)
        panel = src.scene.panel
        assert _cards_outside(panel) == []
        assert not panel.pacers.isHidden()
        assert panel.splits.view.height() >= panel.splits.view.sizeHint().height()
        # She did not run in 2023: the note says whom it compares, where there is room.
        assert bool(panel.splits.compare_note.texts) == compare
    finally:
        src.close()
