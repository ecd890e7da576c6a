"""Moist-air properties on NumPy arrays: saturation, humidity ratio, dew point, wet-bulb, enthalpy.

The equations are those of ASHRAE Handbook - Fundamentals (2017), ch. 1, as `psychrolib` codes
them (SI units; the same constants, the same Hyland-Wexler saturation pressure over ice below the
triple point and over water above it); psychrolib itself takes one scalar per call, too slow for
a year of hours, so the iterative ones (dew point, wet-bulb) are solved here for a whole array at
once. The tests hold these to psychrolib within 0.001 K / 1e-9 kg/kg.

Temperatures in °C, pressures in Pa, humidity ratios in kg of water per kg of dry air, enthalpy
in kJ per kg of dry air.

Examples
--------
>>> round(float(wet_bulb(30.0, 0.010, 101325.0)), 2)
19.61
>>> round(float(dew_point(humidity_ratio_from_dew_point(15.0, 101325.0), 101325.0)), 6)
15.0
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .units import ureg

_ZERO_C_IN_K = float(ureg.Quantity(0.0, "degC").to("kelvin").magnitude)
# the standard atmosphere at sea level, 101,325 Pa (ASHRAE 2017 ch. 1 eq. 3 at Z = 0)
STANDARD_PRESSURE = float(ureg.Quantity(1.0, "atm").to("Pa").magnitude)
_TRIPLE_POINT_C = 0.01  # the saturation curve switches from ice to water here
_MOLAR_MASS_RATIO = 0.621945  # water / dry air (ASHRAE 2017 ch. 1 eq. 20)
_R_DRY_AIR = 287.042  # J/(kg K), ASHRAE 2017 ch. 1 eq. 28
_VAPOUR_VOLUME_FACTOR = 1.607858  # ASHRAE 2017 ch. 1 eq. 28: 1 / 0.621945
_CP_AIR = 1.006  # kJ/(kg K), dry air (ASHRAE 2017 ch. 1 eq. 30)
_CP_VAPOUR = 1.86  # kJ/(kg K), water vapour (eq. 30)
_LATENT_0C = 2501.0  # kJ/kg, latent heat of vaporisation at 0 °C (eq. 30)
_ITERATIONS = 24  # bisection halvings of the wet-bulb bracket: 60 K to 4e-6 K
_NEWTON_STEPS = 8  # ln p_ws is smooth: from 0 °C to 1e-9 K in fewer (psychrolib: 3-5)
# Hyland-Wexler ln(p_ws) coefficients (ASHRAE 2017 ch. 1 eq. 5 over ice, eq. 6 over water)
_ICE = (-5.6745359e03, 6.3925247, -9.677843e-03, 6.2215701e-07, 2.0747825e-09, -9.484024e-13)
_WATER = (-5.8002206e03, 1.3914993, -4.8640239e-02, 4.1764768e-05, -1.4452093e-08, 0.0)
_LOG_T = (4.1635019, 6.5459673)  # ice, water


def _arr(x: Any) -> np.ndarray:
    return np.asarray(x, dtype=float)


def saturation_vapour_pressure(temperature: Any) -> np.ndarray:
    """Saturation pressure of water vapour [Pa] at `temperature` [°C] (over ice at or below the
    triple point, 0.01 °C).

    ln p_ws = C1/T + C2 + C3 T + C4 T² + C5 T³ + C6 T⁴ + C7 ln T, T in K (Hyland & Wexler; ASHRAE
    Handbook - Fundamentals 2017, ch. 1, eqs. 5-6).

    Examples
    --------
    >>> round(float(saturation_vapour_pressure(20.0)), 1)  # ASHRAE 2017 Table 3: 2.3389 kPa
    2338.8
    """
    t_c = _arr(temperature)
    t = t_c + _ZERO_C_IN_K
    ln_t = np.log(t)

    def ln_pws(coeffs: tuple[float, ...], log_t: float) -> np.ndarray:
        c1, c2, c3, c4, c5, c6 = coeffs  # the polynomial in Horner's form: a year of hours is fast
        return c1 / t + c2 + t * (c3 + t * (c4 + t * (c5 + t * c6))) + log_t * ln_t

    ice = t_c <= _TRIPLE_POINT_C
    if not ice.any():  # only the branch that applies, when one does everywhere
        return np.exp(ln_pws(_WATER, _LOG_T[1]))
    if ice.all():
        return np.exp(ln_pws(_ICE, _LOG_T[0]))
    return np.exp(np.where(ice, ln_pws(_ICE, _LOG_T[0]), ln_pws(_WATER, _LOG_T[1])))


def humidity_ratio_from_vapour_pressure(vapour_pressure: Any, pressure: Any) -> np.ndarray:
    """Humidity ratio [kg/kg] = 0.621945 p_w / (p − p_w) (ASHRAE 2017 ch. 1 eq. 20).

    Examples
    --------
    >>> round(float(humidity_ratio_from_vapour_pressure(2339.2, 101325.0)), 5)
    0.0147
    """
    pw = _arr(vapour_pressure)
    return _MOLAR_MASS_RATIO * pw / (_arr(pressure) - pw)


def saturation_humidity_ratio(temperature: Any, pressure: Any) -> np.ndarray:
    """Humidity ratio of saturated air [kg/kg] at `temperature` [°C] and `pressure` [Pa]
    (ASHRAE 2017 ch. 1 eq. 23).

    Examples
    --------
    >>> round(float(saturation_humidity_ratio(20.0, 101325.0)), 5)
    0.0147
    """
    return humidity_ratio_from_vapour_pressure(saturation_vapour_pressure(temperature), pressure)


def humidity_ratio_from_dew_point(dew_point_c: Any, pressure: Any) -> np.ndarray:
    """Humidity ratio [kg/kg] of air whose dew point is `dew_point_c` [°C]: W_s(T_dew).

    Examples
    --------
    >>> round(float(humidity_ratio_from_dew_point(15.0, 101325.0)), 5)
    0.01065
    """
    return saturation_humidity_ratio(dew_point_c, pressure)


def humidity_ratio_from_relative_humidity(
    temperature: Any, relative_humidity: Any, pressure: Any
) -> np.ndarray:
    """Humidity ratio [kg/kg] at `temperature` [°C] and relative humidity [1] (p_w = RH p_ws,
    ASHRAE 2017 ch. 1 eq. 22 and 20).

    Examples
    --------
    >>> round(float(humidity_ratio_from_relative_humidity(25.0, 0.5, 101325.0)), 5)
    0.00988
    """
    pw = _arr(relative_humidity) * saturation_vapour_pressure(temperature)
    return humidity_ratio_from_vapour_pressure(pw, pressure)


def _bisect(f: Any, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """The root of an increasing f between lo and hi, element by element."""
    lo, hi = np.array(lo, dtype=float), np.array(hi, dtype=float)
    for _ in range(_ITERATIONS):
        mid = 0.5 * (lo + hi)
        above = f(mid) > 0
        hi = np.where(above, mid, hi)
        lo = np.where(above, lo, mid)
    return 0.5 * (lo + hi)


def _ln_pws_slope(temperature: np.ndarray) -> np.ndarray:
    """d ln p_ws / dT [1/K] of `saturation_vapour_pressure` (eqs. 5-6 differentiated)."""
    t = temperature + _ZERO_C_IN_K

    def slope(coeffs: tuple[float, ...], log_t: float) -> np.ndarray:
        c1, _, c3, c4, c5, c6 = coeffs
        return -c1 / t**2 + c3 + 2 * c4 * t + 3 * c5 * t**2 + 4 * c6 * t**3 + log_t / t

    ice = temperature <= _TRIPLE_POINT_C
    return np.where(ice, slope(_ICE, _LOG_T[0]), slope(_WATER, _LOG_T[1]))


def dew_point(humidity_ratio: Any, pressure: Any) -> np.ndarray:
    """Dew point [°C] of air with `humidity_ratio` [kg/kg] at `pressure` [Pa]: the temperature
    whose saturation pressure is the air's vapour pressure (ASHRAE 2017 ch. 1 eqs. 5-6 inverted
    by Newton's method on ln p_ws, as psychrolib does, rather than the regressions eqs. 37-38).

    Examples
    --------
    >>> round(float(dew_point(0.010, 101325.0)), 2)
    14.05
    """
    w = np.maximum(_arr(humidity_ratio), 1e-7)  # psychrolib's MIN_HUM_RATIO
    ln_pw = np.log(_arr(pressure) * w / (_MOLAR_MASS_RATIO + w))
    t = np.zeros(np.shape(w))
    for _ in range(_NEWTON_STEPS):
        t = t - (np.log(saturation_vapour_pressure(t)) - ln_pw) / _ln_pws_slope(t)
    return t


def humidity_ratio_from_wet_bulb(dry_bulb: Any, wet_bulb_c: Any, pressure: Any) -> np.ndarray:
    """Humidity ratio [kg/kg] from dry-bulb and thermodynamic wet-bulb [°C] (ASHRAE 2017 ch. 1
    eqs. 33 and 35):

    W = ((2501 − 2.326 T*) W_s* − 1.006 (T − T*)) / (2501 + 1.86 T − 4.186 T*) above freezing,
    W = ((2830 − 0.24 T*) W_s* − 1.006 (T − T*)) / (2830 + 1.86 T − 2.1 T*) below.

    Examples
    --------
    >>> round(float(humidity_ratio_from_wet_bulb(40.0, 20.0, 101325.0)), 5)  # ASHRAE: 0.0065
    0.0064
    """
    t, ts = _arr(dry_bulb), _arr(wet_bulb_c)
    ws = saturation_humidity_ratio(ts, pressure)
    water = ((2501.0 - 2.326 * ts) * ws - _CP_AIR * (t - ts)) / (2501.0 + 1.86 * t - 4.186 * ts)
    ice = ((2830.0 - 0.24 * ts) * ws - _CP_AIR * (t - ts)) / (2830.0 + 1.86 * t - 2.1 * ts)
    return np.where(ts >= 0.0, water, ice)


def wet_bulb(dry_bulb: Any, humidity_ratio: Any, pressure: Any) -> np.ndarray:
    """Thermodynamic wet-bulb [°C] from dry-bulb [°C], humidity ratio [kg/kg] and pressure [Pa]:
    `humidity_ratio_from_wet_bulb` solved for T* between the dew point and the dry-bulb (as
    psychrolib's GetTWetBulbFromHumRatio, for a whole array at once).

    Examples
    --------
    >>> wet_bulb([40.0, 25.0], [0.0065, 0.00988], 101325.0).round(2).tolist()  # ASHRAE: 20, 17.9
    [20.08, 17.89]
    """
    t, w = np.broadcast_arrays(_arr(dry_bulb), np.maximum(_arr(humidity_ratio), 1e-7))
    lo = np.minimum(dew_point(w, pressure), t)
    return _bisect(lambda ts: humidity_ratio_from_wet_bulb(t, ts, pressure) - w, lo, t.copy())


def dry_bulb_on_wet_bulb_line(wet_bulb_c: Any, humidity_ratio: Any, pressure: Any) -> np.ndarray:
    """The dry-bulb [°C] at which air of wet-bulb `wet_bulb_c` [°C] holds `humidity_ratio`
    [kg/kg]: eq. 35 (above freezing) solved for T, the end of an adiabatic (evaporative) cooling
    line that stops at a humidity limit.

    T = ((2501 − 2.326 T*) W_s* + 1.006 T* − W (2501 − 4.186 T*)) / (1.006 + 1.86 W)

    Examples
    --------
    >>> w = humidity_ratio_from_wet_bulb(40.0, 20.0, 101325.0)
    >>> round(float(dry_bulb_on_wet_bulb_line(20.0, w, 101325.0)), 6)  # back to 40 °C
    40.0
    """
    ts, w = _arr(wet_bulb_c), _arr(humidity_ratio)
    ws = saturation_humidity_ratio(ts, pressure)
    return ((2501.0 - 2.326 * ts) * ws + _CP_AIR * ts - w * (2501.0 - 4.186 * ts)) / (
        _CP_AIR + _CP_VAPOUR * w
    )


def enthalpy(dry_bulb: Any, humidity_ratio: Any) -> np.ndarray:
    """Moist-air enthalpy [kJ per kg of dry air] = 1.006 T + W (2501 + 1.86 T) (ASHRAE 2017
    ch. 1 eq. 32).

    Examples
    --------
    >>> round(float(enthalpy(25.0, 0.01)), 3)
    50.625
    """
    t = _arr(dry_bulb)
    return _CP_AIR * t + _arr(humidity_ratio) * (_LATENT_0C + _CP_VAPOUR * t)


def humid_specific_heat(humidity_ratio: Any) -> np.ndarray:
    """Specific heat of moist air [kJ/(kg dry air · K)] = 1.006 + 1.86 W: the slope of
    `enthalpy` at constant humidity ratio.

    Examples
    --------
    >>> round(float(humid_specific_heat(0.01)), 4)
    1.0246
    """
    return _CP_AIR + _CP_VAPOUR * _arr(humidity_ratio)


def dry_air_density(dry_bulb: Any, humidity_ratio: Any, pressure: Any) -> np.ndarray:
    """Mass of dry air per volume of moist air [kg/m³] = p / (R_da T (1 + 1.607858 W))
    (the inverse of the specific volume, ASHRAE 2017 ch. 1 eq. 26).

    Examples
    --------
    >>> round(float(dry_air_density(20.0, 0.0, 101325.0)), 4)
    1.2042
    """
    t = _arr(dry_bulb) + _ZERO_C_IN_K
    return _arr(pressure) / (_R_DRY_AIR * t * (1.0 + _VAPOUR_VOLUME_FACTOR * _arr(humidity_ratio)))
