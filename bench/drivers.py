"""Reference timings for bench/drivers.ts: exact Shapley R-squared decomposition by numpy's batched
per-subset solves, and OLS with full inference by statsmodels (and numpy.linalg.lstsq).

Usage:
    /usr/bin/python3 bench/drivers.py shapley CORRELATION P REPS OUT
    /usr/bin/python3 bench/drivers.py ols DATA N P REPS OUT

shapley: CORRELATION is the (P + 1) x (P + 1) correlation matrix (float64, row-major, outcome last)
written by bench/drivers.ts. For each subset size k, every subset of that size is solved at once
(np.linalg.solve on a stack of k x k systems, in chunks of at most 2**16 subsets to bound memory),
R2(S) = r_S' R_SS^-1 r_S stored by bitmask, then
importance_j = sum over S without j of |S|! (P - |S| - 1)! / P! (R2(S + j) - R2(S)), vectorised over
the 2**P masks. The timed region includes building the subsets (itertools.combinations). OUT gets the
P importances (float64).

ols: DATA is the column-major float64 file of bench/data.ts with P + 1 columns: the outcome first,
then P drivers. Timed: sm.OLS(y, sm.add_constant(X)).fit() and the summary quantities an analyst
reads (params, bse, tvalues, pvalues, conf_int(), rsquared, rsquared_adj, fvalue, f_pvalue); and,
as a floor, np.linalg.lstsq on [1, X] (coefficients only). OUT gets params then bse (float64).

Prints one JSON line: versions, the times in seconds (after one warm-up call) and the peak RSS
growth of the process (VmHWM after the runs minus the RSS before them).
"""

import itertools
import json
import math
import sys
import time

import numpy as np


def rss_kib(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return -1


def shapley(correlation: np.ndarray, p: int) -> np.ndarray:
    values = np.zeros(1 << p)
    r_xy = correlation[:p, p]
    chunk = 1 << 16
    for k in range(1, p + 1):
        subsets = np.array(list(itertools.combinations(range(p), k)), dtype=np.int64)
        masks = np.bitwise_or.reduce(np.left_shift(1, subsets), axis=1)
        for start in range(0, len(subsets), chunk):
            idx = subsets[start : start + chunk]
            systems = correlation[idx[:, :, None], idx[:, None, :]]
            rhs = r_xy[idx]
            beta = np.linalg.solve(systems, rhs[:, :, None])[:, :, 0]
            values[masks[start : start + chunk]] = np.einsum("ij,ij->i", rhs, beta)
    all_masks = np.arange(1 << p, dtype=np.int64)
    sizes = np.zeros(1 << p, dtype=np.int64)
    for j in range(p):
        sizes += (all_masks >> j) & 1
    weights = np.array([math.factorial(s) * math.factorial(p - s - 1) / math.factorial(p) for s in range(p)])
    out = np.empty(p)
    for j in range(p):
        bit = 1 << j
        without = all_masks[(all_masks & bit) == 0]
        out[j] = np.sum(weights[sizes[without]] * (values[without | bit] - values[without]))
    return out


def main() -> None:
    mode = sys.argv[1]
    before = rss_kib("VmRSS")
    times = []
    result = {"numpy": np.__version__, "python": sys.version.split()[0]}
    if mode == "shapley":
        path, p, reps, out = sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
        correlation = np.fromfile(path, dtype="<f8").reshape(p + 1, p + 1)
        importance = shapley(correlation, p)  # warm-up
        for _ in range(reps):
            start = time.perf_counter()
            importance = shapley(correlation, p)
            times.append(time.perf_counter() - start)
        np.ascontiguousarray(importance, dtype="<f8").tofile(out)
    elif mode == "ols":
        import statsmodels
        import statsmodels.api as sm

        path, n, p, reps, out = sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
        data = np.fromfile(path, dtype="<f8").reshape(p + 1, n)
        y = data[0]
        x = data[1:].T

        def fit():
            model = sm.OLS(y, sm.add_constant(x)).fit()
            summary = (
                model.params,
                model.bse,
                model.tvalues,
                model.pvalues,
                model.conf_int(),
                model.rsquared,
                model.rsquared_adj,
                model.fvalue,
                model.f_pvalue,
            )
            return model, summary

        model, _ = fit()  # warm-up
        for _ in range(reps):
            start = time.perf_counter()
            model, _ = fit()
            times.append(time.perf_counter() - start)
        design = np.column_stack([np.ones(n), x])
        np.linalg.lstsq(design, y, rcond=None)  # warm-up
        lstsq_times = []
        for _ in range(reps):
            start = time.perf_counter()
            np.linalg.lstsq(design, y, rcond=None)
            lstsq_times.append(time.perf_counter() - start)
        result["statsmodels"] = statsmodels.__version__
        result["lstsqTimes"] = lstsq_times
        np.concatenate([model.params, model.bse]).astype("<f8").tofile(out)
    else:
        raise SystemExit(f"drivers.py: unknown mode {mode}")
    result["times"] = times
    result["peakRssGrowth"] = (rss_kib("VmHWM") - before) * 1024
    print(json.dumps(result))


if __name__ == "__main__":
    main()
