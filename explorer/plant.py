"""The cooling plant's physics, per kW of heat removed from the halls, for arrays of weather.

Two technologies (catalog group ``cooling_tech``); `explorer.climate` feeds them a station's
typical year and design days.

``air-evaporative`` (`air_evaporative`)
    An air-side economiser with direct evaporative media and a mechanical (DX) coil, holding the
    server inlet ("supply") inside an ASHRAE TC 9.9 envelope (`envelope`: the recommended one or
    an allowable class A1-A4). Each hour the plant runs the cheapest mode that keeps the supply
    inside the envelope:

    * **free** — outside air, mixed with warm return air when colder than the lowest supply
      temperature; fans only. Possible when the outside dew point lies within the envelope's
      humidity limits and the dry-bulb is at most the highest supply temperature.
    * **evaporative** — above the highest supply temperature, wetted media cool the air along
      its wet-bulb line, as far as their effectiveness and the envelope's upper humidity allow
      (evaporation adds moisture); also the media humidifying air drier than the lower limit.
    * **mechanical** — a compressor runs: a sensible trim after the media when the media cannot
      reach the supply temperature; or, when the outside dew point is above the limit, either
      outside air dehumidified on a coil at the limiting dew point (and mixed with return air)
      or the dampers shut and the coil cooling recirculated air (the cheaper of the two). Its
      COP follows the outdoor temperature (`mechanical_cop`).

``chiller-economiser`` (`chiller_economiser`)
    A cooling tower following the wet-bulb, a water-side economiser and chillers whose COP falls
    as the condenser warms (the plant structure of Lei & Masanet, Energy 201:117556, 2020).

Every parameter is a catalog entry with source, date and confidence (``explorer catalog``,
groups ``cooling_tech`` and ``thermal_envelope``). Psychrometrics: `explorer.psychrometrics`.

How big is the humid penalty? In class A1 the typical years (hourly, `explorer.climate`) give
humid Jackson (MS) an annual PUE of 1.136 with 3,081 h of compressor cooling and cool South Bend
(IN) 1.107 with 1,225 h: 0.029 apart, nearly all from the hours whose dew point is above 17 °C.
Published air-side economised sites (catalog ``climate.published_pue``) bracket it: Facebook's
humid Forest City was projected at the PUE of its dry Prineville (1.06-1.08 against 1.07; a design
that accepts humid air, as class A3 does here, where the two stations come within 0.001), and
Compass Datacenters' older design modelled Houston 0.37 above Santa Clara (1.55 against 1.18).
AWS's fleet PUE is 1.15 (catalog ``cooling.aws-fleet.pue``). tests/test_plant.py holds the
difference inside that bracket; it is a check of size, not a fit.

Examples
--------
>>> r = air_evaporative([20.0, 36.0, 42.0], [12.0, 21.0, 24.0], [0.0055, 0.0094, 0.0113])
>>> [REGIMES[int(k)] for k in r.regime]
['free', 'evaporative', 'mechanical']
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from . import catalog
from . import psychrometrics as psy
from .units import factor, ureg

REGIMES = ("free", "evaporative", "mechanical")  # `PlantResponse.regime` indexes this
FREE, EVAPORATIVE, MECHANICAL = range(3)
_ZERO_C_IN_K = float(ureg.Quantity(0.0, "degC").to("kelvin").magnitude)
_KWH_TO_KJ = factor("kWh", "kJ")
_KJ_TO_J = factor("kJ", "J")
_L_PER_KG_WATER = 1.0  # 1 kg of water ≈ 1 L (to 0.2 % at 5-40 °C)
_UNITS = {
    "degC": "degC",
    "delta_degC": "kelvin",
    "dimensionless": "dimensionless",
    "Pa": "Pa",
}


@lru_cache(maxsize=8)
def params(group: str) -> dict[str, float]:
    """The sourced numbers of a catalog group (e.g. ``cooling_tech.air-evaporative``) in SI units
    (°C, K, Pa, 1).

    Examples
    --------
    >>> params("thermal_envelope.recommended")["dew_point_max"]
    15.0
    """
    return {e.key.rsplit(".", 1)[1]: e.to(_UNITS[e.unit]) for e in catalog.entries_under(group)}


@dataclass(frozen=True)
class Envelope:
    """Server-inlet limits of an ASHRAE TC 9.9 class: dry-bulb and dew point [°C], RH [1]."""

    name: str
    dry_bulb_min: float
    dry_bulb_max: float
    dew_point_min: float
    dew_point_max: float
    rh_min: float
    rh_max: float

    def humidity_limits(self, pressure: float) -> tuple[float, float]:
        """(lowest, highest) humidity ratio [kg/kg] of a supply the plant can hold in the
        envelope at `pressure` [Pa]: the dew-point limits, the RH limits taken where they are
        easiest to meet (the low RH at the lowest dry-bulb, the high RH at the highest: the
        plant may supply anywhere between them).

        Examples
        --------
        >>> lo, hi = envelope("recommended").humidity_limits(101325.0)
        >>> round(lo, 5), round(hi, 5)  # dew points -9 and 15 °C
        (0.00175, 0.01065)
        """
        low = max(
            float(psy.humidity_ratio_from_dew_point(self.dew_point_min, pressure)),
            float(
                psy.humidity_ratio_from_relative_humidity(self.dry_bulb_min, self.rh_min, pressure)
            ),
        )
        high = min(
            float(psy.humidity_ratio_from_dew_point(self.dew_point_max, pressure)),
            float(
                psy.humidity_ratio_from_relative_humidity(self.dry_bulb_max, self.rh_max, pressure)
            ),
        )
        return low, high


def envelope_classes() -> list[str]:
    """The ASHRAE TC 9.9 envelopes in the catalog (group ``thermal_envelope``).

    Examples
    --------
    >>> envelope_classes()
    ['recommended', 'a1', 'a2', 'a3', 'a4']
    """
    return catalog.names("thermal_envelope")


def envelope(name: str | None = None) -> Envelope:
    """An ASHRAE TC 9.9 server-inlet envelope (default: the air-evaporative plant's ``envelope``).

    Examples
    --------
    >>> e = envelope("a1")
    >>> e.dry_bulb_min, e.dry_bulb_max, e.dew_point_max, e.rh_max
    (15.0, 32.0, 17.0, 0.8)
    """
    if name is None:
        name = catalog.raw()["cooling_tech"]["air-evaporative"]["envelope"]
    name = catalog.check_name("envelope", name, "thermal_envelope")
    p = params(f"thermal_envelope.{name}")
    return Envelope(
        name,
        p["dry_bulb_min"],
        p["dry_bulb_max"],
        p["dew_point_min"],
        p["dew_point_max"],
        p["rh_min"],
        p["rh_max"],
    )


@dataclass(frozen=True)
class PlantResponse:
    """Per unit of heat removed: cooling electricity [kW/kW], compressor-free share [1], water
    [L/kWh]; and each hour's regime (an index into `REGIMES`)."""

    ratio: np.ndarray
    free: np.ndarray
    water: np.ndarray
    regime: np.ndarray


def evaporated_water() -> float:
    """Water evaporated per unit of heat rejected by evaporation alone [L/kWh]: 1 kWh of heat
    (3,600 kJ) ÷ the latent heat of vaporisation of water (the catalog's, in kJ/kg), 1 kg ≈ 1 L;
    bleed-off not counted.

    Examples
    --------
    >>> round(evaporated_water(), 2)  # 3,600 kJ / 2,450 kJ/kg = 1.47 kg
    1.47
    """
    return _KWH_TO_KJ / catalog.value("climate.latent_heat", "kJ / kg") * _L_PER_KG_WATER


def carnot_cop(
    condenser_temperature: Any, evaporator_temperature: Any, carnot_fraction: float, cop_max: float
) -> np.ndarray:
    """Refrigeration COP [1] = Carnot fraction × T_evap / (T_cond − T_evap), at most `cop_max`.

    Temperatures in °C (refrigerant condensing and evaporating); the Carnot COP in kelvin
    (any thermodynamics text; the fixed Carnot fraction follows Lei & Masanet 2020).

    Examples
    --------
    >>> round(float(carnot_cop(34.0, 13.0, 0.5, 12.0)), 3)  # 0.5 x 286.15 K / 21 K
    6.813
    """
    t_cond = np.asarray(condenser_temperature, dtype=float)
    t_evap = np.asarray(evaporator_temperature, dtype=float)
    lift = np.maximum(t_cond - t_evap, 1e-9)
    return np.minimum(carnot_fraction * (t_evap + _ZERO_C_IN_K) / lift, cop_max)


def chiller_cop(
    condenser_temperature: Any,
    evaporator_temperature: Any,
    carnot_fraction: float | None = None,
    cop_max: float | None = None,
) -> np.ndarray:
    """Water-cooled chiller COP [1]: `carnot_cop` with ``cooling_tech.chiller-economiser``'s
    Carnot fraction and cap unless given.

    Examples
    --------
    >>> round(float(chiller_cop(34.0, 13.0)), 3)  # 0.5 x 286.15 K / 21 K
    6.813
    >>> float(chiller_cop(14.0, 13.0))  # low lift: capped
    12.0
    """
    p = params("cooling_tech.chiller-economiser")
    eta = p["carnot_fraction"] if carnot_fraction is None else carnot_fraction
    cap = p["cop_max"] if cop_max is None else cop_max
    return carnot_cop(condenser_temperature, evaporator_temperature, eta, cap)


def mechanical_cop(outdoor_dry_bulb: Any, coil_leaving: Any) -> np.ndarray:
    """COP [1] of the air-evaporative plant's air-cooled DX coil: `carnot_cop` with the refrigerant
    condensing ``dx_condenser_approach`` above the outdoor dry-bulb [°C] and evaporating
    ``dx_evaporator_approach`` below the air leaving the coil [°C].

    The Carnot fraction is set so the AHRI 340/360 rating point (35 °C outdoors, ~7 °C
    evaporating) gives the COP of ASHRAE 90.1's minimum efficiency for large units (catalog).

    Examples
    --------
    >>> round(float(mechanical_cop(35.0, 27.0)), 3)  # 0.45 x 292.15 K / (50 - 19) K
    4.241
    """
    p = params("cooling_tech.air-evaporative")
    return carnot_cop(
        np.asarray(outdoor_dry_bulb, dtype=float) + p["dx_condenser_approach"],
        np.asarray(coil_leaving, dtype=float) - p["dx_evaporator_approach"],
        p["dx_carnot_fraction"],
        p["dx_cop_max"],
    )


def fan_power(
    server_air_rise: float, pressure_rise: float, efficiency: float, density: Any, cp: Any
) -> np.ndarray:
    """Fan electricity per unit of heat removed [W/W] = Δp / (η ρ c_p ΔT).

    The air that carries 1 W across the servers' temperature rise ΔT [K] is 1 / (ρ c_p ΔT)
    [m³/s per W] (ρ: dry air per volume [kg/m³], c_p [J/(kg K)]); moving it against the air
    path's pressure rise Δp [Pa] takes Δp × volume / η (η: fan, motor and drive, wire to air).
    ASHRAE Handbook - HVAC Systems and Equipment (2020), ch. 21 (fans).

    Examples
    --------
    >>> round(float(fan_power(12.0, 500.0, 0.65, 1.2, 1006.0)), 4)  # 500 / (0.65 x 1.2 x 1006 x 12)
    0.0531
    """
    return pressure_rise / (efficiency * np.asarray(density) * np.asarray(cp) * server_air_rise)


def air_evaporative(
    dry_bulb: Any,
    wet_bulb_c: Any,
    humidity_ratio: Any,
    pressure: float = psy.STANDARD_PRESSURE,
    envelope_class: str | None = None,
) -> PlantResponse:
    """An air-side economiser with direct evaporative media and a DX coil, per kW of heat removed.

    Parameters
    ----------
    dry_bulb, wet_bulb_c : array_like
        Outdoor dry-bulb and wet-bulb [°C].
    humidity_ratio : array_like
        Outdoor humidity ratio [kg/kg].
    pressure : float
        Barometric pressure [Pa].
    envelope_class : str, optional
        ASHRAE TC 9.9 envelope the supply is held in (`envelope_classes`); default the catalog's.

    Returns
    -------
    PlantResponse
        ``ratio`` = fans + media pumps (when the media run) + compressor share / COP [kW/kW];
        ``free`` = 1 − compressor share; ``water`` [L/kWh]; ``regime`` (`REGIMES`).

    Notes
    -----
    With T_lo, T_hi the envelope's dry-bulb limits, W_lo, W_hi its humidity limits
    (`Envelope.humidity_limits`), ΔT the servers' air rise and ε the media effectiveness:

    * media: T_media = T − ε (T − T_wb) (direct evaporative effectiveness, ASHRAE HVAC Systems
      and Equipment ch. 41); evaporation follows the wet-bulb line and stops at W_hi, i.e. at
      `psychrometrics.dry_bulb_on_wet_bulb_line` (T_wb, W_hi); the air leaves at
      T_e = max(T_media, T(W_hi), T_hi) when T > T_hi.
    * sensible trim after the media: compressor share s = (T_e − T_hi) / ΔT (the same air
      carries the heat across ΔT), or recirculation (s = 1) if cheaper.
    * outside air too humid (W > W_hi): dehumidify it on a coil leaving saturated at W_hi's
      dew point T_c and mix with return air at T_hi + ΔT: s = (h − h_c) / (h_ret − h_c)
      (enthalpies, `psychrometrics.enthalpy`); or recirculate (s = 1, coil leaving at T_hi),
      whichever takes less electricity s / COP.
    * water [L/kWh] = air per kWh, 3600 / (c_p ΔT) [kg], × moisture added × C / (C − 1)
      (bleed-off at C cycles of concentration).
    * fans: `fan_power` with ρ and c_p of the supply air at T_hi (its humidity held in the
      envelope), every hour.

    Ignored: fan heat, part-load fan curves, filtration, ventilation air in recirculation,
    the humidifying media's own cooling when they humidify cold air.

    Examples
    --------
    Hours at sea level in class A1 (15-32 °C, dew point ≤ 17 °C): mild (free); hot and dry
    (the media reach 32 °C: evaporative); hot with a 16 °C dew point (the media stop at the
    17 °C dew point, 40.3 °C: a trim); humid, 22 °C dew point (recirculation). Worked by hand in
    tests/test_plant.py.

    >>> r = air_evaporative(
    ...     [20.0, 36.0, 42.0, 30.0], [12.0, 21.0, 24.0, 24.2], [0.0055, 0.0094, 0.0113, 0.0167]
    ... )
    >>> r.regime.tolist(), r.free.round(3).tolist()
    ([0, 1, 2, 2], [1.0, 1.0, 0.329, 0.0])
    >>> r.ratio.round(4).tolist()
    [0.055, 0.0599, 0.2255, 0.212]
    """
    p = params("cooling_tech.air-evaporative")
    env = envelope(envelope_class)
    db, wb, w = np.broadcast_arrays(
        *(np.asarray(a, dtype=float) for a in (dry_bulb, wet_bulb_c, humidity_ratio))
    )
    t_lo, t_hi, rise = env.dry_bulb_min, env.dry_bulb_max, p["server_air_rise"]
    w_lo, w_hi = env.humidity_limits(pressure)
    humid = w > w_hi

    # evaporative media, above the highest supply temperature, not past the upper humidity
    t_media = db - p["evaporative_effectiveness"] * (db - wb)
    t_humid = psy.dry_bulb_on_wet_bulb_line(wb, w_hi, pressure)
    hot = (db > t_hi) & ~humid
    t_after = np.where(hot, np.minimum(np.maximum(np.maximum(t_media, t_humid), t_hi), db), db)
    trim = np.where(hot, (t_after - t_hi) / rise, 0.0)  # sensible share after the media

    # compressor: a trim after the media, or recirculation when that is cheaper (share ≥ 1)
    cop_supply = mechanical_cop(db, t_hi)  # coil leaving at the highest supply temperature
    recirculate = trim >= 1.0
    # too humid: dehumidify outside air on a coil at the limiting dew point, or recirculate
    t_coil = float(psy.dew_point(w_hi, pressure))
    cop_coil = mechanical_cop(db, t_coil)
    h_coil = float(psy.enthalpy(t_coil, w_hi))
    span = float(psy.enthalpy(t_hi + rise, w_hi)) - h_coil  # return air above the coil
    latent = (w - w_hi) * catalog.value("climate.latent_heat", "kJ / kg") / span  # condensing
    dehumidify = np.maximum((psy.enthalpy(db, w) - h_coil) / span, latent)
    dry_out = humid & (dehumidify / cop_coil < 1.0 / cop_supply)
    compressor = np.where(
        humid, np.where(dry_out, dehumidify, 1.0), np.where(recirculate, 1.0, trim)
    )
    electricity = np.where(dry_out, dehumidify / cop_coil, compressor / cop_supply)
    media_on = hot & ~recirculate & (t_after < db)

    # water: evaporation along the wet-bulb line, or humidifying air drier than the envelope
    w_after = np.where(media_on, psy.humidity_ratio_from_wet_bulb(t_after, wb, pressure), w)
    t_supply = np.clip(db, t_lo, t_hi)
    outside_share = np.clip(rise / np.maximum(t_supply + rise - db, rise), 0.0, 1.0)
    humidify = (w < w_lo) & ~media_on
    added = np.where(media_on, w_after - w, 0.0) + np.where(
        humidify, (w_lo - w) * outside_share, 0.0
    )
    w_supply = np.clip(w_after, w_lo, w_hi)
    cp_j = psy.humid_specific_heat(w_supply) * _KJ_TO_J
    kg_air_per_kwh = _KWH_TO_KJ * _KJ_TO_J / (cp_j * rise)
    coc = p["cycles_of_concentration"]
    water = kg_air_per_kwh * np.maximum(added, 0.0) * _L_PER_KG_WATER * coc / (coc - 1)

    media = media_on | humidify
    density = psy.dry_air_density(t_hi, w_supply, pressure)
    fans = fan_power(rise, p["fan_pressure_rise"], p["fan_efficiency"], density, cp_j)
    ratio = fans + p["evaporative_pump_power"] * media + electricity
    regime = np.where(compressor > 0, MECHANICAL, np.where(media, EVAPORATIVE, FREE))
    return PlantResponse(ratio, 1.0 - compressor, water, regime.astype(np.int8))


def chiller_economiser(wet_bulb_c: Any) -> PlantResponse:
    """Water-cooled chillers with a water-side economiser, per kW of heat removed (after Lei &
    Masanet 2020).

    Tower water = wet-bulb + ``tower_approach``; the economiser carries the share
    (return − (tower water + ``economiser_approach``)) / (return − supply), clipped to 0 … 1; the
    chillers carry the rest at `chiller_cop` with the condenser at tower water + ``condenser_rise``.
    The tower evaporates the heat removed plus the chillers' electricity. Regime: ``free`` when the
    economiser carries all the heat, ``mechanical`` when a chiller runs (the tower evaporates in
    every hour; no hour is counted ``evaporative``).

    Examples
    --------
    >>> r = chiller_economiser([5.0, 12.0, 24.0])
    >>> r.free.round(3).tolist()  # tower water 9, 16, 28 °C; CHW 15 -> 21 °C
    [1.0, 0.5, 0.0]
    >>> r.ratio.round(4).tolist()  # 0.07 + (1 - free) / COP (COP capped at 12, then 6.81)
    [0.07, 0.1117, 0.2168]
    >>> r.regime.tolist()
    [0, 2, 2]
    """
    p = params("cooling_tech.chiller-economiser")
    wb = np.asarray(wet_bulb_c, dtype=float)
    tower = wb + p["tower_approach"]
    supply = p["chilled_water_supply"]
    ret = supply + p["chilled_water_range"]
    free = np.clip((ret - (tower + p["economiser_approach"])) / (ret - supply), 0.0, 1.0)
    cop = chiller_cop(tower + p["condenser_rise"], supply - p["evaporator_approach"])
    chiller = (1.0 - free) / cop
    latent = catalog.value("climate.latent_heat", "kJ / kg")
    coc = p["cycles_of_concentration"]
    water = (1.0 + chiller) * _KWH_TO_KJ / latent * _L_PER_KG_WATER * coc / (coc - 1)
    regime = np.where(free < 1.0, MECHANICAL, FREE).astype(np.int8)
    return PlantResponse(p["auxiliary_power"] + chiller, free, water, regime)
