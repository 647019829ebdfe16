"""Showing a refusal of the workflow rules (db.errors.WorkflowError) where it belongs.

The rules in db/ say *why* they refuse; the dialogs of the outlet settings and of the work
orders show that reason under the field it is about, or above the buttons when it is about
the whole action. Shared by those dialogs, with the small helpers they all need.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from db.errors import WorkflowError
from db.validation import FieldError
from desktop import labels
from desktop.dialogs.common import name_widget  # noqa: F401 (re-exported)
from desktop.dialogs.new_case import InlineErrors, fit_to_contents
from desktop.errors import workflow_error_message

# Refusals that say something about one field; shown under it in the words the case form
# uses ("This field is required."), without repeating the field's name.
_FIELD_CODES = {
    "text_required": "required",
    "text_too_long": "too_long",
    "in_future": "in_future",
    "bad_phone": "bad_phone",
}


def refusal_text(err: WorkflowError, field_names: dict[str, str] | None = None) -> str:
    """The refusal in the user's language; field codes in it become the form's labels."""
    names = field_names or {}
    params = dict(err.params)
    for key in ("field", "other", "key"):
        value = params.get(key)
        if isinstance(value, str):
            params[key] = names.get(value) or labels.field_label(value)
    translated = WorkflowError(err.code, **params)
    return workflow_error_message(translated)


def field_text(err: WorkflowError, field_names: dict[str, str] | None = None) -> str:
    """The refusal as shown under its own field."""
    code = _FIELD_CODES.get(err.code)
    if code is not None:
        params = {k: v for k, v in err.params.items() if k in ("max", "min")}
        return labels.error_message(FieldError(str(err.params.get("field", "")), code, params))
    return refusal_text(err, field_names)


class RefusalErrors(InlineErrors):
    """InlineErrors that also show a WorkflowError: under ``field`` if the form has it,
    otherwise in the general label above the buttons."""

    def show_refusal(
        self,
        err: WorkflowError,
        field: str | None = None,
        field_names: dict[str, str] | None = None,
    ) -> None:
        self.clear()
        entry = self._fields.get(field) if field else None
        if entry is None:
            self.show_general(refusal_text(err, field_names))
            return
        highlight, focus, label = entry
        message = field_text(err, field_names)
        label.setText(message)
        label.show()
        highlight.setProperty("invalid", True)
        highlight.style().unpolish(highlight)
        highlight.style().polish(highlight)
        focus.setAccessibleDescription(message)
        focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self._fit()

    def show_general(self, message: str) -> None:
        self._general.setText(message)
        self._general.show()
        self._fit()

    def general_text(self) -> str:
        return self._general.text() if not self._general.isHidden() else ""

    def _fit(self) -> None:
        window = self._general.window()
        fit_to_contents(window, min_width=window.width(), grow_only=True)
