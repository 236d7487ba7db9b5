"""Reference timing for bench/correlation.ts: numpy.corrcoef on the same float64 file.

Usage: /usr/bin/python3 bench/correlation.py DATA N P REPS OUT [--listwise]

DATA is the column-major float64 file written by bench/data.ts (item j at offset j * N * 8), so
np.fromfile(...).reshape(P, N) has one row per item, the layout np.corrcoef expects. With
--listwise, respondents with any NaN are dropped first (X[:, ~isnan(X).any(axis=0)]), inside the
timed region, to match moments(data).correlation() under listwise deletion.

Prints one JSON line: numpy version, the times in seconds (after one warm-up call), and writes the
P x P correlation matrix (float64, row-major) to OUT for the TypeScript side to compare.
"""

import json
import os
import sys
import time

import numpy as np


def main() -> None:
    path, n, p, reps, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    listwise = "--listwise" in sys.argv[6:]
    data = np.fromfile(path, dtype="<f8").reshape(p, n)

    def correlation() -> np.ndarray:
        x = data[:, ~np.isnan(data).any(axis=0)] if listwise else data
        return np.corrcoef(x)

    result = correlation()  # warm-up
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        result = correlation()
        times.append(time.perf_counter() - start)
    np.ascontiguousarray(result, dtype="<f8").tofile(out)
    print(
        json.dumps(
            {
                "numpy": np.__version__,
                "python": sys.version.split()[0],
                "cpus": os.cpu_count(),
                "times": times,
            }
        )
    )


if __name__ == "__main__":
    main()
