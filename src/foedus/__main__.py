"""`python -m foedus`: the same command line as the `foedus` script."""

from foedus.cli.start import main

if __name__ == "__main__":
    main()
