"""The reference provincial server: FastAPI under uvicorn, SQLAlchemy 2, Alembic.

It speaks sync protocol v1 (:mod:`sync.protocol`, ``docs/sync-protocol.md``) and is what the
desktop's sync engine talks to in tests, in demos and in a pilot city. ``create_app`` in
:mod:`sync.server.app` builds it from a :class:`~sync.server.settings.ServerSettings`.
"""
