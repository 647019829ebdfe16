"""Showing a refusal of the workflow rules (db.errors.WorkflowError) where it belongs.

The rules in db/ say *why* they refuse; the dialogs show that reason under the field it is
about, or above the buttons when it is about the whole action. The pieces live in the form
kit (desktop/kit/form_kit.py); this module keeps the names the dialogs import.
"""

from __future__ import annotations

from desktop.kit.common import name_widget  # noqa: F401 (re-exported)
from desktop.kit.form_kit import FormErrors, field_text, refusal_text  # noqa: F401

# The form kit's FormErrors shows refusals too (``show_refusal``, ``show_general``).
RefusalErrors = FormErrors
