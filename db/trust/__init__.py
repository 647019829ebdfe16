"""Trust and access: permissions, accounts, the audit trail, integrity checks, backups and keys."""
