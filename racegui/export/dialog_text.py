"""The export dialog's one-line notes: what the options will write, and a side panel too
small to read."""

from __future__ import annotations

from racegui.export.frames import FramePlan
from racegui.export.options import ExportOptions, small_panel_text
from racegui.export.progress_text import format_clock
from racegui.model.timefmt import clock_text


def describe_plan(options: ExportOptions, plan: FramePlan) -> str:
    """What the options will write, in one line ("925 frames: 1:01.7 of video at 15 fps")."""
    if options.is_still:
        return f"One picture of the race at {clock_text(plan.race_times[0])}."
    files = " (one PNG file each)" if options.is_sequence else ""
    return (
        f"{plan.total:,} frame{'s' * (plan.total != 1)}{files}: "
        f"{format_clock(plan.video_duration_s, 1)} of video at "
        f"{options.fps} fps."
    )


def panel_words(options: ExportOptions) -> str:
    """The dialog's warning of a side panel too small to read, in its own words, or "" (the
    command line said so; the dialog had made a 360p GIF without a word: coach's review)."""
    small = small_panel_text(options.size, options.panel, options.presentation)
    if small is None:
        return ""
    px, helps = small
    bigger = "tick “Big type for a projector or a slide”, or " if helps else ""
    return (
        f" The side panel's smallest text will be {px:.0f} px high, too small to read: "
        f"{bigger}untick “Show the side panel” to give the track the whole frame."
    )
