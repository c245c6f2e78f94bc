"""What the gap card's figures are, on hover."""

from __future__ import annotations

from racegui.ui.panel.gap_readout import GapReadout


def test_every_figure_of_the_gap_card_says_what_it_is(qtbot):
    """'-0.33 s AHEAD' in green over a red 'PROJECTED 4:20.3 +0.3' had no tooltip to say
    the projection holds her pace over the last 200 m (a new user's review)."""
    card = GapReadout()
    qtbot.addWidget(card)
    for widget in (card.projected_caption, card.projected, card.versus):
        assert "pace over the last 200 m" in widget.toolTip()
    for widget in (card.seconds, card.word):
        assert "BEHIND" in widget.toolTip() and "AHEAD" in widget.toolTip()
    assert "(m)" in card.metres.toolTip()
