"""`foedus batch`: many scenarios from one file (CSV or JSON lines, each row a scenario file's question), each run
as `foedus cascade` runs it, written as one table of one row per scenario and party or finding."""
