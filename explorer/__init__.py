"""AI Datacenter Explorer: a sourced, xarray-backed model of AI datacenter power and compute.

>>> import explorer
>>> ds = explorer.compute(site_power=300, cooling_fraction=0.4, chip="trn2")
>>> int(ds.city_households)  # doctest: +SKIP
"""

from . import catalog
from .catalog import DEFAULT_SITE, PRECISIONS
from .errors import InputError
from .grid import grid_shares
from .model import INPUTS, OUTPUTS
from .scenario import Scenario, climate_year, compute, resolve
from .uncertainty import sample, sensitivity, summary

__all__ = [
    "compute",
    "resolve",
    "Scenario",
    "sample",
    "summary",
    "sensitivity",
    "climate_year",
    "grid_shares",
    "catalog",
    "InputError",
    "INPUTS",
    "OUTPUTS",
    "PRECISIONS",
    "DEFAULT_SITE",
]
__version__ = "0.1.0"  # the one version string (pyproject.toml reads it)
