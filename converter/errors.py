"""Errors that reach the user as one clear line, never as a traceback."""

import errno


class ConverterError(Exception):
    """Something the user can fix; its message names the file and the reason."""


class InputError(ConverterError):
    """An input file or folder that cannot be read as newspaper pages."""


class OutputError(ConverterError):
    """An output that cannot be written (permissions, full disk)."""


def os_reason(exc: OSError) -> str:
    """An operating-system error in the words of the one-line message.

    >>> os_reason(PermissionError(errno.EACCES, "Permission denied"))
    'permission denied'
    """
    if exc.errno == errno.ENOSPC:
        return "disk full"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "permission denied"
    return (exc.strerror or str(exc)).lower()
