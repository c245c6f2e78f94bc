"""An athlete CSV (athlete, distance_m, time) with a title above its header ("Breaking4
splits", "Race: ..." lines) is read as a lap CSV with one is: the lines above the header are
left out. It had been refused with "line 1: missing column(s) athlete, distance_m, time"."""

import pytest

from racegui.cli import main
from racegui.io.errors import RaceFileError
from racegui.io.splits_csv import read_splits_csv

BODY = """athlete,distance_m,time
faith-kipyegon,400,60.20
faith-kipyegon,800,2:00.75
faith-kipyegon,1200,3:01.84
faith-kipyegon,1609.344,4:06.42
pacer-1,400,60.10
pacer-1,800,2:00.60
"""
TIMES = [60.2, 120.75, 181.84, 246.42]


def _write(tmp_path, text: str, name: str = "breaking4.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def _times(race):
    return [s.time_s for s in race.focus.splits]


@pytest.mark.parametrize(
    "above",
    [
        "Breaking4 splits\n",
        "Breaking4 splits\r\n\r\n",
        "Race: Breaking4, Stade Charlety, Paris\nRace: 2025-06-26; 1 mile\n",
        '"Breaking4" splits, "unofficial\n',  # a quote never closed, in the title alone
        "\n\n",
    ],
)
def test_lines_above_the_header_are_left_out(tmp_path, above):
    race = read_splits_csv(_write(tmp_path, above + BODY))
    assert race.focus.id == "faith-kipyegon" and _times(race) == TIMES
    assert race.athlete("pacer-1").role == "pacer"
    assert race.distance_m == pytest.approx(1609.344)


def test_the_header_s_own_separator_and_decimal_commas_are_read(tmp_path):
    """The title has commas, the header semicolons: the header's separator is the file's."""
    body = BODY.replace(",", ";").replace("60.20", "60,20").replace("2:00.75", "2:00,75")
    race = read_splits_csv(_write(tmp_path, "Breaking4, Paris, 2025\n" + body))
    assert _times(race) == TIMES


def test_a_bad_file_below_a_title_is_named_at_its_line_in_the_file(tmp_path):
    """A bad row's line is the file's; a title with no header below it is refused at line 1."""
    text = "Breaking4 splits\nRace: Paris\n" + BODY.replace("3:01.84", "3:0x.84")
    path = _write(tmp_path, text)
    with pytest.raises(RaceFileError) as info:
        read_splits_csv(path)
    assert info.value.lines() == [
        f"{path}: line 6, column 3: '3:0x.84' is not a time (use seconds, m:ss.xx or h:mm:ss.xx)"
    ]
    later = _write(tmp_path, "Title\n" + BODY.replace("3:01.84", "1:59.00"), "later.csv")
    with pytest.raises(RaceFileError) as info:  # a time before the one above it: both lines
        read_splits_csv(later)
    [line] = info.value.lines()
    assert line.startswith(f"{later}: line 5, column 3: times of faith-kipyegon must increase")
    assert line.endswith("(line 4)")
    headless = _write(tmp_path, "Breaking4 splits\n" + BODY.partition("\n")[2], "headless.csv")
    with pytest.raises(RaceFileError) as info:
        read_splits_csv(headless)
    [line] = info.value.lines()
    assert line.startswith(f"{headless}: line 1: missing column(s) athlete, distance_m, time; ")


def test_validate_info_and_import_read_it_and_leave_it_as_it_is(tmp_path, capsys):
    path = _write(tmp_path, "Breaking4 splits\n" + BODY)
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out.startswith(f'{path}: ok ("Breaking4 splits", 2 athletes)\n')
    assert main(["info", str(path), "--title", "Breaking4"]) == 0
    assert capsys.readouterr().out.startswith("Breaking4\nDistance 1609.34 m")
    out = tmp_path / "race.json"
    assert main(["import", str(path), "-o", str(out)]) == 0
    assert out.exists()
    assert path.read_bytes() == ("Breaking4 splits\n" + BODY).encode("utf-8")


def test_a_header_below_a_title_with_no_rows_is_named_at_the_line_after_it(tmp_path):
    """'no splits after the header' had named line 2, the header itself, below a title."""
    path = _write(tmp_path, "Breaking4 splits\nathlete,distance_m,time\n")
    with pytest.raises(RaceFileError) as info:
        read_splits_csv(path)
    assert str(info.value) == f"{path}: line 3: no splits after the header"
