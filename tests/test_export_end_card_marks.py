"""The end card's lines on the other runners of a race with many marks: a runner
disqualified is never left out for those who did not finish (the card had listed two DNFs
and no DQ), and those who did not finish come the furthest first (they had come first to
stop first: one out at 1000 m before one who ran to 2500 m)."""

from racegui.export.cards import end_text
from racegui.io.race_file import read_race
from racegui.model.replay import compile_race
from tests.helpers_race import write_json


def _runner(rid: str, name: str, times: tuple[str, ...], dists=(1000, 2000, 3000), **marks):
    splits = [{"distance_m": d, "time": t} for d, t in zip(dists, times, strict=False)]
    return {"id": rid, "name": name, "role": "runner", "splits": splits, **marks}


ZOE = _runner("zoe", "Zoe Hart", ("3:04.80", "6:15.00", "9:31.02"))
MIA = _runner("mia", "Mia Cole", ("3:05.20", "6:12.90", "9:40.55"))
ANN = _runner("ann", "Ann Bo", ("3:10.00",), dnf=True)  # first to stop, at 1000 m
CY = _runner("cy", "Cy Ng", ("3:12.00", "6:40.00"), dnf=True)
DI = _runner("di", "Di Fox", ("3:20.00", "6:50.00", "8:40.00"), (1000, 2000, 2500), dnf=True)
EVE = _runner("eve", "Eve Lu", ("3:08.00", "6:35.00"), dnf=True, dq=True)


def _replay(tmp_path, *athletes):
    data = {"format": "racegui/1", "title": "Club 3000", "distance_m": 3000}
    data["athletes"] = list(athletes)
    return compile_race(read_race(write_json(tmp_path / "club.json", data)))


def test_a_dq_is_not_left_out_for_those_who_did_not_finish(tmp_path):
    replay = _replay(tmp_path, ZOE, MIA, ANN, CY, DI, EVE)
    assert end_text(replay).lines == (
        "Mia Cole  9:40.55 (+9.53)",
        "Di Fox  DNF (2500 m)",  # the furthest of three who did not finish
        "Eve Lu  DQ (2000 m)",
        "Club 3000",
    )
    cy = end_text(replay.following("cy"))  # a DNF's own card: the same others
    assert cy.headline == "DNF"
    assert cy.lines[1:-1] == ("Zoe Hart  9:31.02", "Mia Cole  9:40.55", "Eve Lu  DQ (2000 m)")


def test_those_who_did_not_finish_come_the_furthest_first(tmp_path):
    replay = _replay(tmp_path, ZOE, ANN, CY, DI)
    assert end_text(replay).lines == (
        "Di Fox  DNF (2500 m)",
        "Cy Ng  DNF (2000 m)",
        "Ann Bo  DNF (1000 m)",
        "Club 3000",
    )


def test_a_dq_after_finishing_has_the_last_line_after_three_finishers(tmp_path):
    """Mia Cole, over the line second but disqualified, among four finishers."""
    lea = _runner("lea", "Lea Fry", ("3:06.00", "6:20.00", "9:45.00"))
    ida = _runner("ida", "Ida Roy", ("3:07.00", "6:25.00", "9:50.00"))
    ned = _runner("ned", "Ned Park", ("3:07.50", "6:30.00", "9:55.00"))
    replay = _replay(tmp_path, ZOE, {**MIA, "dq": True}, lea, ida, ned, ANN)
    assert end_text(replay).lines == (
        "Lea Fry  9:45.00 (+13.98)",
        "Ida Roy  9:50.00 (+18.98)",
        "Mia Cole  DQ (9:40.55)",
        "Club 3000",
    )
