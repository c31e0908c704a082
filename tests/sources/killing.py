"""A worker that dies half-way through an import, for the tests of imports that resume."""

from sources import tasks


class Killed(BaseException):
    """Stands for SIGKILL: the worker stops where it is, its open transaction rolled back."""


def die_after_second_chunk(monkeypatch, *, chunk: int) -> None:
    """Import ``chunk`` files at a time; the second chunk's files are written, then the worker
    dies before its transaction commits."""
    monkeypatch.setattr(tasks, "CHUNK", chunk)
    calls = []
    original = tasks._record

    def record(rows, reports):
        calls.append(len(rows))
        original(rows, reports)
        if len(calls) == 2:
            raise Killed

    record.__wrapped__ = original  # the worker that lives
    monkeypatch.setattr(tasks, "_record", record)
