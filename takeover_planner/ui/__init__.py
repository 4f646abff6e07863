"""The desktop window (PySide6). Qt is imported only below this package."""
