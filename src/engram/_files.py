"""Files Engram creates hold memories and key hashes: only their owner may read them.

A folder Engram creates is 0700 and a file it creates is 0600; SQLite gives a database's
``-wal`` and ``-shm`` files the mode of the database, so they follow. A folder or file
that already exists is left as it is: its permissions are the user's choice.

>>> import os, tempfile
>>> d = os.path.join(tempfile.mkdtemp(), "new")
>>> p = private_file(os.path.join(d, "x.db"))
>>> oct(os.stat(d).st_mode & 0o777), oct(os.stat(p).st_mode & 0o777)
('0o700', '0o600')
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

__all__ = ["private_file", "private_folder"]


def private_folder(path: str | Path) -> Path:
    """Create ``path`` as 0700 (missing parents with the default mode) unless it exists."""
    folder = Path(path)
    if not folder.is_dir():
        folder.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileExistsError):  # another process made it first
            folder.mkdir(mode=0o700)
    return folder


def private_file(path: str | Path) -> Path:
    """Create ``path`` empty as 0600 (an empty file is a valid new SQLite database) in a
    private folder, unless it exists. Raises OSError."""
    file = Path(path)
    private_folder(file.parent)
    try:
        fd = os.open(file, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return file
    os.close(fd)
    return file
