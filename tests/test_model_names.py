"""short_name: the surname a tag or label shows."""

import pytest

from racegui.model.names import short_name


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Grant Fisher", "Fisher"),
        ("Georgia Hunter Bell", "Hunter Bell"),
        ("Ludwig van Beethoven", "van Beethoven"),
        ("Pacer 10", "Pacer 10"),
        ("Runner A", "Runner A"),
        ("Kipyegon", "Kipyegon"),
        # "de los Angeles" is part of her given names: her surname is the last word
        ("Maria-Fernanda de los Angeles Villavicencio", "Villavicencio"),
        ("MARIA DE LOS ANGELES VILLAVICENCIO", "VILLAVICENCIO"),
        ("Juan de la Cruz", "Cruz"),
    ],
)
def test_short_name_is_the_surname(name, short):
    assert short_name(name) == short
