"""Reference timing for bench/pca.ts: a correlation-matrix PCA with every score, in numpy.

Usage: /usr/bin/python3 bench/pca.py DATA N P REPS OUT [K]

DATA is the column-major float64 file written by bench/data.ts (item j at offset j * N * 8), so
np.fromfile(...).reshape(P, N) has one row per item. One timed run computes what pca(data) returns
by default, in the way an analyst would write it with numpy:

  1. R = np.corrcoef(X) and the item means and standard deviations (ddof = 1);
  2. np.linalg.eigh(R), eigenvalues sorted in decreasing order, each eigenvector signed so that its
     largest-magnitude entry is positive; proportions and cumulative proportions;
  3. the components with eigenvalue > 1 (Kaiser's rule), or the first K when K is given, and their
     loadings V * sqrt(eigenvalue);
  4. KMO (overall and per item, from inv(R)) and Bartlett's sphericity chi-square (slogdet(R));
  5. the component scores F = V_k^T Z, with Z = (X - mean) / sd (k x N), the composite score
     (eigenvalue shares of the retained components) . F, and its 0-100 min-max rescaling.

Prints one JSON line: numpy version, the times in seconds (after one warm-up call), the number of
retained components, and writes the composite scores (float64, N values) followed by the
eigenvalues (P values) to OUT for the TypeScript side to compare.
"""

import json
import os
import sys
import time

import numpy as np


def pca(data: np.ndarray, kept: int = 0) -> dict:
    p = data.shape[0]
    n = data.shape[1]
    r = np.corrcoef(data)
    mean = data.mean(axis=1)
    sd = data.std(axis=1, ddof=1)
    values, vectors = np.linalg.eigh(r)
    values = values[::-1]
    vectors = vectors[:, ::-1]
    largest = np.abs(vectors).argmax(axis=0)
    vectors = vectors * np.sign(vectors[largest, np.arange(p)])
    proportion = values / values.sum()
    cumulative = np.cumsum(proportion)
    k = kept if kept > 0 else max(1, int((values > 1).sum()))
    v = vectors[:, :k]
    loadings = v * np.sqrt(values[:k])
    communalities = (loadings**2).sum(axis=1)
    # Sampling adequacy.
    inverse = np.linalg.inv(r)
    scale = 1 / np.sqrt(np.diag(inverse))
    partial = inverse * np.outer(scale, scale)
    np.fill_diagonal(partial, 0)
    off = r - np.eye(p)
    r2 = (off**2).sum(axis=0)
    q2 = (partial**2).sum(axis=0)
    kmo = r2.sum() / (r2.sum() + q2.sum())
    kmo_items = r2 / (r2 + q2)
    _, logdet = np.linalg.slogdet(r)
    chi_square = -(n - 1 - (2 * p + 5) / 6) * logdet
    # Scores and the composite.
    z = (data - mean[:, None]) / sd[:, None]
    scores = v.T @ z
    weights = values[:k] / values[:k].sum()
    composite = weights @ scores
    low = composite.min()
    high = composite.max()
    scaled = 100 * (composite - low) / (high - low)
    return {
        "values": values,
        "proportion": proportion,
        "cumulative": cumulative,
        "loadings": loadings,
        "communalities": communalities,
        "kmo": kmo,
        "kmo_items": kmo_items,
        "chi_square": chi_square,
        "scores": scores,
        "composite": composite,
        "scaled": scaled,
        "k": k,
    }


def main() -> None:
    path, n, p, reps, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    kept = int(sys.argv[6]) if len(sys.argv) > 6 else 0
    data = np.fromfile(path, dtype="<f8").reshape(p, n)
    result = pca(data, kept)  # warm-up
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        result = pca(data, kept)
        times.append(time.perf_counter() - start)
    np.concatenate([result["composite"], result["values"]]).astype("<f8").tofile(out)
    print(
        json.dumps(
            {
                "numpy": np.__version__,
                "python": sys.version.split()[0],
                "cpus": os.cpu_count(),
                "retained": result["k"],
                "times": times,
            }
        )
    )


if __name__ == "__main__":
    main()
