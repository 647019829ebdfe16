"""The district branch's store (县区分公司主管部门): PostgreSQL, shared by the district's
officers, consolidating the cases its outlets send in bundles.

- ``database``: connecting by URL (psycopg 3), the district's own ordered migrations;
- ``models``: the peewee entities over that schema;
- ``search``: Chinese search over the consolidated cases (1, 2 and 3+ characters indexed);
- ``enrolment``: the district's own record and key, enrolling outlets;
- ``audit``: who wrote what at the district, hash-chained.

Every record keeps the identity it has where it was made: a case is (outlet code, case
number), a work order (source, number); nothing here hands out numbers that cross machines.
Nothing in this package imports Qt or the outlet's SQLite models.
"""
