"""Atomic file output: a good file is never replaced by a broken one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from .errors import GeomapError, OutputError


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to a temp file beside ``path``, then rename it over ``path``.

    Missing parent folders are created. An interrupted write leaves the old file intact.

    Raises
    ------
    OutputError
        If the folder cannot be created or the file cannot be written.
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as err:
        raise OutputError(f"cannot write {target}: {err.strerror or err}") from err
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(err, OSError):
            raise OutputError(f"cannot write {target}: {err.strerror or err}") from err
        raise
    return target


def write_text_atomic(path: str | os.PathLike[str], text: str) -> Path:
    """:func:`write_bytes_atomic` for UTF-8 text."""
    return write_bytes_atomic(path, text.encode("utf-8"))


def read_text_file(path: str | os.PathLike[str], error: type[GeomapError]) -> str:
    """A UTF-8 text file's content; every way of failing becomes one ``error`` line."""
    p = Path(path)
    try:
        return p.read_text(encoding="utf-8")
    except FileNotFoundError as err:
        raise error(f"{p}: no such file") from err
    except IsADirectoryError as err:
        raise error(f"{p}: is a directory") from err
    except UnicodeDecodeError as err:
        raise error(f"{p}: not UTF-8 text") from err
    except OSError as err:
        raise error(f"{p}: {err.strerror or err}") from err
