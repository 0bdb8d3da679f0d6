"""The bundle's entry point (PyInstaller runs this file as __main__)."""
import multiprocessing
import os
import sys


def bytecode_cache() -> str:
    """Where Python keeps the bytecode of the modules the bundle ships as source (torch, sympy):
    the per-user cache folder QStandardPaths.GenericCacheLocation names (app/paths.py), worked out
    here without Qt because it must be set before anything imports torch."""
    if sys.platform == "win32":
        base = os.path.join(os.environ.get("LOCALAPPDATA") or os.path.expanduser("~"), "cache")
    elif sys.platform == "darwin":
        base = os.path.expanduser("~/Library/Caches")
    else:
        base = os.environ.get("XDG_CACHE_HOME", "")
        if not os.path.isabs(base):  # unset, or relative: the XDG spec (and Qt) then use ~/.cache
            base = os.path.expanduser("~/.cache")
    return os.path.join(base, "lm-anatomy", "bytecode")


# The bundle may be installed read-only (and must never be written to), so bytecode goes to the
# user's cache, not into __pycache__ folders beside the sources. Where that folder cannot be
# written, Python compiles in memory on every start and says nothing.
sys.pycache_prefix = bytecode_cache()
sys.dont_write_bytecode = False

from app.__main__ import main  # noqa: E402

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a training child process re-enters here in a frozen app
    sys.exit(main())
