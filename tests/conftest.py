import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


def pytest_collection_modifyitems(config, items):
    """Tests marked `bundle` build the PyInstaller bundle (minutes): they run only when asked,
    with LM_ANATOMY_BUNDLE_TESTS=1 (see README: "Build the installers")."""
    if os.environ.get("LM_ANATOMY_BUNDLE_TESTS") == "1":
        return
    skip = pytest.mark.skip(reason="builds the installer; set LM_ANATOMY_BUNDLE_TESTS=1 to run")
    for item in items:
        if "bundle" in item.keywords:
            item.add_marker(skip)
