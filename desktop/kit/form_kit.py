"""The form kit: how every dialog lays out its fields and shows what is wrong with a draft.

- **Fields never move.** Each field has an error line under it (:class:`ErrorLabel`) that
  keeps its room whether it shows a message or not, so the form does not change height
  when an error appears or goes, and a click lands in the box the user aimed at. A message
  longer than the room is elided on its last line; its tooltip and the field's accessible
  description carry it whole.
- **One name per field.** A field's caption (the label beside it) is the one place its
  name comes from: a message that names the field ("'Method' is required.") takes the
  caption's text, stripped of the mnemonic "&", the colon and a "*".
- **Every problem at once.** :meth:`FormErrors.show` takes all of a draft's problems
  (``FieldError`` of db.intake.validation, ``WorkflowError`` of db.errors, or the exceptions that
  carry them): each goes beside its field, the field is marked (the ``invalid`` property,
  which the style sheet outlines, and the accessible description), the first bad field in
  form order gets the focus, and a problem about no field of the form goes to the general
  line above the buttons.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractButton,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from db.errors import WorkflowError
from db.intake.validation import FieldError, ValidationError
from desktop.kit import labels
from desktop.kit.errors import workflow_error_message

DATETIME_FORMAT = "yyyy-MM-dd HH:mm"
ERROR_COLOR = "#b3261e"

# Highlights a field whose "invalid" property is set; error labels carry role="error".
FORM_STYLE = f"""
*[invalid="true"] {{ border: 1px solid {ERROR_COLOR}; border-radius: 2px; }}
QLabel[role="error"] {{ color: {ERROR_COLOR}; }}
QLabel[role="hint"] {{ color: palette(placeholder-text); }}
"""

# Lines an error line reserves: one under a field (a longer message is elided, and whole in
# the tooltip), two for the general line.
FIELD_LINES = 1
GENERAL_LINES = 2

# Refusals about one field, shown under it without repeating the field's name, in the
# words of db.intake.validation ("This field is required.").
_FIELD_CODES = {
    "text_required": "required",
    "text_too_long": "too_long",
    "in_future": "in_future",
    "bad_phone": "bad_phone",
}


def caption_name(text: str) -> str:
    """A caption as a field's name: "Contact &method:" -> "Contact method"."""
    name = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return name.strip().rstrip(":：*").strip().lstrip("*").strip()


class ErrorLabel(QLabel):
    """An error line that keeps its room: ``lines`` lines high whether empty, hidden or
    showing a message, and never wider than the column it sits in. A longer message is
    elided on its last line; the tooltip and the accessible description hold all of it.
    """

    def __init__(self, name: str, lines: int = FIELD_LINES, parent: QWidget | None = None):
        super().__init__(parent)
        self.lines = lines
        self.setObjectName(f"error_{name}")
        self.setProperty("role", "error")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self._fix_height()
        self.hide()

    def _fix_height(self) -> None:
        margins = self.contentsMargins()
        self.setFixedHeight(self.lines * self.fontMetrics().lineSpacing() + margins.top() + 1)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fix_height()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self.setToolTip(text)
        self.setAccessibleDescription(text)

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        # The message never widens the window: it wraps, and is elided, inside its column.
        return QSize(self.fontMetrics().averageCharWidth() * 8, self.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.sizeHint()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return False

    def heightForWidth(self, _width: int) -> int:  # noqa: N802 - Qt's name
        return -1

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        rect = self.contentsRect()
        metrics = self.fontMetrics()
        layout = QTextLayout(self.text().replace("\n", "\u2028"), self.font())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        # Where the text breaks into lines; the lines are then drawn as plain text, the last
        # one that has room elided when more would follow.
        text = self.text()
        shown: list[str] = []
        layout.beginLayout()
        while len(shown) < self.lines:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(rect.width())
            start = line.textStart()
            if len(shown) == self.lines - 1:
                rest = text[start:].replace("\n", " ")
                mode = Qt.TextElideMode.ElideRight
                shown.append(metrics.elidedText(rest, mode, rect.width()))
                break
            shown.append(text[start : start + line.textLength()].replace("\n", ""))
        layout.endLayout()
        for i, part in enumerate(shown):
            y = rect.top() + i * metrics.lineSpacing() + metrics.ascent()
            painter.drawText(QPointF(rect.left(), y), part)
        painter.end()


def make_error_label(name: str, lines: int | None = None) -> ErrorLabel:
    """An error line named ``error_<name>``, hidden until it has a message; the general
    line ("general") reserves two lines, a field's one."""
    return ErrorLabel(name, lines or (GENERAL_LINES if name == "general" else FIELD_LINES))


def make_hint_label(text: str, name: str) -> QLabel:
    hint = QLabel(text)
    hint.setObjectName(name)
    hint.setProperty("role", "hint")
    hint.setWordWrap(True)
    return hint


def fit_to_contents(window: QWidget, *, min_width: int, grow_only: bool = False) -> None:
    """Size ``window`` so word-wrapped labels (hints) are not squeezed.

    Qt gives a window whose layout has height-for-width no minimum height at all, so the
    needed height is worked out here for the actual width, within the screen.
    """
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    width = max(min_width, layout.totalSizeHint().width())
    height = (
        layout.totalHeightForWidth(width)
        if layout.hasHeightForWidth()
        else layout.totalSizeHint().height()
    )
    # Never below what the fields and their reserved error lines need.
    height = max(height, layout.totalMinimumSize().height())
    screen = window.screen()
    if screen is not None:
        available = screen.availableGeometry()
        width = min(width, available.width())
        height = min(height, available.height())
    if grow_only:
        width, height = max(width, window.width()), max(height, window.height())
    window.resize(width, height)


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Mark ``widget`` as holding a bad value (outlined by FORM_STYLE) or clear the mark."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    # A dynamic property change is not noticed by the style sheet until re-polished.
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


def show_beside(error: QLabel, widget: QWidget, message: str, *, focus: bool = False) -> None:
    """``message`` in the error line under ``widget``, the widget marked (or, with "",
    both cleared): for forms that keep their own error lines."""
    error.setText(message)
    error.setToolTip(message)
    error.setVisible(bool(message))
    set_invalid(widget, bool(message))
    widget.setAccessibleDescription(message)
    if focus and message:
        widget.setFocus(Qt.FocusReason.OtherFocusReason)


def refusal_text(err: WorkflowError, field_names: Mapping[str, str] | None = None) -> str:
    """The refusal in the user's language; field codes in it become the form's names."""
    names = field_names or {}
    params = dict(err.params)
    for key in ("field", "other", "key"):
        value = params.get(key)
        if isinstance(value, str):
            params[key] = names.get(value) or labels.field_label(value)
    return workflow_error_message(WorkflowError(err.code, None, **params))


def field_text(err: WorkflowError, field_names: Mapping[str, str] | None = None) -> str:
    """The refusal as shown under its own field."""
    code = _FIELD_CODES.get(err.code)
    if code is not None:
        params = {k: v for k, v in err.params.items() if k in ("max", "min")}
        return labels.error_message(FieldError(str(err.params.get("field", "")), code, params))
    return refusal_text(err, field_names)


Problem = FieldError | WorkflowError


def problems_of(error: BaseException | Problem | Iterable[Problem]) -> list[Problem]:
    """Every problem an exception (or a list) carries, in the order db/ found them."""
    if isinstance(error, ValidationError):
        return list(error.errors)
    if isinstance(error, WorkflowError):
        return list(error.errors)
    if isinstance(error, FieldError):
        return [error]
    if isinstance(error, BaseException):
        raise TypeError(f"not a refusal: {error!r}")
    found: list[Problem] = []
    for item in error:
        found.extend(problems_of(item))
    return found


class FieldForm(QFormLayout):
    """A QFormLayout whose ``setRowVisible`` also takes a field that ``FormErrors.wrap``
    stacked over its error line (the row then holds the wrapper, not the field)."""

    def setRowVisible(self, row: object, on: bool) -> None:  # type: ignore[override]  # noqa: N802
        if isinstance(row, QWidget):
            widget: QWidget | None = row
            while widget is not None and self.indexOf(widget) < 0:
                widget = widget.parentWidget()
            row = widget if widget is not None else row
        super().setRowVisible(row, on)  # type: ignore[call-overload]


@dataclass
class _Field:
    highlight: QWidget
    focus: QWidget
    error: QLabel
    caption: QWidget | None
    name: str | None


class FormErrors:
    """The fields of one form and what is wrong with them.

    Each field is registered with the widget to mark, the widget to focus, its error line
    and its caption (a QLabel, a check box or a group box, whose text names the field).
    ``show()`` puts every problem beside its field at once; problems about fields the form
    does not have go to the general line, so none is ever swallowed.
    """

    def __init__(self, general: QLabel, code_fields: Mapping[str, str] | None = None) -> None:
        self._general = general
        self._fields: dict[str, _Field] = {}
        # Other names db/ gives a registered field ("review outcome" for "outcome").
        self._aliases: dict[str, str] = {}
        # How the form names fields it does not show ("at": "End"), for messages.
        self.names: dict[str, str] = {}
        # Refusals without a ``field`` parameter that are still about one field.
        self.code_fields: dict[str, str] = dict(code_fields or {})

    # --- building -----------------------------------------------------------------------

    def wrap(
        self,
        name: str,
        widget: QWidget,
        *,
        highlight: QWidget | None = None,
        focus: QWidget | None = None,
        caption: QWidget | None = None,
        lines: int = FIELD_LINES,
    ) -> QWidget:
        """Return ``widget`` stacked over its error line, named ``error_<name>``."""
        box = QWidget()
        box.setObjectName(f"field_{name}")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(widget)
        error = make_error_label(name, lines)
        layout.addWidget(error)
        box.setFocusProxy(focus or widget)
        self.register(name, highlight or widget, focus or widget, error, caption=caption)
        return box

    def add_row(
        self,
        form: QFormLayout,
        caption: str,
        name: str,
        widget: QWidget,
        *,
        highlight: QWidget | None = None,
        focus: QWidget | None = None,
        lines: int = FIELD_LINES,
    ) -> QLabel:
        """A labelled row: the caption (its mnemonic focuses the field) and the field over
        its error line. Returns the caption."""
        label = QLabel(caption)
        label.setBuddy(focus or widget)
        form.addRow(
            label,
            self.wrap(name, widget, highlight=highlight, focus=focus, caption=label, lines=lines),
        )
        return label

    def register(
        self,
        name: str,
        highlight: QWidget,
        focus: QWidget,
        error: QLabel,
        *,
        caption: QWidget | None = None,
        display_name: str | None = None,
    ) -> None:
        """Register a field; its name in messages is ``display_name`` or its caption's."""
        self._fields[name] = _Field(highlight, focus, error, caption, display_name)

    def alias(self, name: str, *others: str) -> None:
        """Refusals naming any of ``others`` are about the registered field ``name``."""
        for other in others:
            self._aliases[other] = name

    def has(self, name: str) -> bool:
        return name in self._fields

    def field_name(self, name: str) -> str:
        """The field as its caption names it (else the program's own name for it)."""
        entry = self._fields.get(self._aliases.get(name, name))
        if entry is not None:
            if entry.name:
                return entry.name
            if isinstance(entry.caption, (QLabel, QAbstractButton)):
                return caption_name(entry.caption.text())
            if isinstance(entry.caption, QGroupBox):
                return caption_name(entry.caption.title())
        return self.names.get(name) or labels.field_label(name)

    def field_names(self) -> dict[str, str]:
        return {
            name: self.field_name(name) for name in [*self._fields, *self._aliases, *self.names]
        }

    # --- showing ------------------------------------------------------------------------

    def clear(self, name: str | None = None) -> None:
        names = [name] if name is not None else list(self._fields)
        for field_name in names:
            entry = self._fields.get(field_name)
            if entry is not None:
                entry.error.clear()
                entry.error.setToolTip("")
                entry.error.hide()
                set_invalid(entry.highlight, False)
                entry.focus.setAccessibleDescription("")
        if name is None:
            self._general.clear()
            self._general.setToolTip("")
            self._general.hide()

    def field_of(self, problem: Problem) -> str | None:
        """The registered field a problem is about, if the form has it."""
        if isinstance(problem, FieldError):
            name: object = problem.field
        else:
            name = problem.params.get("field")
            if isinstance(name, str):
                name = self._aliases.get(name, name)
            if not (isinstance(name, str) and name in self._fields):
                name = self.code_fields.get(problem.code, name)
        return name if isinstance(name, str) and name in self._fields else None

    def beside_text(self, problem: Problem) -> str:
        """A problem as it reads under its own field."""
        if isinstance(problem, FieldError):
            return labels.error_message(problem)
        return field_text(problem, self.field_names())

    def general_line(self, problem: Problem) -> str:
        """A problem as it reads in the general line, naming its field if it has one."""
        if isinstance(problem, FieldError):
            line = QCoreApplication.translate("InlineErrors", "{field}: {message}")
            return line.format(
                field=self.field_name(problem.field), message=labels.error_message(problem)
            )
        return refusal_text(problem, self.field_names())

    def show(
        self,
        problems: BaseException | Problem | Iterable[Problem],
        *,
        field: str | None = None,
    ) -> None:
        """Show every problem at once and focus the first bad field in form order.

        ``field`` places a single refusal that names no field of its own.
        """
        self.clear()
        found = problems_of(problems)
        by_field: dict[str, list[Problem]] = {}
        general: list[Problem] = []
        for problem in found:
            name = self.field_of(problem)
            if name is None and field is not None and field in self._fields and len(found) == 1:
                name = field
            if name is None:
                general.append(problem)
            else:
                by_field.setdefault(name, []).append(problem)
        first_focus: QWidget | None = None
        for name, entry in self._fields.items():
            mine = by_field.get(name)
            if not mine:
                continue
            message = "\n".join(dict.fromkeys(self.beside_text(p) for p in mine))
            entry.error.setText(message)
            entry.error.setToolTip(message)
            entry.error.show()
            set_invalid(entry.highlight, True)
            entry.focus.setAccessibleDescription(message)
            if first_focus is None and entry.focus.isEnabled():
                first_focus = entry.focus
        if general:
            self.show_general("\n".join(dict.fromkeys(self.general_line(p) for p in general)))
        if first_focus is not None:
            first_focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_message(self, name: str, message: str, *, focus: bool = True) -> None:
        """A message of the dialog's own beside field ``name`` (else in the general line),
        added to those shown."""
        entry = self._fields.get(name)
        if entry is None:
            self.show_general(message)
            return
        entry.error.setText(message)
        entry.error.setToolTip(message)
        entry.error.show()
        set_invalid(entry.highlight, True)
        entry.focus.setAccessibleDescription(message)
        if focus:
            entry.focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_refusal(
        self,
        err: WorkflowError,
        field: str | None = None,
        field_names: Mapping[str, str] | None = None,
    ) -> None:
        """A refusal (perhaps several): beside ``field`` or the fields it names.
        ``field_names`` names fields the form does not show; its captions name the rest."""
        self.names.update(field_names or {})
        self.show(err, field=field)

    def show_general(self, message: str) -> None:
        self._general.setText(message)
        self._general.setToolTip(message)
        self._general.show()

    # --- reading (tests and screen readers) ---------------------------------------------

    def shown(self) -> dict[str, str]:
        """Field name to the message now visible under it."""
        return {
            name: entry.error.text()
            for name, entry in self._fields.items()
            if not entry.error.isHidden() and entry.error.text()
        }

    def invalid(self) -> list[str]:
        """The fields now marked, in form order."""
        return [n for n, e in self._fields.items() if bool(e.highlight.property("invalid"))]

    def general_text(self) -> str:
        return self._general.text() if not self._general.isHidden() else ""

    def text(self) -> str:
        """Every message now shown, the fields' in form order and then the general line."""
        return "\n".join([*self.shown().values(), self.general_text()]).strip("\n")


# The name the first forms used for it.
InlineErrors = FormErrors
