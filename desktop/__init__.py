"""SafeDesk's PySide6 desktop application: thin widgets over models of the ``sync`` core."""
