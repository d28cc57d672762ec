"""`python -m foedus.cli`: the same as the `foedus` console script."""

from foedus.cli.start import main

main()
