"""The CPU a bench figure was measured on (bench/_machine.py)."""

import doctest

import _machine


def test_doctests() -> None:
    assert doctest.testmod(_machine).failed == 0


def test_reads_this_machine() -> None:
    info = _machine.cpu()
    assert set(info) == {"model", "cores", "int8_dot"}
    assert isinstance(info["int8_dot"], bool) and info["cores"] >= 1


def test_arm_dot_product_flag_counts() -> None:
    text = "processor\t: 0\nFeatures\t: fp asimd asimddp\nmodel name\t: Neoverse\n"
    assert _machine.cpu(text, cores=8) == {"model": "Neoverse", "cores": 8, "int8_dot": True}
