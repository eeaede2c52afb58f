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
    for name in sorted(names):
        print(f"== {name}")
        importlib.import_module(f"bench.{name}").main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
