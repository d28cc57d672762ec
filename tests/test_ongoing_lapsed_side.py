"""`cascade --ongoing-since`: a lapsed obligation's line says on which side the state was bound, as the JSON does."""

from __future__ import annotations

import json
import subprocess
import sys

from foedus.cited import cited

SCENARIO = ["cascade", "-a", "UKR", "-t", "RUS", "-d", "2024-12-15", "--ongoing-since", "2014-02-27"]


def _run(*extra: str) -> str:
    out = subprocess.run([sys.executable, "-m", "foedus.cli", *SCENARIO, *extra], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_each_lapsed_line_names_the_side_the_json_gives() -> None:
    """The lapsed lines read 'bound 2014-02-27 to 2019-01-01 (atop_4400 ATOP defense code), no longer', with no
    side, while the JSON (and `foedus compare`, and the web map) give it: under the escalatory reading NATO's
    members were bound on Russia's side against Ukraine, which the text let a reader take for Ukraine's. Each
    lapsed line now says the side, as the 'bound without a break' lines above it do."""
    lapsed = json.loads(_run("--json"))["ongoing"]["lapsed"]
    assert lapsed
    text = " ".join(_run().split())  # the lines as read, however the console wrapped them
    for lap in lapsed:
        line = (f"({lap['state']}): bound {lap['from']} to {lap['to']} ({lap['side']}, "
                f"{cited(lap['treaty'], lap['article'])}), no longer")
        assert line in text, (line, text[-2000:])


def test_no_heading_over_nothing_when_no_state_is_bound_since() -> None:
    """Russia attacking Ukraine, ongoing since 2014, binds no one without a break: the text ended on the heading
    'ongoing since 2014-02-27: bound without a break since' with nothing under it. It now says no state is."""
    out = subprocess.run([sys.executable, "-m", "foedus.cli", "cascade", "-a", "RUS", "-t", "UKR", "-d", "2024-12-15",
                          "--ongoing-since", "2014-02-27", "--json"], capture_output=True, text=True)
    assert out.returncode == 0 and not json.loads(out.stdout)["ongoing"]["bound_since"]
    text = subprocess.run([sys.executable, "-m", "foedus.cli", "cascade", "-a", "RUS", "-t", "UKR", "-d",
                           "2024-12-15", "--ongoing-since", "2014-02-27"], capture_output=True, text=True).stdout
    assert "ongoing since 2014-02-27: no state bound without a break since" in " ".join(text.split())
