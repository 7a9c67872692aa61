"""antt-domain-gazetteer-vn: every administrative unit of Vietnam, before and after the 2025
reform, and the mapping from each former unit to its successors.

Installed, it registers :func:`national_gazetteer` through ``antt_register_gazetteers``, so
validation (D010) and every gazetteer lookup of antt-domain see the national list. From
Python::

    from antt_domain_gazetteer_vn import national_gazetteer
    national_gazetteer().successors("15145")  # Xã Cẩm Liên -> Xã Cẩm Thạch

The data are vendored from ``vietnamadminunits`` (MIT); see the README.
"""

from __future__ import annotations

from antt_domain_gazetteer_vn._gazetteer import (
    AFTER_VERSION,
    BEFORE_VERSION,
    NationalGazetteer,
    national_gazetteer,
)

__all__ = ["AFTER_VERSION", "BEFORE_VERSION", "NationalGazetteer", "national_gazetteer"]
