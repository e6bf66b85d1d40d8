"""Errors that reach the user as one clear line, never as a traceback."""


class ConverterError(Exception):
    """Something the user can fix; its message names the file and the reason."""


class InputError(ConverterError):
    """An input file or folder that cannot be read as newspaper pages."""


class OutputError(ConverterError):
    """An output that cannot be written (permissions, full disk)."""
