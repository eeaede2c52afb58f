"""`make bench`: run every benchmark module in this package and print its ratios."""

import importlib
import pkgutil
import sys
from pathlib import Path


def main():
    names = [
        m.name
        for m in pkgutil.iter_modules([str(Path(__file__).parent)])
        if m.name.startswith("bench_")
    ]
    if not names:
        print("no benchmarks yet")
        return 0
    failed = []
    for name in sorted(names):
        print(f"== {name}", flush=True)
        try:
            importlib.import_module(f"bench.{name}").main()
        except SystemExit as stop:  # a benchmark that cannot run says why; the others still run
            if stop.code:
                failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
