"""Provinces, districts and subdistricts (from `geothai`) by their Thai names.

The workbook stores Thai names, as people write them on paper; these helpers give the
cascading choices for the profile form.
"""

from __future__ import annotations

from functools import cache

import geothai


@cache
def province_names() -> tuple[str, ...]:
    return tuple(sorted((p.name_th for p in geothai.provinces()), key=_thai_order))


def _province_code(name: str) -> str | None:
    return next((p.code for p in geothai.provinces() if p.name_th == name), None)


def _district_code(province: str, name: str) -> str | None:
    code = _province_code(province)
    if code is None:
        return None
    return next((d.code for d in geothai.districts(code) if d.name_th == name), None)


@cache
def district_names(province: str) -> tuple[str, ...]:
    code = _province_code(province)
    return tuple(sorted((d.name_th for d in geothai.districts(code)), key=_thai_order)) if code else ()


@cache
def subdistrict_names(province: str, district: str) -> tuple[str, ...]:
    code = _district_code(province, district)
    return tuple(sorted((s.name_th for s in geothai.subdistricts(code)), key=_thai_order)) if code else ()


def _thai_order(name: str) -> str:
    # Thai dictionary order puts the consonant before a leading vowel (เ แ โ ใ ไ).
    leading = "เแโใไ"
    if len(name) > 1 and name[0] in leading:
        return name[1] + name[0] + name[2:]
    return name
