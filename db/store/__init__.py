"""The store: peewee entities, migrations, the SQLite features and the stored codes."""
