"""District schema version 5: the bundles sent down, kept to be written again.

- ``sent_bundle``: every signed bundle the district wrote to an outlet, byte for byte
  (``content``), with its number, when and by whom. A bundle lost on the way (a USB stick
  gone, an e-mail not delivered) is written again from here, identical and under its own
  number, and the outlet imports it as one that arrived late. Bundles down are JSON only,
  a few kilobytes; what each carried is in the audited marks on the work orders, replies
  and escalation results, so the row itself is not copied into the audit trail.

Bundles written before this version are not kept: send what is new again instead.

Written as SQL, frozen: never import db.district here.
"""

STATEMENTS = [
    """
    CREATE TABLE sent_bundle (
        outlet_code text NOT NULL REFERENCES outlet (code),
        seq bigint NOT NULL CHECK (seq > 0),
        sent_at timestamptz NOT NULL,
        sent_by text NOT NULL,
        manifest_sha256 text NOT NULL CHECK (manifest_sha256 ~ '^[0-9a-f]{64}$'),
        content bytea NOT NULL,
        PRIMARY KEY (outlet_code, seq)
    )
    """,
]


def up(migrator, db):
    for statement in STATEMENTS:
        db.cursor().execute(statement)
