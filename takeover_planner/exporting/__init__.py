"""Exports of the takeover calendar for readers outside the comms team: ICS, CSV and PDF.

Everything here works on plain :class:`records.ExportSlot` values gathered by ``services.export_service``;
nothing here opens the database, and nothing here uses Qt: PDFs are made with Typst (``typst_pdf``).
"""
