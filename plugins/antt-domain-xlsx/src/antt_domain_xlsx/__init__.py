"""antt-domain-xlsx: Excel workbooks for antt-domain.

* the ``xlsx`` exporter (``antt export -f xlsx``): one sheet per record type, headings from
  the schemas' labels, dropdowns for codes, a metadata sheet;
* ``antt xlsx template`` writes a workbook to fill in, ``antt xlsx import`` reads a filled
  one back, validates it, and reports every mistake at its cell (``Hoạt động!C12``);
* from Python: :func:`read_workbook`, :func:`import_workbook`, :func:`template_bytes`,
  :func:`dataset_bytes`.

See the README for the layout, the flattening and the finding codes (``XLS001``...).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from antt_domain_xlsx._codes import CODES
    from antt_domain_xlsx._commands import XlsxCommandError
    from antt_domain_xlsx._read import CellRef, WorkbookImport, import_workbook, read_workbook
    from antt_domain_xlsx._safety import LIMITS, Limits
    from antt_domain_xlsx._write import dataset_bytes, template_bytes

_LAZY = {
    "CODES": "antt_domain_xlsx._codes",
    "XlsxCommandError": "antt_domain_xlsx._commands",
    "CellRef": "antt_domain_xlsx._read",
    "WorkbookImport": "antt_domain_xlsx._read",
    "import_workbook": "antt_domain_xlsx._read",
    "read_workbook": "antt_domain_xlsx._read",
    "LIMITS": "antt_domain_xlsx._safety",
    "Limits": "antt_domain_xlsx._safety",
    "dataset_bytes": "antt_domain_xlsx._write",
    "template_bytes": "antt_domain_xlsx._write",
}

__all__ = [
    "CODES",
    "LIMITS",
    "CellRef",
    "Limits",
    "WorkbookImport",
    "XlsxCommandError",
    "dataset_bytes",
    "import_workbook",
    "read_workbook",
    "template_bytes",
]


def __getattr__(name: str) -> Any:
    """Load the heavy parts (openpyxl) only when they are used: the plugin manager imports
    this package for every ``antt`` command, and registering needs none of them."""
    module = _LAZY.get(name)
    if module is None:
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
