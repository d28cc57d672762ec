"""Sweeps over many cascades: the atlas of every dyad, its Monte Carlo, compare, Dask and plots.

They call the engines' public functions only; the engines never import them.
"""
