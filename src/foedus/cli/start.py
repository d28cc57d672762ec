"""The console entry point: import the CLI with the garbage collector paused, then run it.

Importing the CLI creates tens of thousands of objects that live until exit (modules, classes, the pydantic
model); collections during the imports free nothing and cost a start-up's worth of time. Afterwards
`gc.freeze` moves those objects out of every later collection's reach, and collection resumes as usual.
Pydantic's plugin scan (every installed package's entry points, read when the first validator is built) is
skipped unless `PYDANTIC_DISABLE_PLUGINS` is set otherwise: the CLI uses no pydantic plugin.
"""

from __future__ import annotations

import gc
import os

__all__ = ["main"]


def main() -> None:
    """Run `foedus` (the console script and `python -m foedus.cli`)."""
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    was = gc.isenabled()
    gc.disable()
    try:
        from foedus.cli.app import main as run
    finally:
        gc.freeze()
        if was:
            gc.enable()
    run()
