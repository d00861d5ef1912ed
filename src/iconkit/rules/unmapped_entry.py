"""M406 unmapped-entry."""

from __future__ import annotations

from collections.abc import Iterator

from .base import Finding, Project, rule


@rule(code="M406", name="unmapped-entry", severity="error", target="project")
def unmapped_entry(project: Project) -> Iterator[Finding]:
    """A document entry is not kept in any icon's `source` (run with `--document` and a folder).

    ## Why it matters
    The document is where the alt text came from. An entry no icon accounts for
    is an icon, or a name people know it by, that the set silently dropped:
    templates asking for it fail, and the original wording is lost as provenance.
    An entry counts as kept when some icon's `source` holds its position and its
    text word for word.

    ## Example
    ```text
    Calendar An icon of a desk calendar. Clock An icon of a clock face.
    ```
    with only `calendar.json` listing a source.

    Use instead: add `clock.svg` and `clock.json` with the entry in `source`,
    or list it in the `source` of the icon it is an alias of.
    """
    if not project.folders:
        return
    kept = {
        (ref.position, ref.text)
        for folder in project.folders
        for icon in folder.icons
        if icon.meta is not None
        for ref in icon.meta.source
    }
    for entries in project.documents:
        for entry in entries:
            if (entry.position, entry.entry_text) not in kept:
                yield Finding(
                    "no icon keeps this entry in its source; add the icon or an alias",
                    "title",
                    text=entry,
                )
