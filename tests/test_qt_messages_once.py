"""Qt's repeated complaint that no font shapes a script is said once (tester R3: an athlete
named in Tamil gave 207 lines on stderr for one exported still)."""

from __future__ import annotations

from PySide6.QtCore import qInstallMessageHandler, qWarning

from racegui.ui.qt_messages import quiet_harmless_messages


def test_a_missing_font_is_said_once_and_other_messages_pass(capsys):
    previous = qInstallMessageHandler(None)
    try:
        quiet_harmless_messages()
        for font in ("Noto Sans", "DejaVu Sans", "Noto Sans"):
            qWarning(f'OpenType support missing for "{font}", script 16')
        qWarning("propagateSizeHints() not supported")
        qWarning("something else")
        qWarning("something else")
    finally:
        qInstallMessageHandler(previous)
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        'OpenType support missing for "Noto Sans", script 16',
        "something else",
        "something else",
    ]
