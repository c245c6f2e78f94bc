"""Times quoted back in a message about a file, as they were typed: a lap CSV's Total row
of 4:06.8 is "4:06.8", not "4:06.80", and a time worked out from typed ones (laps added
up, a lap between two times from the start) is printed to the most decimals they were
typed to, so that it is the sum or difference of the figures shown."""

from __future__ import annotations

from racegui.model.timefmt import (
    PUBLISHED_DECIMALS,
    format_published,
    format_time,
    format_times_apart,
    written_decimals,
)

TYPED_DECIMALS_MOST = 3
"""Most decimals a typed time is quoted to: thousandths, as a photo-finish time is typed
(2:00.571 and 2:00.579 had both been quoted 2:00.58: "2:00.58 is not after 2:00.58")."""


def typed_decimals(*typed: object) -> int:
    """Decimals times typed so are quoted to: the most of them (those of a text, at most
    thousandths; hundredths for a number, which does not say), hundredths where none was
    typed (texts all empty)."""
    counts = [
        written_decimals(t, TYPED_DECIMALS_MOST) if t.__class__ is str else PUBLISHED_DECIMALS
        for t in typed
        if t is not None and t != ""
    ]
    return max(counts, default=PUBLISHED_DECIMALS)


def typed_time(seconds: float, *typed: object) -> str:
    """A time (s) read from the cells typed (texts, or numbers of a JSON file), or worked
    out from them, as a message quotes it: format_published at typed_decimals ("4:06.8" for
    246.8 s typed "4:06.8"); typed to thousandths, as typed ("2:00.571"), where every view
    prints a photo finish's 3:52.001 as 3:52.01."""
    decimals = typed_decimals(*typed)
    if decimals > PUBLISHED_DECIMALS:
        return format_time(seconds, decimals)
    return format_published(seconds, decimals)


def typed_times_apart(a: float, b: float, typed_a: object, typed_b: object) -> tuple[str, str]:
    """Two times (s) as typed (typed_time), or, where two different times would read the
    same so (3:52.001 and 3:52.004 both 3:52.01), with as many decimals as it takes for them
    to read differently (timefmt.format_times_apart)."""
    shown = typed_time(a, typed_a), typed_time(b, typed_b)
    if shown[0] != shown[1] or a == b:
        return shown
    return format_times_apart(a, b)
