import type { CsvProgress } from '../node/index.js';

/** Where the progress bar is drawn: a terminal's stderr. */
export interface ProgressStream {
  write(text: string): unknown;
}

const BAR_WIDTH = 24;
/** Redraw at most this often (ms), so a fast read does not flood the terminal. */
const INTERVAL = 100;

/** Bytes in decimal units: '812 B', '80.0 kB', '3.4 MB', '1.2 GB'. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/**
 * One line of the progress bar: the file, a bar of the bytes read, the percentage, the rows and the
 * bytes read of the file's size (rows and bytes only when the size is unknown).
 * @example progressLine('data.csv', { bytesRead: 500, totalBytes: 1000, rowsRead: 12 })
 * // 'data.csv [############............]  50%  12 rows  500 B of 1.0 kB'
 */
export function progressLine(label: string, progress: CsvProgress): string {
  const rows = `${progress.rowsRead.toLocaleString('en-US')} ${progress.rowsRead === 1 ? 'row' : 'rows'}`;
  const total = progress.totalBytes;
  if (total === null || total === 0) return `${label}  ${rows}  ${formatBytes(progress.bytesRead)}`;
  const share = Math.min(1, progress.bytesRead / total);
  const filled = Math.round(share * BAR_WIDTH);
  const percent = `${Math.floor(share * 100)}%`.padStart(4);
  return `${label} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${percent}  ${rows}  ${formatBytes(progress.bytesRead)} of ${formatBytes(total)}`;
}

/**
 * A progress bar redrawn in place (carriage return, erase to the end of the line) on a terminal:
 * at most every 100 ms, and always at the end, which leaves the final line.
 */
export class ProgressBar {
  readonly #stream: ProgressStream;
  readonly #label: string;
  readonly #now: () => number;
  #last = Number.NEGATIVE_INFINITY;
  #latest: CsvProgress | null = null;
  #drawn = false;

  constructor(stream: ProgressStream, label: string, now: () => number = Date.now) {
    this.#stream = stream;
    this.#label = label;
    this.#now = now;
  }

  /** Records progress; draws it unless the last drawing is under 100 ms old. */
  update(progress: CsvProgress): void {
    this.#latest = progress;
    const time = this.#now();
    if (time - this.#last < INTERVAL) return;
    this.#last = time;
    this.#draw(progress);
  }

  /** Draws the final state (with the exact row count when given) and ends the line. */
  finish(rowsRead?: number): void {
    const latest = this.#latest;
    if (latest !== null) {
      this.#draw({
        ...latest,
        bytesRead: latest.totalBytes ?? latest.bytesRead,
        rowsRead: rowsRead ?? latest.rowsRead,
      });
    }
    this.end();
  }

  /** Ends the line of a bar that was drawn (before an error message, say). */
  end(): void {
    if (this.#drawn) this.#stream.write('\n');
    this.#drawn = false;
    this.#latest = null;
  }

  #draw(progress: CsvProgress): void {
    this.#stream.write(`\r${progressLine(this.#label, progress)}\u001b[K`);
    this.#drawn = true;
  }
}
