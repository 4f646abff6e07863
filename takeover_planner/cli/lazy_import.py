"""Service modules the command modules load only when a command runs.

Every command module registers its arguments whenever the parser is built, but a command uses the services of one
module only. Importing them all (SQLAlchemy, the model, requests, the publisher) made every command — and the full
parser behind `--help` — pay for all of them. `importlib.util.LazyLoader` (the standard library's way of doing this)
runs a module's code the first time one of its names is read, so registering stays cheap and a command's own services
load exactly as before. Command modules import the real module under ``TYPE_CHECKING`` so that mypy still checks
every call.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from types import ModuleType


def lazy_module(name: str) -> ModuleType:
    """The module `name`, whose code runs on first attribute access (at once if it is already imported)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(name)
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    # `import a.b` finds a.b in sys.modules and does not set it on a; later `a.b.x` needs the attribute.
    parent, _, child = name.rpartition(".")
    if parent:
        setattr(importlib.import_module(parent), child, module)
    return module
