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

from antt_domain_xlsx._codes import CODES
from antt_domain_xlsx._commands import XlsxCommandError
from antt_domain_xlsx._read import CellRef, WorkbookImport, import_workbook, read_workbook
from antt_domain_xlsx._safety import LIMITS, Limits
from antt_domain_xlsx._write import dataset_bytes, template_bytes

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
