"""SafeDesk's Qt-free core: records, the local store, change tracking and the sync protocol.

Nothing here imports Qt, so the store, the sync engine and the reference server run (and are
tested) on machines without a display or PySide6.
"""

__all__ = ["__version__"]

__version__ = "0.1.0"
