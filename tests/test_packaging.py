"""`pip install .` ships every package of the source tree (the list in pyproject is explicit)."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_source_package_is_listed_in_pyproject():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    in_tree = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "racegui").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    missing = in_tree - listed
    assert not missing, f"add to [tool.setuptools] packages: {sorted(missing)}"
    assert "racegui.resources" in listed
