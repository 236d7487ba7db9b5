#!/usr/bin/env bash
# Packs the package, installs the tarball into a scratch project and loads every entry point
# through `import` and `require`, and runs the command-line bin, as a user would.
set -euo pipefail
root=$(pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
tarball=$(npm pack --silent --pack-destination "$scratch" | tail -n 1)
cd "$scratch"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "$scratch/$tarball"
cat > esm.mjs <<'JS'
// Expected values: R 4.2, cor(c(1, 3, 4), c(2, 5, 4)) = 0.78571428571428559.
import { defineSurvey, describe, moments, netPromoterScore } from 'satisfaction-analytics';
import { readCsv } from 'satisfaction-analytics/node';
const survey = defineSurvey({ scale: { min: 1, max: 5 }, items: [{ id: 'a' }, { id: 'b' }] });
const responses = survey.parse([{ a: 1, b: 2 }, { a: 3, b: 5 }, { a: 4, b: 4 }]);
if (describe(responses).items.length !== 2) throw new Error('esm: describe');
if (Math.abs(moments(responses).correlation()[0][1] - 0.7857142857142856) > 1e-12) throw new Error('esm: moments');
if (netPromoterScore([10, 9, 0]).score.toFixed(6) !== '33.333333') throw new Error('esm: nps');
if (typeof readCsv !== 'function') throw new Error('esm: readCsv');
console.log('esm ok');
JS
cat > cjs.cjs <<'JS'
const { defineSurvey, parseCsv } = require('satisfaction-analytics');
const { readCsv } = require('satisfaction-analytics/node');
const responses = parseCsv('a,b\n1,2\n3,NA\n', defineSurvey({ scale: { min: 1, max: 5 }, items: [{ id: 'a' }, { id: 'b' }] }));
if (responses.n !== 2 || responses.report.missingPerItem.b !== 1) throw new Error('cjs: parseCsv');
if (typeof readCsv !== 'function') throw new Error('cjs: readCsv');
console.log('cjs ok');
JS
node esm.mjs
node cjs.cjs
# The package's bin, as npx finds it in the installed package.
version=$(node -p 'require("satisfaction-analytics/package.json").version')
[ "$(./node_modules/.bin/satisfaction-analytics --version)" = "$version" ] || { echo "bin: --version" >&2; exit 1; }
echo "bin ok"
echo "packed: $tarball ($(du -k "$scratch/$tarball" | cut -f1) KiB)"
