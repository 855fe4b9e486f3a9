"""A raw file of the wrong shape (a JSON list where an object belongs, a key missing) as one sentence
naming the file, never a KeyError or TypeError from deep inside a reader."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from pipeline.raw.snapshot import RawFile
from pipeline.read.common import RawFormatError

SHAPE_ERRORS = (KeyError, TypeError, AttributeError, IndexError)


def wrong_shape(where: object, what: str, exc: BaseException) -> RawFormatError:
    detail = f"{type(exc).__name__}: {str(exc)[:80]}"
    return RawFormatError(
        f"{where}: tiedosto ei ole muodossa, jota sen lukija odottaa ({what}; {detail}); hae uusi tilannekuva "
        f"(--online) tai palauta tiedosto gitistä. / The file is not of the form its reader expects ({what}; "
        f"{detail}); fetch a new snapshot with --online or restore the file from git."
    )


@contextmanager
def expected_shape(file: RawFile, what: str) -> Iterator[None]:
    """Inside it, a missing key or a value of the wrong type is a :class:`RawFormatError` naming ``file``."""
    try:
        yield
    except SHAPE_ERRORS as exc:
        raise wrong_shape(file.path, what, exc) from exc
