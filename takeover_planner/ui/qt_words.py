"""Qt's own words that a person meets in this app, put into our catalogue so they can be in Bokmål.

Qt writes some words itself: key names in shortcuts ("Alt+Left" in a menu), the file dialog ("Look in:",
"File name:"), a text field's context menu ("Select All"), standard buttons. It looks them up under its own
contexts (``QShortcut``, ``QFileDialog``, …) in every installed translator, but Qt ships no Bokmål catalogue of
its own (only Nynorsk). Listing them here as literal ``translate()`` calls is what makes lupdate put them into
``takeover_planner_nb.ts``; the translations come from there like every other word (issue 16: no English word
that is not a name). Nothing calls these at run time; ``tests/ui/test_bokmaal_everywhere.py`` reads them.
Words that are the same in both languages (Ctrl, Shift, Alt, Tab, Esc, Home, End, PgUp, F1…) are left out.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def key_names() -> list[str]:
    return [
        QCoreApplication.translate("QShortcut", "Left"),
        QCoreApplication.translate("QShortcut", "Right"),
        QCoreApplication.translate("QShortcut", "Up"),
        QCoreApplication.translate("QShortcut", "Down"),
        QCoreApplication.translate("QShortcut", "Space"),
        QCoreApplication.translate("QShortcut", "Backspace"),
        QCoreApplication.translate("QShortcut", "Return"),
        QCoreApplication.translate("QShortcut", "Menu"),
        QCoreApplication.translate("QShortcut", "Print"),
    ]


def file_dialog_words() -> list[str]:
    return [
        QCoreApplication.translate("QFileDialog", "&Look in:"),
        QCoreApplication.translate("QFileDialog", "File &name:"),
        QCoreApplication.translate("QFileDialog", "Files of &type:"),
        QCoreApplication.translate("QFileDialog", "Directory:"),
        QCoreApplication.translate("QFileDialog", "&Open"),
        QCoreApplication.translate("QFileDialog", "&Save"),
        QCoreApplication.translate("QFileDialog", "&Choose"),
        QCoreApplication.translate("QFileDialog", "Open"),
        QCoreApplication.translate("QFileDialog", "Save As"),
        QCoreApplication.translate("QFileDialog", "Find Directory"),
        QCoreApplication.translate("QFileDialog", "Back"),
        QCoreApplication.translate("QFileDialog", "Forward"),
        QCoreApplication.translate("QFileDialog", "Go back"),
        QCoreApplication.translate("QFileDialog", "Go forward"),
        QCoreApplication.translate("QFileDialog", "Parent Directory"),
        QCoreApplication.translate("QFileDialog", "Go to the parent directory"),
        QCoreApplication.translate("QFileDialog", "Create New Folder"),
        QCoreApplication.translate("QFileDialog", "Create a New Folder"),
        QCoreApplication.translate("QFileDialog", "New Folder"),
        QCoreApplication.translate("QFileDialog", "&New Folder"),
        QCoreApplication.translate("QFileDialog", "List View"),
        QCoreApplication.translate("QFileDialog", "Detail View"),
        QCoreApplication.translate("QFileDialog", "Change to list view mode"),
        QCoreApplication.translate("QFileDialog", "Change to detail view mode"),
        QCoreApplication.translate("QFileDialog", "Show &hidden files"),
        QCoreApplication.translate("QFileDialog", "&Rename"),
        QCoreApplication.translate("QFileDialog", "&Delete"),
        QCoreApplication.translate("QFileDialog", "Delete"),
        QCoreApplication.translate("QFileDialog", "Remove"),
        QCoreApplication.translate("QFileDialog", "Sidebar"),
        QCoreApplication.translate("QFileDialog", "List of places and bookmarks"),
        QCoreApplication.translate("QFileDialog", "Recent Places"),
        QCoreApplication.translate("QFileDialog", "All Files (*)"),
        QCoreApplication.translate("QFileDialog", "All files (*)"),
        QCoreApplication.translate("QFileDialog", "Directories"),
        QCoreApplication.translate("QFileDialog", "Files"),
        QCoreApplication.translate("QFileDialog", "File"),
        QCoreApplication.translate("QFileDialog", "Folder"),
        QCoreApplication.translate("QFileDialog", "Unknown"),
        QCoreApplication.translate("QFileDialog", "Drive"),
        QCoreApplication.translate("QFileDialog", "Shortcut"),
        QCoreApplication.translate("QFileDialog", "%1 already exists.\nDo you want to replace it?"),
        QCoreApplication.translate("QFileDialog", "%1\nFile not found.\nPlease verify the correct file name was given."),
        QCoreApplication.translate(
            "QFileDialog", "%1\nDirectory not found.\nPlease verify the correct directory name was given."),
        QCoreApplication.translate("QFileDialog", "Are you sure you want to delete '%1'?"),
        QCoreApplication.translate("QFileDialog", "'%1' is write protected.\nDo you want to delete it anyway?"),
        QCoreApplication.translate("QFileDialog", "Could not delete directory."),
        QCoreApplication.translate("QFileSystemModel", "Name"),
        QCoreApplication.translate("QFileSystemModel", "Size"),
        QCoreApplication.translate("QFileSystemModel", "Type"),
        QCoreApplication.translate("QFileSystemModel", "Kind"),
        QCoreApplication.translate("QFileSystemModel", "Date Modified"),
        QCoreApplication.translate("QFileSystemModel", "Computer"),
    ]


def field_menu_words() -> list[str]:
    """The context menu of a one-line field, a text box and a number field."""
    return [
        QCoreApplication.translate("QLineEdit", "&Undo"),
        QCoreApplication.translate("QLineEdit", "&Redo"),
        QCoreApplication.translate("QLineEdit", "Cu&t"),
        QCoreApplication.translate("QLineEdit", "&Copy"),
        QCoreApplication.translate("QLineEdit", "&Paste"),
        QCoreApplication.translate("QLineEdit", "Delete"),
        QCoreApplication.translate("QLineEdit", "Select All"),
        QCoreApplication.translate("QWidgetTextControl", "&Undo"),
        QCoreApplication.translate("QWidgetTextControl", "&Redo"),
        QCoreApplication.translate("QWidgetTextControl", "Cu&t"),
        QCoreApplication.translate("QWidgetTextControl", "&Copy"),
        QCoreApplication.translate("QWidgetTextControl", "&Paste"),
        QCoreApplication.translate("QWidgetTextControl", "Delete"),
        QCoreApplication.translate("QWidgetTextControl", "Select All"),
        QCoreApplication.translate("QWidgetTextControl", "Copy &Link Location"),
        QCoreApplication.translate("QAbstractSpinBox", "&Select All"),
        QCoreApplication.translate("QAbstractSpinBox", "&Step up"),
        QCoreApplication.translate("QAbstractSpinBox", "Step &down"),
    ]


def button_words() -> list[str]:
    """Standard buttons (QDialogButtonBox, QMessageBox) and a message box's details."""
    return [
        QCoreApplication.translate("QPlatformTheme", "OK"),
        QCoreApplication.translate("QPlatformTheme", "Save"),
        QCoreApplication.translate("QPlatformTheme", "Save All"),
        QCoreApplication.translate("QPlatformTheme", "Open"),
        QCoreApplication.translate("QPlatformTheme", "Cancel"),
        QCoreApplication.translate("QPlatformTheme", "Close"),
        QCoreApplication.translate("QPlatformTheme", "Apply"),
        QCoreApplication.translate("QPlatformTheme", "Reset"),
        QCoreApplication.translate("QPlatformTheme", "Restore Defaults"),
        QCoreApplication.translate("QPlatformTheme", "Help"),
        QCoreApplication.translate("QPlatformTheme", "Discard"),
        QCoreApplication.translate("QPlatformTheme", "&Yes"),
        QCoreApplication.translate("QPlatformTheme", "Yes to &All"),
        QCoreApplication.translate("QPlatformTheme", "&No"),
        QCoreApplication.translate("QPlatformTheme", "N&o to All"),
        QCoreApplication.translate("QPlatformTheme", "Abort"),
        QCoreApplication.translate("QPlatformTheme", "Retry"),
        QCoreApplication.translate("QPlatformTheme", "Ignore"),
        QCoreApplication.translate("QMessageBox", "Show Details..."),
        QCoreApplication.translate("QMessageBox", "Hide Details..."),
    ]
