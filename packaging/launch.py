"""The bundle's entry point (PyInstaller runs this file as __main__)."""
import multiprocessing
import sys

from app.__main__ import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a training child process re-enters here in a frozen app
    sys.exit(main())
