"""The data the printed reports state, as plain dataclasses."""
