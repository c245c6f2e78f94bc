"""racegui state's place column gives a runner out of the placings her mark, as info does:
"DQ" for one disqualified (where she stopped, or once she has finished), "DNF" for one who
stopped short. The column had been blank for them."""

from racegui.cli import main
from tests.helpers_race import club_dnf_data, club_dq_data, write_json


def _table(capsys, path, time: str) -> dict[str, str]:
    """state's table rows at time, by runner name: the text before the name."""
    assert main(["state", str(path), "--time", time]) == 0
    out = capsys.readouterr().out
    found = {}
    for line in out.splitlines()[3:]:
        for name in ("Mia Cole", "Zoe Hart", "Ava Reid"):
            if f"  {name}  " in line:
                found[name] = line[: line.index(name)]
    return found


def test_state_writes_dq_where_info_does(capsys, tmp_path):
    """Club 3000: Mia Cole finishes first (9:14.55) but is disqualified; Ava Reid stops at
    2000 m (6:30.40), dnf and dq."""
    path = write_json(tmp_path / "club-dq.json", club_dq_data())
    assert _table(capsys, path, "5:00") == {  # all three running: placed
        "Mia Cole": "   1  ",
        "Zoe Hart": "   2  ",
        "Ava Reid": "   3  ",
    }
    assert _table(capsys, path, "8:00") == {
        "Mia Cole": "   1  ",
        "Zoe Hart": "   2  ",
        "Ava Reid": "  DQ  ",
    }
    assert _table(capsys, path, "9:20") == {  # Mia has finished, disqualified
        "Zoe Hart": "   1  ",
        "Mia Cole": "  DQ  ",
        "Ava Reid": "  DQ  ",
    }
    assert main(["info", str(path)]) == 0
    info = capsys.readouterr().out
    assert [line.split()[0] for line in info.splitlines() if "  Mia Cole  " in line] == ["DQ"]


def test_state_writes_dnf_and_keeps_the_columns_lined_up(capsys, tmp_path):
    path = write_json(tmp_path / "club-dnf.json", club_dnf_data())
    assert _table(capsys, path, "8:00") == {
        "Mia Cole": "    1  ",
        "Zoe Hart": "    2  ",
        "Ava Reid": "  DNF  ",
    }
