"""The registry of data blocks. Each block lives in its own module of this package and
registers itself with `@register`; `autodiscover` (called from ReportsConfig.ready) imports
them all."""

import importlib
import pkgutil

from tsunagu.reports.blocks.base import Block

_registry: dict[str, Block] = {}


def register(block_class: type[Block]) -> type[Block]:
    block = block_class()
    if not block.name:
        raise ValueError(f"{block_class.__name__} has no name")
    _registry[block.name] = block
    return block_class


def autodiscover() -> None:
    for module in pkgutil.iter_modules(__path__):
        if module.name != "base" and not module.name.startswith("_"):
            importlib.import_module(f"{__name__}.{module.name}")


def block_get(name: str) -> Block:
    try:
        return _registry[name]
    except KeyError:
        raise KeyError(f"Unknown report block: {name}") from None


def block_choices() -> list[tuple[str, str]]:
    return [(name, block.title) for name, block in sorted(_registry.items())]
