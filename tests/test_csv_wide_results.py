"""A results service's wide sheet ("Pos,Bib,Athlete,Country,300m,700m,1100m,Result") is
read as a coach's is: the columns a race file can hold are read, a result is the finish
time, DNF marks are no time, and each problem is named at its cell (federation analyst's
review, R7)."""

from racegui.cli import main

WIDE = """Athlete,300,700,1100,1500
Ann Lee,47.40,1:50.20,2:53.55,3:54.37
Bea Moss,47.90,1:51.00,2:55.35,3:58.08
"""


def _write(tmp_path, text: str, name: str = "wide1500.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _refused(tmp_path, text: str, capsys, name: str = "wide1500.csv") -> str:
    """The one line racegui validate says of a bad sheet (exit 2)."""
    path = _write(tmp_path, text, name)
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Traceback" not in err[0]
    return err[0].replace(f"{path}: ", f"{path.name}: ", 1)


def test_an_impossible_speed_names_its_cell_and_distance(tmp_path, capsys):
    line = _refused(tmp_path, WIDE.replace("2:53.55", "1:52.20"), capsys)
    assert line == (
        "wide1500.csv: line 2, column 4 (1100 m): 200.0 m/s from the previous split is "
        "faster than any human runs"
    )
