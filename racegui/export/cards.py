"""Title and end cards for exported videos, drawn with QPainter onto a QImage of exact size."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QLinearGradient, QPainter, QPen

from racegui.model.analysis import did_not_finish, timed
from racegui.model.dates import iso_day, long_date
from racegui.model.replay import Replay
from racegui.model.timefmt import (
    clock_text,
    format_delta,
    format_published,
    format_time,
    label_names_time,
    published_time,
)
from racegui.ui.fonts import forget_glyph_offset, load_bundled_fonts, unhinted
from racegui.ui.legible import legible_on
from racegui.ui.race_status import BELL_LAP, compare_label, race_status
from racegui.ui.runner_accent import runner_colour
from racegui.ui.theme import Theme


@dataclass(frozen=True)
class CardText:
    """The lines of a card, biggest first."""

    kicker: str
    headline: str
    lines: tuple[str, ...]
    footer: str


def ghost_name(compare: Replay, replay: Replay | None = None) -> str:
    """A compared race's runner, year and final time: "Kipyegon 2023 (4:07.64)" (told apart
    from replay's runner as compare_label does)."""
    finish = float(compare.finish_time_s[compare.focus])
    decimals = compare.athletes[compare.focus].finish_decimals
    time = f" ({format_published(finish, decimals)})" if np.isfinite(finish) else ""
    return f"{compare_label(compare, replay)}{time}"


def title_text(
    replay: Replay,
    compare: Replay | None = None,
    span: tuple[float, float] | None = None,
    speed: str = "",
) -> CardText:
    """Race title, date and venue, distance, the part of the race a clip shows (``span``,
    race s: see span_text), how fast it is played (``speed``, "4× speed"; "" at real
    time), target and the compared race's ghost."""
    race = replay.race
    runner = replay.athletes[replay.focus]
    pacers = int(np.count_nonzero(replay.roles == "pacer"))
    lines = [f"{runner.name}  ·  {distance_label(race.distance_m)}"]
    part = span_text(replay, *span) if span is not None else ""
    if part:
        lines.append(part)
    if speed:  # only the race frames' badge had said so (presenter's review)
        lines.append(f"Played at {speed}")
    lines += _with_runners(replay)
    if race.target_time_s is not None:
        label = race.target.label if race.target is not None else "Target"
        if label_names_time(label, race.target_time_s):  # "Previous world record 4:12.33"
            lines.append(label)
        else:
            lines.append(f"{label}: {format_time(race.target_time_s)}")
    if compare is not None:
        lines.append(f"Ghost: {ghost_name(compare, replay)}")
    if pacers:
        lines.append(f"{pacers} pacer{'s' if pacers != 1 else ''}")
    return CardText("RACE REPLAY", race.title, tuple(lines), _where(replay))


def span_text(replay: Replay, start_s: float, end_s: float) -> str:
    """What part of the race a clip from start_s to end_s (race s) shows, for its title card:
    "From 3:00 (lap 3 of 4) to the finish", "Last lap, from 3:03.30 to the finish" (only a
    clip from her bell, within BELL_TOLERANCE_S, to the finish), "From 3:55 (lap 4 of 4) to
    the finish", "From the start to 2:45 (lap 3 of 4)"; "" for the whole race (from 0 to her
    finish, or for a runner who did not finish to the race's end). A part clip's card had
    read as the whole race's (presenter's review); a clip of the last 70 m had read "Last
    lap" (reviewer R12)."""
    finish = float(replay.finish_time_s[replay.focus])
    ends = finish if np.isfinite(finish) else replay.race_end_s
    at_end = _hundredths(end_s) >= _hundredths(ends)
    from_start = _hundredths(start_s) <= 0
    if from_start and at_end:
        return ""
    start_lap = _lap_phrase(replay, start_s)
    end_lap = None if at_end else _lap_phrase(replay, end_s)
    to_finish = np.isfinite(finish) and _hundredths(start_s) < _hundredths(finish)
    end = ("the finish" if to_finish else "the end") if at_end else _short_time(end_s)
    if at_end and _at_bell(replay, start_s):
        return f"Last lap, from {_short_time(start_s)} to {end}"
    start = "the start" if from_start else _short_time(start_s)
    if start_lap and not from_start:
        start += f" ({start_lap})"
    if end_lap:
        end += f" ({end_lap})"
    return f"From {start} to {end}"


BELL_TOLERANCE_S = 0.5
"""Most a clip's start may be from the time the runner followed starts her last lap (s,
either way) for its title card to call it "Last lap"."""


def _at_bell(replay: Replay, t: float) -> bool:
    """Whether race time t (s) is within BELL_TOLERANCE_S of the runner followed starting her
    last lap (of a race of more than one lap, if she reached it)."""
    race_m = replay.race.distance_m
    if race_m <= replay.track.lap_m + 1e-6:
        return False
    bell_s = float(replay.time_at_distance(replay.focus, race_m - replay.track.lap_m))
    return bool(np.isfinite(bell_s)) and abs(t - bell_s) <= BELL_TOLERANCE_S


def _hundredths(seconds: float) -> int:
    """A race time (s) in whole hundredths, as it reads."""
    return round(seconds * 100)


def _short_time(seconds: float) -> str:
    """A race time as the card gives it: "3:00" or "0:30" for a whole second, else
    "3:00.50" (a race clock's m:ss.xx)."""
    text = clock_text(seconds)
    return text[:-3] if text.endswith(".00") else text


def _lap_phrase(replay: Replay, t: float) -> str | None:
    """The lap the runner followed is on at race time t (s): "lap 3 of 4", "last lap", "the
    first 300 m" (the part lap before the first full one), "lap 4 of 4" (not "last lap",
    which reads as the whole lap: see _at_bell); None for a race of one lap or less,
    before her start or once she has finished or stopped."""
    race_m = replay.race.distance_m
    if race_m <= replay.track.lap_m + 1e-6 or replay.focus_stopped(t):
        return None
    distance = float(replay.athlete_at(replay.focus, t)[0])
    if distance <= 0.0 or distance >= race_m - 1e-6:
        return None
    lap, total = int(replay.lap_of(distance)), replay.total_laps
    if lap == 0:
        return f"the first {replay.partial_lap_m:.0f} m"
    return f"lap {lap} of {total}"


TITLE_CARD_OTHERS = 3
"""Other runners the title card names before it counts the rest."""


def _with_runners(replay: Replay) -> list[str]:
    """The title card's line naming the race's other runners ("With Mia Cole and Zoe Hart";
    "With A, B, C and 4 others"), none for a race of one runner: a two-runner race's card
    had named only the one followed (coach's review)."""
    names = [replay.athletes[i].name for i in replay.followable if i != replay.focus]
    if not names:
        return []
    shown, rest = names[:TITLE_CARD_OTHERS], len(names) - TITLE_CARD_OTHERS
    if rest > 0:
        return [f"With {', '.join(shown)} and {rest} other{'s' if rest != 1 else ''}"]
    if len(shown) == 1:
        return [f"With {shown[0]}"]
    return [f"With {', '.join(shown[:-1])} and {shown[-1]}"]


def end_text(replay: Replay, compare: Replay | None = None, end_s: float | None = None) -> CardText:
    """The runner's final time and her margins to the target and to the compared race; for
    a clip that ends (``end_s``, race s) before her finish, where it left her instead. A
    runner who did not finish: "DNF", where and when she stopped (see _dnf_end_text)."""
    race = replay.race
    runner = replay.athletes[replay.focus]
    finish = replay.finish_time_s[replay.focus]
    if end_s is not None and np.isfinite(finish) and end_s < float(finish) - 1e-9:
        return _clip_end_text(replay, compare, end_s)
    if replay.focus_dnf:
        if end_s is not None and not replay.focus_stopped(end_s):
            return _clip_end_text(replay, compare, end_s)
        return _dnf_end_text(replay, compare)
    lines = []
    if race.target_time_s is not None and np.isfinite(finish):
        margin = float(finish) - race.target_time_s
        lines.append(f"{_gap_words(margin)} the {format_time(race.target_time_s)} target")
    if compare is not None:
        other = float(compare.finish_time_s[compare.focus])
        if np.isfinite(finish) and np.isfinite(other):
            label = compare_label(compare, replay)
            decimals = compare.athletes[compare.focus].finish_decimals
            margin = _printed(finish, runner.finish_decimals) - published_time(other, decimals)
            lines.append(_margin_text(margin, label, other, decimals))
    if np.isfinite(finish):
        mine = _printed(finish, runner.finish_decimals)
        others = [
            f"{name}  {format_published(t, d)} ({format_delta(published_time(t, d) - mine)})"
            for name, t, d in _other_finishes(replay)
        ]
        lines += _others_shown(others, _did_not_finish(replay))
    lines.append(race.title)
    headline = format_published(float(finish), runner.finish_decimals)  # as published: 3:50.5
    kicker = runner.name.upper() + ("  ·  DQ" if runner.dq else "")  # her time: no place
    return CardText(kicker, headline, tuple(lines), _where(replay))


def _dnf_end_text(replay: Replay, compare: Replay | None) -> CardText:
    """The end card of a runner who did not finish: "DNF", where and when she stopped and
    her gap to the target then, not a final time; then the race's finishers (their times,
    with no margin to a time she does not have) and the others who did not finish."""
    race = replay.race
    runner = replay.athletes[replay.focus]
    status = race_status(replay, replay.state_at(replay.focus_stop_s), compare)
    stopped = format_published(float(timed(replay.focus_stop_s)), runner.finish_decimals)
    lines = [f"Stopped at {replay.focus_stop_m:g} m, {stopped}"]
    if status.target_gap is not None and race.target_time_s is not None:
        target = format_time(race.target_time_s)
        lines.append(f"{_gap_words(status.target_gap.seconds)} the {target} target at the stop")
    if status.compare_gap is not None:
        gap = status.compare_gap
        lines.append(f"{_gap_words(gap.seconds)} {gap.label} at the stop")
    others = [f"{name}  {format_published(t, d)}" for name, t, d in _other_finishes(replay)]
    lines += _others_shown(others, _did_not_finish(replay))
    lines.append(race.title)
    return CardText(runner.name.upper(), runner.end_mark, tuple(lines), _where(replay))


def _clip_end_text(replay: Replay, compare: Replay | None, end_s: float) -> CardText:
    """A mid-race clip's end card: the clock where the clip ends, where she was and her gaps
    then, as the track's scoreboard gave them, and no result. It had given the final time
    and margin of a clip that stopped at 2:05, which the clip does not show and an audience
    had not seen yet (presenter's review)."""
    race = replay.race
    status = race_status(replay, replay.state_at(end_s), compare)
    lap = status.lap_detail if status.lap_text == BELL_LAP else status.lap_text
    lines = [f"{lap}  ·  {status.distance_text.replace('  ·  ', ', ')}"]
    if status.target_gap is not None and race.target_time_s is not None:
        target = format_time(race.target_time_s)
        lines.append(f"{_gap_words(status.target_gap.seconds)} the {target} target")
    if status.compare_gap is not None:
        gap = status.compare_gap
        lines.append(f"{_gap_words(gap.seconds)} {gap.label}")
    lines.append(race.title)
    kicker = f"{replay.athletes[replay.focus].name.upper()}  ·  CLIP ENDS"
    return CardText(kicker, format_time(end_s), tuple(lines), _where(replay))


def _gap_words(seconds: float) -> str:
    """ "1.47 s behind", "0.30 s ahead of", "Level with" (a gap, s; positive is behind)."""
    if format_time(abs(seconds)) == format_time(0.0):
        return "Level with"
    return f"{format_time(abs(seconds))} s {'behind' if seconds > 0 else 'ahead of'}"


END_CARD_OTHERS = 3
"""Other runners of the race the end card gives: the first three home, then those who did
not finish (DNF), then those disqualified (DQ), as many as fit in three lines; a DQ has the
last of them if none would (see _others_shown)."""


def _others_shown(finished: list[str], marked: list[tuple[bool, str]]) -> list[str]:
    """The end card's lines on the other runners (at most END_CARD_OTHERS): the finishers'
    lines, then the marked ones ((disqualified, line) as _did_not_finish gives them). Where
    these would leave every DQ out, the first DQ takes the last line: a card of a race with
    many marks had listed two runners who did not finish and none disqualified."""
    texts = finished + [text for _, text in marked]
    kept = list(range(min(len(texts), END_CARD_OTHERS)))
    first_dq = next((len(finished) + k for k, (dq, _) in enumerate(marked) if dq), None)
    if first_dq is not None and first_dq not in kept and kept:
        kept[-1] = first_dq
    return [texts[k] for k in kept]


def _printed(finish_s: float, decimals: int) -> float:
    """A finish (s) as printed (timefmt.published_time), so that a margin beside two printed
    finishes is their difference: 3:52.01 - 3:50.5 is +1.51, not the +1.50 of 3:52.001."""
    return published_time(float(finish_s), decimals)


def _other_finishes(replay: Replay) -> list[tuple[str, float, int]]:
    """(name, finish time s, its published decimals) of the race's other runners who
    finished and were not disqualified, first home first: a club race's end card named only
    the runner followed (coach's review)."""
    others = [i for i in replay.runners if i != replay.focus and not replay.dq[i]]
    times = sorted((float(replay.finish_time_s[i]), i) for i in others)
    athletes = replay.athletes
    return [(athletes[i].name, t, athletes[i].finish_decimals) for t, i in times if np.isfinite(t)]


def _did_not_finish(replay: Replay) -> list[tuple[bool, str]]:
    """(disqualified, "Ava Reid  DNF (2000 m)") for each runner who did not finish, the
    furthest first (level: the first there): after those who finished, marked so (she has
    no time to list). Then those disqualified: "DQ (9:14.55)" after finishing, first home
    first, then "DQ (2000 m)" where they stopped, the furthest first. The runners who did
    not finish had come first to stop first, so that one out at 1000 m came before one who
    ran to 2500 m."""
    f, athletes = replay.focus, replay.athletes
    out = []  # (disqualified, -distance m, time s, line)
    for d in did_not_finish(replay):
        a = athletes[replay.index(d.athlete)]
        if a is not athletes[f]:
            out.append(
                (a.dq, -d.distance_m, d.time_s, f"{d.name}  {a.end_mark} ({d.distance_m:g} m)")
            )
    for i in replay.runners:
        if replay.dq[i] and i != f:
            t = float(replay.finish_time_s[i])
            finish = format_published(t, athletes[i].finish_decimals)
            out.append((True, -replay.race.distance_m, t, f"{athletes[i].name}  DQ ({finish})"))
    return [(dq, text) for dq, _, _, text in sorted(out, key=lambda x: x[:3])]


def _margin_text(margin_s: float, label: str, other_s: float, decimals: int = 2) -> str:
    """ "1.22 s ahead of Kipyegon 2023 (4:07.64)", the other's time at the `decimals` it
    was published to; level when it reads 0.00."""
    return f"{_gap_words(margin_s)} {label} ({format_published(other_s, decimals)})"


def _where(replay: Replay) -> str:
    """Venue and date ("26 June 2025" from an ISO date)."""
    race = replay.race
    day = iso_day(race.date)
    when = long_date(day) if day is not None else race.date
    return "  ·  ".join(x for x in (race.venue, when) if x)


def distance_label(distance_m: float) -> str:
    """ "Mile" for 1609.344 m, else "1500 m" style."""
    if abs(distance_m - 1609.344) < 1e-6:
        return "Mile"
    return f"{distance_m:g} m"


def _wrapped(metrics: QFontMetricsF, text: str, width: float) -> QRectF:
    """The box (px) text takes, word-wrapped at width px."""
    return metrics.boundingRect(QRectF(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text)


def _fit_font(family: str, text: str, px: float, width: float, lines: int, least: float) -> QFont:
    """A bold font no bigger than px whose text wraps into at most `lines` lines of width,
    or, where none down to `least` px does, the font of `least` px (the text is then elided
    to fit: see _wrapped_within)."""
    while px > least:
        font = _font(family, px, QFont.Weight.Black)
        metrics = QFontMetricsF(font)
        box = _wrapped(metrics, text, width)
        if box.width() <= width and box.height() <= metrics.lineSpacing() * lines + 1:
            return font
        px *= 0.92
    return _font(family, least, QFont.Weight.Black)


def _font(family: str, px: float, weight: QFont.Weight) -> QFont:
    font = QFont(family)
    font.setPixelSize(max(int(px), 6))
    font.setWeight(weight)
    return unhinted(font)


LINE_WRAP_MAX = 2
"""Most lines a card's text line wraps into; a longer one ends with an ellipsis."""
HEADLINE_LEAST = 0.55
"""Smallest headline (units of the card: a ninth of a 16:9 card's height), bigger than the
lines below it (0.42), so a long title does not become the card's smallest text."""
LINE_SHRINK_MIN = 0.6
"""Smallest share of their size the card's text lines shrink to, to stay above the footer."""


def _line_rows(
    lines: tuple[str, ...], theme: Theme, unit: float, width: float, room: float
) -> list[tuple[str, QFont, str, float]]:
    """(text, font, colour, height px) of a card's text lines: each wrapped into at most
    LINE_WRAP_MAX lines of width px (elided past that), the font made smaller, down to
    LINE_SHRINK_MIN of its size, until all fit in room px of height (a card's up to four
    lines always do)."""
    scale = 1.0
    while True:
        font = _font(theme.font_family, unit * 0.42 * scale, QFont.Weight.Normal)
        metrics = QFontMetricsF(font)
        rows = []
        for line in lines:
            text = _wrapped_within(metrics, line, width)
            box = _wrapped(metrics, text, width)
            rows.append(
                (text, font, theme.text, box.height() + unit * 0.66 * scale - metrics.height())
            )
        if sum(row[3] for row in rows) <= room or scale * 0.9 < LINE_SHRINK_MIN:
            return rows
        scale *= 0.9


def _wrapped_within(metrics: QFontMetricsF, text: str, width: float) -> str:
    """text, or its start with an ellipsis, so that it wraps into LINE_WRAP_MAX lines."""
    limit = metrics.lineSpacing() * LINE_WRAP_MAX + 1

    def fits(candidate: str) -> bool:
        return _wrapped(metrics, candidate, width).height() <= limit

    if fits(text):
        return text
    budget = width * LINE_WRAP_MAX
    while budget > width * 0.25:
        candidate = metrics.elidedText(text, Qt.TextElideMode.ElideRight, budget)
        if fits(candidate):
            return candidate
        budget *= 0.95
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)


@dataclass(frozen=True)
class CardRow:
    """One block of a card's text: what, in which font and colour, where (px)."""

    text: str
    font: QFont
    colour: str
    rect: QRectF


CARD_TOP_LIGHTER = 135
"""A card's background runs from the theme's background made this much lighter (QColor.lighter
percent) at the top to the background itself at the bottom."""


def card_accent(replay: Replay, theme: Theme) -> str:
    """The cards' accent ("#rrggbb"): the followed runner's colour, shaded where need be to
    read as text (READABLE_RATIO) on the card's background. Following another runner had
    left the cards in the demo runner's pink (user review)."""
    bg = QColor(theme.background)
    return legible_on(QColor(runner_colour(replay)), [bg.lighter(CARD_TOP_LIGHTER), bg]).name()


def _head_rows(
    text: CardText, theme: Theme, accent: str | None, unit: float, width: float, headline: float
) -> list[tuple[str, QFont, str, float]]:
    """A card's kicker and headline as (text, font, colour, height) rows, ``width`` px wide:
    the kicker elided to one line, the headline at most ``headline`` units, smaller to fit
    two wrapped lines but no smaller than HEADLINE_LEAST (the lines are 0.42 units), a
    longer one elided in its two lines, so it stays the biggest text."""
    family = theme.font_family
    kicker_font = _font(family, unit * 0.32, QFont.Weight.Bold)
    kicker = QFontMetricsF(kicker_font).elidedText(text.kicker, Qt.TextElideMode.ElideRight, width)
    top = unit * headline
    headline_font = _fit_font(family, text.headline, top, width, 2, unit * HEADLINE_LEAST)
    metrics = QFontMetricsF(headline_font)
    wrapped = _wrapped_within(metrics, text.headline, width)
    height = _wrapped(metrics, wrapped, width).height()
    return [
        (kicker, kicker_font, accent or theme.accent, unit * 0.55),
        (wrapped, headline_font, theme.text, height + unit * 0.3),
    ]


def _stacked(
    rows: list[tuple[str, QFont, str, float]],
    top: float,
    footer_box: QRectF,
    text: CardText,
    theme: Theme,
    unit: float,
) -> list[CardRow]:
    """The rows (text, font, colour, height) one under the other from ``top`` (px), as wide
    as the footer's box, then the footer in that box (0.3 units, elided to one line)."""
    left, width = footer_box.left(), footer_box.width()
    out = []
    y = top
    for line, font, colour, step in rows:
        out.append(CardRow(line, font, colour, QRectF(left, y, width, step)))
        y += step
    footer_font = _font(theme.font_family, unit * 0.3, QFont.Weight.Normal)
    footer = QFontMetricsF(footer_font).elidedText(text.footer, Qt.TextElideMode.ElideRight, width)
    out.append(CardRow(footer, footer_font, theme.text_muted, footer_box))
    return out


def card_layout(
    text: CardText, size: tuple[int, int], theme: Theme, accent: str | None = None
) -> list[CardRow]:
    """Where each block of a card of `size` px goes: kicker, headline, lines, then footer.
    Every block fits its box (the headline in 2 wrapped lines, each line in LINE_WRAP_MAX,
    the footer in one, elided) and the boxes stack without overlapping; the lines stay above
    the footer for up to six lines (what title_text and end_text give: an end card's
    target, ghost, three other finishers and title), shrinking to LINE_SHRINK_MIN. The kicker
    is in `accent` ("#rrggbb"; default the theme's accent). A square or portrait card is
    laid out for a phone's screen instead: see _upright_layout."""
    load_bundled_fonts()
    w, h = size
    if upright(size):
        return _upright_layout(text, size, theme, accent)
    unit = min(w / 16, h / 9)  # scale by the 16:9 box that fits
    left = w * 0.5 - unit * 7
    width = unit * 14
    rows = _head_rows(text, theme, accent, unit, width, 0.95)
    top = h * 0.5 - unit * 2.6
    footer_top = h - unit * 1.2
    room = footer_top - unit * 0.1 - top - sum(row[3] for row in rows)
    rows += _line_rows(text.lines, theme, unit, width, room)
    footer = QRectF(left, footer_top, width, unit * 0.6)
    return _stacked(rows, top, footer, text, theme, unit)


def upright(size: tuple[int, int]) -> bool:
    """Whether a card of `size` (w, h px) is square or portrait: laid out for a phone."""
    return size[1] >= size[0]


def card_unit(size: tuple[int, int]) -> float:
    """A card's unit of size (px): a ninth of the 16:9 box that fits a landscape card; a
    ninth of a square or portrait card's width, or a twelfth of its height if that is less
    (1080x1920, 120 px, as a 1080p card's; 1080x1080, 90 px)."""
    w, h = size
    return min(w / 9, h / 12) if upright(size) else min(w / 16, h / 9)


UPRIGHT_MARGIN = 0.08
"""Left and right margin of a square or portrait card's text, a share of its width."""
UPRIGHT_HEADLINE = 2.0
"""Biggest headline of a square or portrait card (units: see card_unit), made smaller until
it fits the text's width in two lines: "4:06.42" about as wide as the text (203 px type,
its digits 154 px high, in a 1080x1920 card)."""
UPRIGHT_CENTRE = 0.45
"""Height (share from the top) a square or portrait card's text block is centred on, just
above the middle, where the eye rests, and clear of a phone app's captions below."""
UPRIGHT_FOOTER_BOTTOM = 0.9
"""Height (share from the top) a square or portrait card's footer ends at: clear of the
bottom tenth, where a phone's video apps put their buttons and captions."""


def _upright_layout(
    text: CardText, size: tuple[int, int], theme: Theme, accent: str | None
) -> list[CardRow]:
    """card_layout of a square or portrait card, for a phone held upright: type sized by the
    card's width (card_unit), the text as wide as the card but its margins, the headline
    as big as fits that width (UPRIGHT_HEADLINE), the block centred on UPRIGHT_CENTRE but
    kept between the top margin and the footer. A portrait card had been a 1080p card's
    16:9 box shrunk to the width: small type in a middle third, two thirds of it empty
    (presenter's review)."""
    w, h = size
    unit = card_unit(size)
    left = w * UPRIGHT_MARGIN
    width = w - 2 * left
    family = theme.font_family
    rows = _head_rows(text, theme, accent, unit, width, UPRIGHT_HEADLINE)
    footer_h = unit * 0.6
    footer_top = h * UPRIGHT_FOOTER_BOTTOM - footer_h
    highest = left + unit * 0.3  # the top margin as the side's, below the bar
    lowest = footer_top - unit * 0.4  # the block's bottom, clear of the footer
    room = lowest - highest - sum(row[3] for row in rows)
    line_unit = unit * _one_line_scale(text.lines, family, unit, width)
    rows += [
        (_balanced(QFontMetricsF(font), line, width), font, colour, step)
        for line, font, colour, step in _line_rows(text.lines, theme, line_unit, width, room)
    ]
    block = sum(row[3] for row in rows)
    y = max(highest, min(h * UPRIGHT_CENTRE - block / 2, lowest - block))
    return _stacked(rows, y, QRectF(left, footer_top, width, footer_h), text, theme, unit)


UPRIGHT_LINE_LEAST = 0.86
"""Least share of their size a square or portrait card's lines are made, all alike, so each
fits on one line ("1.22 s ahead of Kipyegon 2023 (4:07.64)" at 44 px, not 50 px in two)."""


def _one_line_scale(lines: tuple[str, ...], family: str, unit: float, width: float) -> float:
    """The biggest share of their size, down to UPRIGHT_LINE_LEAST, at which each of a
    card's lines fits on one line of width px (UPRIGHT_LINE_LEAST if one does not)."""
    scale = 1.0
    while scale > UPRIGHT_LINE_LEAST:
        metrics = QFontMetricsF(_font(family, unit * 0.42 * scale, QFont.Weight.Normal))
        if all(metrics.horizontalAdvance(line) <= width for line in lines):
            return scale
        scale -= 0.02
    return UPRIGHT_LINE_LEAST


def _balanced(metrics: QFontMetricsF, text: str, width: float) -> str:
    """text, broken where its two lines are most even, where it wraps into two lines of
    width px: "Lap 3 of 4  ·  828 m run, / 781 m to go", not a last line of one word
    ("go"). After a comma or colon if that is nearly as even (BREAK_AFTER_PUNCTUATION);
    never next to a "·" between parts, before a number ("Runner / 2") or a one-letter
    unit ("828 / m"). As it was where no break fits."""
    limit = metrics.lineSpacing() * 2 + 1
    if metrics.horizontalAdvance(text) <= width or _wrapped(metrics, text, width).height() > limit:
        return text
    best, best_score = text, float("inf")
    for i, char in enumerate(text):
        first, rest = text[:i].rstrip(), text[i:].lstrip()
        if char != " " or not _breakable(first, rest):
            continue
        longest = max(metrics.horizontalAdvance(first), metrics.horizontalAdvance(rest))
        score = longest * (BREAK_AFTER_PUNCTUATION if first[-1] in ",:;" else 1.0)
        if longest <= width and score < best_score:
            best, best_score = f"{first}\n{rest}", score
    return best


BREAK_AFTER_PUNCTUATION = 0.85
"""A break after a comma or colon is taken over a more even one whose longer line is up to
this share of its own longer line's width."""


def _breakable(first: str, rest: str) -> bool:
    """Whether a line may end with first and the next begin with rest (see _balanced)."""
    if not first or not rest or "·" in (first[-1], rest[0]):
        return False
    return not rest[0].isdigit() and len(rest.split(" ", 1)[0]) > 1


def draw_card(
    text: CardText, size: tuple[int, int], theme: Theme, accent: str | None = None
) -> QImage:
    """A card image of exactly `size` pixels (RGB32), independent of the screen's pixel ratio;
    its kicker and bar in `accent` ("#rrggbb"; default the theme's accent: see card_accent)."""
    accent = accent or theme.accent
    rows = card_layout(text, size, theme, accent)
    w, h = size
    unit = card_unit(size)
    # the bar 0.3 units above the kicker (a landscape card's at its fixed place, as it was)
    bar_top = rows[0].rect.top() - unit * 0.3 if upright(size) else h * 0.5 - unit * 2.9
    image = QImage(w, h, QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(1.0)
    bg = QColor(theme.background)
    gradient = QLinearGradient(0, 0, 0, h)
    gradient.setColorAt(0.0, bg.lighter(CARD_TOP_LIGHTER))
    gradient.setColorAt(1.0, bg)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(0, 0, w, h, gradient)
        painter.fillRect(
            QRectF(rows[0].rect.left(), bar_top, unit * 0.5, unit * 0.12),
            QColor(accent),
        )
        flags = (
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
        )
        for row in rows:
            forget_glyph_offset(row.font)  # big text drawn alike whatever was drawn before
            painter.setFont(row.font)
            painter.setPen(QPen(QColor(row.colour)))
            painter.drawText(row.rect, flags, row.text)
    finally:
        painter.end()
    return image
