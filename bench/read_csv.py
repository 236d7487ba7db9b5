"""Reference for bench/read-csv.ts: pandas.read_csv of the same file.

Usage:
  /usr/bin/python3 bench/read_csv.py time PATH REPS
      one warm-up read, then REPS timed reads; prints JSON with the times in seconds, the shape,
      the count of missing cells and the column sums (to check both sides read the same numbers)
  /usr/bin/python3 bench/read_csv.py memory PATH
      one read in a fresh process; prints JSON with its time in seconds and the peak RSS growth in
      bytes (VmHWM after the read minus the RSS before it; not ru_maxrss, which a child process
      inherits from its parent)

pandas.read_csv runs with its defaults (C engine): empty cells become NaN, so every item column is
float64, as in the Responses that readCsv builds.
"""

import json
import resource
import sys
import time

import numpy as np
import pandas as pd


def rss_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize()


def peak_rss_bytes() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


def main() -> None:
    mode, path = sys.argv[1], sys.argv[2]
    if mode == "memory":
        before = rss_bytes()
        start = time.perf_counter()
        frame = pd.read_csv(path)
        seconds = time.perf_counter() - start
        peak = peak_rss_bytes()
        print(json.dumps({"rows": len(frame), "seconds": seconds, "growth": peak - before}))
        return
    reps = int(sys.argv[3])
    frame = pd.read_csv(path)  # warm-up (and the page cache)
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        frame = pd.read_csv(path)
        times.append(time.perf_counter() - start)
    values = frame.to_numpy(dtype=np.float64)
    print(
        json.dumps(
            {
                "pandas": pd.__version__,
                "numpy": np.__version__,
                "times": times,
                "rows": int(values.shape[0]),
                "columns": int(values.shape[1]),
                "missing": int(np.isnan(values).sum()),
                "sums": [float(s) for s in np.nansum(values, axis=0)],
            }
        )
    )


if __name__ == "__main__":
    main()
