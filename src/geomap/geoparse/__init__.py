"""The geoparser: every place an article names, resolved to one gazetteer entry.

Modules: :mod:`.spans` (tokens and candidate spans), :mod:`.recognise` (which spans are
toponyms), :mod:`.resolve` (which place each one is), :mod:`.model` (the trained
weights), :mod:`.parser` (the three steps together) and :mod:`.names` (display names).

``geomap.geoparse(article)`` is the package's main function; since importing this
package makes ``geomap.geoparse`` the package itself, the package is callable and
calling it is calling :func:`geoparse`.
"""

import sys
import types
from typing import Any

from ..models import Mention
from .model import load_model
from .names import display_names
from .parser import Geoparser, default_parser, geoparse
from .resolve import DocContext, Resolver, default_resolver

__all__ = [
    "DocContext",
    "Geoparser",
    "Resolver",
    "default_parser",
    "default_resolver",
    "display_names",
    "geoparse",
    "load_model",
]


class _CallablePackage(types.ModuleType):
    def __call__(self, article: Any, *, parser: Geoparser | None = None) -> list[Mention]:
        return geoparse(article, parser=parser)


sys.modules[__name__].__class__ = _CallablePackage
