"""Names states are known by that countrycode's table does not give (`foedus.model.states.StateRegistry`'s index):
short forms, names old and new, the usual names of states with no ISO3 code, formal styles. Each names one state,
on any day; names several states carried are `state_index.AMBIGUOUS`'s, read by the date. And names a reader types for
a state that name none (`NOT_STATES`), refused saying which state is meant."""

from __future__ import annotations

__all__ = ["ALIASES", "NOT_STATES"]

# Common short forms, and names old (COW 640, 255, 345, 300: the names `foedus.model.dated_names` shows on a date) or
# new (Cabo Verde, 2013), that countrycode does not catch.
ALIASES = {"UK": "GBR", "US": "USA", "USSR": "RUS", "Soviet Union": "RUS", "PRC": "CHN", "ROC": "TWN",
           "UAE": "ARE", "Britain": "GBR",
           # the everyday English names of two states, strictly the island of Great Britain (without Northern
           # Ireland) and two provinces of the Netherlands, but meant for the state by every reader who types them
           "Great Britain": "GBR", "Holland": "NLD", "Ottoman Empire": "TUR", "Prussia": "DEU", "Cabo Verde": "CPV",
           "Serbia and Montenegro": "SRB",
           "Austrian Empire": "COW300", "Empire of Austria": "COW300",  # COW 300 before the Compromise of 1867
           "KSA": "SAU", "RSA": "ZAF", "RMI": "MHL", "NZ": "NZL",  # the kingdom, the republics: own names
           # states that countrycode gives no ISO3 (the registry's COW<n> ids), by their usual names
           "West Germany": "COW260", "FRG": "COW260", "South Vietnam": "COW817",
           "East Germany": "COW265", "GDR": "COW265", "North Yemen": "COW678", "South Yemen": "COW680",
           # Gleditsch and Ward's names of states COW names otherwise ("Tanzania/Tanganyika", "Italy/Sardinia":
           # the kingdom COW 325 was until 1861, "Hesse-Darmstadt (Ducal)", "Wuerttemberg")
           "Tanganyika": "TZA", "Sardinia": "ITA", "Hesse-Darmstadt": "COW275", "Hesse-Kassel": "COW273",
           "Wuerttemberg": "COW271", "Württemberg": "COW271",
           # formal names, present and former, of states that share a name: the styles each is called by
           "People's Republic of China": "CHN", "Republic of China": "TWN", "Republic of Korea": "KOR",
           "Democratic People's Republic of Korea": "PRK", "Kingdom of Korea": "COW730", "Republic of Yemen": "YEM",
           "Republic of the Congo": "COG", "People's Republic of the Congo": "COG", "Republic of Guinea": "GIN",
           "Democratic Republic of the Congo": "COD", "Kingdom of Yemen": "COW678", "Democratic Republic of Vietnam":
           "VNM", "People's Democratic Republic of Yemen": "COW680", "Socialist Republic of Vietnam": "VNM"}

# Former names of a state of the COW system, on any day, as the other names above: "Burma" (MMR, so called until 1989
# and still beside Myanmar), "Siam" (THA, until 1939 and 1945-1949), "Persia" (IRN, until 1935), "Soviet Union" and
# "USSR" (RUS: COW counts one state, 365, from the Russian Empire to Russia). A dated answer names the state as it
# was called on its day (`foedus.model.dated_names`), so "USSR" read on 2020-01-01 is shown as Russia: it is the
# state the user means, not a name of another.
#
# Names typed for a state that name none, by the name as a reader types it (looked up as `slug.norm` keys: any case,
# spaces and punctuation), each with the state meant and what it is, refused with that (`state_forms.no_state`),
# not as an unknown state with close names ("England": "did you mean Finland, Uganda, Poland?"). England, Scotland,
# Wales and Northern Ireland are countries of the United Kingdom, not states of the system; "America" names two
# continents as well as a state (a reader may mean the Americas, or the United States of America, USA).
_UK_PART = ("GBR", "is part of the United Kingdom (GBR), not a state: use GBR")
NOT_STATES = {"England": _UK_PART, "Scotland": _UK_PART, "Wales": _UK_PART, "Northern Ireland": _UK_PART,
              "America": ("USA", "is ambiguous (the Americas, or a state of them): the United States of America is "
                                 "USA")}
