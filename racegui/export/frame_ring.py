"""Memory shared by the export and its encoder process: a ring of frame slots.

The drawing process copies each frame into a free slot and tells the encoder process which;
the encoder reads it from there, so 8 MB of pixels a 1080p frame never go through a pipe.
On Linux the memory is an anonymous memfd, whose file descriptor the child inherits (no
/dev/shm, which a container may cap at 64 MB); elsewhere a named shared memory block.
No Qt: the encoder process imports this.
"""

from __future__ import annotations

import mmap
import os
from multiprocessing import shared_memory

import numpy as np


class FrameRing:
    """``slots`` slots of ``slot_bytes`` bytes each, made with :meth:`create` in the parent
    and opened in the child with :meth:`attach` and the parent's :meth:`handle`."""

    def __init__(self, slots: int, slot_bytes: int) -> None:
        self.slots = slots
        self.slot_bytes = slot_bytes
        self._fd: int | None = None
        self._map: mmap.mmap | None = None
        self._shm: shared_memory.SharedMemory | None = None
        self._owner = False

    @classmethod
    def create(cls, slots: int, slot_bytes: int) -> FrameRing:
        """New shared memory for ``slots`` frames of ``slot_bytes`` bytes (OSError if the
        system refuses it)."""
        ring = cls(slots, slot_bytes)
        ring._owner = True
        size = slots * slot_bytes
        memfd_create = getattr(os, "memfd_create", None)
        if memfd_create is None:
            ring._shm = shared_memory.SharedMemory(create=True, size=size)
            return ring
        ring._fd = memfd_create("racegui-frames", 0)
        try:
            os.ftruncate(ring._fd, size)
            ring._map = mmap.mmap(ring._fd, size)
        except BaseException:
            ring.close()
            raise
        return ring

    def handle(self) -> tuple[str, int | str]:
        """What the child needs to find the memory: ("fd", descriptor), which it must
        inherit (see pass_fds), or ("name", shared memory name)."""
        if self._fd is not None:
            return ("fd", self._fd)
        if self._shm is not None:
            return ("name", self._shm.name)
        raise ValueError("The frame ring is closed.")

    @property
    def pass_fds(self) -> tuple[int, ...]:
        """File descriptors a child process must inherit to attach."""
        return () if self._fd is None else (self._fd,)

    @classmethod
    def attach(cls, handle: tuple[str, int | str], slots: int, slot_bytes: int) -> FrameRing:
        """The parent's ring, from its handle(), in a child process."""
        ring = cls(slots, slot_bytes)
        kind, where = handle
        if kind == "fd":
            ring._fd = int(where)
            ring._map = mmap.mmap(ring._fd, slots * slot_bytes)
        else:
            ring._shm = _attach_shared(str(where))
        return ring

    def view(self, slot: int, shape: tuple[int, ...]) -> np.ndarray:
        """Slot ``slot`` as a uint8 array of ``shape`` (its bytes, not a copy)."""
        count = int(np.prod(shape))
        if not 0 <= slot < self.slots or count > self.slot_bytes:
            raise ValueError(f"No slot {slot} of {self.slot_bytes} bytes for a {shape} frame.")
        buffer = self._map if self._map is not None else self._shm.buf if self._shm else None
        if buffer is None:
            raise ValueError("The frame ring is closed.")
        return np.frombuffer(buffer, np.uint8, count, slot * self.slot_bytes).reshape(shape)

    def close(self) -> None:
        """Detach (and, in the process that made it, free) the memory. Views taken with
        view() should be gone first; where one is left (an error's traceback), the mapping
        goes with the last of them."""
        if self._map is not None:
            try:
                self._map.close()
            except BufferError:
                pass
            self._map = None
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        if self._shm is not None:
            self._shm.close()
            if self._owner:
                self._shm.unlink()
            self._shm = None


def _attach_shared(name: str) -> shared_memory.SharedMemory:
    """Open the named block without letting this process's resource tracker free it at exit
    (the parent made it and frees it)."""
    try:
        return shared_memory.SharedMemory(name=name, track=False)  # Python 3.13+
    except TypeError:
        shm = shared_memory.SharedMemory(name=name)
        if os.name == "posix":
            from multiprocessing import resource_tracker

            resource_tracker.unregister(shm._name, "shared_memory")  # type: ignore[attr-defined]
        return shm
