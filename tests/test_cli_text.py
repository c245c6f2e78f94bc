"""Name columns of racegui info and state line up whatever the script of the names."""

from __future__ import annotations

from racegui.cli_text import cell, count, display_width, name_width, outcome


def test_wide_and_combining_characters_take_their_terminal_width():
    assert display_width("Faith") == 5
    assert display_width("李娜") == 4  # two columns each
    assert display_width("Se\u0301bastien") == 9  # a combining accent takes none


def test_cells_line_up_across_scripts():
    """len() padded "李娜" two columns short: the next column started two places right."""
    names = ["Faith Kipyegon", "李娜", "Se\u0301bastien"]
    width = name_width(names)
    assert width == 14
    assert {display_width(cell(n, width)) for n in names} == {14}


def test_a_cut_keeps_the_width_and_whole_letters():
    assert cell("李娜李娜李娜", 6) == "李娜… "  # a wide character is never half cut
    assert cell("abcde\u0301fg", 6) == "abcde\u0301…"  # the accent stays with its e
    assert cell("Previous world record 4:12.33", 12) == "Previous wo…"


def test_count_and_outcome_words():
    assert count(1, "athlete") == "1 athlete" and count(2, "athlete") == "2 athletes"
    assert outcome(246.42, None) == "finished 4:06.42"
    assert outcome(None, 780.0, 117.91) == "dropped out at 780 m, 1:57.91"
    assert outcome(None, 780.0) == "dropped out at 780 m"
    assert outcome(None, None) == ""
