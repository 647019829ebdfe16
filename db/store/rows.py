"""A query's rows as tuples or dicts, typed as such.

peewee's bundled type stubs give ``query.tuples()`` and ``query.dicts()`` the query's own
type, so a type checker takes their rows for model instances. These two say what the rows
are; they run the same query.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, cast

from peewee import BaseQuery


def tuples(query: BaseQuery) -> Iterator[tuple[Any, ...]]:
    """The rows of ``query``, each a tuple of the selected columns in order."""
    return cast(Iterator[tuple[Any, ...]], iter(query.tuples()))


def dicts(query: BaseQuery) -> Iterator[dict[str, Any]]:
    """The rows of ``query``, each a dict of the selected columns by name."""
    return cast(Iterator[dict[str, Any]], iter(query.dicts()))
