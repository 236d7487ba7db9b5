import { describe, expect, it } from 'vitest';
import { formatBytes, ProgressBar, progressLine } from '../../src/cli/progress.js';

describe('progressLine and formatBytes', () => {
  it('doc-comment example', () => {
    expect(progressLine('data.csv', { bytesRead: 500, totalBytes: 1000, rowsRead: 12 })).toBe(
      'data.csv [############............]  50%  12 rows  500 B of 1.0 kB',
    );
  });

  it('a bar of 24 cells, floor of the percentage, thousands separators; no bar without a size', () => {
    expect(progressLine('f', { bytesRead: 0, totalBytes: 3_000_000, rowsRead: 0 })).toBe(
      `f [${'.'.repeat(24)}]   0%  0 rows  0 B of 3.0 MB`,
    );
    expect(progressLine('f', { bytesRead: 2_999_999, totalBytes: 3_000_000, rowsRead: 1 })).toBe(
      `f [${'#'.repeat(24)}]  99%  1 row  3.0 MB of 3.0 MB`,
    );
    expect(progressLine('f', { bytesRead: 1_234_567, totalBytes: null, rowsRead: 12_345 })).toBe(
      'f  12,345 rows  1.2 MB',
    );
  });

  it('formatBytes in decimal units', () => {
    expect([999, 1000, 80_030, 999_949, 2_500_000_000].map(formatBytes)).toEqual([
      '999 B',
      '1.0 kB',
      '80.0 kB',
      '999.9 kB',
      '2.5 GB',
    ]);
  });
});

describe('ProgressBar', () => {
  it('draws in place at most every 100 ms, then the final state and a newline', () => {
    let out = '';
    let time = 1000;
    const bar = new ProgressBar({ write: (t: string) => (out += t) }, 'f', () => time);
    const at = (bytesRead: number, rowsRead: number) => ({ bytesRead, totalBytes: 1000, rowsRead });
    bar.update(at(100, 10));
    time += 50;
    bar.update(at(200, 20)); // too soon: not drawn
    time += 50;
    bar.update(at(300, 30));
    bar.finish(31);
    const draws = out.split('\r').slice(1);
    expect(draws).toEqual([
      `${progressLine('f', at(100, 10))}\u001b[K`,
      `${progressLine('f', at(300, 30))}\u001b[K`,
      `${progressLine('f', at(1000, 31))}\u001b[K\n`,
    ]);
  });

  it('end() closes a drawn line once; nothing drawn, nothing written', () => {
    let out = '';
    const bar = new ProgressBar({ write: (t: string) => (out += t) }, 'f', () => 0);
    bar.end();
    bar.finish();
    expect(out).toBe('');
    bar.update({ bytesRead: 1, totalBytes: 2, rowsRead: 0 });
    bar.end();
    bar.end();
    expect(out.endsWith('\u001b[K\n')).toBe(true);
    expect(out.split('\n')).toHaveLength(2);
  });
});
