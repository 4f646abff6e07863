"""Media: recognise, probe and judge files against Instagram's story rules; fix them; store them; thumbnails.

Entry points: ``probe.probe_file`` (facts, never raises for a bad file), ``rules.load_rules`` (the rule set),
``fix.fix_file`` (a compliant derivative), ``store.MediaStore`` (content-addressed files),
``thumbnails.ThumbnailCache`` and ``importer.import_many`` (many files on two processes).
Nothing here imports Qt or touches the database; ``services.media_service`` ties it to both.
"""
