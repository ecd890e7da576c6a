"""Where the classroom's generated pages may be written: never over the checkout's tracked files.

The teacher's pack and the handouts both write through `safe_folder`; it sits below both so
that neither imports the other for it.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError

#: the checkout (or the installed package's parent) the walkthroughs are read from
ROOT = Path(__file__).resolve().parents[2]


def safe_folder(folder: Path) -> Path:
    """The output folder, refused when it lies inside the repository but outside ``build/``
    (the pack never writes over tracked files).

    Examples
    --------
    >>> safe_folder(ROOT / "build" / "pack") == (ROOT / "build" / "pack").resolve()
    True
    >>> safe_folder(ROOT / "notebooks")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    explorer.errors.InputError: folder = ...
    """
    out = folder.resolve()
    inside_repo = out == ROOT or ROOT in out.parents
    build_dir = ROOT / "build"
    if inside_repo and not (out == build_dir or build_dir in out.parents):
        raise InputError(
            "folder",
            str(folder),
            "a folder under build/ or outside the repository",
            "is inside the repository, where files are tracked",
        )
    return out
