"""What racegui tells a user (notes, refusals, the schema's descriptions) names the runner or
says "the runner", never "her" or "she": men run too ("Tom's run is shown as timed", not "her
run"). Docstrings and comments may say "she"; they are for readers of the code."""

import ast
import re
from pathlib import Path

import racegui

GENDERED = re.compile(r"\b(she|her|hers|herself|he|him|his|himself)\b", re.IGNORECASE)


def _user_strings(path: Path) -> list[tuple[int, str]]:
    """String constants (f-strings' parts too) in path that are not docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bare = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in bare
    ]


def test_no_user_facing_string_says_her_or_she():
    root = Path(racegui.__file__).parent
    found = [
        f"{path.relative_to(root)}:{line}: {text!r}"
        for path in sorted(root.rglob("*.py"))
        for line, text in _user_strings(path)
        if GENDERED.search(text)
    ]
    assert found == []


def test_a_time_for_the_lap_a_man_is_marked_on_names_the_mark_not_her_mark(tmp_path, capsys):
    """Had been "Tom has a time for lap 2, the lap of her 'DQ' ..."."""
    from racegui.cli import main

    path = tmp_path / "laps.csv"
    path.write_text(
        "Athlete,Lap,Lap Time,Total Time\n"
        "Sam,1,52.1,52.1\nSam,2,1:05.2,1:57.3\nSam,3,1:06.0,3:03.3\nSam,4,1:02.5,4:05.8\n"
        "Tom,1,53.0,53.0\nTom,2,DQ,\nTom,2,1:05.1,1:58.1\n",
        encoding="utf-8",
    )
    assert main(["validate", str(path), "--distance", "1500"]) == 2
    assert capsys.readouterr().err.strip() == (
        f"{path}: line 8: Tom has a time for lap 2, the lap of the 'DQ' at lap 2 (line 7): "
        "leave out the laps not run"
    )
