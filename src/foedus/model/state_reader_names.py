"""States' names as a reader writes them where the name sources spell them otherwise (the state registry's names,
`foedus.model.state_build`): countrycode's "&" and "St.", "Congo - Brazzaville", a parenthesis that doubled with the
code ("Micronesia (Federated States of) (FSM)"), COW's spellings of German states. The sources' spellings still
name their states (`state_index.name_index` indexes them)."""

from __future__ import annotations

__all__ = ["READER_NAMES", "SOURCE_NAMES", "id_name"]

# COW code -> (the name shown, the name source's spelling). The short names of the UN's list of member states
# (https://www.un.org/en/about-us/member-states) for the states countrycode spells with "&", "St." or " - "; the UN
# writes "Congo" and "Micronesia (Federated States of)", so those take the styles that tell them apart without a
# parenthesis beside the code: the Republic of the Congo beside the Democratic Republic of the Congo, and the
# Federated States of Micronesia, not the region of that name (Guam, the Marianas). Myanmar is the UN's name
# (countrycode adds "(Burma)", its name until 1989, which `dated_names` shows on its days). The German states before
# 1871 as Gleditsch and Ward name them (gw_states.csv: "Wuerttemberg", "Hesse-Kassel (Electoral)",
# "Hesse-Darmstadt (Ducal)", "Mecklenburg-Schwerin"), where COW writes "Wuerttemburg", "Hesse Electoral",
# "Hesse Grand Ducal" and "Mecklenburg Schwerin".
READER_NAMES: dict[int, tuple[str, str]] = {
    52: ("Trinidad and Tobago", "Trinidad & Tobago"),
    56: ("Saint Lucia", "St. Lucia"),
    57: ("Saint Vincent and the Grenadines", "St. Vincent & Grenadines"),
    58: ("Antigua and Barbuda", "Antigua & Barbuda"),
    60: ("Saint Kitts and Nevis", "St. Kitts & Nevis"),
    346: ("Bosnia and Herzegovina", "Bosnia & Herzegovina"),
    403: ("São Tomé and Príncipe", "São Tomé & Príncipe"),
    484: ("Republic of the Congo", "Congo - Brazzaville"),
    490: ("Democratic Republic of the Congo", "Congo - Kinshasa"),
    775: ("Myanmar", "Myanmar (Burma)"),
    987: ("Federated States of Micronesia", "Micronesia (Federated States of)"),
    271: ("Württemberg", "Wuerttemburg"),
    273: ("Hesse-Kassel", "Hesse Electoral"),
    275: ("Hesse-Darmstadt", "Hesse Grand Ducal"),
    280: ("Mecklenburg-Schwerin", "Mecklenburg Schwerin"),
}

# the names a reader still types for those states, by COW code: the sources' spellings, and Micronesia's short name
SOURCE_NAMES: dict[int, tuple[str, ...]] = {
    ccode: (source, "Micronesia") if ccode == 987 else (source,) for ccode, (_, source) in READER_NAMES.items()}


def id_name(ccode: int | None, name: str) -> str:
    """The name a state's home territory's place id is the slug of: the source's spelling where the reader's name
    replaced it ("trinidad-tobago", "congo-brazzaville"), so the ids a saved scenario, a URL or `place_coords.yaml`
    holds stay as they were; the reader's name is the place's name, and names it too."""
    return READER_NAMES[ccode][1] if ccode in READER_NAMES else name
