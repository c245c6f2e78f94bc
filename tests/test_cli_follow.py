"""--follow on the command line: info, state, export and the window's screenshot follow the
runner named, and a name that is no runner is one line, exit 2."""

from __future__ import annotations

import json

import pytest
from PySide6.QtGui import QImage

from racegui.cli import main
from tests.helpers_race import following_sara, two_runner_data, write_json

RUNNERS = "(runners: r (Runner), s (Sara Lane))"


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def files(tmp_path):
    """(the two-runner race, the same race naming Sara in "follow")."""
    two = write_json(tmp_path / "two.json", two_runner_data())
    first = write_json(tmp_path / "sara.json", following_sara(two_runner_data()))
    return two, first


@pytest.mark.parametrize("who", ["s", "Sara Lane", "sara lane", "Lane"])
def test_info_follows_the_runner_named(capsys, files, who):
    two, first = files
    code, out, err = run(capsys, "info", two, "--json", "--follow", who)
    assert code == 0 and err == ""
    data = json.loads(out)
    _, expected, _ = run(capsys, "info", first, "--json")
    assert data["focus"] == "s"
    assert data["laps"] == json.loads(expected)["laps"]
    assert data["splits_200m"] == json.loads(expected)["splits_200m"]
    code, out, _ = run(capsys, "info", two, "--follow", who)
    assert code == 0 and "Laps of Sara Lane" in out


def test_state_follows_the_runner_named(capsys, files):
    two, first = files
    code, out, err = run(capsys, "state", two, "-t", "2:30", "--json", "--follow", "s")
    assert code == 0 and err == ""
    data = json.loads(out)
    _, expected, _ = run(capsys, "state", first, "-t", "2:30", "--json")
    expected = json.loads(expected)
    assert data["focus"] == "s"
    for key in ("gap_to_target_s", "gap_to_target_m", "projected_finish_s"):
        assert data[key] == expected[key]
    _, unfollowed, _ = run(capsys, "state", two, "-t", "2:30", "--json")
    assert json.loads(unfollowed)["gap_to_target_s"] != data["gap_to_target_s"]
    code, out, _ = run(capsys, "state", two, "-t", "2:30", "--follow", "Sara Lane")
    assert code == 0 and "Sara Lane is 7.17 s" in out


def test_export_follows_the_runner_named(capsys, files, tmp_path):
    two, first = files
    size = ("--size", "640x360", "--from", "2:30", "-q")
    followed, named_in_file, unfollowed = (tmp_path / f"{n}.png" for n in "abc")
    assert run(capsys, "export", two, "-o", followed, "--follow", "s", *size)[0] == 0
    assert run(capsys, "export", first, "-o", named_in_file, *size)[0] == 0
    assert run(capsys, "export", two, "-o", unfollowed, *size)[0] == 0
    assert QImage(str(followed)) == QImage(str(named_in_file))
    assert QImage(str(followed)) != QImage(str(unfollowed))


@pytest.mark.parametrize(
    "verb, who, why",
    [
        (["info"], "sar", "no athlete has the id or name 'sar'"),
        (["state", "-t", "1:00"], "p", "'p' (Pacer) is a pacer, not a runner"),
        (["export", "-o", "OUT.png"], "target", "'target' (Target) is a ghost, not a runner"),
        (["--screenshot", "OUT.png"], "nobody", "no athlete has the id or name 'nobody'"),
    ],
)
def test_a_follow_that_is_no_runner_is_one_line_naming_the_file(
    capsys, files, tmp_path, verb, who, why
):
    two, _ = files
    out = tmp_path / "out.png"
    args = [str(out) if a == "OUT.png" else a for a in verb]
    argv = args[:1] + [two] + args[1:] if args[0] != "--screenshot" else [two, *args]
    code, stdout, err = run(capsys, *argv, "--follow", who)
    prog = "racegui" if args[0] == "--screenshot" else f"racegui {args[0]}"
    assert code == 2 and stdout == "" and not out.exists()
    assert err.startswith(f"{prog}: --follow {who}: {two}: {why}")
    assert err.endswith(f" {RUNNERS}\n") and err.count("\n") == 1


def test_the_window_follows_the_runner_named_in_its_screenshot(capsys, files, tmp_path):
    two, first = files
    followed, named_in_file = tmp_path / "a.png", tmp_path / "b.png"
    shot = ("--time", "2:30", "--size", "1280x720")
    assert run(capsys, two, "--follow", "sara lane", "--screenshot", followed, *shot)[0] == 0
    assert run(capsys, first, "--screenshot", named_in_file, *shot)[0] == 0
    assert QImage(str(followed)) == QImage(str(named_in_file))


def test_the_window_refuses_a_follow_before_it_opens(capsys, files, monkeypatch):
    from PySide6.QtWidgets import QApplication

    monkeypatch.setattr(QApplication, "exec", lambda self: 0)  # never wait on a window
    two, _ = files
    code, _, err = run(capsys, two, "--follow", "Pacer")
    assert code == 2 and err.count("\n") == 1
    assert err.startswith(f"racegui: --follow Pacer: {two}: 'p' (Pacer) is a pacer")
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]
