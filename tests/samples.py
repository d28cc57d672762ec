"""Small inputs several test modules write to files."""

from __future__ import annotations

GOOD_TREATY = """id: my_pact
name: My pact
signed: 2020-01-01
in_force: 2020-02-01
sources: [{url: "https://example.org/pact"}]
members: [{state: CHL}, {state: ARG}]
provisions:
  - {kind: defense, article: "1", strength: S2}
"""
