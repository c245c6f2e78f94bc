"""--splits and the comparison tab: an export with --compare opens on the comparison tab
unless --splits names another (it had always shown the comparison, whatever --splits said),
and the dialog offers the tab the window shows, the comparison tab included."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from racegui.cli import _verb_parser, main  # noqa: E402
from racegui.export.cli_export import options_from_args  # noqa: E402
from racegui.export.scene_source import SceneFrameSource  # noqa: E402
from racegui.export.window_export import install_export, open_export_dialog  # noqa: E402
from racegui.io.replay_file import compare_options, read_replay  # noqa: E402
from racegui.ui.loading import load_replay  # noqa: E402
from racegui.ui.panel.splits_table import COMPARE, LAPS, SPLITS, TIMED  # noqa: E402
from racegui.ui.theme import DARK  # noqa: E402
from racegui.ui.ui_paths import demo_path  # noqa: E402

DEMO = str(demo_path())
WR = str(demo_path().parent / "kipyegon-wr-2023.json")


@pytest.fixture(scope="module")
def races():
    shown = load_replay(demo_path())
    return shown, read_replay(WR, compare_options(shown))


def _splits(tmp_path, *extra: str) -> str:
    args = _verb_parser("export").parse_args([DEMO, "-o", str(tmp_path / "x.png"), *extra])
    return options_from_args(args).splits


@pytest.mark.parametrize(
    ("extra", "mode"),
    [
        ((), COMPARE),
        (("--splits", "compare"), COMPARE),
        (("--splits", "laps"), LAPS),
        (("--splits", "200m"), SPLITS),
        (("--splits", "timed"), TIMED),
    ],
)
def test_splits_picks_the_tab_of_an_export_with_a_comparison(qapp, races, tmp_path, extra, mode):
    shown, wr = races
    splits = _splits(tmp_path, "--compare", WR, *extra)
    source = SceneFrameSource(shown, DARK, (1280, 720), compare=wr, splits=splits)
    try:
        source.frame_at(200.0)
        table = source.scene.panel.splits
        assert table.mode == mode
        assert table.view.model() is table._models()[mode]
    finally:
        source.close()


def test_without_a_comparison_the_laps_stay_the_default(qapp, races, tmp_path):
    shown, _ = races
    assert _splits(tmp_path) == "laps"
    source = SceneFrameSource(shown, DARK, (1280, 720), splits="compare")  # nothing compared
    try:
        assert source.scene.panel.splits.mode == LAPS
    finally:
        source.close()


def test_splits_compare_without_compare_is_one_line_and_exit_2(capsys, tmp_path):
    out = tmp_path / "x.mp4"
    assert main(["export", DEMO, "-o", str(out), "--splits", "compare", "-q"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("racegui export: --splits compare") and "--compare FILE" in err
    assert not out.exists()


def test_the_dialog_offers_and_starts_on_the_window_s_comparison_tab(window, qtbot):
    install_export(window)
    window.set_compare(load_replay(WR))  # which shows the comparison tab
    assert window.scene.panel.splits.mode == COMPARE
    dlg = open_export_dialog(window)
    qtbot.addWidget(dlg)
    assert dlg.options().splits == "compare"
    assert dlg.splits_combo.currentText() == "Splits vs 2023 (the comparison tab)"
    dlg.splits_combo.setCurrentIndex(dlg.splits_combo.findData("timed"))
    assert dlg.options().splits == "timed"
    dlg.close()


@pytest.mark.parametrize(
    ("presenting", "remembered"), [(True, False), (False, False), (False, True)]
)
def test_the_dialog_starts_with_big_type_in_presentation_mode(
    window, qtbot, presenting, remembered
):
    """F11 then Ctrl+E: "Big type" had come from the last export, unticked; in presentation
    mode it starts ticked (still the user's to untick), else as the last export had it."""
    install_export(window)
    window.settings.export_presentation = remembered
    window.set_presentation(presenting)
    dlg = open_export_dialog(window)
    qtbot.addWidget(dlg)
    assert dlg.presentation_check.isChecked() == (presenting or remembered)
    assert dlg.options().presentation == (presenting or remembered)
    dlg.presentation_check.setChecked(False)
    assert not dlg.options().presentation
    dlg.close()
    window.set_presentation(False)
