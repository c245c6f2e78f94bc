"""A first placement (a still, an export's first frame, tags shown again) shows every tag it
has room for at once: none of them pops in late there (Label.appears)."""

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor

from racegui.ui.overlay import Label
from racegui.ui.tag_placement import TagPlacer

BOUNDS = QRectF(0, 0, 800, 600)


def late(x: float) -> Label:
    """A stepped-off athlete's tag some time after her dropout (appears=False)."""
    return Label(x, 300.0, 0.0, -1.0, f"Out {x:.0f} · DNF", QColor("#5aa9ff"), 4.0, appears=False)


def test_a_late_tag_shows_on_a_first_placement_and_goes_on_showing():
    """A still at 9:20 of a club 3000 had left out the tag of a runner disqualified at
    2000 m ('Ava Reid · DQ'), which a clip running past her dropout shows throughout: it
    had shown only because the scene's unseen first paint, at 0 s, had shown her tag."""
    placer = TagPlacer()
    tags = [late(200.0), late(600.0)]
    for k in range(3):
        rects = placer.place(tags, [120.0, 120.0], 20.0, [], BOUNDS, t=560.0 + k / 30)
        assert all(r is not None for r in rects), k


def test_a_late_tag_not_shown_last_frame_does_not_pop_in():
    placer = TagPlacer()
    other = Label(400.0, 100.0, 0.0, -1.0, "Runner", QColor("#ff2d6f"), 6.0, forced=True)
    placer.place([other], [80.0], 20.0, [], BOUNDS, t=560.0)
    rects = placer.place([other, late(200.0)], [80.0, 120.0], 20.0, [], BOUNDS, t=560.0 + 1 / 30)
    assert rects[0] is not None and rects[1] is None
    placer.reset()  # placed afresh: it shows
    rects = placer.place([other, late(200.0)], [80.0, 120.0], 20.0, [], BOUNDS, t=561.0)
    assert rects[1] is not None


def test_a_seek_shows_a_late_tag_as_a_still_of_that_moment_does():
    """A seek places every tag afresh (tag_placement.FORGET_S): the window sought from the
    start to 9:20 shows the tag of a runner who stopped at 6:00, as the still at 9:20 does,
    though it was not shown the frame before (no tag of hers at 0:00)."""
    placer = TagPlacer()
    other = Label(400.0, 100.0, 0.0, -1.0, "Runner", QColor("#ff2d6f"), 6.0, forced=True)
    placer.place([other], [80.0], 20.0, [], BOUNDS, t=0.0)
    rects = placer.place([other, late(200.0)], [80.0, 120.0], 20.0, [], BOUNDS, t=560.0)
    assert rects[0] is not None and rects[1] is not None
