"""Phone-width screenshots of a web edition, light and dark, for a person to look at.

    python -m tests.screenshots OUTDIR      # writes OUTDIR/screenshots/*.png

Used by ``make demo`` and by the browser tests.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from tests.browser import chromium

PHONE = {"width": 390, "height": 844}


def site_pages(root: Path) -> dict[str, Path]:
    """The archive, the first issue's page and its first article's page."""
    issue = sorted(p.parent for p in root.glob("*/index.html"))[0]
    return {"archive": root / "index.html", "issue": issue / "index.html", "article": issue / "01.html"}


def take_screenshots(root: Path, folder: Path, *, scale: float = 2, browser: Any = None) -> list[Path]:
    """archive, issue and article pages, light and dark, as ``folder/NAME-SCHEME.png``."""
    if browser is None:
        with chromium() as launched:
            return take_screenshots(root, folder, scale=scale, browser=launched)
    folder.mkdir(parents=True, exist_ok=True)
    shots = []
    for scheme in ("light", "dark"):
        context = browser.new_context(viewport=PHONE, device_scale_factor=scale, color_scheme=scheme)
        page = context.new_page()
        for name, path in site_pages(root).items():
            page.goto(path.resolve().as_uri())
            shot = folder / f"{name}-{scheme}.png"
            page.screenshot(path=str(shot))
            shots.append(shot)
        context.close()
    return shots


def main(argv: list[str]) -> int:
    root = Path(argv[0] if argv else "out")
    for shot in take_screenshots(root, root / "screenshots"):
        print(shot)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
