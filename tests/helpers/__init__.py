"""Helpers shared by the test folders, importable as ``helpers`` (``tests/`` is on pytest's
``pythonpath``): ``helpers.cli`` runs ``antt``, ``helpers.plugins`` builds small plugin specs,
``helpers.world`` builds small made-up datasets. Fixtures stay in the ``conftest.py`` files."""
