import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

// The layout of DESIGN.md, checked on every import in src/: the foundation folders (errors, stats,
// survey) import only each other; an analysis folder imports the foundation and its own files, and
// the only cross-analysis imports are the ones the design names; report/ and cli/ use the public
// API only.
const src = fileURLToPath(new URL('../src/', import.meta.url));

const FOUNDATION = ['errors', 'stats', 'survey'];
const ANALYSES = ['describe', 'reliability', 'scoring', 'ahp', 'fuzzy', 'pca', 'drivers', 'servqual'];
/** Analyses that build on another analysis's public function (DESIGN.md: fuzzy takes AHP weights). */
const ALLOWED_ANALYSIS_IMPORTS: Record<string, readonly string[]> = {
  fuzzy: ['ahp'],
  servqual: ['reliability'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** The top-level part of src/ a file belongs to: a folder name, or the file's own name. */
function area(path: string): string {
  const [first, second] = relative(src, path).split('/');
  return second === undefined ? first!.replace(/\.ts$/, '') : first!;
}

function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s+'(\.[^']+)'/g)].map((m) => m[1]!);
}

it('every import in src/ follows the layout of DESIGN.md', () => {
  const violations: string[] = [];
  for (const file of sourceFiles(src)) {
    const from = area(file);
    for (const specifier of relativeImports(file)) {
      const to = area(join(file, '..', specifier.replace(/\.js$/, '.ts')));
      if (to === from) continue;
      let allowed: boolean;
      if (from === 'index' || from === 'node') allowed = true;
      else if (FOUNDATION.includes(from)) allowed = FOUNDATION.includes(to);
      else if (ANALYSES.includes(from))
        allowed = FOUNDATION.includes(to) || (ALLOWED_ANALYSIS_IMPORTS[from] ?? []).includes(to);
      // report/ and cli/ sit on top: the public API (index.ts) and the error-message helpers.
      else allowed = to === 'index' || to === 'errors' || (from === 'cli' && to === 'node');
      if (!allowed) violations.push(`${relative(src, file)} imports ${specifier}`);
    }
  }
  expect(violations).toEqual([]);
});

it('the layout check sees the imports it is meant to check', () => {
  // fuzzy-evaluate.ts imports the foundation; a check that found no imports would pass vacuously.
  const imports = relativeImports(join(src, 'fuzzy', 'fuzzy-evaluate.ts'));
  expect(imports.some((s) => s.startsWith('../errors') || s.startsWith('../stats'))).toBe(true);
  expect(area(join(src, 'fuzzy', 'x.ts'))).toBe('fuzzy');
  expect(area(join(src, 'errors.ts'))).toBe('errors');
});
