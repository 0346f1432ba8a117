"""Actors: one entry per real-world actor, with the right type, aliases and role."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from generator.analysis.gazetteer import gazetteer
from generator.extract.actors import extract_actors, rank_actors
from generator.models import Actor, Article, Quote
from generator.nlp import AnalysedArticle, analyse
from generator.readers import read_article

SEED = Path(__file__).parent / "gold" / "articles" / "00_carney_ukraine.txt"


def parse(nlp: Language, text: str) -> AnalysedArticle:
    return next(analyse(nlp, [Article(id="t", path="t.txt", text=text)]))


def actors_of(nlp: Language, text: str) -> dict[str, Actor]:
    actors = extract_actors(parse(nlp, text))
    names = [a.name for a in actors]
    assert len(names) == len(set(names)), f"duplicate actors: {names}"
    return {a.name: a for a in actors}


@pytest.fixture(scope="module")
def seed(nlp: Language) -> list[Actor]:
    return extract_actors(next(analyse(nlp, [read_article(SEED)])))


def test_seed_people_once_each_with_role(seed: list[Actor]) -> None:
    by_name = {a.name: a for a in seed}
    carney, zelenskiy = by_name["Mark Carney"], by_name["Volodymyr Zelenskiy"]
    assert carney.type == zelenskiy.type == "person"
    assert carney.role == "Canada’s prime minister"
    assert zelenskiy.role == "President"
    assert "Carney" in carney.aliases and "President Volodymyr Zelenskiy" in zelenskiy.aliases
    assert carney.mentions == 6 and carney.first_sentence == 0
    flat = [form for a in seed for form in [a.name, *a.aliases]]
    assert flat.count("Carney") == 1 and flat.count("Kyiv") == 1


def test_seed_types(seed: list[Actor]) -> None:
    types = {a.name: a.type for a in seed}
    for country in ("Canada", "Ukraine", "Russia", "United States", "France", "United Kingdom", "Latvia"):
        assert types[country] == "country", country
    for place in ("Kyiv", "Warsaw", "Berlin", "Riga"):
        assert types[place] == "place", place
    for org in ("NATO", "European Union", "Group of Seven", "Kremlin"):
        assert types[org] == "organization", org
    assert "Ukrainian" not in types and "European" not in types and "Carney" not in types


def test_surname_goes_to_full_name_with_title_as_role(nlp: Language) -> None:
    actors = actors_of(nlp, "Defense Secretary Robert Gates has ordered a review of the Marine Corps. "
                            "Gates said the Corps had grown too big.")
    gates = actors["Robert Gates"]
    assert gates.type == "person" and gates.role == "Defense Secretary"
    assert "Gates" in gates.aliases and gates.mentions == 2
    assert "Defense Secretary" not in actors


def test_shared_surname_goes_to_nearest_full_name(nlp: Language) -> None:
    actors = actors_of(nlp, "The Social Security Act was signed by President Franklin Roosevelt in 1935.\n\n"
                            "James Roosevelt Jr. spoke on Friday's call. Roosevelt, who served under "
                            "President Clinton, blasted the Republican claims.")
    assert "Roosevelt" in actors["James Roosevelt Jr."].aliases
    assert "Roosevelt" not in actors["Franklin Roosevelt"].aliases


def test_repeated_surname_follows_the_latest_full_name(nlp: Language) -> None:
    actors = actors_of(nlp, "President Franklin Roosevelt signed the act in 1935. Roosevelt called it a "
                            "cornerstone.\n\nHis grandson James Roosevelt Jr. spoke on Friday. Roosevelt said "
                            "the program is sound.")
    assert actors["Franklin Roosevelt"].mentions == 2
    assert actors["James Roosevelt Jr."].mentions == 2


def test_acronyms_join_their_names(nlp: Language) -> None:
    actors = actors_of(nlp, "Researchers at the University of Georgia (UGA) disagreed. Apple was swept up "
                            "in a Securities and Exchange Commission inquiry and later settled with the SEC. "
                            "The UGA scientists said the oil remains.")
    assert "UGA" in actors["University of Georgia"].aliases
    assert "SEC" in actors["Securities and Exchange Commission"].aliases
    assert "UGA" not in actors and "SEC" not in actors


def test_country_names_canonical_across_spellings(nlp: Language) -> None:
    actors = actors_of(nlp, "The U.S. has ruled out sending troops. Officials in the United States said "
                            "the US would help, and Britain agreed.")
    us = actors["United States"]
    assert us.type == "country" and {"U.S.", "US", "the United States"} <= set(us.aliases)
    assert actors["United Kingdom"].type == "country"


def test_demonym_links_to_named_country_only(nlp: Language) -> None:
    actors = actors_of(nlp, "Canada has focused on training Ukrainian forces. The US has ruled out sending "
                            "troops to Ukraine, European allies said.")
    assert "Ukrainian" in actors["Ukraine"].aliases
    assert actors["Ukraine"].mentions == 2
    assert not any("Europe" in name for name in actors)


def test_demonym_naming_people_is_a_group(nlp: Language) -> None:
    actors = actors_of(nlp, "The law is driving away workers who do jobs that Americans generally won't do, "
                            "said Bill Caton of the Associated General Contractors of Alabama.")
    assert actors["Americans"].type == "group"


def test_party_nicknames_join_the_party(nlp: Language) -> None:
    actors = actors_of(nlp, "Democrats pledged on Friday to defend the program. \"We will highlight the "
                            "Democratic Party's role,\" said Tim Kaine. Democrats and Republicans disagree.")
    party = actors["Democratic Party"]
    assert party.type == "organization" and "Democrats" in party.aliases and party.mentions == 3
    assert actors["Republican Party"].type == "organization"


def test_capital_tagged_as_person_is_a_place(nlp: Language) -> None:
    actors = actors_of(nlp, "The Kremlin is demanding that Kyiv cede control over vast swathes of eastern "
                            "Ukraine. Carney will then travel to Warsaw.")
    assert actors["Kyiv"].type == "place" and actors["Warsaw"].type == "place"
    assert actors["Kremlin"].type == "organization"


def test_apposition_roles_keep_the_article_wording(nlp: Language) -> None:
    actors = actors_of(nlp, "Binyah Kesselly, chairman of the board of directors of the Liberia Airport "
                            "Authority, told reporters he will be prosecuted. Liberia's information minister, "
                            "Lewis Brown, said screening works. \"It will be hot,\" said Sarah Jones, a "
                            "spokeswoman for the Bureau of Meteorology.")
    kesselly = actors["Binyah Kesselly"]
    assert kesselly.type == "person"
    assert kesselly.role == "chairman of the board of directors of the Liberia Airport Authority"
    assert actors["Lewis Brown"].role == "Liberia's information minister"
    assert actors["Sarah Jones"].role == "spokeswoman for the Bureau of Meteorology"


def test_canonical_name_without_honorific_article_or_possessive(nlp: Language) -> None:
    actors = actors_of(nlp, "Curry house owner Abdul Ali admitted the contest went too far. Mr Ali said he "
                            "would tone it down. The Kremlin's demands were rejected by the European Union.")
    assert "Abdul Ali" in actors and "Ali" in actors["Abdul Ali"].aliases
    assert "Kremlin" in actors and "European Union" in actors
    assert not any(name.startswith(("the ", "Mr ")) or name.endswith("'s") for name in actors)


def test_corporate_suffix_and_short_name_fold_together(nlp: Language) -> None:
    actors = actors_of(nlp, "Microsoft Corp said on Thursday it aims to remove carbon. Microsoft plans to "
                            "cut emissions, and Amazon.com Inc. pledged the same. Amazon runs a bigger cloud.")
    assert actors["Microsoft"].mentions == 2 and "Microsoft Corp" in actors["Microsoft"].aliases
    assert actors["Amazon"].type == "organization" and actors["Amazon"].mentions == 2


def test_dependent_territory_is_a_place() -> None:
    gaz = gazetteer()
    assert gaz.country("Puerto Rico") == "Puerto Rico" and not gaz.is_sovereign("Puerto Rico")
    assert gaz.country("the U.S.") == gaz.country("America") == "United States"
    assert gaz.country("Russian Federation") == "Russia"
    assert gaz.demonym_country("Iranians") == "Iran"
    assert gaz.demonym_country("French", ["France", "Spain"]) == "France"
    assert gaz.demonym_country("Indian", ["Indonesia"]) is None


def test_rank_by_mentions_then_quotes_then_position() -> None:
    actors = [Actor("A", "person", mentions=1, first_sentence=5),
              Actor("B", "person", ["Bee"], mentions=1, first_sentence=9),
              Actor("C", "country", mentions=4, first_sentence=2)]
    quotes = [Quote(text="x", speaker="Bee", role=None, partial=False, sentence=9)]
    assert [a.name for a in rank_actors(actors, quotes)] == ["C", "B", "A"]
    assert [a.name for a in rank_actors(actors, [])] == ["C", "A", "B"]


def test_output_is_deterministic(nlp: Language) -> None:
    text = SEED.read_text(encoding="utf-8")
    assert extract_actors(parse(nlp, text)) == extract_actors(parse(nlp, text))
