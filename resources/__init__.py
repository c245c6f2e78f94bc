"""Data shipped with racegui: the race file schema, demo races and icons.

Installed as the package racegui.resources.
"""
