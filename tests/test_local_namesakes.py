"""Local namesakes: small US towns that cities500 lacks (post-office places), the joint
reading of a sentence's names, and a town beside its county kept against other states."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import geopy.distance
import pytest

from geomap.gazetteer.build import POSTAL, fold
from geomap.geoparse import Geoparser
from geomap.geoparse.resolve import DocContext, _read_jointly
from geomap.geoparse.spans import tokenize
from geomap.models import PlaceKind

DATA = Path(__file__).parent / "data"
GEOWEBNEWS = Path(__file__).parents[2] / "shared" / "corpora" / "geowebnews.jsonl"


@pytest.fixture(scope="module")
def parser(gazetteer):
    return Geoparser(gazetteer)


def km(place, point):
    return geopy.distance.great_circle((place.lat, place.lon), point).km


def _at(parser, text, word):
    a = text.index(word)
    (m,) = parser.resolve_at(text, [(a, a + len(word))])
    return m


def _provinces(parser, text, surface):
    """The provinces of every place the parse reads ``surface`` as."""
    return [m.place.admin1 for m in parser.parse(text) if m.surface == surface]


def test_post_office_towns_are_no_name_forms(gazetteer):
    """They must not make a word a place: no name form points at them."""
    keys = gazetteer.column("key")
    postal = [i for i, k in enumerate(keys) if k.startswith(POSTAL)]
    assert len(postal) > 5000
    readings = gazetteer.names.get(fold("Arlington"))
    assert readings and not any(keys[readings[k]].startswith(POSTAL) for k in range(0, 40, 2))


def test_a_post_office_town_is_chosen_where_its_county_is_named(parser):
    m = _at(parser, "The fire in Arlington was fought by crews from Carlisle County.", "Arlington")
    assert m.place is not None and km(m.place, (36.79, -89.01)) < 30  # Arlington, Kentucky


def test_a_town_that_once_bore_the_name_leaves_room_for_the_post_office_town(parser):
    """Atlanta, Illinois, was once called Xenia (a GeoNames alternate name): that must not
    hide Xenia, Illinois, the post-office town, behind Xenia, Ohio or the state's point."""
    m = _at(parser, "Sen. Darren Bailey of Xenia, Illinois, called it a tax hike.", "Xenia")
    assert m.place is not None and km(m.place, (38.64, -88.63)) < 30


def test_a_post_office_town_outbids_a_known_town_of_a_less_named_province(parser):
    """A Maine storm story whose last line names New Brunswick put "Wells and Kennebunk"
    at Wells, New Brunswick (a known town of a named province): the post-office town
    of the province the story names most is a candidate too."""
    text = (
        "PORTLAND, Maine (AP) - A storm cut power across Maine. Schools in Portland, "
        "Westbrook and Biddeford closed. Flooding closed Route 1 in Wells and Kennebunk. "
        "The storm moved on to New Brunswick."
    )
    m = _at(parser, text, "Wells")
    assert m.place is not None and m.place.admin1 == "US.ME"


def test_a_local_town_among_as_many_neighbours_outbids_a_town_next_door(parser):
    """A Vermont town-meeting story put Wilmington at Massachusetts' (22,000 people),
    whose reading stood beside other names' readings (Windham, New Hampshire): the local
    post-office town stands beside as many of the story's names, in the province it
    names."""
    text = (
        "Putney has a traditional Town Meeting. About 75% of Vermont towns like Putney "
        "went with it. Wardsboro and Windham decided to postpone their in-person "
        "meetings. In Rockingham, Marlboro, and Wilmington, voters considered the "
        "Australian ballot. Wilmington voted to keep in-person meetings and Rockingham "
        "voters rejected it."
    )
    assert _provinces(parser, text, "Wilmington") == ["US.VT", "US.VT"]


def test_a_county_of_the_province_other_names_lie_in_outbids_a_big_one(parser):
    """A Kentucky sports page that names Tennessee most put "Fulton County" in Georgia (a
    million people, fifty times the Kentucky county's size): a county of a province the
    story's other names lie in (Calloway County) is the name's, however small."""
    text = (
        "High school football kicked off on Friday night, with Calloway County hosting "
        "Henderson County, Fulton County at Gleason, TN, and Trigg County at Todd County "
        "Central. The Fulton County Pilots traveled to Gleason, TN, for their first game "
        "and fell 40-0 against the Tennessee team."
    )
    assert _provinces(parser, text, "Fulton County") == ["US.KY", "US.KY"]


def test_a_post_office_town_is_no_candidate_without_its_province(parser):
    m = _at(parser, "The fire in Arlington was fought by crews from the city.", "Arlington")
    assert m.place is not None and m.place.population > 100_000


def test_split_votes_lean_to_the_provinces_other_names_vote_for():
    votes = {
        "US.NJ": {"middlesex county": 0.5, "somerset county": 0.5},
        "US.MA": {"middlesex county": 0.5},
        "US.PA": {"somerset county": 0.5},
        "US.KS": {"kansas": 1.0},
    }
    _read_jointly(votes)
    assert votes["US.NJ"]["middlesex county"] == pytest.approx(2 / 3)
    assert votes["US.MA"]["middlesex county"] == pytest.approx(1 / 3)
    assert votes["US.KS"]["kansas"] == 1.0  # a whole vote stays whole


def test_the_province_most_other_names_vote_for_is_the_storys_home():
    """Split votes of two names or more, half a vote in all, make a province the story's
    home for a third name; its own vote does not count, nor a tie."""
    votes = {
        "US.OH": {"toledo": 0.41, "allen county": 0.38, "shawnee": 0.41},
        "US.KS": {"allen county": 0.31, "shawnee": 0.4},
        "PE.LMA": {"lima": 1.0},
    }
    assert DocContext(votes=votes).voted_home("lima") == "US.OH"
    assert DocContext(votes=votes).voted_home("toledo") is None  # Lima: 1.0 to 0.79
    weak = {"US.OH": {"toledo": 0.2, "allen county": 0.2}, "PE.LMA": {"lima": 1.0}}
    assert DocContext(votes=weak).voted_home("lima") is None
    one_name = {"US.OH": {"toledo": 1.0, "lima": 0.5}, "PE.LMA": {"lima": 0.5}}
    assert DocContext(votes=one_name).voted_home("lima") is None
    tie = {"US.OH": {"a": 0.6, "b": 0.6}, "US.KS": {"c": 0.6, "d": 0.6}}
    assert DocContext(votes=tie).voted_home("lima") is None


def test_a_local_paper_that_never_names_its_state_is_read_in_it(parser):
    """A Lima, Ohio police story naming Toledo and Allen County but never Ohio read
    every "Lima" (and its streets) as Peru's capital: the province the other names'
    split votes favour is the story's own, as a province it names would be."""
    text = (
        "Lima police are investigating a shooting that left a man wounded early Sunday.\n"
        "The victim was taken to Lima Memorial Health System and later flown to a "
        "hospital in Toledo.\n"
        "Allen County Sheriff Matt Treglia said deputies were searching for a car.\n"
    )
    assert _provinces(parser, text, "Lima") == ["US.OH", "US.OH"]


def test_votes_are_read_apart_in_a_one_country_story_and_a_round_up(parser):
    """The provinces other names vote for weigh differently in a story about one country
    (most of its sure names lie there) and in a world round-up."""
    r = parser.resolver

    def focus_features(names: list[str], target: str) -> set[str]:
        ctx = r.context([(fold(n), parser.gazetteer.forms(n)) for n in names])
        forms = parser.gazetteer.forms(target)
        cands = r.candidates(forms, ctx, fold(target))
        return {x for f in r.features(fold(target), cands, ctx, None) for x in f if "focus" in x}

    local = focus_features(["Texas", "Dallas", "Lamar County", "Athens"], "Athens")
    world = focus_features(["Texas", "Brazil", "Iraq", "Uganda", "Kerala", "Athens"], "Athens")
    assert local and all("focus=1" in x for x in local)
    assert world and all("focus=0" in x for x in world)


def test_a_qualified_dateline_puts_the_story_in_its_state(parser):
    """ "SHERMAN, Texas" is one town for sure once its qualifier is read, so with the
    state named again the story is local to Texas and its "Paris" is Paris, Texas."""
    text = (
        "SHERMAN, Texas -- Police in Paris said the roads were closed. "
        "Grayson County officials in Texas agreed."
    )
    (paris,) = [m for m in parser.parse(text) if m.surface == "Paris"]
    assert (paris.place.country_code, paris.place.admin1) == ("US", "US.TX")


def test_a_wire_dateline_is_the_town_that_needs_no_qualifier(parser):
    """ "GENEVA (Reuters)" over a story about Australia is Geneva, Switzerland: an agency
    names its dateline town alone only when no reader could take it for a namesake, so
    the story's locus (a hamlet of New South Wales) does not move it."""
    text = (
        "GENEVA (Reuters) - The World Health Organization said cases had risen in "
        "Australia, where Victoria and New South Wales reported new clusters. Officials "
        "in Melbourne and Sydney urged residents to stay home."
    )
    (geneva,) = [m for m in parser.parse(text) if m.surface == "GENEVA"]
    assert geneva.place.country_code == "CH"


def test_a_wire_dateline_after_a_byline_is_a_town(parser):
    """ "Matthew Daly, The Associated Press. WASHINGTON (AP)": a dateline opens its
    sentence after a byline too, and names the town filed from, never the state, even
    in a story about Washington State's counties."""
    text = (
        "Matthew Daly, The Associated Press. WASHINGTON (AP) - Wildfires spread in "
        "Washington state, where Okanogan and Chelan counties were evacuated."
    )
    (dateline,) = [m for m in parser.parse(text) if m.surface == "WASHINGTON"]
    assert (dateline.place.kind.value, dateline.place.admin1) == ("city", "US.DC")


def test_a_big_namesake_that_is_not_dominant_gives_way_to_the_local_town(parser):
    """ "Similar plants operate in Hopkinton and in Lincoln" of a New Hampshire story was
    Nebraska's capital, 300 times the size of Lincoln, New Hampshire: the size guard
    ("the CDC in Atlanta") holds only for a name's dominant reading, and Nebraska's
    Lincoln shares its name with an English city a third its size."""
    text = (
        "BERLIN - The Berlin City Council on Monday voted to sell the former Brown "
        "Company mill site to a Montreal developer who plans a biomass plant, over "
        "objections from residents of Gorham and Milan.\n"
        "The site along the Androscoggin River has sat empty since 2006. Mayor Paul "
        "Grenier said the plant would create 40 jobs. Residents worried about truck "
        "traffic on Route 16 through Gorham, and about the smell from the plant "
        "drifting toward Milan.\n"
        "Coos County commissioners will review the plan next month. The state "
        "Department of Environmental Services in Concord must also approve an air "
        "permit. Similar plants operate in Hopkinton and in Lincoln.\n"
    )
    assert _provinces(parser, text, "Lincoln") == ["US.NH"]
    text = text.replace("in Lincoln", "in Atlanta")
    assert _provinces(parser, text, "Atlanta") == ["US.GA"]


_LIMA_STORY = (
    "Lima police are investigating a shooting that left a 19-year-old man wounded early "
    "Sunday on the city's south side.\n"
    "The victim was taken to Lima Memorial Health System and later flown to a hospital "
    "in Toledo.\n"
    "Allen County Sheriff Matt Treglia said deputies were searching for a car that fled "
    "toward Delphos.\n"
    "Last month, a man from Wapakoneta was killed outside a bar near Shawnee Township.\n"
)


def test_a_local_storys_towns_need_less_to_be_read(parser):
    """ "fled toward Delphos" and "a man from Wapakoneta" of a Lima, Ohio story were no
    places (score 0.37: rare names, no state named): once the story is read as local (a
    province holding most of its places), its province's towns need only the list floor,
    and the repeat floor in a list beside a kept name."""
    got = {m.surface: m.place.admin1 for m in parser.parse(_LIMA_STORY) if m.place}
    assert got["Delphos"] == got["Wapakoneta"] == "US.OH"
    # listed beside a kept name, only the repeat floor: "between Columbus and Seymour"
    # (0.30) of an Indiana story
    text = (
        "Drivers between Columbus and Seymour should expect delays.\n\nDetours will send "
        "traffic through North Vernon and Greensburg. Residents of Madison and Vevay have "
        "asked for a new river crossing."
    )
    got = {m.surface: m.place.admin1 for m in parser.parse(text) if m.place}
    assert got["Seymour"] == "US.IN"


def test_a_local_storys_floor_spares_cars_surnames_and_longer_names(parser):
    """The local floor takes no everyday word ("a White Oldsmobile"), no word after a
    capitalised one ("James Knight Newman") and no word before one ("the Diablo Canyon
    plant")."""
    story = _LIMA_STORY.replace("a car", "a White Oldsmobile").replace(
        "Last month, a man from Wapakoneta", "Last month, Jim Knight Delphos"
    )
    story += "The Wapakoneta Canyon bar closed.\n"
    got = [m.surface for m in parser.parse(story)]
    assert "White" not in got and got.count("Delphos") == 1 and "Wapakoneta" not in got


def test_a_township_is_not_sent_to_a_far_village_of_its_name(parser):
    """ "near Shawnee Township" of a Lima story (Allen County's township) was Shawnee,
    an Ohio village 200 km off: like an institution, a township put at a village far
    from its sentence's town is at that town."""
    (m,) = [m for m in parser.parse(_LIMA_STORY) if m.surface == "Shawnee Township"]
    assert m.place.name == "Wapakoneta"
    # ... whatever the size of the town it was read as: "Marion Township, west of
    # Delphos" was the city of Marion, 110 km off
    text = (
        "DELPHOS, Ohio - A woman was hurt Saturday when her car went off state Route 697 "
        "in Marion Township, west of Delphos, and struck a tree near Spencerville."
    )
    (m,) = [m for m in parser.parse(text) if m.surface == "Marion Township"]
    assert m.place.name == "Delphos"


def test_a_village_outside_the_storys_province_gives_way_to_the_city(parser):
    """ "Kansas City hosts Buffalo" of a Denver story that names Wyoming was Buffalo,
    Wyoming (4,600 people): a village outside the story's own province gives way to the
    city of its country its name stands for, 50 times its size."""
    text = (
        "DENVER (AP) - The Denver Broncos beat the Kansas City Chiefs 24-17 on Sunday.\n"
        "Chiefs coach Andy Reid said Patrick Mahomes would have an MRI in Kansas City.\n"
        "Fans from Colorado Springs, Boulder and Fort Collins filled the stadium, and the "
        "game was shown in bars across Wyoming.\n"
        "Next week, Kansas City hosts Buffalo, while Denver travels to Nevada.\n"
    )
    assert _provinces(parser, text, "Buffalo") == ["US.NY"]


def test_a_local_storys_street_is_at_its_home_town_not_its_states_centre(parser):
    """ "the Ohio Department of Transportation ... the Richland Avenue exit" of an Athens,
    Ohio story without a dateline was at Ohio's centre: a street whose sentence names
    only the province of the story's home town (its province's first town) is there;
    so is one whose sentence and paragraph name no place."""
    text = (
        "The Athens City Council voted 5-2 Tuesday to rezone 40 acres for student "
        "housing.\n"
        "Residents of The Plains and Albany spoke against the plan. Mayor Steve Patterson "
        "said the city would ask the Ohio Department of Transportation to study a new "
        "light at the Richland Avenue exit.\n"
        "The vote follows a similar rezoning in Nelsonville last year.\n"
        "Traffic on Court Street has doubled.\n"
    )
    got = {m.surface: m.place.name for m in parser.parse(text) if m.place}
    assert got["Richland Avenue"] == got["Court Street"] == "Athens"


def test_an_institution_named_after_a_far_village_is_at_the_home_town(parser):
    """ "near Berry College" of a Rome, Georgia story (no town in its sentence) was at
    Berry, an Alabama village 200 km off: at the local story's home town instead."""
    text = (
        "A Rome man was arrested Saturday after a chase that ended in Cave Spring, Floyd "
        "County police said.\n"
        "Officers tried to stop a pickup truck for speeding near Berry College, but the "
        "driver fled south on U.S. 411, police said. The truck crashed near the Alabama "
        "state line. The driver, 34, of Lindale, was charged.\n"
    )
    assert [m.place.name for m in parser.parse(text) if m.surface == "Berry College"] == ["Rome"]


def test_a_local_town_comes_first_only_in_the_storys_own_province(parser):
    """ "the Evandro Chagas Institute in Belem" of a story naming two places each in Minas
    Gerais, Rio de Janeiro and Sao Paulo was a Sao Paulo town of 56,000, not Para's
    capital: a namesake comes first only in the province most of the story's names lie
    in, not in one of several it names as often."""
    text = (
        "Brazil's health ministry said yellow fever had killed 80 people in Minas Gerais, "
        "and that cases had been confirmed in Sao Paulo state. Monkeys were found dead "
        "near Rio de Janeiro and in Belo Horizonte.\n"
        "Lines formed outside clinics in Niteroi and Campinas. The outbreak is the worst "
        "since the 1940s, said Pedro Vasconcelos of the Evandro Chagas Institute in "
        "Belem.\n"
    )
    assert _provinces(parser, text, "Belem") == ["BR.16"]


def test_a_feature_of_a_country_a_local_story_never_names_is_not_placed_there(parser):
    """ "the River Derwent burst its banks at Matlock" of a Yorkshire and Derbyshire
    story was Tasmania's Derwent: a land or water feature of a country the local story
    names nothing in, far from its home, is at its sentence's town."""
    text = (
        "Flooding has closed roads across North Yorkshire after Storm Babet.\n"
        "Severe flood warnings were issued for York and for Tadcaster. North Yorkshire "
        "Council said rest centres had opened in Selby and Malton. Further south, the "
        "River Derwent burst its banks at Matlock in Derbyshire.\n"
    )
    (derwent,) = [m for m in parser.parse(text) if m.surface == "River Derwent"]
    assert derwent.place is not None and derwent.place.name == "Matlock"


def test_a_name_whose_biggest_town_dwarfs_its_other_towns_keeps_it(parser):
    """ "Harris campaigned in Atlanta and Savannah for Georgia Democrats" of a national
    story naming Ohio and Cincinnati was Savannah, Ohio (a village): the size guard
    weighs a name's towns alone, and Georgia's Savannah is ten times any other town of
    the name (Ghana's Savannah region, half its size, is no town)."""
    text = (
        "WASHINGTON (AP) - House Speaker Mike Johnson said Tuesday he would bring the "
        "spending bill to a vote this week, despite objections from Rep. Jim Jordan and "
        "other conservatives.\n"
        "Johnson met with Senate Majority Leader John Thune and Sen. Lindsey Graham at "
        'the Capitol. Graham, of South Carolina, said the bill "funds the troops." '
        "Jordan, an Ohio Republican, said he would vote no. Democrats led by Hakeem "
        "Jeffries of New York said they would oppose it unless it extended health "
        "subsidies.\n"
        "Vice President JD Vance, who was in Cincinnati, urged Republicans to back it. "
        "Defense Secretary Pete Hegseth toured Fort Bragg in North Carolina, and "
        "Secretary of State Marco Rubio flew to Brussels for a NATO meeting. Sen. Ted "
        "Cruz of Texas and Gov. Josh Shapiro of Pennsylvania also weighed in. Harris, "
        "the former vice president, campaigned in Atlanta and Savannah for Georgia "
        "Democrats.\n"
    )
    assert _provinces(parser, text, "Savannah") == ["US.GA"]


def test_a_story_of_one_country_reads_its_capital_with_less(parser):
    """ "Ottawa said it would send military help" of a Nova Scotia wildfire story was no
    place (a sentence's first word before "said"): in a story most of whose places lie in
    one country, that country's capital needs only the list floor."""
    text = (
        "Halifax Regional Municipality has declared a state of emergency after wildfires "
        "forced thousands of people from their homes in Tantallon and Hammonds Plains, "
        "Nova Scotia Premier Tim Houston said.\n"
        "Crews from New Brunswick and Prince Edward Island joined firefighters. Ottawa "
        "said it would send military help from CFB Greenwood.\n"
    )
    assert "Ottawa" in [m.surface for m in parser.parse(text)]


def test_a_story_of_one_country_reads_its_provinces_and_main_cities_with_less(parser):
    """ "Andalusia and the Basque Country are watching" and "Valencia's port in Sagunto"
    of a story of Spain were no places (a sentence's first word, 0.49 against a threshold
    of 0.54): in a story of one country, its provinces and cities of 100,000 by their own
    names need only the list floor. A person's name before speech stays no place."""
    text = (
        "MADRID (AP) — Catalonia's government said Monday it would ask Madrid for more "
        "powers over Barcelona's airport. Andalusia and the Basque Country are watching "
        "the talks. In Seville, the premier said any deal must apply to all regions. "
        "Valencia's port in Sagunto was also mentioned. Galicia's leader, speaking in "
        "Santiago de Compostela, called it a bad precedent.\n"
    )
    got = {m.surface: m.place for m in parser.parse(text)}
    assert got["Andalusia"].admin1 == "ES.51" and got["Valencia"].admin1 == "ES.60"
    said = text.replace("Andalusia and the Basque Country are watching", "Valencia said")
    assert [m.surface for m in parser.parse(said)].count("Valencia") == 1


def test_a_spelling_of_a_town_in_the_storys_country_beats_a_namesake_elsewhere(parser):
    """GeoNames calls Corinth "Kórinthos" and gives "Corinth" as an other name, so of a
    story of Greece "near Corinth in the Peloponnese" was Corinth, Texas (dropped as a
    stray): where no town bearing the name as its own lies in a country the story names,
    a spelling of one that does is a candidate whatever its size."""
    text = (
        "ATHENS (Reuters) - Firefighters battled wildfires across Greece on Tuesday. "
        "Fires also burned near Corinth in the Peloponnese and on the outskirts of "
        "Patras.\n"
    )
    got = {m.surface: m.place for m in parser.parse(text)}
    assert (got["Corinth"].country_code, got["Corinth"].admin1) == ("GR", "GR.ESYE25")
    text = "Corinth police said the Dallas suburb would close roads near Denton, Texas."
    assert parser.parse(text)[0].place.admin1 == "US.TX"
    # a big city bearing the name as its own is known by it anywhere: "Deutsche Bank, in
    # Frankfurt" of a New York story was Frankfort, New York (2,500 people)
    text = (
        "NEW YORK (Reuters) - Shares of Texas Instruments fell. Deutsche Bank, in "
        "Frankfurt, said chip stocks could follow."
    )
    frankfurt = next(m for m in parser.parse(text) if m.surface == "Frankfurt")
    assert frankfurt.place.country_code == "DE"


def test_a_local_storys_building_named_after_a_stray_town_is_at_home(parser):
    """ "Two passengers were taken to Victoria Hospital" of a London, Ontario story was
    read as a hospital of Victoria, the Seychelles' capital, then left unplaced as a
    stray: a building or street of a local story put at a stray is at home (0.3), as one
    the gazetteer lacks is."""
    text = (
        "LONDON, Ont. — Police in London are investigating a fatal crash on Highway 401 "
        "near Woodstock on Sunday. The driver, from St. Thomas, died at the scene, "
        "Ontario Provincial Police said. Two passengers were taken to Victoria Hospital.\n"
    )
    got = {m.surface: m for m in parser.parse(text)}
    hospital = got["Victoria Hospital"]
    assert hospital.place.name == "London" and hospital.place.admin1 == "CA.08"
    assert hospital.confidence == pytest.approx(0.3)


def test_a_village_far_from_the_storys_towns_is_the_big_city_of_its_name(parser):
    """ "The Centers for Disease Control and Prevention in Atlanta" of a measles story from
    Lubbock was Atlanta, Texas (5,600 people, 700 km east): a village read for a name a
    big city bears, 300 km from each of the story's several other towns, is the city. An
    East Texas story's Atlanta, among its neighbours, stays."""
    text = (
        "LUBBOCK, Texas - Cases rose in Lubbock, Seminole and Gaines County. "
        "The CDC in Atlanta said so."
    )
    got = {m.surface: m.place for m in parser.parse(text)}
    assert got["Atlanta"].admin1 == "US.GA"
    text = (
        "TEXARKANA, Texas - Storms hit Texarkana, Atlanta, Linden and Queen City on "
        "Monday, and New Boston lost power."
    )
    got = {m.surface: m.place for m in parser.parse(text)}
    assert got["Atlanta"].admin1 == "US.TX"


def test_a_far_village_is_no_big_city_of_a_country_the_story_never_names(parser):
    """ "Coraki and Woodburn, where the Richmond is expected to break its banks" of a
    story of New South Wales was Richmond, Virginia: a far village of its name is the
    big city of its name only in a country the story names something in."""
    text = (
        "LISMORE - Flood rescues were made in Lismore, Kyogle, Nimbin and Casino. "
        "Downstream, Coraki and Woodburn worry most, where the Richmond is expected to "
        "break its banks on Friday."
    )
    got = {m.surface: m.place for m in parser.parse(text)}
    assert got["Richmond"] is None or got["Richmond"].country_code == "AU"


def test_a_qualified_name_is_read_so_in_the_stories_context_everywhere(parser):
    """ "MOSCOW, Idaho ... Police in Moscow are investigating ... police in Pullman,
    just across the state line in Washington" read Washington as DC: the second "Moscow"
    counted as Russia's capital in the story's context ("Washington and Moscow"). A name
    the story qualifies once is read so wherever the context reads it."""
    text = (
        "MOSCOW, Idaho - Police in Moscow are investigating. They work with police in "
        "Pullman, just across the state line in Washington, where thefts were reported."
    )
    got = {m.surface: m.place for m in parser.parse(text)}
    assert got["Washington"].kind.value == "admin1" and got["Washington"].admin1 == "US.WA"


def test_a_town_far_from_every_county_named_is_the_namesake_one_holds(parser):
    """ "PARIS — The Lamar County commissioners approved a new jail" was Paris, France, and
    "ROME — Floyd County police" Rome, Italy: the county the story names holds a town of
    that name (Paris, Texas; Rome, Georgia), which is the one meant; a wire dateline
    stands alone ("PARIS (Reuters)")."""
    got = {m.surface: m.place for m in parser.parse("PARIS — The Lamar County commissioners met.")}
    assert got["PARIS"].admin1 == "US.TX"
    got = {m.surface: m.place for m in parser.parse("ROME — Floyd County police arrested a man.")}
    assert got["ROME"].admin1 == "US.GA"
    text = "PARIS (Reuters) - French police said. The Lamar County sheriff in Texas commented."
    assert {m.surface: m.place for m in parser.parse(text)}["PARIS"].country_code == "FR"
    # by any reading of the county: "Jackson County" was Missouri's, Newport Wales'
    text = "NEWPORT — Jackson County deputies said the fire was arson."
    got = {m.surface: m.place for m in parser.parse(text)}
    assert got["NEWPORT"].admin1 == "US.AR" and got["Jackson County"].admin1 == "US.AR"
    # a town of the dateline's province stays: "a Nashville band" was Nashville, Illinois,
    # and the Washington County of the fair Illinois' (the county that holds it)
    text = (
        "JONESBOROUGH, Tenn. — The Washington County Fair opened Monday. Exhibitors came "
        "from Johnson City and Elizabethton, and a Nashville band will play Saturday."
    )
    got = {m.surface: m.place for m in parser.parse(text)}
    assert got["Nashville"].admin1 == "US.TN" and got["Washington County"].admin1 == "US.TN"


def test_a_county_named_holds_a_post_office_town_cities500_lacks(parser):
    """ "Cleveland is a town in Russell County" was Cleveland, Ohio: cities500 has no
    Cleveland in any of the four Russell Counties, but Virginia's holds a post-office
    town of that name, which is the one meant; a town cities500 has is still preferred
    ("Dayton ... the county seat of Montgomery County" is Ohio's city, not Maryland's
    post office in the more populous Montgomery County)."""
    got = {m.surface: m.place for m in parser.parse("Cleveland is a town in Russell County.")}
    assert got["Cleveland"].admin1 == got["Russell County"].admin1 == "US.VA"
    text = "Dayton is a big city and the county seat of Montgomery County."
    got = {m.surface: m.place for m in parser.parse(text)}
    assert got["Dayton"].admin1 == got["Montgomery County"].admin1 == "US.OH"


def test_a_town_read_where_the_story_names_two_other_places_is_no_county_namesake(parser):
    """ "In Bulacan, hospitals in Malolos and San Jose del Monte" of a Philippine story
    that also named Davao del Sur (a second-level unit, as a US county is) was Bulacan of
    Davao del Sur, 900 km off: a town read in a province where the story reads two other
    names by themselves stays."""
    text = (
        "Cases rose in Central Luzon and in Davao del Sur. In Bulacan, hospitals in "
        "Malolos and San Jose del Monte set up fast lanes."
    )
    got = {m.surface: m.place for m in parser.parse(text)}
    assert got["Bulacan"].admin1 == got["Malolos"].admin1 == "PH.03"
    # ... but its county is still the one near it: a fold's model read "the Montgomery
    # County Democrats" of a Red Oak, Iowa story as Maryland's, and the rule, kept off
    # Red Oak (Iowa and Clarinda are read there too), left the county so
    text = (
        "RED OAK — The Montgomery County Democrats will host the forum in Red Oak. Axne "
        "spoke in Clarinda about Iowa."
    )
    spans = parser.recognise(text, tokenize(text))
    maryland = next(p for p in parser.gazetteer.lookup("Montgomery County") if p.admin1 == "US.MD")
    mentions = [
        dataclasses.replace(m, place=maryland) if m.surface == "Montgomery County" else m
        for m in parser.resolve(text, spans)
    ]
    quals = parser.resolver.qualifiers(text, spans)
    got = parser._county_town(text, mentions, spans, quals)
    assert {m.place.admin1 for m in got if m.surface == "Montgomery County"} == {"US.IA"}


def test_a_lower_case_building_word_after_a_county_leaves_the_county(parser):
    """ "ATHENS — The Clarke County school board voted" read "Clarke County school" as a
    school put at Athens, Greece: a lower-case building word after a county's name
    modifies it, and the county then places Athens in Georgia."""
    text = "ATHENS — The Clarke County school board voted Tuesday to close two schools."
    got = {m.surface: m.place for m in parser.parse(text)}
    assert got["Clarke County"].admin1 == "US.GA" and got["ATHENS"].admin1 == "US.GA"


def test_the_town_a_university_is_of_is_the_big_namesake(parser):
    """ "Scientists at the University of Cambridge and Johns Hopkins University in
    Baltimore" read Cambridge as the Maryland town of 12,000, 90 km from Baltimore, and
    so every Cambridge of the story; the University of Charleston of a West Virginia
    story stays in Charleston, West Virginia."""
    text = (
        "Cambridge researchers map a brain\n\nScientists at the University of Cambridge "
        "and Johns Hopkins University in Baltimore published the map. The team worked at "
        "Cambridge's MRC Laboratory."
    )
    places = [m.place for m in parser.parse(text) if m.surface == "Cambridge"]
    assert len(places) == 3 and {p.country_code for p in places} == {"GB"}
    text = (
        "CHARLESTON, W.Va. — The University of Charleston will add a nursing program, "
        "officials in Huntington and Morgantown said."
    )
    got = [m.place.admin1 for m in parser.parse(text) if m.surface.lower() == "charleston"]
    assert got == ["US.WV", "US.WV"]


def test_a_country_of_a_local_story_naming_nothing_else_abroad_is_its_town(parser):
    """ "Her maple syrup comes from a sugarhouse in Peru" of a story of Norway, Paris and
    Oxford, Maine was the country: a country is the town of its name in a local story's
    province, near another of its towns, if the story names nothing else abroad. One
    that names Canada too keeps the country."""
    text = (
        "NORWAY, Maine - A bakery opened on Main Street in Norway this week. The owner "
        "buys her flour in Skowhegan and her eggs from a farm in Paris, just up the hill "
        "from South Paris. Her maple syrup comes from a sugarhouse in Peru. Oxford and "
        "Bethel shops sell her bread too."
    )
    got = {m.surface: m.place for m in parser.parse(text)}
    assert (got["Peru"].country_code, got["Peru"].admin1) == ("US", "US.ME")
    text = text.replace("Bethel shops", "Canadian and Bethel shops")
    got = {m.surface: m.place for m in parser.parse(text)}
    assert got["Peru"].kind is PlaceKind.COUNTRY


def test_a_lake_of_no_one_country_or_a_province_in_a_name_is_not_abroad(parser):
    """ "Mexico, Pulaski schools close ... snow off Lake Ontario ... the Tug Hill
    Plateau" stayed the country Mexico: Lake Ontario (of no one country) and Nigeria's
    Plateau State read inside "Tug Hill Plateau" counted as places abroad."""
    text = (
        "PULASKI - Lake-effect snow off Lake Ontario dumped four feet on parts of northern "
        "Oswego County and the Tug Hill Plateau. Lacona reported 38 inches and the village "
        'of Pulaski 31. "You drive out of Mexico into Richland and it\'s like a wall," a '
        "plow driver in Sandy Creek said."
    )
    got = {m.surface: m.place for m in parser.parse(text)}
    assert (got["Mexico"].country_code, got["Mexico"].admin1) == ("US", "US.NY")
    assert got["Tug Hill"] is None or got["Tug Hill"].country_code == "US"


def test_a_local_storys_county_stays_in_its_province(parser):
    """ "Chinook on the Washington side of the Columbia River. Down the coast in Lincoln
    County, the city of Toledo" of an Astoria, Oregon story read Washington, Georgia and
    Georgia's Lincoln County beside it: a county read in a province the story reads two
    other names in is not moved out of it for a far town's namesake, and a local story's
    county read elsewhere is its province's of that name."""
    text = (
        "ASTORIA - Clatsop County commissioners met in Astoria on Monday. Seaside, "
        "Warrenton and Gearhart sent staff. Crowds packed the bridge to Chinook on the "
        "Washington side of the Columbia River.\n\nDown the coast in Lincoln County, the "
        "city of Toledo is dealing with its own worries, as are Newport and Waldport."
    )
    got = {m.surface: m.place for m in parser.parse(text)}
    assert got["Lincoln County"].admin1 == "US.OR"


def test_a_local_storys_far_town_of_its_own_country_is_the_homes_namesake(parser):
    """ "Lakhimpur and Golaghat worst hit" of a GUWAHATI story of Assam's towns was Uttar
    Pradesh's Lakhimpur, 1,300 km off: a town of the story's own country far from all
    its towns is its province's town of that name, by any of its names (GeoNames calls
    North Lakhimpur "Lakhimpur" too); a team's town stays ("the Portland Trail Blazers"
    of a Houston story)."""
    text = (
        "GUWAHATI - Japanese encephalitis deaths rose to 41 in Assam. Lakhimpur and "
        "Golaghat were worst hit, and cases rose in Dibrugarh, Jorhat and Tezpur."
    )
    got = {m.surface: m.place for m in parser.parse(text)}
    assert got["Lakhimpur"].admin1 == "IN.03"
    text = (
        "HOUSTON, Texas - The Houston Rockets beat the Portland Trail Blazers 96-94 in "
        "Houston. Fans came from Pasadena, Katy and Sugar Land."
    )
    got = {m.surface: m.place for m in parser.parse(text)}
    assert got["Portland"].admin1 == "US.OR"


def test_postal_villages_are_named_and_read_where_the_story_is(parser, gazetteer):
    """Places cities500 lacks that local news names ("in Lurgan, County Armagh", "near
    Birnam ... at Blairgowrie") come from GeoNames' postal codes, with their own names;
    such a village abroad is read only where the story's countries, provinces or towns
    are: "the Western Isles, Skye and Lochaber" of a Scottish story holds no Australian
    Lochaber, "Cloverhill District Court" of a Dublin story no Aberdeen suburb."""
    keys = gazetteer.column("key")
    assert sum(k.startswith("postal:") for k in keys) > 20000
    text = (
        "BELFAST - Police are investigating an attack on a man in Lurgan, County Armagh, "
        "and a fire near Portadown and Newry."
    )
    got = {m.surface: m.place for m in parser.parse(text)}
    assert got["Lurgan"].country_code == "GB" and km(got["Lurgan"], (54.46, -6.33)) < 10
    # (a probe text written for this, and GeoWebNews articles)
    docs = [json.loads(line) for line in GEOWEBNEWS.open(encoding="utf-8")]
    text = (DATA / "articles" / "hebrides_ferries.txt").read_text(encoding="utf-8")
    got = {m.surface: m.place for m in parser.parse(text)}
    assert got["Castlebay"].country_code == "GB"
    assert got.get("Lochaber") is None or got["Lochaber"].country_code == "GB"
    text = next(d["text"] for d in docs if d["id"] == "188")
    courts = [m.place for m in parser.parse(text) if m.surface.startswith("Cloverhill")]
    assert courts and all(p is None or p.country_code == "IE" for p in courts)
    # ... a US post-office town no cities500 town names ("fans driving in from Whigham")
    # is one too; where the story's provinces and big towns lie in other provinces of its
    # country it is vouched for by none ("Elysian Fields" of a New Orleans story is no
    # Texas village)
    text = (
        "CAIRO, Ga. - More than 3,000 packed the stadium, with fans driving in from "
        "Whigham, Pelham and Thomasville. Tallahassee and Valdosta sent buses."
    )
    got = {m.surface: m.place for m in parser.parse(text)}
    assert got["Whigham"].admin1 == "US.GA" and km(got["Whigham"], (30.88, -84.32)) < 10
    text = next(d["text"] for d in docs if d["id"] == "0")  # a New Orleans story
    assert not [m for m in parser.parse(text) if m.place and m.place.admin1 == "US.TX"]
    # ... and one abroad after a word of place stays a place the gazetteer lacks, as it was
    # before: "unfolding near Manara, a kibbutz" is no Pakistani village, yet a place
    text = (
        "The Israeli military said a security incident was unfolding near Manara, a "
        "kibbutz near the border with Lebanon, and near Metula and Kiryat Shmona."
    )
    got = {m.surface: m.place for m in parser.parse(text)}
    assert "Manara" in got and (got["Manara"] is None or got["Manara"].country_code == "IL")


def test_a_towns_own_bodies_make_a_country_its_town(parser):
    """ "A Peru couple ... Peru Fire Department Chief Erick Hawk" of an Indiana paper and
    "the Lebanon City Schools" of an Ohio one read the countries: a country's name before
    a town's own body (a city council, a police or fire department, a high school) is a
    town of that name, and so are its other mentions in the story."""
    text = (
        "PERU — A Peru couple is recovering at a Fort Wayne hospital after firefighters "
        "rescued the pair from their burning home. Peru Fire Department Chief Erick Hawk "
        "said the fire broke out around 5:30 a.m."
    )
    got = [m.place for m in parser.parse(text) if m.surface.lower() == "peru"]
    assert len(got) == 3 and all(p.admin1 == "US.IN" for p in got)
    text = (
        "“We’re seeing a lot of interest in Lebanon,” he said. Projects include working "
        "with the Lebanon City Schools on safety plans and the widening of Ohio 63."
    )
    got = [m.place for m in parser.parse(text) if m.surface == "Lebanon"]
    assert len(got) == 2 and all(p.admin1 == "US.OH" for p in got)
    # (the country stays where nothing of a town follows)
    got = {m.surface: m.place for m in parser.parse("Israel struck targets in Lebanon.")}
    assert got["Lebanon"].kind is PlaceKind.COUNTRY


def test_a_states_abbreviation_before_a_public_body_is_the_state(parser):
    """ "Berlin is part of the N.H. Drug Task Force" of a Berlin, New Hampshire paper read
    no state, and that Berlin was Germany's: an abbreviated state with its period before
    a public body's name is the state (before a person's name it is a title: "Del. Will
    Wampler")."""
    text = (
        "BERLIN — The Berlin City Council approved grant applications for the Berlin "
        "Police Department, with funds from the N.H. Department of Justice. Berlin is "
        "part of the N.H. Drug Task Force."
    )
    got = parser.parse(text)
    assert [m.place.admin1 for m in got if m.surface == "N.H."] == ["US.NH", "US.NH"]
    assert got[-2].surface == "Berlin" and got[-2].place.admin1 == "US.NH"
    text = "RICHMOND, Va. — Del. Will Wampler, R-Abingdon, said the bill passed."
    assert "Del." not in {m.surface for m in parser.parse(text)}


def test_a_country_whose_name_a_towns_school_bears_is_that_town(parser):
    """ "CHINA: No progress on Neck Road Fire Pond ... China selectmen" of a China, Maine
    paper, whose "China Middle School" and "China Primary School" are the town's, read
    the People's Republic: a country's one-word name that a town's own body bears
    anywhere in the story is a town of that name."""
    text = (
        "CHINA: No progress on Neck Road Fire Pond\n\nChina selectmen had a short meeting. "
        "Students at China Primary School and China Middle School walked to the lake, the "
        "biggest in Kennebec County."
    )
    got = [m.place for m in parser.parse(text) if m.surface.lower() == "china"]
    assert len(got) == 2 and all(p.admin1 == "US.ME" for p in got)


def test_a_council_storys_dateline_is_the_town_of_the_one_state_it_names(parser):
    """ "TORONTO – An emergency ordinance was passed during Monday night's City Council
    meeting ... an agreement with Ohio" of a Steubenville paper read Toronto, Canada: a
    local dateline, in a story of a town's council that names one state and nothing
    abroad, is the town of its name in that state (a wire dateline stays: "PARIS (AP)")."""
    text = (
        "Toronto passes emergency ordinance\n\nTORONTO – An emergency ordinance was passed "
        "during Monday night's City Council meeting, authorizing the city to enter into "
        "an agreement with Ohio for a housing loan fund."
    )
    got = [m.place for m in parser.parse(text) if m.surface.lower() == "toronto"]
    assert len(got) == 2 and all(p.admin1 == "US.OH" for p in got)
    text = (
        "PARIS (AP) — The City Council met as Ohio's governor visited. Paris officials "
        "welcomed him."
    )
    got = [m.place for m in parser.parse(text) if m.surface.lower() == "paris"]
    assert got and got[0].country_code == "FR"


def test_a_town_meeting_storys_dateline_is_the_town_of_its_countys_state(parser):
    """ "POLAND — Voters at Friday's annual Town Meeting approved a nearly $5.1 million
    budget ... Androscoggin County" of a Maine paper read the country: a town meeting
    is a town's council at work, and a county names its state."""
    text = (
        "POLAND — Voters at Friday's annual Town Meeting approved a nearly $5.1 million "
        "budget, including the town's share of Androscoggin County taxes."
    )
    got = [m.place for m in parser.parse(text) if m.surface == "POLAND"]
    assert got and got[0].admin1 == "US.ME"


def test_an_institution_named_after_the_storys_town_is_that_towns(parser):
    """ "Denmark Technical College" of a story of Denmark, South Carolina, read the
    kingdom while the story's "Denmark" was the town: an institution whose name opens
    with a town the story reads is that town's, not its country namesake's."""
    text = (
        "Churches in Denmark, South Carolina, gave water to residents. Denmark Technical "
        "College opened its gym, and the Denmark Public Library in Bamberg County stayed open."
    )
    got = {m.surface: m.place for m in parser.parse(text)}
    assert got["Denmark Technical College"].admin1 == "US.SC"


def test_a_canadian_county_named_like_a_town_is_in_the_gazetteer(parser):
    """ "this case has occurred in Oxford County" of a story of avian flu in Ontario read
    Maine's Oxford County: the gazetteer left Ontario's out, as Oxford is also a town of
    Nova Scotia; a county is kept by its full name, which no town bears."""
    text = (
        "A case of avian influenza was confirmed in Ontario. Like the previous two "
        "outbreaks in the Canadian province, this case has occurred in Oxford County."
    )
    got = {m.surface: m.place for m in parser.parse(text)}
    assert got["Oxford County"].admin1 == "CA.08"
    # ... and one whose plain name is a lake's and Ohio's towns' ("Huron County, Ontario"
    # was Ontario, Ohio) by that full name
    got = {m.surface: m.place for m in parser.parse("A farm in Huron County, Ontario.")}
    assert got["Huron County"].admin1 == "CA.08" and got["Ontario"].country_code == "CA"


def test_a_name_whose_every_reading_is_american_makes_georgia_the_state(parser):
    """ "a house fire in southern Dawson County ... Georgia Forestry was requested" read
    the Caucasian country (and then dropped the county as a stray of it): Dawson County
    is Georgia's, Texas', Montana's or Nebraska's, American whichever it is, so the
    story's "Georgia" is the state beside it."""
    text = (
        "A fire was reported in Dawson County on Sunday. Additionally, Georgia Forestry "
        "was requested to plow a break around it."
    )
    got = {m.surface: m.place for m in parser.parse(text)}
    assert got["Georgia"].kind.value == "admin1" and got["Georgia"].admin1 == "US.GA"
    assert got["Dawson County"].admin1 == "US.GA"


def test_a_county_read_where_none_of_the_storys_towns_lies_is_the_one_holding_one(parser):
    """ "Delaware County Board of Supervisors ... a professor of criminal justice at SUNY
    Delhi" of a New York paper read Pennsylvania's Delaware County (the most populous)
    beside Delhi, New York: the county whose reading holds a town the story reads is
    that one."""
    text = (
        "Bovina Town Supervisor and Delaware County Board of Supervisors Chairman Tina Mole "
        'said the survey results reflected positively on the department. "Things are going '
        'well," said Simon Purdy, a professor of criminal justice at SUNY Delhi.'
    )
    got = {m.surface: m.place for m in parser.parse(text)}
    assert got["Delhi"].admin1 == "US.NY" and got["Delaware County"].admin1 == "US.NY"


def test_the_city_of_a_qualified_towns_name_is_that_town(parser):
    """ "MILAN, Tenn. - After a hard-fought race, the city of Milan has a new mayor" read
    Italy's Milan after "the city of": a unit word keeps a name's own reading only where
    the story's qualified one is not of the kind it says ("Brazil (Sao Paulo) ... the
    state of Sao Paulo" is the state)."""
    text = (
        "MILAN, Tenn. - After a hard-fought race, the city of Milan has a new mayor. He "
        "will bring jobs back to the city of Milan."
    )
    got = [m.place for m in parser.parse(text) if m.surface.lower() == "milan"]
    assert len(got) == 3 and all(p.admin1 == "US.TN" for p in got)
    text = "SAO PAULO, Brazil - Rain fell again across the state of Sao Paulo."
    got = [m.place for m in parser.parse(text) if m.surface.lower() == "sao paulo"]
    assert got[0].kind.value == "city" and got[1].kind.value == "admin1"


def test_a_select_boards_town_is_in_new_england(parser):
    """ "MANCHESTER - ... The Manchester Select Board cut nearly every budget" of a
    Vermont paper read England's Manchester, "China select board members" the country:
    only New England's towns have select boards and town meetings, so the name before
    one is such a town (the biggest of its name there, when the story names no state)."""
    text = (
        "MANCHESTER - Voters approved the budget. The Manchester Select Board cut nearly "
        "every budget in town."
    )
    got = [m.place for m in parser.parse(text) if m.surface.lower() == "manchester"]
    assert len(got) == 2 and all(p.admin1 in ("US.NH", "US.VT") for p in got)
    text = "China select board members met on June 5. China residents may fill out the survey."
    got = [m.place for m in parser.parse(text)]
    assert len(got) == 2 and all(p.admin1 == "US.ME" for p in got)
    # a country's name before no select board stays the country
    got = parser.parse("The select board met on June 5 to discuss trade with China.")
    assert [m.place.kind.value for m in got] == ["country"]


def test_an_american_councils_town_named_like_a_capital_abroad_is_a_guess_at_home(parser):
    """ "Vienna resident and former councilmember Vince Olson ... Town Attorney Steve
    Briglia" of a Virginia paper read Austria's capital, "Aberdeen City Council ... City
    Manager Joe Gaa" Scotland's Aberdeen: a story of an American town's government that
    names nothing else abroad is of the biggest American town of that name, shown as a
    guess (confidence 0.3). Not a story that names the capital's country, nor one that
    counts in pounds or euros."""
    text = (
        "The Town Council met Tuesday. Vienna resident and former councilmember Vince "
        "Olson objected, and Town Attorney Steve Briglia said vendors in Vienna may bid."
    )
    got = [m for m in parser.parse(text) if m.surface == "Vienna"]
    assert len(got) == 2 and all(m.place.admin1 == "US.VA" for m in got)
    assert all(m.confidence < 0.5 for m in got)
    text = (
        "Aberdeen City Council met Monday. City Manager Joe Gaa said the Aberdeen "
        "projects will cost $800,000."
    )
    got = [m.place for m in parser.parse(text) if m.surface.startswith("Aberdeen")]
    assert got and all(p.country_code == "US" for p in got)
    for other in (" Austria agreed.", " It cost 2 million euros."):
        got = [m.place for m in parser.parse(text.replace("Aberdeen", "Vienna") + other)]
        assert got[0].country_code == "AT"
