"""The build cache's memo: values kept by content key, written by part, pruned by use."""

from __future__ import annotations

import marshal
import shutil
import subprocess
import sys
from pathlib import Path

from support import ICONS

from iconkit import build
from iconkit.build import BuildOptions
from iconkit.cache import Memo


def _key(first: str, n: int) -> str:
    return first + f"{n:063x}"


def _part(folder: Path, shard: str) -> Path:
    """The file of one part of the memo in ``folder``."""
    (part,) = folder.glob(f"{shard}.*")
    return part


def test_a_value_is_computed_once_and_read_back_as_json(tmp_path: Path) -> None:
    calls = []
    memo = Memo(tmp_path / "m")
    assert memo.get(_key("a", 1), lambda: calls.append(1) or ("x", 2)) == ["x", 2]
    memo.save()
    again = Memo(tmp_path / "m")
    assert again.get(_key("a", 1), lambda: calls.append(2) or "other") == ["x", 2]
    assert calls == [1]


def test_values_not_asked_for_fall_away_at_save(tmp_path: Path) -> None:
    memo = Memo(tmp_path / "m")
    for n in range(3):
        memo.get(_key("a", n), lambda n=n: n)
    memo.get(_key("b", 0), lambda: "b")
    memo.save()
    second = Memo(tmp_path / "m")
    assert second.get(_key("a", 1), lambda: "recomputed") == 1
    second.save()
    kept = marshal.loads(_part(tmp_path / "m", "a").read_bytes())
    assert kept == {_key("a", 1): 1}
    # A part nothing was asked of is removed.
    assert not list((tmp_path / "m").glob("b.*"))


def test_a_save_rewrites_only_the_parts_that_changed(tmp_path: Path) -> None:
    memo = Memo(tmp_path / "m")
    memo.get(_key("a", 0), lambda: 1)
    memo.get(_key("b", 0), lambda: 2)
    memo.save()
    inodes = {p.name: p.stat().st_ino for p in (tmp_path / "m").iterdir()}
    again = Memo(tmp_path / "m")
    again.get(_key("a", 0), lambda: 0)
    again.get(_key("b", 0), lambda: 0)
    again.get(_key("b", 1), lambda: 3)
    again.save()
    after = {p.name: p.stat().st_ino for p in (tmp_path / "m").iterdir()}
    a, b = _part(tmp_path / "m", "a").name, _part(tmp_path / "m", "b").name
    assert after[a] == inodes[a]
    assert after[b] != inodes[b]


def test_a_part_unchanged_since_this_process_read_or_wrote_it_is_not_read_again(
    tmp_path: Path,
) -> None:
    memo = Memo(tmp_path / "m")
    value = memo.get(_key("a", 0), lambda: ["kept"])
    memo.save()
    # The same objects, not a new reading of the file.
    assert Memo(tmp_path / "m").peek(_key("a", 0)) is value
    assert Memo(tmp_path / "m").peek(_key("a", 0)) is value


def test_a_part_another_process_rewrote_is_read_again(tmp_path: Path) -> None:
    memo = Memo(tmp_path / "m")
    memo.get(_key("a", 0), lambda: "mine")
    memo.save()
    part = _part(tmp_path / "m", "a")
    script = (
        "import marshal, pathlib, sys; "
        "pathlib.Path(sys.argv[1]).write_bytes(marshal.dumps({sys.argv[2]: 'theirs'}))"
    )
    subprocess.run([sys.executable, "-c", script, str(part), _key("a", 0)], check=True, timeout=60)
    assert Memo(tmp_path / "m").peek(_key("a", 0)) == "theirs"


def test_a_damaged_part_is_an_empty_one(tmp_path: Path) -> None:
    memo = Memo(tmp_path / "m")
    memo.get(_key("a", 0), lambda: "first")
    memo.save()
    part = _part(tmp_path / "m", "a")
    part.write_bytes(part.read_bytes()[:-3])
    memo = Memo(tmp_path / "m")
    assert memo.peek(_key("a", 0)) is None
    assert memo.get(_key("a", 0), lambda: "fresh") == "fresh"
    memo.save()
    assert marshal.loads(part.read_bytes()) == {_key("a", 0): "fresh"}


def test_a_part_of_another_format_is_not_read_and_is_removed(tmp_path: Path) -> None:
    (tmp_path / "m").mkdir()
    (tmp_path / "m/a.json").write_text(f'{{"{_key("a", 0)}": "old"}}')
    memo = Memo(tmp_path / "m")
    assert memo.get(_key("a", 0), lambda: "new") == "new"
    memo.save()
    assert [p.name for p in (tmp_path / "m").iterdir()] == [_part(tmp_path / "m", "a").name]
    assert _part(tmp_path / "m", "a").suffix == ".marshal"


def test_a_shared_cache_gives_each_folder_its_own_findings(tmp_path: Path) -> None:
    # Two copies of a set, one cache, one process: results come from the cache (and
    # from what this process already made of it), each with its own folder's paths.
    cache = tmp_path / "cache"
    folders = [tmp_path / "one" / "icons", tmp_path / "two" / "icons"]
    for folder in folders:
        folder.mkdir(parents=True)
        for name in ("close.svg", "close.json", "next.svg", "next.json"):
            shutil.copy(ICONS / name, folder / name)
        svg = folder / "close.svg"
        svg.write_text(svg.read_text().replace("<line", '<line id="x"', 1))

    def unscoped_ids(folder: Path) -> set[str]:
        result = build(folder, folder.parent / "dist", BuildOptions(cache_dir=cache))
        assert result.cached >= 1, "close must come from the cache"
        return {d.path for d in result.diagnostics if d.code == "G308"}

    build(folders[0], folders[0].parent / "dist", BuildOptions(cache_dir=cache))
    assert unscoped_ids(folders[1]) == {str(folders[1] / "close.svg")}
    # Folder one again, with another icon changed so that it is built, not reused whole.
    nxt = folders[0] / "next.svg"
    nxt.write_text(nxt.read_text().replace("</svg>", "<!-- changed --></svg>", 1))
    assert unscoped_ids(folders[0]) == {str(folders[0] / "close.svg")}
