"""Brief and submission packages: documented, versioned zip files (see docs/package-format.md).

``safezip`` reads an untrusted zip into a staging folder without trusting anything in it; ``manifest``
parses and checks the manifest strictly; ``brief`` and ``submission`` write and read the two package kinds.
Nothing here touches the database or the media store: ``services.story_import`` does that, in one go, only
after a package has passed every check.
"""
