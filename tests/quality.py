"""Helpers for the quality bars: the W3C Nu validator and axe-core, from node_modules."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tests" / "tools" / "node_modules"
VNU_JAR = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = TOOLS / "axe-core" / "axe.min.js"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def require(path: Path, how: str) -> None:
    if not path.exists():
        raise AssertionError(f"{path} is missing: {how} (make test installs it).")


def validate_html(documents: dict[str, str], tmp_path: Path) -> list[str]:
    """Nu validator errors for each page, as "url: line N: message"."""
    require(VNU_JAR, "npm install")
    java = shutil.which("java")
    if java is None:
        raise AssertionError("Java is needed to run the Nu HTML validator.")
    files = {}
    for i, (url, html) in enumerate(documents.items()):
        path = tmp_path / f"page{i}.html"
        path.write_text(html, encoding="utf-8")
        files[path.name] = url
    result = subprocess.run(
        [
            java,
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--format",
            "json",
            "--exit-zero-always",
            *[str(tmp_path / f"page{i}.html") for i in range(len(documents))],
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [
        f"{files.get(str(m.get('url', '')).rsplit('/', 1)[-1], m.get('url'))}: "
        f"line {m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") == "error"
    ]
