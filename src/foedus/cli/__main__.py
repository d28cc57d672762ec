"""`python -m foedus.cli`: the same as the `foedus` console script."""

from foedus.cli.app import main

main()
