"""Writer for the kill test: replace a file with two contents, alternately, forever.

Usage: python atomic_writer.py TARGET VERSION_A VERSION_B

Prints "ready" once the contents are in memory, then loops until killed.
"""

import sys
from pathlib import Path

from mchch_widgets import csvfile


def main() -> None:
    target = Path(sys.argv[1])
    versions = [Path(sys.argv[2]).read_bytes(), Path(sys.argv[3]).read_bytes()]
    print("ready", flush=True)
    while True:
        for data in versions:
            csvfile.atomic_write(target, data)


if __name__ == "__main__":
    main()
