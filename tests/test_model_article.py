"""The article before a figure is the one it is said with: "an 800 m", "a 1500 m"."""

import pytest

from racegui.model.article import with_article


@pytest.mark.parametrize(
    ("phrase", "said"),
    [
        ("800 m race", "an 800 m race"),
        ("8.5 m part lap", "an 8.5 m part lap"),
        ("80 m part lap", "an 80 m part lap"),
        ("11 m part lap", "an 11 m part lap"),
        ("18 m part lap", "an 18 m part lap"),
        ("11000 m race", "an 11000 m race"),
        ("1500 m race", "a 1500 m race"),
        ("110 m part lap", "a 110 m part lap"),
        ("1800 m race", "a 1800 m race"),
        ("200 m part lap", "a 200 m part lap"),
        ("9.34 m part lap", "a 9.34 m part lap"),
        ("800x600 GIF", "an 800x600 GIF"),
        ("1920x1080 GIF", "a 1920x1080 GIF"),
        ("indoor track", "an indoor track"),
        ("runner", "a runner"),
    ],
)
def test_the_article_is_the_one_the_phrase_is_said_with(phrase, said):
    assert with_article(phrase) == said


def test_an_800_m_race_s_result_column_note_says_an(tmp_path):
    from racegui.io.splits_csv import read_splits_csv

    path = tmp_path / "rs3.csv"
    path.write_text("Athlete,200,400,600,Final\nAna,27.10,56.90,1:27.20,1:58.40\n", "utf-8")
    assert "finish times of an 800 m race," in read_splits_csv(path).notes[0]


def test_a_part_lap_of_80_m_says_an():
    from racegui.io.laps import laps_text

    assert laps_text(880) == "3 laps (an 80 m part lap, then 2 × 400 m)"


def test_a_gif_of_800_px_wide_too_big_says_an():
    from racegui.export.options import GIF_MAX_PIXEL_FRAMES, ExportOptionsError, check_gif_budget

    with pytest.raises(ExportOptionsError, match=r"^An 800x600 GIF of \d+ frames is too big"):
        check_gif_budget(GIF_MAX_PIXEL_FRAMES // (800 * 600) + 1, (800, 600))
