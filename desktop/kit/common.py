"""Small pieces every dialog uses the same way."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar, cast

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QBoxLayout,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

W = TypeVar("W", bound=QWidget)

# Ctrl+Return saves every dialog (Ctrl+Enter is the same on the keypad); Esc cancels, as
# QDialog does by itself.
SAVE_KEYS = ("Ctrl+Return", "Ctrl+Enter")


def name_widget(widget: W, object_name: str, accessible: str) -> W:
    """Give ``widget`` the objectName tests find it by and the name screen readers say."""
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible)
    return widget


def add_file_row(form: QFormLayout, caption: str, edit: QLineEdit, browse: QAbstractButton) -> None:
    """A labelled row of a file name and its Browse… button. The caption is a label of its
    own pointing at the name, so that its shortcut letter works (a caption given to
    ``addRow`` beside a layout would show its ``&`` as text)."""
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(browse)
    label = QLabel(caption)
    label.setBuddy(edit)
    form.addRow(label, row)


def save_shortcut(dialog: QWidget, button: QAbstractButton) -> None:
    """Ctrl+Return presses ``button`` (a disabled button stays unpressed)."""
    for keys in SAVE_KEYS:
        QShortcut(QKeySequence(keys), dialog).activated.connect(button.click)


def save_cancel_box(
    dialog: QDialog, save: QPushButton, cancel: QPushButton, on_save: Callable[[], object]
) -> QDialogButtonBox:
    """Save and Cancel, with Ctrl+Return to save. Neither is a default button, so Enter in
    a field never sends a half-filled form."""
    box = QDialogButtonBox()
    for button in (save, cancel):
        button.setAutoDefault(False)
    box.addButton(save, QDialogButtonBox.ButtonRole.AcceptRole)
    box.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
    box.accepted.connect(on_save)
    box.rejected.connect(dialog.reject)
    save_shortcut(dialog, save)
    return box


class _Saving(Protocol):
    def save(self) -> object: ...


def accept_reject_box(
    dialog: QDialog, save_text: str, save_name: str, cancel_text: str, cancel_name: str
) -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    """Save and Cancel as a plain button box (Enter and Ctrl+Return save), wired to the
    dialog's ``save`` and ``reject``. ``save_name`` and ``cancel_name`` are what screen
    readers say."""
    # The dialog has a ``save`` slot (see _Saving); Python has no "QDialog and _Saving" type.
    saving = cast("_Saving", dialog)
    box = QDialogButtonBox()
    save = box.addButton(save_text, QDialogButtonBox.ButtonRole.AcceptRole)
    name_widget(save, "save_button", save_name)
    cancel = box.addButton(cancel_text, QDialogButtonBox.ButtonRole.RejectRole)
    name_widget(cancel, "cancel_button", cancel_name)
    box.accepted.connect(saving.save)
    box.rejected.connect(dialog.reject)
    save_shortcut(dialog, save)
    return box, save, cancel


def cell_widget(table: QTableWidget, row: int, column: int, kind: type[W]) -> W:
    """The ``kind`` widget the table holds in that cell (a table that put it there)."""
    widget = table.cellWidget(row, column)
    if not isinstance(widget, kind):
        raise LookupError(f"{table.objectName()}[{row}, {column}] holds {widget!r}")
    return widget


def cell_item(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    """The item of a cell the table filled."""
    item = table.item(row, column)
    if item is None:
        raise LookupError(f"{table.objectName()}[{row}, {column}] is empty")
    return item


def central_layout(window: QMainWindow) -> QBoxLayout:
    """The box layout of the window's central widget, which feature rows are inserted into."""
    central = window.centralWidget()
    layout = central.layout() if central is not None else None
    if not isinstance(layout, QBoxLayout):
        raise LookupError(f"{window.objectName()} has no central box layout")
    return layout


def top_level_items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    """The tree's rows, top to bottom."""
    items = (tree.topLevelItem(i) for i in range(tree.topLevelItemCount()))
    return [item for item in items if item is not None]


def child_items(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    """The item's children, top to bottom."""
    children = (item.child(i) for i in range(item.childCount()))
    return [child for child in children if child is not None]


def confirm_discard(parent: QWidget, title: str, question: str) -> bool:
    """Ask whether unsaved edits may go (Discard, or Cancel to keep editing); True to go on.
    Cancel is the default, so Enter pressed by habit loses nothing."""
    answer = QMessageBox.question(
        parent,
        title,
        question,
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard
