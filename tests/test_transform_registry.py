"""The transform registry: listed once, in order, with unique codes and names matching modules."""

from __future__ import annotations

import importlib
import re

import pytest
from support import ROOT

from iconkit.transforms import ALL_TRANSFORMS, DEFAULT_PRESET, Transform, by_name, reference


def test_codes_are_unique_and_in_the_optimization_range() -> None:
    codes = [t.code for t in ALL_TRANSFORMS]
    assert len(set(codes)) == len(codes)
    assert all(re.fullmatch(r"O5\d\d", code) for code in codes)
    assert codes == sorted(codes), "codes follow the running order"


def test_names_are_verbs_matching_their_modules() -> None:
    for step in ALL_TRANSFORMS:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)+", step.name), step.name
        module = importlib.import_module(f"iconkit.transforms.{step.name.replace('-', '_')}")
        assert getattr(module, step.name.replace("-", "_")) is step
        assert module.__doc__
        assert module.__doc__.startswith(f"{step.code} {step.name}:")


def test_every_transform_has_a_one_line_summary() -> None:
    for step in ALL_TRANSFORMS:
        assert isinstance(step, Transform)
        assert step.summary, step.name
        assert step.summary.endswith("."), step.name
        assert "\n" not in step.summary


def test_default_preset_names_registered_transforms_in_order() -> None:
    assert [by_name(name) for name in DEFAULT_PRESET] == list(ALL_TRANSFORMS)


def test_the_docs_page_is_current(request: pytest.FixtureRequest) -> None:
    page = ROOT / "docs" / "transforms.md"
    if request.config.getoption("--update-fixtures"):
        page.write_text(reference(), "utf-8")
    assert page.read_text("utf-8") == reference(), "run pytest --update-fixtures"
    for step in ALL_TRANSFORMS:
        assert f"## {step.code} `{step.name}`" in page.read_text("utf-8")
