"""A set's licence is found once, even though every file's comments are removed."""

from __future__ import annotations

import json
from pathlib import Path

from iconkit import extract_licence, optimize_svg, package_licence, set_licence

LUCIDE_LIKE = b"""<!-- @license lucide-static v0.469.0 - ISC -->
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">
<!-- drawn by hand --><path d="M1 1h2"/></svg>
"""


def test_extract_licence_reads_the_comment_before_the_root() -> None:
    assert extract_licence(LUCIDE_LIKE) == "@license lucide-static v0.469.0 - ISC"
    assert b"license" not in optimize_svg(LUCIDE_LIKE).svg


def test_extract_licence_finds_copyright_inside_and_ignores_other_comments() -> None:
    inside = (
        b'<svg xmlns="http://www.w3.org/2000/svg"><!-- Generator: Sketch -->'
        b"<!--  Copyright (c) 2020\n  Example  --></svg>"
    )
    assert extract_licence(inside) == "Copyright (c) 2020 Example"
    assert extract_licence(b'<svg xmlns="http://www.w3.org/2000/svg"><!-- hi --></svg>') is None


def test_set_licence_takes_the_first_file_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b.svg").write_bytes(LUCIDE_LIKE)
    (tmp_path / "a.svg").write_bytes(b'<svg xmlns="http://www.w3.org/2000/svg"/>')
    assert set_licence(tmp_path.glob("*.svg")) == "@license lucide-static v0.469.0 - ISC"
    assert set_licence([tmp_path / "a.svg"]) is None


def test_package_licence_prefers_the_licence_file(tmp_path: Path) -> None:
    (tmp_path / "package.json").write_text(json.dumps({"license": "ISC"}))
    assert package_licence(tmp_path) == "ISC"
    (tmp_path / "LICENSE").write_text("ISC License\n\nCopyright (c) Example\n")
    assert package_licence(tmp_path) == "ISC License\n\nCopyright (c) Example"
    assert package_licence(tmp_path / "missing") is None
