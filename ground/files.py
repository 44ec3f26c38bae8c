"""A file another process may read at any moment, replaced whole."""

import os
import tempfile
from pathlib import Path


def replace_whole(path, text):
    """Writes `text` to a new file beside `path`, then renames it over `path` (0644: nginx and
    every process of the site read it), so a reader sees the old text or the new, never a mix."""
    path = Path(path)
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", delete=False
    ) as new:
        try:
            new.write(text)
            new.flush()
            os.fsync(new.fileno())
            os.fchmod(new.fileno(), 0o644)
            new.close()
            os.replace(new.name, path)
        except BaseException:
            Path(new.name).unlink(missing_ok=True)
            raise
