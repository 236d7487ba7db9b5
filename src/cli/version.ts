import { readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The version of the package that holds `file` (the running script): the `version` of the nearest
 * package.json named satisfaction-analytics above it (dist/ when installed, the checkout when run
 * from source), or "unknown".
 */
export function packageVersion(file: string | undefined): string {
  if (file === undefined) return 'unknown';
  try {
    let dir = dirname(realpathSync(file));
    for (;;) {
      try {
        const json = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
          name?: unknown;
          version?: unknown;
        };
        if (json.name === 'satisfaction-analytics' && typeof json.version === 'string') return json.version;
      } catch {
        // No package.json here, or not JSON: look further up.
      }
      const parent = dirname(dir);
      if (parent === dir) return 'unknown';
      dir = parent;
    }
  } catch {
    return 'unknown';
  }
}
