"""SQLite turns a concurrent writer away ("database is locked") after its busy timeout; the
services that write seats retry the whole transaction then (the events app's helper)."""

from tsunagu.events.services._locking import retry_when_sqlite_is_locked

__all__ = ["retry_when_sqlite_is_locked"]
