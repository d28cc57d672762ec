"""Earlier forms of replaced algorithms, kept so that tests can check the new ones give identical results.

Each module copies only what the replaced algorithm changed (and what calls it, so that calls resolve to the
copies); the pieces it left alone are imported from the current code.
"""
