"""XML bombs and local-file tricks: refused fast, with no expansion and no file content leaked.

Each bomb is parsed in a fresh Python process that reports how long the refusal
took and how much its peak resident memory grew, so libxml2's own allocations
(which tracemalloc cannot see) are counted. The limits are loose on purpose: an
expansion costs gigabytes and minutes, a refusal milliseconds and kilobytes.
"""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest
from support import FIXTURES, ROOT, fresh_python

from iconkit import IconSourceError, sanitize_svg
from iconkit._xml import parse_svg, read_svg
from iconkit.cli import main

BOMBS = sorted((FIXTURES / "bombs").glob("*.svg"))
SVG_NS = 'xmlns="http://www.w3.org/2000/svg"'
SECONDS = 1.0
RSS_GROWTH_KB = 16 * 1024

PROBE = """
import json, resource, sys, time
from iconkit._xml import read_svg
from iconkit.errors import IconSourceError
read_svg(sys.argv[1])  # warm up: imports and a first parse are not the bombs' cost
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
report = {}
for path in sys.argv[2:]:
    start = time.perf_counter()
    try:
        read_svg(path)
        error = None
    except IconSourceError as exc:
        error = str(exc)
    report[path] = {"error": error, "seconds": time.perf_counter() - start}
# Peak memory only grows: if the peak after all of them is small, each one was.
growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
print(json.dumps({"files": report, "growth_kb": growth}))
"""


def probe(paths: list[Path]) -> tuple[dict[str, dict[str, object]], int]:
    """Parse ``paths`` in a fresh process; return each one's error and time, and the
    growth of the process's peak memory over all of them, in KiB."""
    done = fresh_python("-c", PROBE, str(ROOT / "icons" / "calendar.svg"), *map(str, paths))
    result = json.loads(done.stdout)
    return result["files"], result["growth_kb"]


def passwd_lines() -> list[str]:
    text = Path("/etc/passwd").read_text("utf-8", errors="replace")
    return [line for line in text.splitlines() if line.strip()][:5]


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text("TOP-SECRET-7f3a9c local file content\n", "utf-8")
    return path


def generated(tmp_path: Path, secret: Path) -> dict[str, Path]:
    """Bombs built at test time: too big to commit, or naming a file made for the test."""
    files: dict[str, bytes] = {
        "deep-nesting.svg": f"<svg {SVG_NS}>".encode()
        + b"<g>" * 100_000
        + b"</g>" * 100_000
        + b"</svg>",
        "many-elements.svg": f"<svg {SVG_NS}>".encode() + b"<g/>" * 250_000 + b"</svg>",
        "quadratic-blowup.svg": (
            f'<!DOCTYPE svg [<!ENTITY a "{"x" * 50_000}">]><svg {SVG_NS}><title>'.encode()
            + b"&a;" * 20_000
            + b"</title></svg>"
        ),
        "secret-entity.svg": (
            f'<!DOCTYPE svg [<!ENTITY s SYSTEM "file://{secret}">]>'
            f"<svg {SVG_NS}><text>&s;</text></svg>"
        ).encode(),
        "secret-parameter-entity.svg": (
            f'<!DOCTYPE svg [<!ENTITY % s SYSTEM "file://{secret}"> %s;]><svg {SVG_NS}/>'
        ).encode(),
        "secret-dtd.svg": (
            f'<!DOCTYPE svg SYSTEM "file://{secret}"><svg {SVG_NS}><text>&s;</text></svg>'
        ).encode(),
    }
    paths = {}
    for name, data in files.items():
        paths[name] = tmp_path / name
        paths[name].write_bytes(data)
    huge = tmp_path / "huge.svg"
    with huge.open("wb") as stream:
        stream.write(f"<svg {SVG_NS}>".encode())
        stream.write(b"<path d='M0 0h1'/>" * 1_200_000)  # about 22 MB
        stream.write(b"</svg>")
    paths["huge.svg"] = huge
    sparse = tmp_path / "sparse.svg"
    with sparse.open("wb") as stream:
        stream.truncate(8 << 30)  # 8 GiB that take no disk space
    paths["sparse.svg"] = sparse
    return paths


def test_bombs_are_refused_fast_and_small(tmp_path: Path, secret: Path) -> None:
    made = generated(tmp_path, secret)
    files, growth_kb = probe([*BOMBS, *made.values()])
    assert len(files) == len(BOMBS) + len(made) >= 18
    leaks = [*passwd_lines(), "TOP-SECRET"]
    for path, result in files.items():
        assert result["error"], f"{path} was accepted"
        assert str(result["error"]).startswith(path), result
        assert result["seconds"] < SECONDS, (path, result)  # type: ignore[operator]
        assert not any(leak in str(result["error"]) for leak in leaks), result
    assert growth_kb < RSS_GROWTH_KB, growth_kb


def test_refusal_allocates_little_python_memory(tmp_path: Path, secret: Path) -> None:
    paths = generated(tmp_path, secret)
    for name in ("deep-nesting.svg", "many-elements.svg", "quadratic-blowup.svg"):
        data = paths[name].read_bytes()
        tracemalloc.start()
        try:
            with pytest.raises(IconSourceError):
                parse_svg(data, name)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        # A few megabytes at most (the element count is bounded); an expansion is gigabytes.
        assert peak < 8 << 20, (name, peak)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("billion-laughs.svg", "declares entities"),
        ("parameter-entity-laughs.svg", "declares entities"),
        ("parameter-entity-passwd.svg", "declares entities"),
        ("external-entity-passwd.svg", "declares entities"),
        ("external-dtd-entity-reference.svg", "external DTD 'file:///etc/passwd' refused"),
        ("external-dtd-http-reference.svg", "external DTD 'http://127.0.0.1:9/evil.dtd' refused"),
        ("standard-dtd-entity-reference.svg", "entity reference &nbsp; is refused"),
        ("doctype-hidden-in-comment.svg", "declares entities"),
        ("utf7-encoded.svg", "'UTF-7' is not supported"),
    ],
)
def test_bomb_messages_say_why(name: str, message: str) -> None:
    with pytest.raises(IconSourceError, match=message):
        read_svg(FIXTURES / "bombs" / name)


def test_limits_are_reported_with_the_line(tmp_path: Path, secret: Path) -> None:
    paths = generated(tmp_path, secret)
    with pytest.raises(IconSourceError, match="nested deeper than 64") as deep:
        read_svg(paths["deep-nesting.svg"])
    assert deep.value.line == 1
    with pytest.raises(IconSourceError, match="more than 20000 elements"):
        read_svg(paths["many-elements.svg"])
    with pytest.raises(IconSourceError, match="over the 1048576 limit"):
        read_svg(paths["sparse.svg"])


def test_the_w3c_svg_dtd_is_named_but_never_loaded() -> None:
    data = (
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">'
        f'<svg {SVG_NS}><path d="M0 0h1"/></svg>'
    ).encode()
    result = sanitize_svg(data)
    assert b"DOCTYPE" not in result.svg
    assert [d.code for d in result.diagnostics] == ["S114"]


def test_a_dtd_naming_a_local_file_is_refused_without_reading_it(secret: Path) -> None:
    data = f'<!DOCTYPE svg SYSTEM "file://{secret}"><svg {SVG_NS}/>'.encode()
    with pytest.raises(IconSourceError, match="external DTD") as caught:
        sanitize_svg(data)
    assert "TOP-SECRET" not in str(caught.value)


def test_cli_refuses_a_bomb_in_one_line_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.svg"
    code = main(
        ["sanitize", str(FIXTURES / "bombs" / "external-entity-passwd.svg"), "-o", str(out)]
    )
    captured = capsys.readouterr()
    assert code == 1
    assert not out.exists()
    assert "Traceback" not in captured.err
    assert "external-entity-passwd.svg:2: document type declares entities" in captured.err
    for line in passwd_lines():
        assert line not in captured.out + captured.err
