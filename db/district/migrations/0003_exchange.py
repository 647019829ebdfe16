"""District schema version 3: signed bundles both ways.

- ``outlet.last_sent_seq``: the number of the district's last bundle down to the outlet
  (each bundle names its sender's number; db/exchange/format.py);
- ``received_bundle.warnings``: what the import noted about a bundle it applied, as
  ``[{"code": str, "params": object}]`` (a gap in the outlet's numbers:
  ``bundle_sequence_gap``);
- ``received_bundle.signer_fingerprint``: the fingerprint of the key that signed it.

Written as SQL, frozen: never import db.district here.
"""

STATEMENTS = [
    "ALTER TABLE outlet ADD COLUMN last_sent_seq bigint NOT NULL DEFAULT 0 "
    "CHECK (last_sent_seq >= 0)",
    "ALTER TABLE received_bundle ADD COLUMN warnings jsonb NOT NULL DEFAULT '[]'",
    "ALTER TABLE received_bundle ADD COLUMN signer_fingerprint text NOT NULL DEFAULT ''",
]


def up(migrator, db):
    for statement in STATEMENTS:
        db.cursor().execute(statement)
