"""Static files storage: whitenoise's compressed, hashed names once ``collectstatic`` has run (``zeroerror up`` and
production run it), and the plain names before, so that a developer's ``zeroerror runserver`` serves every page
(whitenoise serves the files from the apps' ``static/`` folders) instead of failing on the missing manifest."""

from __future__ import annotations

from whitenoise.storage import CompressedManifestStaticFilesStorage


class ManifestWhenCollectedStorage(CompressedManifestStaticFilesStorage):
    def stored_name(self, name: str) -> str:
        if not self.hashed_files:  # no manifest: nothing was collected
            return name
        return super().stored_name(name)
