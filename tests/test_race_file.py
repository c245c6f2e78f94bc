import json
import os
import re
from pathlib import Path

import numpy as np
import pytest

from racegui.cli import main
from racegui.io.errors import MAX_PROBLEMS, RaceFileError
from racegui.io.race_file import MAX_FILE_BYTES, race_to_data, read_race, write_race
from racegui.io.schema import json_schema_text
from racegui.model.replay import compile_race
from racegui.resources_path import demo_race_path, schema_path
from tests.helpers_race import MILE, demo_data, minimal_data, two_runner_data, write_json

DEMOS = ["breaking4-2025.json", "kipyegon-wr-2023.json", "example-1500m.json"]


@pytest.mark.parametrize("name", DEMOS)
def test_demo_races_load_and_compile(name):
    race = read_race(demo_race_path(name))
    replay = compile_race(race)
    assert replay.duration_s > 0


def test_breaking4_uses_the_published_figures():
    race = read_race(demo_race_path())
    assert race.distance_m == pytest.approx(MILE)
    assert race.target_time_s == pytest.approx(240.0)
    splits = [(s.distance_m, s.time_s, s.estimated) for s in race.focus.splits]
    assert splits == [
        (400, 60.20, False),
        (800, 120.75, False),
        (1200, 181.84, False),
        (MILE, 246.42, False),
    ]
    pacers = [a for a in race.athletes if a.role == "pacer"]
    assert len(pacers) == 13
    named = {a.name for a in pacers if not a.estimated}
    assert len(named) == 9 and "Grant Fisher" in named
    women = {a.id for a in pacers if a.id in ("reekie", "hunterbell")}
    assert women == {"reekie", "hunterbell"}
    ghosts = {a.name: a.even_pace_time_s for a in race.athletes if a.role == "ghost"}
    assert 239.37 in ghosts.values()
    # Every unpublished figure is marked estimated.
    for a in pacers:
        assert a.formation.estimated and a.dropout.estimated


def test_breaking4_story_13_pacers_to_5_and_women_out_before_800():
    from racegui.model.analysis import dropouts, pacers_running

    replay = compile_race(read_race(demo_race_path()))
    assert pacers_running(replay, 0.0) == 13
    final_stretch = replay.time_at_distance(replay.focus, MILE - 100)
    assert pacers_running(replay, float(final_stretch)) == 5
    drops = {d.athlete: d for d in dropouts(replay)}
    for woman in ("reekie", "hunterbell"):
        assert 700 < drops[woman].distance_m < 800
    t = __import__("numpy").arange(0, replay.duration_s, 0.05)
    for i, a in enumerate(replay.athletes):
        _, v = replay.athlete_at(i, t)
        assert v.max() < 8.0, a.id  # nobody runs faster than a human can


def test_wr_2023_figures():
    race = read_race(demo_race_path("kipyegon-wr-2023.json"))
    assert [s.time_s for s in race.focus.splits] == [62.6, 124.6, 186.66, 247.64]
    assert len([a for a in race.athletes if a.role == "pacer"]) == 2


def test_schema_file_matches_the_models():
    assert Path(schema_path()).read_text(encoding="utf-8") == json_schema_text()


def _problem(tmp_path, data=None, text=None, raw=None) -> RaceFileError:
    path = tmp_path / "race.json"
    if raw is not None:
        path.write_bytes(raw)
    elif text is not None:
        path.write_text(text, encoding="utf-8")
    else:
        write_json(path, data)
    with pytest.raises(RaceFileError) as info:
        read_race(path)
    assert str(path) in str(info.value)
    return info.value


def test_not_json_gives_line_and_column(tmp_path):
    err = _problem(tmp_path, text='{\n  "format": "racegui/1",\n  "title": oops\n}')
    assert "line 3, column 12" in str(err)


@pytest.mark.parametrize(
    "text, where, message",
    [
        (
            '{"format": "racegui/1", "title": "x',
            "line 1, column 34",
            "text in quotes that starts here is never closed: the file ends inside it "
            "(was it cut short?)",
        ),
        (
            '{"format": "racegui/1", "title": "x\n',
            "line 1, column 36",
            "text in quotes is never closed: the file ends inside it (was it cut short?)",
        ),
        (
            '{"format": "racegui/1",\n "title": "x",\n',
            "line 3, column 1",
            "expected a field name in double quotes (a comma before '}'?): the file ends "
            "there (was it cut short?)",
        ),
        ('{"format": "racegui/1" "title": "x"}', "line 1, column 24", "expected ','"),
        ('{"title": "a\tb"}', "line 1, column 13", "a line break or other control"),
        ('{"title": "a\\qb"}', "line 1, column 13", "a backslash that starts no escape"),
        ("{} []", "line 1, column 4", "more after the end of the JSON (a file holds one race)"),
        ('{"title": }', "line 1, column 11", "expected a value here (a number, "),
    ],
)
def test_a_json_syntax_error_is_a_whole_sentence_at_its_place(tmp_path, text, where, message):
    """A cut-short file gave 'not valid JSON: Unterminated string starting at', which ends
    mid-sentence (Python's message expects a position after it)."""
    (problem,) = _problem(tmp_path, text=text).problems
    assert problem.where == where
    assert problem.message.startswith("not valid JSON: " + message)
    assert not problem.message.endswith((" at", " at:"))


def test_a_race_file_saved_as_utf16_is_read(tmp_path):
    path = tmp_path / "r.json"
    path.write_bytes(demo_race_path().read_text(encoding="utf-8").encode("utf-16"))
    assert read_race(path) == read_race(demo_race_path())


def test_an_empty_utf16_file_is_empty(tmp_path):
    path = tmp_path / "r.json"
    path.write_bytes(" \n".encode("utf-16"))
    with pytest.raises(RaceFileError) as info:
        read_race(path)
    assert info.value.lines() == [f"{path}: file is empty"]


def _first_split_as_list(data):
    data["athletes"][0]["splits"][0] = [400, "60.20"]
    return data


def _no_id(data):
    del data["athletes"][0]["id"]
    return data


@pytest.mark.parametrize(
    ("spoil", "where", "words"),
    [
        (lambda d: [d], "$:", "should be an object ({...}), not a list"),
        (
            _first_split_as_list,
            "$.athletes[0].splits[0]:",
            'should be an object such as {"distance_m": 400, "time": "60.20"}, not a list',
        ),
        (lambda d: {**d, "athletes": []}, "$.athletes:", "needs at least 1 entry"),
        (_no_id, "$.athletes[0].id:", "missing (this field is required)"),
        (lambda d: {**d, "title": 7}, "$.title:", 'should be text in double quotes ("..."), not'),
        (
            lambda d: {**{k: v for k, v in d.items() if k != "distance_m"}, "distance": 1e300},
            "$.distance:",
            '"distance" is text such as "1 mile" or "1500 m"; use "distance_m" for a number',
        ),
        (
            lambda d: {**d, "distance_m": "1 mile"},
            "$.distance_m:",
            '"1 mile" is text: write 1609.344 (metres, a number without quotes), or replace the '
            'field with "distance": "1 mile"',
        ),
        (
            lambda d: {**d, "distance_m": "fifteen"},
            "$.distance_m:",
            '"distance_m" is a number of metres such as 1500; use "distance" for text',
        ),
        (
            lambda d: {**d, "venue": 5},
            "$.venue:",
            'should be text in double quotes ("..."), not a number',
        ),
        (lambda d: {**d, "title": ""}, "$.title:", "needs at least 1 character"),
        (
            lambda d: {**d, "athletes": d["athletes"] * 1001},
            "$.athletes:",
            "has 2002 entries; at most 1000",
        ),
    ],
)
def test_schema_problems_are_in_the_words_of_a_json_file(tmp_path, spoil, where, words):
    """No schema class names ("instance of SplitModel") or pydantic phrasing ("Input should
    be", "Field required") reach the user."""
    text = str(_problem(tmp_path, spoil(minimal_data())))
    assert f"{where} {words}" in text
    for internal in ("Model", "Input should", "Field required", "after validation"):
        assert internal not in text


def test_a_split_distance_typed_with_a_unit_says_what_to_write(tmp_path, capsys):
    """A split's "distance_m": "400m" (k_400m.json of a coach's review) said only "should be
    a number, not text", though a CSV takes 400m: a split has no "distance" field, so the
    fix is the number."""
    data = minimal_data()
    data["athletes"][0]["splits"][0]["distance_m"] = "400m"
    data["athletes"][1]["dropout"]["distance_m"] = "780 m"
    path = tmp_path / "k_400m.json"
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert [line.partition(", $")[2] for line in err] == [
        '.athletes[0].splits[0].distance_m: "400m" is text: write 400 (metres, a number without '
        "quotes)",
        '.athletes[1].dropout.distance_m: "780 m" is text: write 780 (metres, a number without '
        "quotes)",
    ]


def test_empty_file(tmp_path):
    assert "empty" in str(_problem(tmp_path, text=""))


def test_binary_garbage(tmp_path):
    err = _problem(tmp_path, raw=bytes(range(256)) * 10)
    assert "binary" in str(err)


def test_bad_utf8(tmp_path):
    err = _problem(tmp_path, raw=b'{"title": "\xff\xfe"}')
    assert "UTF-8" in str(err)


def test_huge_file_is_refused_without_reading(tmp_path):
    path = tmp_path / "race.json"
    with path.open("wb") as fh:  # sparse 2 GB file
        fh.truncate(2 * 1024**3)
    with pytest.raises(RaceFileError, match="too large"):
        read_race(path)
    assert MAX_FILE_BYTES < 2 * 1024**3


def test_missing_file(tmp_path):
    with pytest.raises(RaceFileError, match="no such file"):
        read_race(tmp_path / "nope.json")


def test_wrong_type_names_json_path(tmp_path):
    data = minimal_data()
    data["athletes"][0]["splits"][1]["distance_m"] = "800"
    assert "$.athletes[0].splits[1].distance_m" in str(_problem(tmp_path, data))


def test_bad_time_text(tmp_path):
    data = minimal_data()
    data["athletes"][0]["splits"][2]["time"] = "3:61.84"
    err = _problem(tmp_path, data)
    assert "$.athletes[0].splits[2].time" in str(err) and "below 60" in str(err)


def test_a_time_cut_short_is_refused_not_read_as_another_time(tmp_path):
    data = minimal_data()
    data["athletes"][0]["splits"][1]["time"] = "2:0"  # was 800 m in 2:00.00
    assert (
        _problem(tmp_path, data)
        .lines()[0]
        .endswith(
            """, $.athletes[0].splits[1].time: '2:0': seconds after ":" need two digits (m:ss.xx)"""
        )
    )


def test_unknown_units(tmp_path):
    data = minimal_data()
    del data["distance_m"]
    data["distance"] = "8 furlongs"
    err = _problem(tmp_path, data)
    assert "$.distance" in str(err) and "unknown unit 'furlongs'" in str(err)


def test_unknown_field_is_reported(tmp_path):
    data = minimal_data()
    data["athletes"][0]["colur"] = "#ff0000"
    assert "$.athletes[0].colur" in str(_problem(tmp_path, data))


@pytest.mark.parametrize("time", ["-5", -5])
def test_negative_time(tmp_path, time):
    data = minimal_data()
    data["athletes"][0]["splits"][0]["time"] = time
    assert "$.athletes[0].splits[0].time" in str(_problem(tmp_path, data))


def test_non_increasing_times(tmp_path):
    data = minimal_data()
    data["athletes"][0]["splits"][2]["time"] = "1:59.00"
    err = _problem(tmp_path, data)
    assert "$.athletes[0].splits[2].time" in str(err) and "increase" in str(err)


@pytest.mark.parametrize(
    ("first", "where"),
    [
        # A first split 1e-310 m and 4e-311 s from the gun (a plausible 2.3 m/s) overflowed
        # the spline: the pacer's position was NaN.
        ({"distance_m": 1e-310, "time": 4.4e-311}, "$.athletes[0].splits[0].time"),
        ({"distance_m": 0.01, "time": 0.005}, "$.athletes[0].splits[0].time"),
    ],
)
def test_splits_closer_than_a_hundredth_are_refused(tmp_path, first, where):
    data = minimal_data()
    data["athletes"][0]["splits"].insert(0, first)
    (line,) = _problem(tmp_path, data).lines()
    assert where in line and "0.01 s apart" in line


def test_splits_a_hundredth_apart_are_accepted(tmp_path):
    data = minimal_data()
    data["athletes"][0]["splits"].insert(0, {"distance_m": 0.05, "time": 0.01})
    # 0.29 - 0.28 is a hair under 0.01 in floating point.
    data["athletes"][0]["splits"][1:1] = [
        {"distance_m": 1.0, "time": 0.28},
        {"distance_m": 1.1, "time": 0.29},
    ]
    replay = compile_race(read_race(write_json(tmp_path / "r.json", data)))
    for t in (-1.0, 0.0, 0.005, 0.01, 100.0):
        assert np.all(np.isfinite(replay.state_at(t).distance_m))


def test_non_increasing_distances(tmp_path):
    data = minimal_data()
    data["athletes"][0]["splits"][1]["distance_m"] = 400
    assert "must increase" in str(_problem(tmp_path, data))


@pytest.mark.parametrize(
    ("spoil", "where", "message"),
    [
        (
            {1: {"distance_m": 1300}, 2: {"distance_m": 1200}},
            "$.athletes[0].splits[2].distance_m",
            "1200 m comes after 1300 m: distances must increase",
        ),
        (  # it also made 14.3 m/s from 800 m to the finish
            {1: {"time": "3:10.00"}},
            "$.athletes[0].splits[2].time",
            "3:01.84 comes after 3:10.00: times must increase",
        ),
        (  # rows swapped: one problem, at the split that goes back
            {1: {"distance_m": 1200, "time": "3:01.84"}, 2: {"distance_m": 800, "time": "2:00.75"}},
            "$.athletes[0].splits[2].distance_m",
            "800 m comes after 1200 m: distances must increase",
        ),
    ],
)
def test_splits_going_back_are_named_not_the_speeds_they_make(tmp_path, spoil, where, message):
    """400, 1300, 1200 m said only "splits[1]: 14.9 m/s ... faster than any human runs"."""
    data = minimal_data()
    for k, fields in spoil.items():
        data["athletes"][0]["splits"][k].update(fields)
    error = _problem(tmp_path, data)
    assert [(p.where, p.message) for p in error.problems] == [(where, message)]


def test_split_past_race_distance(tmp_path):
    data = minimal_data()
    data["athletes"][0]["splits"].append({"distance_m": 1700, "time": "4:30"})
    assert "past the race distance" in str(_problem(tmp_path, data))


def test_superhuman_split(tmp_path):
    data = minimal_data()
    data["athletes"][0]["splits"][0]["time"] = "20.0"
    assert "faster than any human" in str(_problem(tmp_path, data))


def test_a_split_slower_than_walking_is_a_typo(tmp_path):
    # 409 m in 9,999 hours once asked numpy for 447 GB; 99 hours is the longest time now.
    data = minimal_data()
    data["athletes"][0]["splits"][-1]["time"] = "99:00:00"
    error = _problem(tmp_path, data)
    assert [p.where for p in error.problems] == ["$.athletes[0].splits[3]"]
    assert "slower than walking" in str(error)


@pytest.mark.parametrize(
    ("where", "time"), [(("splits", 2), 1e308), (("splits", 3), "100:00:01"), (("target",), 1e308)]
)
def test_a_time_longer_than_any_race_says_so(tmp_path, where, time):
    """A split at 1e308 s was "4.1e-306 m/s from the previous split is slower than walking"."""
    data = minimal_data()
    if where[0] == "target":
        data["target"]["time"] = time
        path = "$.target.time"
    else:
        data["athletes"][0]["splits"][where[1]]["time"] = time
        path = f"$.athletes[0].splits[{where[1]}].time"
    given = f"{time:g} s" if isinstance(time, float) else repr(time)
    error = _problem(tmp_path, data)
    assert [(p.where, p.message) for p in error.problems] == [
        (path, f"{given} is longer than any race (at most 100 hours)")
    ]


def test_an_even_pace_time_slower_than_walking_is_refused(tmp_path):
    data = minimal_data()
    data["target"] = {"time": "2:00:00"}  # a mile in two hours: 0.22 m/s
    assert "slower than walking" in str(_problem(tmp_path, data))


def test_a_chain_of_999_pacers_each_following_the_last_compiles(tmp_path):
    # Listed followers first, the chain used to overflow Python's stack (a traceback).
    data = minimal_data()
    del data["athletes"][1]
    for k in range(999, 0, -1):
        leader = "r" if k == 1 else f"p{k - 1}"
        pacer = {"id": f"p{k}", "name": f"P{k}", "role": "pacer"}
        pacer["formation"] = {"follows": leader, "offset_m": 0.5, "lane": 1.0}
        data["athletes"].append(pacer)
    replay = compile_race(read_race(write_json(tmp_path / "chain.json", data)))
    state = replay.state_at(30.0)
    ids = [a.id for a in replay.athletes]
    runner, last = state.distance_m[ids.index("r")], state.distance_m[ids.index("p999")]
    assert last - runner == pytest.approx(999 * 0.5)


def test_formation_follows_itself(tmp_path):
    data = minimal_data()
    data["athletes"][1]["formation"]["follows"] = "p"
    assert "cannot follow itself" in str(_problem(tmp_path, data))


def test_formation_missing_athlete(tmp_path):
    data = minimal_data()
    data["athletes"][1]["formation"]["follows"] = "ghost-of-nobody"
    assert "no athlete with id 'ghost-of-nobody'" in str(_problem(tmp_path, data))


def test_formation_loop(tmp_path):
    data = minimal_data()
    data["athletes"].append(
        {"id": "q", "name": "Q", "role": "pacer", "formation": {"follows": "p2", "offset_m": 1}}
    )
    data["athletes"].append(
        {"id": "p2", "name": "P2", "role": "pacer", "formation": {"follows": "q", "offset_m": 1}}
    )
    assert "formation loop" in str(_problem(tmp_path, data))


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_nan_and_infinity(tmp_path, literal):
    text = json.dumps(minimal_data()).replace('"distance_m": 400', f'"distance_m": {literal}')
    err = _problem(tmp_path, text=text)
    assert "$.athletes[0].splits[0].distance_m" in str(err)


def test_wrong_format_version(tmp_path):
    assert "unknown format" in str(_problem(tmp_path, minimal_data(format="racegui/9")))


def test_no_runner(tmp_path):
    data = minimal_data()
    data["athletes"][0]["role"] = "ghost"
    data["athletes"][1]["formation"]["follows"] = "r"
    assert "runner" in str(_problem(tmp_path, data))


def test_runner_must_reach_the_finish(tmp_path):
    data = minimal_data()
    data["athletes"][0]["splits"].pop()
    assert "must be at the race distance" in str(_problem(tmp_path, data))


def test_top_level_not_an_object(tmp_path):
    assert "$" in str(_problem(tmp_path, [1, 2, 3]))


@pytest.mark.parametrize("depth", [40, 900, 990, 100_000])
def test_deeply_nested_json(tmp_path, depth):
    # 900 to 990 levels pass Python's JSON reader but used to overflow the checks after it.
    data = minimal_data()
    data["title"] = "NESTED"
    text = json.dumps(data).replace('"NESTED"', "[" * depth + "]" * depth)
    err = _problem(tmp_path, text=text)
    assert len(err.lines()) == 1
    if depth <= 900:  # deeper, Python's reader may refuse first (it depends on the stack)
        assert "$.title[0][0]" in err.lines()[0] and "levels deep" in err.lines()[0]


def test_a_field_name_with_line_breaks_is_reported_on_one_line(tmp_path):
    data = minimal_data()
    data["bad\nkey\u2028with\x1blines"] = 1
    (line,) = _problem(tmp_path, data).lines()
    assert "\n" not in line and "\u2028" not in line and "\x1b" not in line
    assert '$["bad\\nkey\\u2028with\\u001blines"]' in line and "unknown field" in line


def test_every_problem_is_listed(tmp_path):
    data = minimal_data()
    data["athletes"][0]["splits"][0]["time"] = "abc"
    data["athletes"][1]["formation"]["follows"] = "zzz"
    err = _problem(tmp_path, data)
    assert len(err.lines()) == 2


@pytest.mark.parametrize("bad_time", ["abc", True])  # our check, then the schema's
def test_a_file_of_many_bad_splits_lists_the_first_100_problems(tmp_path, bad_time):
    data = minimal_data()
    splits = [{"distance_m": k + 1, "time": bad_time} for k in range(1000)]
    data["athletes"].append({"id": "z", "name": "Z", "role": "pacer", "splits": splits})
    err = _problem(tmp_path, data)
    problems = err.problems
    assert len(problems) == MAX_PROBLEMS + 1
    assert problems[0].where == "$.athletes[2].splits[0].time" and "a time" in problems[0].message
    assert problems[1].where == "$.athletes[2].splits[1].time"  # one per split, not per branch
    assert problems[-1].message == "stopped reading here: more than 100 problems"
    lines = err.lines()  # the 100, all alike, are one line
    assert len(lines) == 2 and "$.athletes[2].splits[0].time: " in lines[0]
    assert re.search(  # a file on one line: its column (reviewer R15)
        r"\(and 99 more like it, the last at line 1, column \d+, "
        r"\$\.athletes\[2\]\.splits\[99\]\.time\)$",
        lines[0],
    )


def test_round_trip(tmp_path):
    race = read_race(demo_race_path())
    out = tmp_path / "copy.json"
    write_race(race, out)
    assert read_race(out) == race


def test_failed_save_keeps_the_old_file(tmp_path, monkeypatch):
    out = tmp_path / "race.json"
    write_json(out, demo_data())
    before = out.read_bytes()
    race = read_race(demo_race_path("example-1500m.json"))

    def boom(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(OSError):
        write_race(race, out)
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["race.json"]


def test_save_replaces_atomically(tmp_path):
    out = tmp_path / "race.json"
    write_json(out, demo_data())
    race = read_race(demo_race_path("example-1500m.json"))
    write_race(race, out)
    assert read_race(out).title == race.title
    assert race_to_data(race)["format"] == "racegui/1"


def test_no_code_execution_modules():
    source = "".join(p.read_text() for p in Path("racegui/io").glob("*.py"))
    for banned in ("pickle", "eval(", "exec(", "yaml.load", "marshal"):
        assert banned not in source


def test_text_that_is_not_unicode_is_refused_with_its_place(tmp_path):
    # A lone surrogate escape once reached `racegui info` and failed while printing.
    text = json.dumps(minimal_data()).replace('"Runner"', '"Run\\ud800ner"')
    error = _problem(tmp_path, text=text)
    assert [p.where for p in error.problems] == ["$.athletes[0].name"]
    assert "unpaired surrogate" in str(error)


def test_a_number_with_thousands_of_digits_gives_line_and_column(tmp_path):
    # Python refuses to read it (ValueError), which came out as a traceback.
    text = '{"format": "racegui/1",\n "distance_m": ' + "7" * 5000 + "}"
    error = _problem(tmp_path, text=text)
    assert [p.where for p in error.problems] == ["line 2, column 16"]
    assert "thousands of digits" in str(error)


@pytest.mark.parametrize(
    ("field", "value", "where"),
    [
        ("date", "a" * 2_000_000, "$.date"),  # took 23 s and 4.9 GB to draw a still
        ("venue", "v" * 201, "$.venue"),
        ("notes", ["n" * 2001], "$.notes[0]"),
    ],
)
def test_overlong_text_is_refused(tmp_path, field, value, where):
    data = minimal_data()
    data[field] = value
    error = _problem(tmp_path, data)
    assert [p.where for p in error.problems] == [where]
    assert "at most" in str(error)


@pytest.mark.parametrize("distance", ["0.000001 m", "9 m", "100.001 km"])
def test_race_distance_must_be_from_10_m_to_100_km(tmp_path, distance):
    data = minimal_data()
    del data["distance_m"]
    data["distance"] = distance
    data["athletes"] = [{"id": "r", "name": "R", "role": "runner", "even_pace": {"time": 5.0}}]
    error = _problem(tmp_path, data)
    assert "at least 10 m and at most 100 km" in str(error)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_not_read_for_ever(tmp_path):
    pipe = tmp_path / "race.json"
    os.mkfifo(pipe)
    with pytest.raises(RaceFileError, match="not a regular file"):
        read_race(pipe)


def test_more_splits_than_allowed_and_far_formation_slots_are_refused(tmp_path):
    data = minimal_data()
    step = MILE / 1001
    data["athletes"][0]["splits"] = [
        {"distance_m": step * (k + 1), "time": 0.15 * (k + 1)} for k in range(1001)
    ]
    data["athletes"][1]["formation"]["offset_m"] = -1e300  # numpy overflowed on it
    error = _problem(tmp_path, data)
    wheres = [p.where for p in error.problems]
    assert "$.athletes[0].splits" in wheres and "$.athletes[1].formation.offset_m" in wheres


@pytest.mark.parametrize(
    ("field", "value", "where", "point"),
    [
        ("name", "Faith \u202eKipyegon", "$.athletes[0].name", "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
        ("name", "Faith Kipyegon\x00", "$.athletes[0].name", "U+0000"),
        ("title", "Mile\n2025", "$.title", "U+000A"),
        ("venue", "Paris\u2066", "$.venue", "U+2066 (LEFT-TO-RIGHT ISOLATE)"),
        ("label", "Sub-4\x1b[31m", "$.target.label", "U+001B"),
        ("note", "Slot\x07", "$.athletes[0].note", "U+0007"),
        ("notes", ["Paced by \u202bWavelight"], "$.notes[0]", "U+202B (RIGHT-TO-LEFT EMBEDDING)"),
    ],
)
def test_a_text_with_a_control_character_is_refused_naming_it(tmp_path, field, value, where, point):
    """A name with U+202E turned the window's header around ("00.00:4 thgil gnicap") and
    `info` printed a NUL raw; both files were "ok"."""
    data = minimal_data()
    target = {"name": data["athletes"][0], "note": data["athletes"][0], "label": data["target"]}
    target.get(field, data)[field] = value
    (line,) = _problem(tmp_path, data).lines()
    assert line.endswith(  # after "line 1, column N" of a file on one line
        f", {where}: has {point}, a control character, which "
        + (
            "notes and sources (tabs and line breaks are fine) cannot hold"
            if field in ("note", "notes")
            else "names, labels and titles cannot hold"
        )
    )
    assert "\u202e" not in line and "\x00" not in line


@pytest.mark.parametrize(
    ("field", "value", "where", "point"),
    [
        ("title", "Breaking4\ufffe", "$.title", "U+FFFE"),
        ("name", "Faith\uffff", "$.athletes[0].name", "U+FFFF"),
        ("note", "Slot\ufdd0", "$.athletes[0].note", "U+FDD0"),
    ],
)
def test_a_text_with_a_noncharacter_is_refused_naming_it(tmp_path, field, value, where, point):
    """A title holding U+FFFE (a byte-order mark read backwards, never text) was "ok" and
    drawn as a box (tester R3)."""
    data = minimal_data()
    data["athletes"][0]["note"] = "Front"
    target = {"name": data["athletes"][0], "note": data["athletes"][0]}
    target.get(field, data)[field] = value
    (line,) = _problem(tmp_path, data).lines()
    assert line.endswith(  # after "line 1, column N" of a file on one line
        f", {where}: has {point}, a noncharacter, which "
        + (
            "notes and sources (tabs and line breaks are fine) cannot hold"
            if field == "note"
            else "names, labels and titles cannot hold"
        )
    )


def test_a_note_may_keep_its_tabs_and_line_breaks(tmp_path):
    data = minimal_data(notes=["Splits:\n\t400 m\t60.20\r\n"])
    data["athletes"][0]["note"] = "Front shield\nthen alone"
    assert read_race(write_json(tmp_path / "r.json", data)).notes == (data["notes"][0],)


def test_a_value_that_should_be_an_object_is_shown_one(tmp_path):
    """A hand-written file with "target": "9:30.00" and "dropout": 1600 was told only that
    each should be an object ({...}), not which fields go in it (coach's review)."""
    data = two_runner_data()
    data["target"] = "9:30.00"
    data["athletes"][2]["dropout"] = 1600
    data["athletes"][2]["formation"] = 3
    path = tmp_path / "hand.json"
    path.write_text(json.dumps(data))
    with pytest.raises(RaceFileError) as caught:
        read_race(path)
    text = "\n".join(caught.value.lines())
    assert (
        '$.target: should be an object such as {"time": "4:00.00", "label": "4:00 pace"}, '
        "not text" in text
    )
    assert (
        '$.athletes[2].dropout: should be an object such as {"distance_m": 1600}, '
        "not a number" in text
    )
    assert '$.athletes[2].formation: should be an object such as {"follows": ' in text


@pytest.mark.parametrize(
    "spoil, where",
    [
        (lambda d: d.update(title="   "), "$.title"),
        (lambda d: d["athletes"][0].update(name=" \u00a0 "), "$.athletes[0].name"),
        (lambda d: d.update(target={"time": "4:00.00", "label": "  "}), "$.target.label"),
    ],
)
def test_a_name_title_or_label_of_spaces_only_is_refused(tmp_path, spoil, where):
    """A runner named "   " was read, and 'state' printed a line with no one in it (tester)."""
    data = two_runner_data()
    spoil(data)
    with pytest.raises(RaceFileError) as caught:
        read_race(write_json(tmp_path / "blank.json", data))
    assert any(
        p.where == where and p.message == "has only spaces: give it some text"
        for p in caught.value.problems
    )


@pytest.mark.parametrize("at", [0, -5, 1e6])
def test_a_dropout_off_the_race_says_what_it_may_be(tmp_path, at):
    """A dropout at 0 m was told it 'must be between 0 and the race distance' (tester)."""
    data = two_runner_data()
    data["athletes"][2]["dropout"] = {"distance_m": at}
    with pytest.raises(RaceFileError) as caught:
        read_race(write_json(tmp_path / "d.json", data))
    assert any(
        p.where == "$.athletes[2].dropout.distance_m"
        and p.message == "must be more than 0 m and at most the race distance (1609.34 m)"
        for p in caught.value.problems
    )


def test_a_long_value_is_quoted_cut_short_in_its_message(tmp_path):
    """A 50,000-character id was quoted whole: one line of 50,097 characters (tester R6)."""
    data = minimal_data()
    data["athletes"][0]["id"] = "I" * 50_000
    (line,) = _problem(tmp_path, data).lines()
    assert line.endswith(
        "$.athletes[0].id: 'IIIIIIIIIIIIIIIIIIII'... (50,000 characters): an id is 1 to 64 "
        "letters, digits, '_', '.' or '-' (no spaces)"
    )
    data["athletes"][0]["id"] = "ann lee"  # short: quoted whole, as before
    assert "'ann lee': an id is" in _problem(tmp_path, data).lines()[0]


def test_a_long_distance_cell_is_quoted_cut_short(tmp_path, capsys):
    csv = tmp_path / "huge.csv"
    csv.write_text("athlete,distance_m,time\nAnn,400,62.1\nAnn," + "1" * 5001 + ",2:05.0\n")
    assert main(["validate", str(csv), "--distance", "1500"]) == 2
    err = capsys.readouterr().err
    assert len(err) < 200
    assert "line 3, column 2: '11111111111111111111'... (5,001 characters) is not a distance" in err
