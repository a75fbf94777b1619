"""Records behave as the dataclasses they replace: repr, ==, hashing, frozenness, replace/asdict."""
from __future__ import annotations

import dataclasses
import math
import pickle
from dataclasses import field

import pytest

from drafter.errors import Location, Problem
from drafter.record import record


@record
class Item:
    """doc"""

    name: str
    count: int = 0
    tags: list = field(default_factory=list)
    note: str = field(default="", repr=False, compare=False)


@dataclasses.dataclass
class ItemDC:
    name: str
    count: int = 0
    tags: list = field(default_factory=list)
    note: str = field(default="", repr=False, compare=False)


@record(frozen=True)
class Point:
    x: float
    y: float = 0.0


@dataclasses.dataclass(frozen=True)
class PointDC:
    x: float
    y: float = 0.0


def test_repr_is_the_dataclass_repr():
    assert repr(Item("镇", 2, ["a"], "n")) == repr(ItemDC("镇", 2, ["a"], "n")).replace("ItemDC", "Item")
    assert repr(Point(1.5)) == repr(PointDC(1.5)).replace("PointDC", "Point")


def test_equality_is_field_by_field_within_one_class():
    assert Item("a", 1, ["x"], "one") == Item("a", 1, ["x"], "other")  # compare=False is skipped
    assert Item("a", 1) != Item("a", 2)
    assert Item("a") != ItemDC("a") and (Item("a") == ("a", 0, [])) is False
    nan = math.nan
    assert (Point(nan) == Point(nan)) == (PointDC(nan) == PointDC(nan))  # tuple equality: identity first


def test_mutable_records_are_unhashable_frozen_ones_hash_by_fields():
    with pytest.raises(TypeError):
        hash(Item("a"))
    assert hash(Point(1, 2)) == hash(Point(1, 2)) and len({Point(1, 2), Point(1, 2), Point(2, 1)}) == 2
    assert len({Problem(Location("a.yaml", 3), "缺少字段"), Problem(Location("a.yaml", 3), "缺少字段")}) == 1


def test_frozen_records_refuse_assignment_and_deletion():
    p = Point(1, 2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.x = 3
    with pytest.raises(dataclasses.FrozenInstanceError):
        del p.y
    with pytest.raises(dataclasses.FrozenInstanceError):
        Location("a.yaml").line = 4
    assert (p.x, p.y) == (1, 2)


def test_dataclass_tools_still_work():
    item = Item("a", 1, ["x"])
    assert [f.name for f in dataclasses.fields(item)] == ["name", "count", "tags", "note"]
    assert dataclasses.asdict(item) == {"name": "a", "count": 1, "tags": ["x"], "note": ""}
    assert dataclasses.replace(item, count=5) == Item("a", 5, ["x"])
    moved = dataclasses.replace(Point(1, 2), y=7)
    assert moved == Point(1, 7)
    with pytest.raises(dataclasses.FrozenInstanceError):
        moved.y = 8
    assert Item("a").tags is not Item("a").tags
    with pytest.raises(TypeError):
        Item()  # a required field is still required


def test_records_survive_pickling():
    problem = Problem(Location("事实表.yaml", 3, 5, "unit.name"), "缺少字段")
    again = pickle.loads(pickle.dumps(problem))
    assert again == problem and hash(again) == hash(problem)
    with pytest.raises(dataclasses.FrozenInstanceError):
        again.message = "x"
