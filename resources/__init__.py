"""Data shipped with racegui: the race file schema, demo races and icons (installed as racegui.resources)."""
