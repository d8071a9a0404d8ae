from __future__ import annotations

import subprocess
import sys


def test_importing_opennps_text_and_its_command_loads_no_django() -> None:
    code = (
        "import sys, opennps.text, opennps.text.command, opennps.text.evaluate; "
        "loaded = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')); "
        "print(loaded); sys.exit(1 if loaded else 0)"
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert completed.returncode == 0, completed.stdout + completed.stderr
