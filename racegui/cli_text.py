"""Plain-text pieces of the command line's reports: padded name columns, counts, outcomes.

Widths are terminal columns: a CJK character takes two, a combining accent none.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from racegui.model.timefmt import (
    clock_text,
    format_published,
    format_time_up,
    format_times_apart,
)

if TYPE_CHECKING:
    from racegui.model.replay import Replay

FOLLOW_HELP = (
    "the runner to follow: an id, a name or a surname, in any case; one who did not finish "
    'too (default: the one the file names in "follow", else the winner)'
)
"""--follow's help, for the window and every verb that has it."""

NAME_COLUMN_MAX = 32
"""Widest name column (terminal columns); longer names are cut with "…"."""


def _char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Terminal columns text takes ("李娜" two each, "é" as e plus an accent one)."""
    return sum(_char_width(ch) for ch in text)


def name_width(names: Iterable[str]) -> int:
    """Width of a name column: the widest name, at most NAME_COLUMN_MAX."""
    return min(max((display_width(n) for n in names), default=0), NAME_COLUMN_MAX)


def cell(text: str, width: int) -> str:
    """text padded with spaces to width columns, or cut to it with "…" (an accent stays with
    its letter; a wide character is kept whole or not at all)."""
    if display_width(text) > width:
        kept, used = [], 0
        for ch in text:
            w = _char_width(ch)
            if used + w > width - 1:
                break
            kept.append(ch)
            used += w
        text = "".join(kept) + "…"
    return text + " " * (width - display_width(text))


def count(n: int, noun: str) -> str:
    """ "1 athlete", "2 athletes"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def quoted(title: str) -> str:
    """A title in double quotes, on one line (quotes and line breaks in it escaped)."""
    return json.dumps(title, ensure_ascii=False)


ESTIMATED_MARK = "(est.)"
"""Follows a figure the race file marks estimated, as the window's dropout feed's "est."."""


def estimated_mark(estimated: bool) -> str:
    """ " (est.)" after an estimated figure, else ""."""
    return f" {ESTIMATED_MARK}" if estimated else ""


def outcome(
    finish_s: float | None,
    dropout_m: float | None,
    dropout_s: float | None = None,
    *,
    estimated: bool = False,
    dnf: bool = False,
    decimals: int = 2,
    dq: bool = False,
) -> str:
    """ "finished 4:06.42", "dropped out at 780 m" (", 1:57.91" with its time, rounded up to
    the hundredth; " (est.)" if the dropout is estimated), "did not finish at 2000 m" for a
    runner who stopped there (dnf), or "". The finish is shown as published, to the
    `decimals` it was published to (3:50.5; a 3:52.001 rounded up, 3:52.01:
    timefmt.format_published), and so is where a runner stopped (her last split). A runner
    disqualified (dq) is "disqualified at 2000 m, 6:30.40" or "finished 4:06.42,
    disqualified"."""
    if finish_s is not None:
        return f"finished {format_published(finish_s, decimals)}" + (", disqualified" if dq else "")
    if dropout_m is not None and dnf:
        when = f", {format_published(dropout_s, decimals)}" if dropout_s is not None else ""
        how = "disqualified" if dq else "did not finish"
        return f"{how} at {dropout_m:g} m{when}{estimated_mark(estimated)}"
    if dropout_m is not None:
        when = f", {format_time_up(dropout_s)}" if dropout_s is not None else ""
        return f"dropped out at {dropout_m:.0f} m{when}{estimated_mark(estimated)}"
    return ""


class TypedTime(float):
    """A race time (s) from the command line that keeps the text it was typed as, to echo
    it back in a message ("--time 99:00", not "1:39:00.00")."""

    text: str

    def __new__(cls, seconds: float, text: str = "") -> TypedTime:
        value = super().__new__(cls, seconds)
        value.text = text.strip()
        return value


_MINUTES_DOT_SECONDS = re.compile(r"(\d{1,2})\.([0-5]\d)")
"""A plain number that looks like minutes and seconds with a dot: "3.00", "2.45"."""


def minutes_typo_note(option: str, t: float, end_s: float) -> str:
    """ "--from 3.00 is read as 3 seconds; for 3 min write 3:00": for a time typed as
    minutes.seconds (t a TypedTime, s) that as m:ss is in a replay ending at end_s (s);
    "" otherwise. A presenter's --from 3.00 had made a 3-minute clip without a word."""
    typed = _MINUTES_DOT_SECONDS.fullmatch(t.text) if isinstance(t, TypedTime) else None
    if typed is None:
        return ""
    minutes, seconds = int(typed[1]), int(typed[2])
    if minutes == 0 or minutes * 60 + seconds > end_s:
        return ""
    meant = f"{minutes} min {seconds} s" if seconds else f"{minutes} min"
    return (
        f"{option} {t.text} is read as {float(t):g} seconds; for {meant} write {minutes}:{typed[2]}"
    )


def after_end_text(option: str, t: float, end_s: float) -> str:
    """ "--time 99:00 is after the replay ends (4:10.57)": t (s) as typed (a TypedTime), else
    as a race clock (timefmt.clock_text, short) with as many decimals as tell it from the end
    end_s (s)."""
    shown, end = format_times_apart(t, end_s)
    if isinstance(t, TypedTime) and t.text:
        shown = t.text
    else:
        decimals = len(shown.rpartition(".")[2]) if "." in shown else 0
        shown = clock_text(t, decimals, short=True)
    return f"{option} {shown} is after the replay ends ({end})"


def lap_cell(lap: dict, mark: str = "DNF") -> str:
    """An info table's first cell for a lap of info --json's laps: "start", "lap 3", or
    "DNF" (her mark: "DQ" if disqualified there) for the lap where a runner who did not
    finish stopped (a part lap, or a whole one when she stopped on the line)."""
    if lap["stopped"] or lap["at_stop"]:
        return mark
    return f"lap {lap['lap']}" if lap["lap"] else "start"


def stand_in_note(shown: Replay, other: Replay, path: str | Path) -> str:
    """ "Gudaf Tsegay did not run in kipyegon-wr-2023.json: compared with Faith Kipyegon"
    (or "did not finish the race in heat.json"), where the runner ``shown`` follows has no
    finished run in the race compared (path: its file) and is set against the runner it
    follows (follow.stand_in); "" where it is her own run."""
    from racegui.model.follow import stand_in  # numpy: not for every command line

    other_runner = stand_in(shown, other)
    if other_runner is None:
        return ""
    me = shown.athletes[shown.focus].name
    why = "did not finish the race in" if other_runner.stopped else "did not run in"
    return f"{me} {why} {Path(path).name}: compared with {other_runner.name}"
