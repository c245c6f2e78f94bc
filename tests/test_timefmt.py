"""Race times as people read them."""

from racegui.model.timefmt import format_time, format_times_apart


def test_format_time_under_and_over_a_minute():
    assert format_time(59.996) == "1:00.00"
    assert format_time(246.42) == "4:06.42"
    assert format_time(10.0) == "10.00"


def test_two_different_times_never_read_the_same():
    assert format_times_apart(246.42, 240.0) == ("4:06.42", "4:00.00")
    assert format_times_apart(250.5745, 250.574) == ("4:10.5745", "4:10.5740")
    assert format_times_apart(10.004, 10.001) == ("10.004", "10.001")
    assert format_times_apart(30.0, 30.0) == ("30.00", "30.00")


def test_a_difference_that_rounds_to_zero_has_no_sign():
    """'-0.00' showed in the lap summary when she was a few thousandths ahead."""
    from racegui.model.timefmt import format_delta

    assert format_delta(-0.004) == "0.00" and format_delta(0.004) == "0.00"
    assert format_delta(-0.006) == "-0.01" and format_delta(0.35) == "+0.35"
    assert format_delta(-0.04, 1) == "0.0" and format_delta(-72.5) == "-1:12.50"
