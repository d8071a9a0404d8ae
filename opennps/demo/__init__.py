"""Realistic demo data for `make demo` and `opennps demo_data`.

`cast` and `company` describe the fictional Aurora group, `story` decides how its customers and
employees feel over time, `phrases` words their comments, `generator` turns all of that into plain
dicts from a seeded random generator (no Django), and `loader` writes them to the database.
"""
