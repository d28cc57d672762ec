"""The vectorised engines: the batched engine (many dyads at once) and the Monte Carlo (many draws at once).

Both read the legs that `foedus.engine.rules` compiles; neither re-derives a rule.
"""
