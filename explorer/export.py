"""A result as JSON-ready data, a flat table, or a CSV file written in streamed, vectorised chunks.

`write_csv` writes the same table as ``to_frame(ds).to_csv()`` (one row per grid point, the
dimensions first, then ``name [units]`` columns) without building it: rows are produced a chunk
at a time, and numbers are turned into text by NumPy array operations instead of one Python call
per value, so a 10⁶-point sweep takes seconds rather than minutes, in bounded memory.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterator
from typing import IO, Any

import numpy as np
import xarray as xr

CHUNK_BYTES = 32 * 2**20  # approximate text produced per chunk


def _clean(x: Any) -> Any:
    if isinstance(x, float) and not math.isfinite(x):
        return None
    if isinstance(x, list):
        return [_clean(v) for v in x]
    return x


def to_json(ds: xr.Dataset) -> dict[str, Any]:
    """``{name: {"value": ..., "units": ...}}``; arrays also give ``dims`` and ``coords``.

    NaN and infinity become ``null`` (JSON has neither).

    Examples
    --------
    >>> import explorer
    >>> to_json(explorer.compute(site_power=300))["it_power"]["units"]
    'MW'
    """
    out: dict[str, Any] = {}
    for name, var in ds.data_vars.items():
        entry: dict[str, Any] = {
            "value": _clean(var.values.tolist()),
            "units": var.attrs.get("units", ""),
        }
        if var.dims:
            entry["dims"] = list(var.dims)
            entry["coords"] = {d: ds[d].values.tolist() for d in var.dims if d in ds.coords}
        out[str(name)] = entry
    return out


def to_frame(ds: xr.Dataset):
    """The numeric variables as a pandas DataFrame, one row per grid point, units in the headers.

    Builds the whole table in memory: for big sweeps write CSV with `write_csv`.

    Examples
    --------
    >>> import explorer
    >>> to_frame(explorer.compute(site_power=[100, 300])).shape
    (6, 45)
    """
    numeric = [k for k, v in ds.data_vars.items() if v.dtype.kind in "fiub"]
    df = ds[numeric].to_dataframe()
    df.columns = [f"{c} [{ds[c].attrs.get('units', '')}]" for c in df.columns]
    return df


# ------------------------------------------------------------------------------ CSV
def csv_columns(ds: xr.Dataset) -> list[str]:
    """The CSV header: the dimensions, then ``name [units]`` for numeric variables and other
    coordinates.

    Examples
    --------
    >>> import explorer
    >>> csv_columns(explorer.compute(site_power=[100, 300]))[:3]
    ['site_power', 'precision', 'cooling_fraction [1]']
    """
    return list(map(str, ds.dims)) + [
        f"{k} [{ds[k].attrs.get('units', '')}]" for k in _value_columns(ds)
    ]


def write_csv(ds: xr.Dataset, out: IO[bytes] | IO[str], rows_per_chunk: int | None = None) -> int:
    """Write `ds` as CSV to an open file, streaming; returns the number of data rows.

    Parameters
    ----------
    ds : xarray.Dataset
        A result of `explorer.compute` (any dimensions).
    out : file object
        Opened for writing, binary or text (e.g. ``sys.stdout``).
    rows_per_chunk : int, optional
        Rows formatted at a time (default: about `CHUNK_BYTES` of text).

    Returns
    -------
    int
        Data rows written (the product of the dimension sizes).

    Notes
    -----
    Floats are written as pandas writes them (the shortest text that reads back to the same
    number: ``0.4``, ``6263.0``, ``4.177421e+18``); NaN is an empty field, infinity ``inf``.
    Each chunk formats the values of a variable it touches once, then gathers them into rows.

    Examples
    --------
    >>> import io, explorer
    >>> buf = io.BytesIO()
    >>> ds = explorer.compute(site_power=[10, 20], cooling_fraction=0.4, chip="trn2")
    >>> write_csv(ds.sel(precision="bf16"), buf)
    2
    >>> buf.getvalue().decode().splitlines()[1].split(",")[:3]
    ['10.0', '0.4', '0.03']
    """
    binary = _binary(out)
    header = ",".join(_quote(c) for c in csv_columns(ds)) + "\n"
    binary.write(header.encode())
    dims = list(map(str, ds.dims))
    sizes = [int(ds.sizes[d]) for d in dims]
    total = math.prod(sizes)
    names = _value_columns(ds)
    if rows_per_chunk is None:
        rows_per_chunk = max(1, CHUNK_BYTES // (12 * (len(dims) + len(names)) + 1))
    index_text = {
        d: _format(np.asarray(ds[d].values if d in ds.coords else np.arange(ds.sizes[d])))
        for d in dims
    }
    for start, stop in _chunks(total, rows_per_chunk):
        idx = np.unravel_index(np.arange(start, stop), sizes) if dims else ()
        n = stop - start
        cols: list[np.ndarray] = [index_text[d][i] for d, i in zip(dims, idx, strict=True)]
        for name in names:
            cols.append(_column(ds[name].variable, dims, idx, n))
        binary.write(_join_rows(cols, n))
    flush = getattr(out, "flush", None)
    if flush is not None:
        flush()
    return total


def _value_columns(ds: xr.Dataset) -> list[str]:
    data = [str(k) for k, v in ds.data_vars.items() if v.dtype.kind in "fiub"]
    coords = [str(k) for k in ds.coords if k not in ds.dims]
    return data + coords


def _binary(out: IO[Any]) -> IO[bytes]:
    buffer = getattr(out, "buffer", None)  # a text stream such as sys.stdout
    if buffer is not None:
        out.flush()
        return buffer
    if isinstance(out, io.TextIOBase):
        return _TextAdapter(out)  # type: ignore[return-value]
    return out  # type: ignore[return-value]


class _TextAdapter:
    def __init__(self, text: IO[str]) -> None:
        self._text = text

    def write(self, data: bytes) -> int:
        return self._text.write(data.decode())


def _chunks(total: int, size: int) -> Iterator[tuple[int, int]]:
    if total == 0:
        return
    for start in range(0, total, size):
        yield start, min(total, start + size)


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\n') else text


def _small_text(values: np.ndarray) -> np.ndarray:
    """Text of a few values (coordinates), as ``str()`` writes them, as a bytes array."""
    flat = np.asarray(values).ravel()
    return np.array([_quote(_scalar_text(v)) for v in flat.tolist()], dtype="S")


def _scalar_text(v: Any) -> str:
    if isinstance(v, float):
        if math.isnan(v):
            return ""
        return repr(v)
    return str(v)


def _column(var: xr.Variable, dims: list[str], idx: tuple[np.ndarray, ...], n: int) -> np.ndarray:
    """The text of one variable for the rows of a chunk (a bytes array of length n)."""
    values = np.asarray(var.values)
    if not var.dims:
        return np.broadcast_to(_format(values.reshape(1)), (n,))
    flat = np.ravel_multi_index([idx[dims.index(d)] for d in var.dims], values.shape)
    lo, hi = int(flat.min()), int(flat.max()) + 1
    text = _format(values.reshape(-1)[lo:hi])  # only the values this chunk touches, once each
    return text[flat - lo]


def _format(values: np.ndarray) -> np.ndarray:
    """Values as text, as pandas writes them (shortest round-trip floats; NaN empty)."""
    kind = values.dtype.kind
    if kind == "b":
        return np.where(values, b"True", b"False").astype("S5")
    if kind in "iu":
        return values.astype("S21")
    if kind == "f":
        text = values.astype(np.float64).astype("S32")  # NumPy's C repr: '10.0', '4.177421e+18'
        text[np.isnan(values)] = b""
        return _tight(text)
    return _small_text(values)


def _tight(text: np.ndarray) -> np.ndarray:
    """The same bytes array with its itemsize cut to the longest entry (less to copy later)."""
    if text.size == 0:
        return text
    width = int(np.char.str_len(text).max()) if text.size < 64 else _max_len(text)
    return text.astype(f"S{max(width, 1)}")


def _max_len(text: np.ndarray) -> int:
    grid = text.view(np.uint8).reshape(text.size, text.dtype.itemsize)
    used = (grid != 0).any(axis=0)
    return int(np.flatnonzero(used).max()) + 1 if used.any() else 1


def _join_rows(cols: list[np.ndarray], n: int) -> bytes:
    """Rows of comma-separated fields from per-column bytes arrays (NUL padding dropped)."""
    parts: list[np.ndarray] = []
    comma = np.full((n, 1), ord(","), np.uint8)
    for j, col in enumerate(cols):
        col = np.ascontiguousarray(col)
        width = col.dtype.itemsize
        parts.append(col.view(np.uint8).reshape(n, width))
        parts.append(comma if j < len(cols) - 1 else np.full((n, 1), ord("\n"), np.uint8))
    grid = np.concatenate(parts, axis=1)
    return grid[grid != 0].tobytes()
