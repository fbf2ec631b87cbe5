"""Atomic file output: a good file is never replaced by a broken one."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
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
    check_output_path(target)
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


def check_output_path(path: str | os.PathLike[str]) -> None:
    """Refuse an output path that is not a new or regular file.

    Writing renames a temp file over ``path``, which would replace a symlink, a FIFO or a
    device (``/dev/null``, ``/dev/stdout``) by a regular file; those are refused instead.

    Raises
    ------
    OutputError
        If ``path`` is a symbolic link, a directory or anything but a regular file.
    """
    target = Path(path)
    try:
        info = target.lstat()
    except (FileNotFoundError, NotADirectoryError):
        return  # a new file (a parent that is a file is reported when writing)
    except OSError as err:
        raise OutputError(f"cannot write {target}: {err.strerror or err}") from err
    if stat.S_ISLNK(info.st_mode):
        raise OutputError(f"cannot write {target}: is a symbolic link (refusing to replace it)")
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(f"cannot write {target}: is a directory")
    if not stat.S_ISREG(info.st_mode):
        raise OutputError(
            f"cannot write {target}: not a regular file (a FIFO, device or socket is never replaced)"
        )


def check_not_input(
    output: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str] | None]
) -> None:
    """Refuse an output path that is one of the input files (also via a hard link).

    Raises
    ------
    OutputError
        If ``output`` and an existing input are the same file.
    """
    for source in inputs:
        if source is None:
            continue
        try:
            same = os.path.samefile(output, source)
        except (OSError, ValueError):  # either does not exist (or is not a path)
            same = Path(output).resolve() == Path(source).resolve()
        if same:
            raise OutputError(
                f"cannot write {output}: it is the input {source} (refusing to overwrite it)"
            )


def write_text_atomic(path: str | os.PathLike[str], text: str) -> Path:
    """:func:`write_bytes_atomic` for UTF-8 text."""
    return write_bytes_atomic(path, text.encode("utf-8"))


MAX_INPUT_BYTES = 10_000_000  # the same limit as geomap.read() applies to articles


def read_bytes_capped(
    path: str | os.PathLike[str],
    error: type[GeomapError],
    max_bytes: int = MAX_INPUT_BYTES,
    *,
    what: str = "",
) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; every failure is one ``error``
    line. A FIFO would block forever and a device such as ``/dev/zero`` would never end,
    so only regular files are read (``what`` names what a directory is not)."""
    p = Path(path)
    try:
        info = p.stat()
    except FileNotFoundError:
        raise error(f"{p}: no such file") from None
    except OSError as err:
        raise error(f"{p}: cannot read ({err.strerror or err})") from err
    if stat.S_ISDIR(info.st_mode):
        raise error(f"{p}: is a directory" + (f", not {what}" if what else ""))
    if not stat.S_ISREG(info.st_mode):
        raise error(f"{p}: not a regular file")
    if info.st_size > max_bytes:
        raise error(f"{p}: file is {info.st_size:,} bytes, over the {max_bytes:,}-byte limit")
    try:
        with p.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as err:
        raise error(f"{p}: cannot read ({err.strerror or err})") from err
    if len(data) > max_bytes:
        raise error(f"{p}: file is over the {max_bytes:,}-byte limit")
    return data


def read_text_file(
    path: str | os.PathLike[str], error: type[GeomapError], max_bytes: int = MAX_INPUT_BYTES
) -> str:
    """A UTF-8 text file's content (see :func:`read_bytes_capped`); every way of failing
    becomes one ``error`` line."""
    data = read_bytes_capped(path, error, max_bytes)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise error(f"{Path(path)}: not UTF-8 text") from err
    return text.replace("\r\n", "\n").replace("\r", "\n")  # universal newlines
