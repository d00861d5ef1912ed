"""Every transform against its fixtures: input, expected output, run twice to prove idempotence.

Fixtures live in ``tests/fixtures/transforms/<module>/<case>.in.svg`` with the
expected ``<case>.out.svg`` beside it and optional ``<case>.params.toml``
(``precision``, ``id_prefix``). Regenerate the expected files with
``pytest --update-fixtures`` and review the diff.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from support import FIXTURES

from iconkit._xml import parse_svg
from iconkit.optimize import serialize
from iconkit.transforms import ALL_TRANSFORMS, Options, Transform

ROOT = FIXTURES / "transforms"
BY_MODULE = {t.name.replace("-", "_"): t for t in ALL_TRANSFORMS}
CASES = sorted(ROOT.glob("*/*.in.svg"))


def _options(case: Path) -> Options:
    params = case.with_name(case.name.replace(".in.svg", ".params.toml"))
    if not params.exists():
        return Options()
    return Options(**tomllib.loads(params.read_text("utf-8")))


def _apply(step: Transform, data: bytes, options: Options) -> bytes:
    root = parse_svg(data)
    step(root, options)
    return serialize(root)


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.name[:-7]}" for c in CASES])
def test_fixture(case: Path, request: pytest.FixtureRequest) -> None:
    step = BY_MODULE[case.parent.name]
    options = _options(case)
    once = _apply(step, case.read_bytes(), options)
    twice = _apply(step, once, options)
    assert twice == once, "not idempotent: a second run changed the output"
    expected = case.with_name(case.name.replace(".in.svg", ".out.svg"))
    if request.config.getoption("--update-fixtures"):
        expected.write_bytes(once + b"\n")
    assert once + b"\n" == expected.read_bytes()


def test_every_transform_has_fixtures() -> None:
    folders = {p.name for p in ROOT.iterdir() if p.is_dir()}
    assert folders == set(BY_MODULE)
    for name in BY_MODULE:
        assert list((ROOT / name).glob("*.in.svg")), name
