"""Lighthouse (npm, pinned in package-lock.json) run on Debian's chromium: mobile profile
(Lighthouse's default: a mid-range phone on a throttled 4G link, simulated, so the metrics do
not depend much on how busy this machine is)."""

import json
import statistics
import subprocess
from pathlib import Path

from django.conf import settings

from .chromium import CHROMIUM, CHROMIUM_ARGS

LIGHTHOUSE = Path(settings.BASE_DIR) / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {
    "lcp": "largest-contentful-paint",
    "tbt": "total-blocking-time",
    "cls": "cumulative-layout-shift",
    "bytes": "total-byte-weight",
}


def run(url, timeout=300, attempts=3):
    """One Lighthouse run of `url`: its JSON report. Lighthouse sometimes fails to record the
    trace on a busy machine (NO_NAVSTART, "Please run Lighthouse again"): that run is retried."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        "--output-path=stdout",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=" + " ".join(["--headless=new", *CHROMIUM_ARGS]),
        "--max-wait-for-load=60000",
    ]
    for _attempt in range(attempts):
        result = subprocess.run(
            command,
            env={"CHROME_PATH": CHROMIUM, "PATH": "/usr/bin:/bin", "HOME": "/tmp"},
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if result.returncode == 0 or "run Lighthouse again" not in result.stderr:
            break
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


def summary(report):
    """Scores (0–100) of the four categories and the budgeted metrics, with the audits that
    cost points."""
    scores = {key: round(report["categories"][key]["score"] * 100) for key in CATEGORIES}
    metrics = {name: report["audits"][audit]["numericValue"] for name, audit in METRICS.items()}
    failing = sorted(
        {
            ref["id"]
            for category in report["categories"].values()
            for ref in category["auditRefs"]
            if ref["weight"] and (report["audits"][ref["id"]]["score"] or 0) < 1
        }
    )
    return {"scores": scores, "metrics": metrics, "failing": failing}


def medians(url, runs=3):
    """The median of each score and metric over `runs` runs (docs/portal.md records these)."""
    summaries = [summary(run(url)) for _ in range(runs)]
    return {
        "scores": {k: statistics.median(s["scores"][k] for s in summaries) for k in CATEGORIES},
        "metrics": {k: statistics.median(s["metrics"][k] for s in summaries) for k in METRICS},
        "failing": sorted({audit for s in summaries for audit in s["failing"]}),
    }
