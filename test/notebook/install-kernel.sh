#!/usr/bin/env bash
# Installs what run-notebook.sh needs, outside the repository:
# - Debian's Jupyter (jupyter nbconvert with nbclient), with apt-get, unless /usr/bin/jupyter-nbconvert
#   is there;
# - the tslab kernel from the npm registry, at the versions of test/notebook/kernel/package-lock.json,
#   into $TSLAB_DIR (default ~/.cache/satisfaction-analytics/tslab), with its kernel spec in
#   $TSLAB_DIR/share/jupyter/kernels/tslab (run-notebook.sh puts that folder on JUPYTER_PATH).
# tslab's zeromq ships its native addon for Linux x64 in the npm package: nothing is built or
# downloaded from elsewhere. Quiet unless it fails; then it prints the log's tail and a clear error.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=${TSLAB_DIR:-"$HOME/.cache/satisfaction-analytics/tslab"}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
fail() {
  tail -n 30 "$log" >&2
  echo "error: $*" >&2
  exit 1
}

if [ ! -x /usr/bin/jupyter-nbconvert ]; then
  echo "installing Jupyter (jupyter-nbconvert, python3-nbclient) with apt-get"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  { $sudo apt-get update -qq &&
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      jupyter-core jupyter-nbconvert python3-nbclient python3-nbformat python3-jupyter-client; } \
    >"$log" 2>&1 || fail "apt-get could not install Jupyter; the notebook check needs jupyter nbconvert (apt-get install jupyter-nbconvert python3-nbclient)"
fi

mkdir -p "$dir"
cp "$here/kernel/package.json" "$here/kernel/package-lock.json" "$dir/"
if ! cmp -s "$here/kernel/package-lock.json" "$dir/node_modules/.package-lock.json.installed" 2>/dev/null; then
  echo "installing tslab into $dir (npm ci)"
  (cd "$dir" && npm ci --no-audit --no-fund) >"$log" 2>&1 ||
    fail "npm ci could not install tslab into $dir (test/notebook/kernel/package-lock.json)"
  cp "$here/kernel/package-lock.json" "$dir/node_modules/.package-lock.json.installed"
fi
"$dir/node_modules/.bin/tslab" --version >"$log" 2>&1 || fail "tslab does not start ($dir/node_modules/.bin/tslab --version)"
# zeromq loads its prebuilt addon here, or the kernel cannot talk to Jupyter.
(cd "$dir" && node -e 'require("zeromq")') >"$log" 2>&1 || fail "tslab's zeromq addon does not load in $dir"

# The kernel spec that `tslab install` writes, with the absolute path of this tslab.
spec="$dir/share/jupyter/kernels/tslab"
mkdir -p "$spec"
printf '{"argv": ["%s", "kernel", "--config-path", "{connection_file}"], "display_name": "TypeScript", "language": "typescript"}\n' \
  "$dir/node_modules/.bin/tslab" >"$spec/kernel.json"
echo "$("$dir/node_modules/.bin/tslab" --version), kernel spec in $spec"
