"""Python dates and times to Qt's and back, typed.

PySide6 converts ``datetime`` objects itself at runtime, but its stubs accept none in the
``QDate``/``QDateTime`` constructors and type ``toPython()`` as ``object``; these helpers
are the one place the conversion happens, so callers get ``dt.date``/``dt.datetime``.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QTime


def qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def qdatetime(value: dt.datetime) -> QDateTime:
    """``value`` (naive, local time) as a QDateTime, to the millisecond as Qt keeps it."""
    return QDateTime(
        qdate(value),
        QTime(value.hour, value.minute, value.second, value.microsecond // 1000),
    )


def py_date(value: QDate) -> dt.date:
    result = value.toPython()
    if not isinstance(result, dt.date):
        raise TypeError(f"QDate.toPython() gave {result!r}")
    return result


def py_datetime(value: QDateTime) -> dt.datetime:
    result = value.toPython()
    if not isinstance(result, dt.datetime):
        raise TypeError(f"QDateTime.toPython() gave {result!r}")
    return result
