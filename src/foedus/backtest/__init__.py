"""The backtest: replay the opening attack of every COW inter-state war and compare with what states did.

Modules, one job each: `wars` reads the COW war data, `opening` finds each war's opening attack,
`placing` maps COW codes to engine states, `predict` runs the cascades, `scoring` compares them with
the real participants, `metrics` and `published` hold the measures and the published figures, `run`
ties them together, `summary` computes every figure, `report` and `figures` write the outputs,
and `errors` has the user error; the `foedus backtest` command is `foedus.cli.backtest_cmd`.
This package's `__init__` imports nothing, so the CLI stays quick to start.
"""
