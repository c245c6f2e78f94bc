"""What the user asked an export to be: destination, format, size, rate, speed and race span."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, get_args

from racegui.export.file_naming import FRAME_NUMBER_RE, name_problem_sentence
from racegui.export.layout import layout_scale, layout_size
from racegui.model.article import with_article
from racegui.model.replay import Replay
from racegui.model.timefmt import clock_text, format_times_apart

if TYPE_CHECKING:
    from racegui.export.frames import FramePlan

ExportFormat = Literal["mp4", "gif", "png"]

SIZE_PRESETS: dict[str, tuple[int, int]] = {
    "1080p": (1920, 1080),
    "720p": (1280, 720),
    "square": (1080, 1080),
    "portrait": (1080, 1920),
    "360p": (640, 360),
}
"""Named output sizes (width, height) in pixels (360p suits a GIF). Treat as read-only."""

MAX_SIZE = (7680, 4320)
"""Largest output (width, height) in pixels (8K UHD), or the same upright."""
MIN_SIDE_PX = 16
"""Smallest output width or height in pixels (below it nothing of the scene can be made out)."""
MAX_WIDE = 4.0
"""Widest export, width to height (the tallest is 9:16): 7680x16 laid the scene out 518,400 px
wide (4.5 GB of memory) for a strip nobody could read."""
MAX_CARD_S = 30.0
"""Longest title or end card (video seconds)."""
MAX_FPS = 120
"""Highest frame rate (frames per second) of any export."""
GIF_MAX_FPS = 50
"""Highest GIF frame rate: GIF delays are whole centiseconds, and viewers slow down any delay
below 2 cs (50 fps) to about 10 cs."""
MAX_SPEED = 64.0
"""Fastest replay speed (race seconds per video second)."""
MIN_SPEED = 1 / 16
"""Slowest replay speed (race seconds per video second): 1/16 of real time, a 16x slow motion
(--speed 5e-324 overflowed, 1e-10 asked for terabytes of frame times)."""
MAX_FRAMES = 1_000_000
"""Most frames of any export, cards included: over 9 hours of video at 30 fps (a whole 100 km
race in real time fits; a 100-hour race needs a higher speed)."""
GIF_MAX_FRAMES = 3000
"""Most frames a GIF export may have (GIFs are for short clips)."""
GIF_MAX_PIXEL_FRAMES = 250_000_000
"""Most width * height * frames a GIF export may have. The GIF writer keeps every frame in
memory at one byte per pixel until the file is written, so this is about 250 MB (for example
640x360 for 1085 frames, about 36 s at 30 fps)."""

_SUFFIX_FORMATS: dict[str, ExportFormat] = {".mp4": "mp4", ".gif": "gif", ".png": "png"}
_NOT_A_NUMBER_RE = re.compile(r"(?<!%)%\d*[siu](?![A-Za-z])")
"""printf patterns people try for a frame number that are not %d ("%s", "%03i", "%u"), but
not a per cent sign in a still's name ("100%sure.png", "lap-100%-split.png", "50%%")."""
_SIZE_RE = re.compile(r"^\s*([0-9]+)\s*[xX×]\s*([0-9]+)\s*$")
_PRINTF_SPEC_RE = re.compile(r"%[^A-Za-z%]*")
"""The flags, width and precision of each printf conversion in a name (up to its letter)."""
MAX_NUMBER_WIDTH = 9
"""Widest frame number (digits) a PNG sequence name may ask for ("%09d"): "%099999999999d"
was formatted to find out, which ran out of memory."""

SplitsTable = Literal["laps", "200m", "timed"]
SPLITS_TABLES: tuple[str, ...] = get_args(SplitsTable)
"""The side panel's splits tables by name: laps to the finish line, every 200 m, the race
file's own splits (the panel's tabs, splits_table.MODE_NAMES)."""
COMPARE_SPLITS = "compare"
"""The splits table of an export with a compared race: her laps against its runner (the
panel's comparison tab, splits_table.COMPARE_NAME)."""
ExportSplits = Literal["laps", "200m", "timed", "compare"]
EXPORT_SPLITS: tuple[str, ...] = get_args(ExportSplits)
"""The splits tables an export can show: the panel's tabs, and while another race is
compared, the comparison tab."""


class ExportOptionsError(ValueError):
    """An export option is invalid; the message is one sentence saying which and why."""


class OutputFolderMissing(ExportOptionsError):
    """The folder the output would be written in does not exist (the command line says so
    as every verb says a file it cannot write: atomic.cannot_write)."""


def parse_size(text: str) -> tuple[int, int]:
    """(width, height) in pixels from "1920x1080" (ASCII digits, leading zeros allowed) or a
    preset name ("1080p", "720p", "square")."""
    key = text.strip().lower()
    if key in SIZE_PRESETS:
        return SIZE_PRESETS[key]
    match = _SIZE_RE.match(text)
    shown = repr(text) if len(text) <= 40 else repr(text[:40]) + "…"
    if not match:
        presets = ", ".join(SIZE_PRESETS)
        raise ExportOptionsError(
            f"Size {shown} is not WIDTHxHEIGHT in pixels (like 1920x1080) or one of: {presets}."
        )
    # Leading zeros are no part of the size ("01920" is 1920); int() of 5000 digits fails.
    figures = [match.group(k).lstrip("0") for k in (1, 2)]
    if max(len(f) for f in figures) > 9:
        raise ExportOptionsError(
            f"Size {shown} is larger than the {MAX_SIZE[0]}x{MAX_SIZE[1]} maximum."
        )
    return int(figures[0] or "0"), int(figures[1] or "0")


def format_for(path: Path) -> ExportFormat:
    """Export format from the path's suffix (.mp4, .gif or .png, any case)."""
    fmt = _SUFFIX_FORMATS.get(path.suffix.lower())
    if fmt is None:
        if _is_folder(path):  # "-o out/": the folder, not a file in it
            raise ExportOptionsError(
                f"The output {str(path)!r} is a folder: name a file in it, such as "
                f"{str(path / 'replay.mp4')!r}."
            )
        known = ", ".join(_SUFFIX_FORMATS)
        shown = path.suffix or "no suffix"
        raise ExportOptionsError(
            f"Cannot tell the export format from {path.name!r} ({shown}): use one of {known}."
        )
    return fmt


def _is_folder(path: Path) -> bool:
    """Whether path names an existing folder (False where it cannot be looked up)."""
    try:
        return path.is_dir()
    except OSError:
        return False


def _nearest_even(n: int) -> int:
    return n + 1 if n % 2 else n


@dataclass(frozen=True)
class ExportOptions:
    """One export request.

    ``output`` is the destination file; its suffix (.mp4, .gif, .png) picks the format. A PNG
    path containing "%d" or "%04d" (or ``png_sequence=True``) gives a numbered sequence of
    PNGs, one per frame; otherwise a PNG export is one still of race time ``from_s`` (or 0).
    ``size`` is (width, height) in pixels, ``fps`` frames per second of video, ``speed`` race
    seconds per video second. ``from_s``/``to_s`` are race seconds (None: start/end of the
    race). Card lengths are video seconds. ``panel`` and ``theme`` are for the scene drawing.
    ``follow`` is the id of the runner the export follows (None: the replay's own).
    """

    output: Path
    size: tuple[int, int] = (1920, 1080)
    fps: int = 30
    speed: float = 1.0
    from_s: float | None = None
    to_s: float | None = None
    panel: bool = True
    splits: ExportSplits = "laps"
    """The panel's splits table: laps to the finish line, every 200 m with the published
    splits (a mile's 400 m splits are in this one), the race file's own splits ("timed"), or
    with a compared race her laps against its runner ("compare"; the laps without one)."""
    theme: Literal["dark", "light"] = "dark"
    presentation: bool = False
    """Laid out as the window's presentation mode: bigger type for a projector or a slide,
    fewer secondary lines (a 720p clip's panel text had been 6-8 px)."""
    title_card_s: float = 0.0
    end_card_s: float = 0.0
    png_sequence: bool = False
    follow: str | None = None
    """Id of the runner the export follows, as the window does (None: the replay's own runner,
    the file's first unless the replay was made to follow another)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "output", Path(self.output))

    def followed(self, replay: Replay) -> Replay:
        """replay following ``follow`` (FollowError if that id is no runner of it)."""
        return replay if self.follow is None else replay.following(self.follow)

    @property
    def format(self) -> ExportFormat:
        """The format, "mp4", "gif" or "png", from the output suffix (or ExportOptionsError)."""
        return format_for(self.output)

    @property
    def is_sequence(self) -> bool:
        """True for a numbered PNG sequence (one file per frame)."""
        return self.format == "png" and (
            self.png_sequence or FRAME_NUMBER_RE.search(self.output.name) is not None
        )

    @property
    def is_still(self) -> bool:
        """True for a single PNG still at race time ``from_s`` (or 0)."""
        return self.format == "png" and not self.is_sequence

    def span(self, race_duration_s: float | None) -> tuple[float, float]:
        """Race seconds (start, end) to export; ``race_duration_s`` fills a missing ``to_s``.

        A still is (from_s, from_s) and needs no race length (any time of the replay: a
        second runner finishing after the first, say).
        """
        start = 0.0 if self.from_s is None else float(self.from_s)
        if self.is_still:
            return start, start
        if self.to_s is None and race_duration_s is not None and start > race_duration_s:
            raise ExportOptionsError(
                "The export starts at {}, after the race ends at {}, where an export ends "
                "unless it is given an end time.".format(
                    *format_times_apart(start, race_duration_s)
                )
            )
        end = self.to_s if self.to_s is not None else race_duration_s
        if end is None:
            raise ExportOptionsError(
                "The race length is unknown, so give the end time of the export (to)."
            )
        end = float(end)
        if end <= start:
            raise ExportOptionsError(
                "The export starts at {}, which is not before its end at {}.".format(
                    *format_times_apart(start, end)
                )
            )
        return start, end

    def validate(self) -> None:
        """Raise ExportOptionsError with one clear sentence for the first bad value."""
        fmt = self.format
        misnamed = name_problem_sentence(self.output)  # the dialog's, as the command line's
        if misnamed is not None:
            raise ExportOptionsError(misnamed)
        self._validate_size(fmt)
        fps = self.fps
        if isinstance(fps, bool) or not isinstance(fps, int) or not 1 <= fps <= MAX_FPS:
            raise ExportOptionsError(
                f"Frame rate {fps!r} is not a whole number of frames per second from 1 to "
                f"{MAX_FPS}."
            )
        if fmt == "gif" and fps > GIF_MAX_FPS:
            raise ExportOptionsError(
                f"A GIF cannot play at {fps} fps (viewers slow down anything above "
                f"{GIF_MAX_FPS} fps): use {GIF_MAX_FPS} fps or less, for example 25."
            )
        speed = self.speed
        if not _is_number(speed) or not MIN_SPEED <= speed <= MAX_SPEED:
            plain = isinstance(speed, (int, float)) and not isinstance(speed, bool)
            said = f"{speed:g}" if plain else repr(speed)
            raise ExportOptionsError(
                f"Speed {said} must be from {MIN_SPEED:g} (1/16) to {MAX_SPEED:g} times real time."
            )
        for name, value in (("start", self.from_s), ("end", self.to_s)):
            if value is not None and (not _is_number(value) or value < 0):
                raise ExportOptionsError(
                    f"The {name} time {value!r} must be a race time of 0 s or more."
                )
        if self.from_s is not None and self.to_s is not None and not self.is_still:
            if self.from_s >= self.to_s:
                raise ExportOptionsError(
                    "The export starts at {}, which is not before its end at {}.".format(
                        *format_times_apart(self.from_s, self.to_s)
                    )
                )
        for name, value in (("title card", self.title_card_s), ("end card", self.end_card_s)):
            if not _is_number(value) or not 0 <= value <= MAX_CARD_S:
                raise ExportOptionsError(
                    f"The {name} length {value!r} must be from 0 to {MAX_CARD_S:g} seconds."
                )
        if self.splits not in EXPORT_SPLITS:
            raise ExportOptionsError(
                f"Splits table {self.splits!r} is not 'laps', '200m', 'timed' or 'compare'."
            )
        if self.theme not in ("dark", "light"):
            raise ExportOptionsError(f"Theme {self.theme!r} is not 'dark' or 'light'.")
        if self.png_sequence and fmt != "png":
            raise ExportOptionsError(
                f"A numbered image sequence needs a .png output, not {self.output.name!r}."
            )
        if fmt == "png":
            self._validate_png_name()
        if fmt != "png" and FRAME_NUMBER_RE.search(self.output.name):
            raise ExportOptionsError(
                f"Only PNG sequences can have a frame number pattern in the name "
                f"({self.output.name!r})."
            )
        try:
            if self.output.exists() and self.output.is_dir():
                raise ExportOptionsError(
                    f"The output {str(self.output)!r} is a folder, not a file."
                )
            if not self.output.parent.is_dir():
                raise OutputFolderMissing(
                    f"The folder {str(self.output.parent)!r} for the output does not exist."
                )
        except OSError as exc:  # a name longer than the file system allows, say
            raise ExportOptionsError(
                f"The output {self.output.name[:40]!r}…: {exc.strerror or exc}."
            ) from None

    def _validate_png_name(self) -> None:
        """A frame number pattern that fills in; no %s-style pattern taken literally."""
        name = self.output.name
        wrong = _NOT_A_NUMBER_RE.search(name)
        if wrong:
            raise ExportOptionsError(
                f"{wrong.group()!r} in {name!r} is not a frame number: a numbered PNG "
                "sequence is written with %d or %04d (race_%04d.png)."
            )
        if FRAME_NUMBER_RE.search(name):
            self._validate_number_widths()
            try:
                name % 1
            except (TypeError, ValueError):
                raise ExportOptionsError(
                    f"{name!r} is not a frame number pattern like race_%04d.png (write %% "
                    "for a % sign in it)."
                ) from None

    def _validate_number_widths(self) -> None:
        """No printf width or precision in the name above MAX_NUMBER_WIDTH, read without
        formatting anything (a width of 10**17 is a MemoryError)."""
        name = self.output.name
        for spec in _PRINTF_SPEC_RE.findall(name.replace("%%", "")):
            for digits in re.findall(r"\d+", spec):
                figure = digits.lstrip("0")
                if len(figure) > 1 or (figure and int(figure) > MAX_NUMBER_WIDTH):
                    shown = spec if len(spec) <= 12 else spec[:12] + "…"
                    raise ExportOptionsError(
                        f"{shown!r} in the name asks for a frame number wider than "
                        f"{MAX_NUMBER_WIDTH} digits: use %d or %04d (race_%04d.png)."
                    )

    def _validate_size(self, fmt: ExportFormat) -> None:
        size = self.size
        if (
            not isinstance(size, tuple)
            or len(size) != 2
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in size)
        ):
            raise ExportOptionsError(f"Size {size!r} must be (width, height) in whole pixels.")
        width, height = size
        max_w, max_h = MAX_SIZE
        if width < MIN_SIDE_PX or height < MIN_SIDE_PX:
            raise ExportOptionsError(_small_side_text(width, height))
        if max(width, height) > max_w or min(width, height) > max_h:  # either way up
            raise ExportOptionsError(
                f"Size {width}x{height} is larger than the {max_w}x{max_h} maximum "
                f"({max_h}x{max_w} upright)."
            )
        if width > MAX_WIDE * height or height * 9 > width * 16:
            raise ExportOptionsError(
                f"Size {width}x{height} is wider than {MAX_WIDE:g}:1 or taller than 9:16 (a "
                "phone held upright); the replay needs room for its track."
            )
        if fmt == "mp4" and (width % 2 or height % 2):
            raise ExportOptionsError(
                f"MP4 needs an even width and height; {width}x{height} is odd, use "
                f"{_nearest_even(width)}x{_nearest_even(height)}."
            )


def _small_side_text(width: int, height: int) -> str:
    """What is wrong with a size (px) one side of which is under MIN_SIDE_PX: each side's
    own problem, width first. '99999x10' had been "smaller than 16 pixels each way", its
    width being past the maximum (reviewer R15)."""
    if width < MIN_SIDE_PX and height < MIN_SIDE_PX:
        return f"Size {width}x{height} is smaller than {MIN_SIDE_PX} pixels each way."
    most = max(MAX_SIZE)  # the other side may be the long one, either way up
    problems = []
    for side, px in (("width", width), ("height", height)):
        if px < MIN_SIDE_PX:
            problems.append(f"the {side} {px} is smaller than {MIN_SIDE_PX} pixels")
        elif px > most:
            problems.append(f"the {side} {px} is larger than the {most} maximum")
    return f"Size {width}x{height}: " + " and ".join(problems) + "."


def check_frame_budget(frames: float) -> None:
    """Raise ExportOptionsError if an export of ``frames`` frames (a float: it may be huge) is
    more than MAX_FRAMES."""
    if not frames <= MAX_FRAMES:  # NaN too
        many = f"{frames:,.0f}" if math.isfinite(frames) else "endless"
        raise ExportOptionsError(
            f"An export of {many} frames is too long (at most {MAX_FRAMES:,}): shorten "
            "the span, lower the fps or raise the speed."
        )


GIF_SMALLEST_SUGGESTED_PIXELS = 640 * 360
"""A GIF this size (px, 360p) or smaller is not told to use a smaller size."""


def check_gif_budget(frames: int, size: tuple[int, int], plan: FramePlan | None = None) -> None:
    """Raise ExportOptionsError if a GIF of ``frames`` frames at ``size`` (px) is too big;
    given the export's ``plan``, the message says the latest end time that would fit."""
    width, height = size
    most = min(GIF_MAX_FRAMES, GIF_MAX_PIXEL_FRAMES // max(1, width * height))
    fits = _gif_end_that_fits(plan, most)
    # A smaller size raises the size's own limit; not offered at 360p (the least preset).
    can_shrink = width * height > GIF_SMALLEST_SUGGESTED_PIXELS
    if frames > GIF_MAX_FRAMES:  # and the size's own limit, if lower: both said at once
        also = f", and at most {most} at {width}x{height}" if most < GIF_MAX_FRAMES else ""
        smaller = also and can_shrink
        raise ExportOptionsError(
            f"A GIF of {frames} frames is too long (at most {GIF_MAX_FRAMES}{also}){fits}: "
            f"export MP4, or shorten the span, lower the fps or raise the speed"
            + (", or use a smaller size." if smaller else ".")
        )
    if frames > most:
        gif = with_article(f"{width}x{height} GIF")
        raise ExportOptionsError(
            f"{gif[0].upper()}{gif[1:]} of {frames} frames is too big (at most {most} frames at "
            f"that size){fits}: export MP4, "
            + ("or use a smaller size, " if can_shrink else "")
            + "or fewer frames (a shorter span, a lower fps or a higher speed)."
        )


def _gif_end_that_fits(plan: FramePlan | None, most: int) -> str:
    """ "; from 3:00.00 it fits up to an end at 3:18.00": the latest race time (s) a GIF of
    at most `most` frames reaches with the plan's start, rate, speed and cards ("" without a
    plan, or where not even its cards fit)."""
    if plan is None:
        return ""
    race_frames = most - plan.title_frames - plan.end_frames
    if race_frames < 2 or race_frames >= len(plan.race_times):
        return ""
    start, end = plan.race_times[0], plan.race_times[race_frames - 1]
    return f"; from {clock_text(float(start))} it fits up to an end at {clock_text(float(end))}"


def _is_number(value: object) -> bool:
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(float(value))
    )


PANEL_SMALLEST_TEXT_PX = 10.0
"""Height (px) of the side panel's smallest text (axis ticks, "est.") in a 1080p export."""
LEGIBLE_TEXT_PX = 6.0
"""Below this height (px) the panel's smallest text cannot be read."""


def small_panel_text(
    size: tuple[int, int], panel: bool, presentation: bool = False
) -> tuple[float, bool] | None:
    """(height px of the side panel's smallest text, whether the presentation layout would
    make it legible) for an export whose panel is too small to read, else None (the panel
    is laid out for a 1080 px short side, at the layout's scale, and drawn at `size`: a
    square or portrait presentation layout is scaled 1.05, not 1.4, see layout_scale)."""

    def smallest(big_type: bool) -> float:
        drawn = size[0] / layout_size(size)[0]  # output px per layout px
        return PANEL_SMALLEST_TEXT_PX * layout_scale(size, big_type) * drawn

    px = smallest(presentation)
    if not panel or px >= LEGIBLE_TEXT_PX:
        return None
    return px, not presentation and smallest(True) >= LEGIBLE_TEXT_PX
