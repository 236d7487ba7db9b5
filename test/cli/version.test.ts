import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { packageVersion } from '../../src/cli/version.js';
import { ROOT, VERSION } from './helpers.js';

it('packageVersion: the version of the package above the script, else "unknown"', () => {
  expect(packageVersion(join(ROOT, 'src/cli/main.ts'))).toBe(VERSION);
  expect(packageVersion(undefined)).toBe('unknown');
  expect(packageVersion(join(ROOT, 'no/such/file.js'))).toBe('unknown');
  // Another package's package.json on the way up is passed over.
  const dir = mkdtempSync(join(tmpdir(), 'cli-version-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'other', version: '9.9.9' }));
  writeFileSync(join(dir, 'cli.js'), '');
  expect(packageVersion(join(dir, 'cli.js'))).toBe('unknown');
});
