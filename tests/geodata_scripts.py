"""Load a build script of geodata/ as a module, so tests can run its functions."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

GEODATA = Path(__file__).resolve().parents[1] / "geodata"


def load(name: str) -> ModuleType:
    """``geodata/<name>.py`` as module ``name`` (registered in ``sys.modules``, where
    dataclasses look their module up while building)."""
    spec = importlib.util.spec_from_file_location(name, GEODATA / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
