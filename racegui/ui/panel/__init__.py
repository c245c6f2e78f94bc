"""The replay window's side panel: pace vs target, live gap, splits and pacers."""

from racegui.ui.panel.side_panel import SidePanel

__all__ = ["SidePanel"]
