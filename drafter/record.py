"""Value records: dataclasses that share one __repr__, __eq__ and __hash__ instead of generating their own.

@dataclass writes __init__, __repr__, __eq__ (and, frozen, __hash__) as source for
every class and compiles each with exec when the module is imported: ~1.9 M
instructions a class, and a render defines some thirty of them before it writes a
line. A record keeps the generated __init__ (the fast one per instance, and
fields(), replace() and asdict() still work) and takes the other methods from the
one implementation below, which behaves as the generated ones do: the same repr,
equality of the same class field by field, hashing of frozen records by their fields.

A frozen record is sealed when its __init__ returns, rather than built through
object.__setattr__ as @dataclass(frozen=True) does, which costs two more exec'd
methods per class: assigning or deleting a field of a sealed record raises
dataclasses.FrozenInstanceError all the same.
"""
from __future__ import annotations

from dataclasses import FrozenInstanceError, dataclass, fields
from typing import Any, Callable, TypeVar, overload

T = TypeVar("T", bound=type)


def _values(obj: Any, what: str) -> tuple:
    return tuple(getattr(obj, f.name) for f in fields(obj) if getattr(f, what))


def _repr(self: Any) -> str:
    shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields(self) if f.repr)
    return f"{type(self).__qualname__}({shown})"


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _values(self, "compare") == _values(other, "compare")


def _hash(self: Any) -> int:
    return hash(_values(self, "compare"))


_SEALED = "_record_sealed"


def _frozen_setattr(self: Any, name: str, value: Any) -> None:
    if self.__dict__.get(_SEALED):
        raise FrozenInstanceError(f"cannot assign to field {name!r}")
    object.__setattr__(self, name, value)


def _frozen_delattr(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _sealing(init: Callable) -> Callable:
    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        init(self, *args, **kwargs)
        object.__setattr__(self, _SEALED, True)

    __init__.__qualname__ = init.__qualname__
    __init__.__doc__ = init.__doc__
    __init__.__wrapped__ = init  # inspect.signature shows the fields
    return __init__


@overload
def record(cls: T, /) -> T: ...
@overload
def record(*, frozen: bool = False) -> Callable[[T], T]: ...


def record(cls=None, /, *, frozen=False):
    """@record or @record(frozen=True), in place of @dataclass / @dataclass(frozen=True)."""
    def wrap(cls):
        cls = dataclass(cls, repr=False, eq=False)
        cls.__repr__ = _repr
        cls.__eq__ = _eq
        cls.__hash__ = _hash if frozen else None  # as @dataclass: a mutable record is not hashable
        if frozen:
            cls.__init__ = _sealing(cls.__init__)
            cls.__setattr__ = _frozen_setattr
            cls.__delattr__ = _frozen_delattr
        return cls

    return wrap if cls is None else wrap(cls)
