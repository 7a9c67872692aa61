"""antt-domain: model, check and report the all-people movement to protect national security.

The public API is what ``__all__`` lists: the names imported under ``TYPE_CHECKING`` below,
and ``__version__``. They are listed once, there; at run time each is imported on first use
(PEP 562), so that ``import antt_domain`` (and the ``antt`` command) start fast.

>>> from antt_domain import load_example
>>> dataset = load_example()
>>> dataset.get("act-tuyen-truyen-luu-dong").quantity.value
1838
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from antt_domain._version import __version__ as __version__

# The one list of the public names. Type checkers read these imports; at run time
# _public() reads them from this file's source, so that the list is written once.
if TYPE_CHECKING:
    from antt_domain.convert import (  # noqa: I001 - isort would split every `X as X` apart
        ConversionError as ConversionError,
        structure_dataset as structure_dataset,
        structure_record as structure_record,
        unstructure as unstructure,
    )
    from antt_domain.errors import AnttError as AnttError
    from antt_domain.io import (
        JSONReadError as JSONReadError,
        SchemaViolationError as SchemaViolationError,
        dump as dump,
        dumps as dumps,
        example_names as example_names,
        load_dataset as load_dataset,
        load_example as load_example,
        load_record as load_record,
        loads_dataset as loads_dataset,
        loads_record as loads_record,
    )
    from antt_domain.model import (
        Activity as Activity,
        Agreement as Agreement,
        AgreementKind as AgreementKind,
        Area as Area,
        AreaLevel as AreaLevel,
        AsOf as AsOf,
        Citation as Citation,
        Dataset as Dataset,
        Frequency as Frequency,
        Interval as Interval,
        ModelError as ModelError,
        ModelInstance as ModelInstance,
        ModelType as ModelType,
        Organisation as Organisation,
        OrganisationLevel as OrganisationLevel,
        Outcome as Outcome,
        Period as Period,
        Precision as Precision,
        Publisher as Publisher,
        Quantity as Quantity,
        Record as Record,
        Recurring as Recurring,
        Source as Source,
        Unstated as Unstated,
    )
    from antt_domain.plugins import export as export
    from antt_domain.schemas import (
        codelist as codelist,
        codelists as codelists,
        load_schema as load_schema,
    )
    from antt_domain.validation import (
        Finding as Finding,
        Report as Report,
        Severity as Severity,
        validate as validate,
    )


def _public() -> dict[str, str]:
    """Each public name (but ``__version__``) and the module it is imported from.

    Read, on first use, from the ``TYPE_CHECKING`` imports of this file; ``ast`` and the
    source are needed only then, which keeps ``import antt_domain`` as light as before.
    """
    global _WHERE  # noqa: PLW0603 - computed once, on first use, like the names themselves
    if _WHERE is None:
        import ast  # noqa: PLC0415 - only on first use of a public name

        if not __file__.endswith(".py"):  # a frozen or sourceless install: say so, not guess
            msg = f"antt_domain's public names are read from its source, not {__file__}"
            raise AttributeError(msg)
        with open(__file__, encoding="utf-8") as file:  # noqa: PTH123 - pathlib is not loaded
            source = file.read()
        where: dict[str, str] = {}
        for node in ast.parse(source).body:
            if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
                for statement in node.body:
                    if isinstance(statement, ast.ImportFrom) and statement.module:
                        for alias in statement.names:
                            where[alias.name] = statement.module
        _WHERE = where
    return _WHERE


_WHERE: dict[str, str] | None = None


def __getattr__(name: str) -> Any:
    if name == "__all__":
        value: Any = sorted([*_public(), "__version__"])
    else:
        module = _public().get(name)
        if module is None:
            msg = f"module 'antt_domain' has no attribute {name!r}"
            raise AttributeError(msg)
        value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return list(__getattr__("__all__"))
