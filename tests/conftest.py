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


# ---- a tiny model's engine and one trace, shared by the panel tests of a module ----------------
@pytest.fixture(scope="module")
def engine():
    from app.common.sample import sample_engine, tiny_model_dir

    return sample_engine(tiny_model_dir())


@pytest.fixture(scope="module")
def info(engine):
    return engine.info()


@pytest.fixture(scope="module")
def trace(engine, request):
    """The trace of the module's PROMPT."""
    return engine.trace(request.module.PROMPT).trace
