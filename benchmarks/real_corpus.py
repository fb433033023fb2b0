"""The reader on the corpus of real documents (``tests/fixtures/real``): per document and in
total, the hand-counted edges, those found, those invented and traps turned into edges.

    .venv/bin/python benchmarks/real_corpus.py [--missed]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from real_support import measure_all, summary


def main() -> None:
    """Print the table; with ``--missed``, every edge not found and every one invented."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--missed", action="store_true", help="list missed and invented edges")
    args = parser.parse_args()
    results = measure_all()
    sys.stdout.write(summary(results))
    if args.missed:
        for r in results:
            for edge in r.missed:
                print(f"missed   {r.name}:{edge['line']} {edge['from']} -> {edge['to']}")
            for source, target, line in r.extra:
                print(f"invented {r.name}:{line} {source} -> {target}")


if __name__ == "__main__":
    main()
