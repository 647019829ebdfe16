"""The complaint model: peewee entities, rules and named queries. Never imports Qt."""
