"""Where a site's power goes: IT, cooling and other loads, and the PUE they imply.

Every function broadcasts over floats, NumPy arrays and xarray objects.

Examples
--------
>>> share = it_share(0.4, 0.03)            # the middle of the Rainier article's 30-50 % cooling
>>> round(share, 2), round(pue(share), 3)  # IT gets 57 % of the site: PUE 1.754
(0.57, 1.754)
"""

from __future__ import annotations

from typing import TypeVar

import numpy as np
import xarray as xr

A = TypeVar("A", xr.DataArray, np.ndarray, float)


def it_share(cooling_fraction: A, overhead_fraction: A) -> A:
    """Share of site power that reaches IT equipment [1] = 1 − cooling − other.

    Parameters
    ----------
    cooling_fraction : float or array-like
        Share of site power for cooling [1].
    overhead_fraction : float or array-like
        Share lost in distribution, UPS and lighting [1].

    Examples
    --------
    >>> round(it_share(0.10, 0.03), 2)
    0.87
    """
    return 1.0 - cooling_fraction - overhead_fraction


def it_power(site_power: A, share: A) -> A:
    """Power reaching IT equipment [MW] = site [MW] × IT share [1].

    Examples
    --------
    >>> it_power(300.0, 0.5)
    150.0
    """
    return site_power * share


def cooling_power(site_power: A, cooling_fraction: A) -> A:
    """Electric power of the cooling plant [MW] = site [MW] × cooling share [1].

    Examples
    --------
    >>> cooling_power(300.0, 0.4)
    120.0
    """
    return site_power * cooling_fraction


def overhead_power(site_power: A, overhead_fraction: A) -> A:
    """Distribution, UPS and lighting losses [MW] = site [MW] × their share [1].

    Examples
    --------
    >>> overhead_power(300.0, 0.03)
    9.0
    """
    return site_power * overhead_fraction


def pue(share: A) -> A:
    """Power usage effectiveness [1] = site power / IT power = 1 / IT share.

    Examples
    --------
    >>> pue(0.8)
    1.25
    """
    return 1.0 / share


def cooling_fraction_for_pue(pue_value: A, overhead_fraction: A | None = None) -> A:
    """The cooling share a PUE implies once other losses are set [1] = 1 − 1/PUE − other.

    The one place the explorer answers "how much of the site goes to cooling at PUE x"; the
    other losses default to the catalog's ``defaults.overhead_fraction`` (0.03), as the app's
    slider sets them. Unchecked (a PUE too low for the losses gives a negative share);
    `explorer.compute` and `explorer.model.cooling_from_pue` check it.

    Examples
    --------
    >>> round(cooling_fraction_for_pue(1.25, 0.03), 2)
    0.17
    >>> round(cooling_fraction_for_pue(1.3), 4)  # the catalog's other losses: 1 - 1/1.3 - 0.03
    0.2008
    """
    if overhead_fraction is None:
        from . import catalog

        overhead_fraction = catalog.value("defaults.overhead_fraction", "dimensionless")
    return 1.0 - 1.0 / pue_value - overhead_fraction


def cooling_share_at(reference: str = "aws-fleet", overhead_fraction: float | None = None) -> float:
    """The cooling share [1] at a catalog cooling reference's PUE, e.g. AWS's fleet PUE.

    Fact-check, notes, exercises and lessons ask it (`cooling_fraction_for_pue` at the
    reference's PUE).

    Parameters
    ----------
    reference : str, default ``"aws-fleet"``
        A ``[cooling.*]`` entry of the catalog (``aws-fleet``, ``industry-average``,
        ``hyperscale-ai``).
    overhead_fraction : float, optional
        Other losses [1]; default: the catalog's ``defaults.overhead_fraction`` (0.03).

    Examples
    --------
    >>> round(cooling_share_at("aws-fleet"), 4)  # 1 - 1/1.15 - 0.03
    0.1004
    >>> round(cooling_share_at("hyperscale-ai", 0.0), 4)  # 1 - 1/1.18
    0.1525
    """
    from . import catalog

    pue_value = catalog.value(f"cooling.{reference}.pue", "dimensionless")
    return cooling_fraction_for_pue(pue_value, overhead_fraction)
