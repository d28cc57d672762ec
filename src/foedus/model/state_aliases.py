"""Names states are known by that countrycode's table does not give (`foedus.model.states.StateRegistry`'s index):
short forms, names old and new, the usual names of states with no ISO3 code, formal styles. Each names one state,
on any day; names several states carried are `states._AMBIGUOUS`'s, read by the date."""

from __future__ import annotations

__all__ = ["ALIASES"]

# Common short forms, and names old (COW 640, 255, 345, 300: the names `foedus.model.dated_names` shows on a date) or
# new (Cabo Verde, 2013), that countrycode does not catch.
ALIASES = {"UK": "GBR", "US": "USA", "USSR": "RUS", "Soviet Union": "RUS", "PRC": "CHN", "ROC": "TWN",
           "UAE": "ARE", "Britain": "GBR", "Ottoman Empire": "TUR", "Prussia": "DEU", "Cabo Verde": "CPV",
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
