import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it, describe as suite } from 'vitest';

// The README's tour must work when pasted: run it (importing the sources in place of the package)
// and check that it prints what its comments say.
const root = resolve(import.meta.dirname, '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

suite('README', () => {
  it('opens with the install-and-demo command and the test command', () => {
    const firstBlock = readme.split('```sh')[1]!.split('```')[0]!;
    expect(firstBlock).toContain('npm install && npm run demo');
    expect(firstBlock).toContain('npm test');
  });

  /** The `index`-th TypeScript block of the tour, run from the repository root; its output lines. */
  const runTourBlock = (index: number): string[] => {
    const tour = readme.split('## Tour')[1]!.split('```ts')[index]!.split('```')[0]!;
    const source = tour.replaceAll("'satisfaction-analytics'", JSON.stringify(join(root, 'src/index.ts')));
    const file = join(mkdtempSync(join(tmpdir(), 'tour-')), 'tour.mts');
    writeFileSync(file, source);
    return execFileSync(join(root, 'node_modules/.bin/tsx'), [file], { encoding: 'utf8', cwd: root })
      .trim()
      .split('\n');
  };

  /** What the `// …` comments of a block say each console.log prints. */
  const statedOutputs = (index: number): string[] => {
    const tour = readme.split('## Tour')[1]!.split('```ts')[index]!.split('```')[0]!;
    return tour
      .split('\n')
      .filter((line) => line.startsWith('console.log('))
      .map((line) => line.split(' // ')[1]!.trim());
  };

  it('runs the methods on the bundled sample and prints what the comments say', () => {
    const expected = statedOutputs(2);
    expect(expected).toHaveLength(4);
    expect(runTourBlock(2)).toEqual(expected);
  });

  it('runs the tour and prints what its comments say', () => {
    const output = runTourBlock(1);
    expect(output).toEqual([
      '{ speed: 0, staff: 1, waiting: 1, overall: 0, recommend: 0 }',
      'Float64Array(5) [ 4, 2, 5, 1, NaN ]',
      '3.6 0.6',
      '0',
      '[ 0.23072428127601297, 0.8823792257673521 ]',
      '0.9417419115948373',
    ]);
  });
});
