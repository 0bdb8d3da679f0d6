"""model/ is plain torch + tokenizers + numpy: it must never import Qt or pyqtgraph."""
import ast
import subprocess
import sys
from pathlib import Path

MODEL_DIR = Path(__file__).parent.parent / "model"
FORBIDDEN = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "pyqtgraph", "app")


def test_no_module_in_model_imports_qt():
    offenders = []
    for path in MODEL_DIR.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in FORBIDDEN]
    assert not offenders


def test_importing_the_engine_loads_no_qt():
    code = ("import sys, model, model.cli, model.train, model.decoding, model.data; "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph')]; "
            "print(bad); sys.exit(1 if bad else 0)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=MODEL_DIR.parent)
    assert done.returncode == 0, done.stdout + done.stderr
