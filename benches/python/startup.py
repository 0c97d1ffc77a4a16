"""Times whole commands from the host, for run.sh: after one untimed
round each command is started RUNS times, the commands taking turns so
that drift hits all alike, and one line per command gives its name, the
median and the fastest wall time in milliseconds (from before the fork to
after the wait). Their output is discarded; a command that fails stops the
measurement.

usage: startup.py RUNS NAME COMMAND [NAME COMMAND ...]
COMMAND is one argument, split like a shell line (shlex).
"""

import shlex
import statistics
import subprocess
import sys
import time


def main():
    runs = int(sys.argv[1])
    pairs = sys.argv[2:]
    commands = [(pairs[i], shlex.split(pairs[i + 1])) for i in range(0, len(pairs), 2)]
    times = {name: [] for name, _ in commands}
    # The first round is not counted: it fills the page cache and lets an
    # interpreter that may write there compile the standard library's .pyc
    # files, which the static builds share.
    for rnd in range(runs + 1):
        for name, argv in commands:
            start = time.perf_counter()
            subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, check=True)
            if rnd:
                times[name].append(time.perf_counter() - start)
    for name, _ in commands:
        print("%s %.3f %.3f" % (name, statistics.median(times[name]) * 1e3, min(times[name]) * 1e3))


main()
