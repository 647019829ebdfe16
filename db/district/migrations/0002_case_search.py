"""District schema version 2: Chinese search over the consolidated cases.

A search term is found in a case when it is part of its case number, customer name or
description, ignoring case. Chinese has no spaces to split words at, and a term of one or
two characters is common (a surname, 建国, 等候), so words are not the unit: characters are.

- ``district_search_text(case_no, customer_name, description)``: the three, lowercased,
  joined by U+001F (a character nobody types), so no match runs across two of them.
- ``district_search_grams(text)``: every distinct single character and every distinct
  pair of adjacent characters of that text (none holding the separator or white space).
  A GIN index over it (an expression index: the arrays live only in the index, the table
  stays small) finds a term of one or two characters exactly (``@> ARRAY[term]``); a
  longer term needs every pair it holds (``@>`` the term's pairs) and then ``strpos`` on
  the text for their order. The function is declared costly so that the planner never
  evaluates it row by row where the index can answer.

pg_trgm's trigram GIN index, the usual answer for substring search, serves only terms of
three characters or more; tests/benchmarks/FINDINGS.md has the measurements that chose
the pairs for every length.

Written as SQL, frozen: never import db.district here.
"""


def _run(db, statement: str) -> None:
    """DDL as written: no parameters, so psycopg reads no placeholders in it."""
    db.cursor().execute(statement)


STATEMENTS = [
    r"""
    CREATE FUNCTION district_search_text(case_no text, customer_name text, description text)
    RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
        SELECT lower(case_no || E'\x1f' || customer_name || E'\x1f' || description)
    $$
    """,
    r"""
    CREATE FUNCTION district_search_grams(t text)
    RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT COST 10000 AS $$
        SELECT coalesce(array_agg(DISTINCT g), '{}')
        FROM (
            SELECT substr(t, i, 1) AS g FROM generate_series(1, length(t)) AS i
            UNION ALL
            SELECT substr(t, i, 2) FROM generate_series(1, length(t) - 1) AS i
        ) AS grams
        WHERE g !~ '[\x1f[:space:]]'
    $$
    """,
    """
    CREATE INDEX outlet_case_search_grams ON outlet_case USING gin (
        district_search_grams(district_search_text(case_no, customer_name, description))
    )
    """,
]


def up(migrator, db):
    for statement in STATEMENTS:
        _run(db, statement)
