"""A race file's notes and sources reach the user: `info` lists them (and --json gives them),
and the window's Help > About this race shows them, escaped, with links."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QDialog

from racegui.cli import main
from racegui.io.race_file import race_from_data, read_race
from racegui.model.replay import compile_race
from racegui.resources_path import demo_race_path
from racegui.ui.app import ensure_app
from racegui.ui.help_dialog import HelpDialog
from racegui.ui.main_window import MainWindow
from racegui.ui.race_notes import RaceNotesDialog, race_notes_html
from tests.helpers_race import minimal_data

DEMO = str(demo_race_path())


def test_info_lists_the_notes_and_sources(capsys):
    race = read_race(DEMO)
    assert main(["info", DEMO]) == 0
    out = capsys.readouterr().out
    notes = out.split("\nNotes\n", 1)[1].split("\nSources\n", 1)
    assert [line[4:] for line in notes[0].splitlines()] == list(race.notes)
    assert [line[4:] for line in notes[1].strip("\n").splitlines()] == [
        s.title for s in race.sources
    ]
    assert "infield clock showed 4:06.91" in out
    assert "even 4:00.00 pace" in out  # the demo says its light is modelled


def test_info_json_gives_the_notes_and_sources(capsys):
    race = read_race(DEMO)
    assert main(["info", DEMO, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["notes"] == list(race.notes)
    assert [s["title"] for s in data["sources"]] == [s.title for s in race.sources]
    assert all(set(s) <= {"id", "title", "url"} for s in data["sources"])


def test_a_race_without_notes_says_so_and_info_leaves_the_sections_out(tmp_path, capsys):
    race = race_from_data(minimal_data())
    assert "no notes or sources" in race_notes_html(race)
    path = tmp_path / "plain.json"
    path.write_text(json.dumps(minimal_data()), encoding="utf-8")
    assert main(["info", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\nNotes\n" not in out and "\nSources\n" not in out


def test_notes_are_escaped_and_sources_linked():
    data = minimal_data(
        title="Mile <b>heat</b> & final",
        notes=["Wind <2 m/s & dry"],
        sources=[{"id": "w", "title": "Results page", "url": "https://example.org/r?a=1&b=2"}],
    )
    html = race_notes_html(race_from_data(data))
    assert "Mile &lt;b&gt;heat&lt;/b&gt; &amp; final" in html
    assert "Wind &lt;2 m/s &amp; dry" in html
    assert "<a href='https://example.org/r?a=1&amp;b=2'>Results page</a>" in html


def test_help_menu_opens_the_race_notes(qtbot, settings, monkeypatch):
    ensure_app()
    win = MainWindow(compile_race(read_race(DEMO)), settings, theme="dark")
    qtbot.addWidget(win)
    shown: list[str] = []

    def exec_(dialog: QDialog) -> int:
        shown.append(dialog.text.toPlainText())
        return 0

    monkeypatch.setattr(RaceNotesDialog, "exec", exec_)
    titles = [a.text() for a in win.menus["help"].actions()]
    assert "About this &race…" in titles
    win.actions["race_notes"].trigger()
    assert len(shown) == 1
    assert "Official time 4:06.42; the infield clock showed 4:06.91." in shown[0]
    assert "Stade Sebastien Charlety, Paris · 26 June 2025" in shown[0]
    assert "Mile · target 4:00.00" in shown[0]
    assert "Outside: the green pacing light on the inner kerb" in shown[0]


def test_help_dialog_title_does_not_name_the_app_twice(qtbot):
    ensure_app()
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    assert "racegui" not in dialog.windowTitle()


def test_only_web_addresses_are_links():
    sources = [
        {"id": "a", "title": "Script", "url": "javascript:alert(1)"},
        {"id": "b", "title": "Local", "url": "file:///etc/passwd"},
        {"id": "c", "title": "Web", "url": "HTTPS://example.org/x"},
    ]
    html = race_notes_html(race_from_data(minimal_data(sources=sources)))
    assert html.count("<a href=") == 1
    assert "<a href='HTTPS://example.org/x'>Web</a>" in html
    assert "<li>Script</li>" in html and "<li>Local</li>" in html
