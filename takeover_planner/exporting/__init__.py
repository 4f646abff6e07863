"""Exports of the takeover calendar for readers outside the comms team: ICS, CSV and PDF.

Everything here works on plain :class:`records.ExportSlot` values gathered by ``services.export_service``;
nothing here opens the database. The one module that needs Qt is ``pdf_qt`` (see its docstring).
"""
