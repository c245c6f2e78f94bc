"""Messages between the export and its encoder process: pickled, each preceded by its
length, over the child's standard input and output (two of our own processes, so pickle's
trust is not an issue). No Qt: the encoder process imports this."""

from __future__ import annotations

import pickle
import struct
from typing import BinaryIO

_LENGTH = struct.Struct("<I")


def send(stream: BinaryIO, message: object) -> None:
    """Write one message and flush it (BrokenPipeError/OSError if the reader has gone)."""
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_LENGTH.pack(len(data)) + data)
    stream.flush()


def receive(stream: BinaryIO) -> object:
    """Read one message; EOFError once the writer has gone."""
    head = _read_exactly(stream, _LENGTH.size)
    return pickle.loads(_read_exactly(stream, _LENGTH.unpack(head)[0]))


def _read_exactly(stream: BinaryIO, count: int) -> bytes:
    data = b""
    while len(data) < count:
        chunk = stream.read(count - len(data))
        if not chunk:
            raise EOFError("The other process has gone.")
        data += chunk
    return data
