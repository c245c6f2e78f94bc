"""Where each athlete is drawn across and along the track, beyond her own lane or slot: an
800 m's lane start (model.lane_start) and a pack set side by side and clear of each other
(model.pack_lanes, model.pack_queue)."""

from __future__ import annotations

from racegui.model.lane_start import lane_path, lanes_of
from racegui.model.pack_lanes import PackStart, pack_paths
from racegui.model.piece_ops import pieces_max, pieces_sum
from racegui.model.piecewise import Pieces
from racegui.model.race import Race


def place_drawn(
    race: Race,
    distances: list[Pieces],
    laterals: list[Pieces],
    pack: list[int],
    in_the_way: list[tuple[int, Pieces, float]],
) -> list[Pieces | None]:
    """Set where everyone is drawn: ``laterals`` (m, per row, changed in place) become the
    lateral offsets drawn, and the returned rows say how far ahead (m) of her distance each
    is drawn over time (s), None for 0. ``distances`` are distances run (m) over time (s);
    ``pack`` the rows of runners on lane 1's line by their own motion (set side by side),
    ``in_the_way`` (row, distance row, until s) others on lane 1's line they keep clear of.
    Rows past the race's athletes (its target ghost) are never in a lane."""
    shifts: list[Pieces | None] = [None] * len(distances)
    lanes = lanes_of(race)
    paths = {i: lane_path(race.track, lane, distances[i]) for i, lane in lanes.items()}
    for i, path in paths.items():
        shifts[i] = path.shift
        laterals[i] = pieces_max(path.lateral, laterals[i])
    if len(pack) < 2:
        return shifts
    obstacles = [
        (row if i not in paths else pieces_sum(row, paths[i].shift), until)
        for i, row, until in in_the_way
    ]
    start = None
    if paths:  # side by side in lane order, each keeping her slot to the break line
        inside_out = sorted(pack, key=lanes.__getitem__)
        start = PackStart(
            slots=[inside_out.index(i) for i in pack],
            kept_until=[paths[i].break_s for i in pack],
            shifts=[paths[i].shift for i in pack],
            floors=[paths[i].lateral for i in pack],
        )
    placed = pack_paths([distances[i] for i in pack], obstacles, race.track.lap_m, start)
    for i, lateral, hold in zip(pack, placed.laterals, placed.holds, strict=True):
        laterals[i] = lateral if i not in paths else pieces_max(paths[i].lateral, lateral)
        if hold is not None:
            shifts[i] = hold if shifts[i] is None else pieces_sum(shifts[i], hold)
    return shifts
