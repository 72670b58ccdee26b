"""Kanazawa's nature demo: taxa, citizen observations with identifications, survey campaigns."""

from importlib import import_module

PARTS = ["taxa", "observations", "campaigns", "map"]


def load() -> None:
    for part in PARTS:
        module = import_module(f"{__name__}.{part}")
        module.load()
