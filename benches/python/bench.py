"""Pure-Python micro-benchmarks, run inside each interpreter by run.sh.

Each benchmark runs REPEAT times (argument 1, default 5) on the same
deterministic data; one line per benchmark gives the best time in
seconds. The file benchmarks write 100,000 lines (11 MB) to a new file in
the current directory, read it back four times in 64 KiB blocks, and
iterate over its lines in text mode.
Float parsing and repr go through CPython's own dtoa.c, not the C
library's strtod and printf; what the C library adds there (and in the
others) is memory allocation, copying and, for the files, the system calls.
"""

import os
import random
import sys
import time

N = 200_000
rng = random.Random(1)
INTS = [rng.randrange(-10**9, 10**9) for _ in range(N)]
FLOATS = [rng.uniform(-1e6, 1e6) * 10.0 ** rng.randrange(-20, 20) for _ in range(N)]
WORDS = ["w%x" % rng.getrandbits(40) for _ in range(N)]
DECIMALS = [("%.17g", "%.6f", "%.3e", "%d.%d")[i % 4] % ((INTS[i], INTS[i - 1] % 1000) if i % 4 == 3 else FLOATS[i])
            for i in range(N)]
LINE = "%s\n" % ("the quick brown fox jumps over the lazy dog 0123456789 " * 2)
LINES = 100_000  # about 11 MB
PATH = "bench-python.txt"


def fmt_fstring():
    for i, x, w in zip(INTS, FLOATS, WORDS):
        f"{i}:{x:.3f}:{w:>16}:{i:08x}"


def fmt_percent():
    for i, x, w in zip(INTS, FLOATS, WORDS):
        "%d:%.6g:%s:%x" % (i, x, w, i)


def fmt_format():
    for i, x, w in zip(INTS, FLOATS, WORDS):
        "{}:{:.2e}:{:>16}:{:,}".format(i, x, w, i)


def float_parse():
    for s in DECIMALS:
        float(s)


def float_repr():
    for x in FLOATS:
        repr(x)


def dict_work():
    d = {}
    for w, i in zip(WORDS, INTS):
        d[w] = i
    total = 0
    for w in WORDS:
        total += d[w]
    ints = dict.fromkeys(INTS, 0)
    for i in INTS:
        ints[i] += 1
    for w in WORDS[::2]:
        del d[w]
    return total, len(ints), len(d)


def list_work():
    squares = [i * i for i in INTS]
    acc = []
    for x in FLOATS:
        acc.append(x)
    acc.reverse()
    return sorted(INTS), sorted(FLOATS), sorted(WORDS), squares[::3], acc.index(FLOATS[0])


def file_write():
    with open(PATH, "w") as f:
        for _ in range(LINES):
            f.write(LINE)


def file_read():
    for _ in range(4):
        with open(PATH, "rb") as f:
            while f.read(65536):
                pass


def file_lines():
    n = 0
    with open(PATH) as f:
        for line in f:
            n += len(line)
    return n


def no_file():
    """Truncating a file the last run (or interpreter) just wrote waits for
    its pages; every write starts from a new file instead."""
    if os.path.exists(PATH):
        os.remove(PATH)


BENCHES = [fmt_fstring, fmt_percent, fmt_format, float_parse, float_repr,
           dict_work, list_work, file_write, file_read, file_lines]
SETUP = {file_write: no_file}


def main():
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    for bench in BENCHES:
        best = float("inf")
        for _ in range(repeat):
            SETUP.get(bench, lambda: None)()
            start = time.perf_counter()
            bench()
            best = min(best, time.perf_counter() - start)
        print("%s %.6f" % (bench.__name__, best), flush=True)
    no_file()


main()
