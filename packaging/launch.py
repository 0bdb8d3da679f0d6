"""The bundle's entry point (PyInstaller runs this file as __main__)."""
import multiprocessing
import sys

from app.__main__ import main  # shows the window first: torch is imported behind it, not here
from model.paths import user_cache_dir

# torch and sympy ship as sources (lm_anatomy.spec). The bundle may be installed read-only (and must
# never be written to), so Python keeps their bytecode in the user's cache, not in __pycache__
# folders beside the sources; set before anything imports torch, in a training child process too.
# Where that folder cannot be written, Python compiles in memory on every start and says nothing.
sys.pycache_prefix = str(user_cache_dir() / "bytecode")
sys.dont_write_bytecode = False

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a training child process re-enters here in a frozen app
    sys.exit(main())
