#!/usr/bin/env bash
# Executes examples/notebook.ipynb headlessly in the tslab kernel and checks the outputs
# (check-notebook.ts): every code cell ran without an error, and the results are the library's.
#
# The notebook imports 'satisfaction-analytics' as a reader's project would: it runs in a temporary
# folder whose node_modules links to the built package (this repository after `npm run build`, or
# the package folder given as $1) and to @types/node, next to the sample data (data/).
# Needs install-kernel.sh first (same TSLAB_DIR).
#
# Run: bash test/notebook/run-notebook.sh [package folder]
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
package=$(cd "${1:-$repo}" && pwd)
dir=${TSLAB_DIR:-"$HOME/.cache/satisfaction-analytics/tslab"}
if [ ! -f "$dir/share/jupyter/kernels/tslab/kernel.json" ]; then
  echo "error: no tslab kernel in $dir; run bash test/notebook/install-kernel.sh first" >&2
  exit 1
fi
if [ ! -f "$package/dist/index.cjs" ]; then
  echo "error: $package/dist/index.cjs is missing; build the package first (npm run build)" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/node_modules/@types"
ln -s "$package" "$work/node_modules/satisfaction-analytics"
ln -s "$repo/node_modules/@types/node" "$work/node_modules/@types/node"
ln -s "$repo/examples/data" "$work/data"
cp "$repo/examples/notebook.ipynb" "$work/notebook.ipynb"

# With --allow-errors every cell's outcome lands in executed.ipynb, where check-notebook.ts reports a
# failing cell with its message (tslab writes compile errors to stderr, which nbconvert would not show).
if ! (cd "$work" && JUPYTER_PATH="$dir/share/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}" \
  /usr/bin/jupyter nbconvert --to notebook --execute --allow-errors --ExecutePreprocessor.kernel_name=tslab \
  --ExecutePreprocessor.timeout=600 --output executed.ipynb notebook.ipynb) >"$work/nbconvert.log" 2>&1; then
  grep -v -e 'frozen modules' -e 'Debugger warning' -e 'PYDEVD' -e 'debugger' "$work/nbconvert.log" | tail -n 30 >&2
  echo "error: jupyter nbconvert could not execute examples/notebook.ipynb in the tslab kernel (above)" >&2
  exit 1
fi
"$repo/node_modules/.bin/tsx" "$repo/test/notebook/check-notebook.ts" "$work/executed.ipynb"
