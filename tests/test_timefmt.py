"""Race times as people read them."""

from racegui.model.timefmt import format_time, format_times_apart


def test_format_time_under_and_over_a_minute():
    assert format_time(59.996) == "1:00.00"
    assert format_time(246.42) == "4:06.42"
    assert format_time(10.0) == "10.00"


def test_two_different_times_never_read_the_same():
    assert format_times_apart(246.42, 240.0) == ("4:06.42", "4:00.00")
    assert format_times_apart(250.5745, 250.574) == ("4:10.575", "4:10.574")  # half up
    assert format_times_apart(250.5744, 250.574) == ("4:10.5744", "4:10.5740")
    assert format_times_apart(10.004, 10.001) == ("10.004", "10.001")
    assert format_times_apart(30.0, 30.0) == ("30.00", "30.00")


def test_a_difference_that_rounds_to_zero_has_no_sign():
    """'-0.00' showed in the lap summary when she was a few thousandths ahead."""
    from racegui.model.timefmt import format_delta

    assert format_delta(-0.004) == "0.00" and format_delta(0.004) == "0.00"
    assert format_delta(-0.006) == "-0.01" and format_delta(0.35) == "+0.35"
    assert format_delta(-0.04, 1) == "0.0" and format_delta(-72.5) == "-1:12.50"


def test_the_end_as_shown_is_within_the_end_even_on_half_a_hundredth():
    """format_time shows 200.015 s as 3:20.02; within_end rounded it to 3:20.01 and refused
    '3:20.02 is after the replay ends (3:20.015)' (found in review)."""
    from racegui.model.timefmt import parse_time, within_end

    for end in (200.015, 235.7285, 246.42, 250.57):
        kept = within_end(parse_time(format_time(end)), end)
        assert kept is not None and kept <= end, end
        assert within_end(parse_time(format_time(end)) + 0.01, end) is None


def test_level_is_one_rule_for_the_text_and_its_colour():
    from racegui.model.timefmt import format_delta
    from racegui.ui.panel.style import LEVEL, kind_of

    for delta in (0.005, -0.005, 0.0049, 0.0051, -0.0051):
        assert (format_delta(delta) == "0.00") == (kind_of(delta) == LEVEL), delta


def test_a_label_with_a_decimal_comma_names_its_time():
    from racegui.model.timefmt import label_names_time

    assert label_names_time("Record 4:12,33", 252.334)  # read to 7 decimals before
    assert not label_names_time("Record 4:12,33", 252.35)


def test_times_as_written_are_read():
    from racegui.model.timefmt import parse_time

    for text, seconds in [
        ("4:06.42", 246.42),
        ("1:02:03.4", 3723.4),
        ("59.7", 59.7),
        ("60", 60.0),
        ("04:06,42", 246.42),
        ("99:00", 5940.0),
    ]:
        assert parse_time(text) == seconds, text


def test_a_time_cut_short_is_refused_not_read_as_another_time():
    """'4:0' (a file cut off inside 4:06.42) was read as 4:00.00, and '2:5' as 2:05.00."""
    import pytest

    from racegui.model.timefmt import TimeFormatError, parse_time

    for text, why in [
        ("4:0", """'4:0': seconds after ":" need two digits (m:ss.xx)"""),
        ("2:5", """'2:5': seconds after ":" need two digits (m:ss.xx)"""),
        ("4:006.42", """'4:006.42': seconds after ":" need two digits (m:ss.xx)"""),
        ("1:02:3.4", """'1:02:3.4': seconds after ":" need two digits (h:mm:ss.xx)"""),
        ("1:2:03", """'1:2:03': minutes after hours need two digits (h:mm:ss.xx)"""),
    ]:
        with pytest.raises(TimeFormatError) as info:
            parse_time(text)
        assert str(info.value) == why


def test_a_time_longer_than_any_race_is_refused():
    import pytest

    from racegui.model.timefmt import MAX_TIME_S, TimeFormatError, parse_time

    assert parse_time("100:00:00") == MAX_TIME_S == 360_000
    for value in (1e308, 360_000.5, "100:00:01", "9" * 30):
        with pytest.raises(TimeFormatError, match="longer than any race"):
            parse_time(value)


def test_a_time_just_too_long_is_named_as_given():
    """360000.5 s was named "360000 s", a time that is allowed (diff review)."""
    import pytest

    from racegui.model.timefmt import TimeFormatError, parse_time

    with pytest.raises(TimeFormatError, match=r"^360000\.5 s is longer"):
        parse_time(360_000.5)


def test_a_half_rounds_up_as_the_time_is_written():
    """round() took 237.05 s (2370.4999999999995 tenths) to 3:57.0, beside "+1.1 vs 3:56.00"
    for the same projection, and 36.45 s to 36.4; 83.25 (exact) went to even, 1:23.2
    (analyst's review)."""
    from racegui.model.timefmt import clock_text, format_delta, shown

    assert format_time(237.05, 1) == "3:57.1" and format_delta(237.05 - 236.0, 1) == "+1.1"
    assert format_time(36.45, 1) == "36.5" and format_time(83.25, 1) == "1:23.3"
    assert format_time(235.65, 1) == "3:55.7" and format_time(1.005) == "1.01"
    assert format_time(237.0499, 1) == "3:57.0" and format_delta(-0.45, 1) == "-0.5"
    assert clock_text(59.995) == "1:00.00" and shown(235.65, 1) == 235.7
