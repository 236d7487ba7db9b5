import { expect } from 'vitest';

// Structural checks of the SVG charts, without a DOM: the root's attributes, the marks (elements with
// class "mark"), and every coordinate attribute of the document.

/** The attributes of an element's start tag. */
export function attributes(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

/** The start tags of the chart's marks. */
export function marks(svg: string): { element: string; attributes: Record<string, string> }[] {
  return [...svg.matchAll(/<(rect|circle|path) class="mark"[^>]*>/g)].map((m) => ({
    element: m[1]!,
    attributes: attributes(m[0]),
  }));
}

/** viewBox as [x, y, width, height]. */
export function viewBox(svg: string): number[] {
  const root = /^<svg [^>]*>/.exec(svg)?.[0] ?? '';
  return attributes(root)['viewBox']!.split(' ').map(Number);
}

/**
 * Asserts what every chart must be: one standalone <svg> with role="img", a non-empty <title> and
 * <desc> referenced by aria-labelledby, no script or external reference, and every coordinate
 * (x, y, x1, x2, y1, y2, cx, cy, width, height, polyline points, path points) inside the viewBox.
 * Returns the chart's title.
 */
export function expectWellFormedChart(svg: string): string {
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" ')).toBe(true);
  expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  expect(svg.match(/<svg[\s>]/g)).toHaveLength(1);
  const root = attributes(/^<svg [^>]*>/.exec(svg)![0]);
  expect(root['role']).toBe('img');
  const title = /<title id="([^"]+)">([^<]+)<\/title>/.exec(svg);
  const desc = /<desc id="([^"]+)">([^<]+)<\/desc>/.exec(svg);
  expect(title).not.toBeNull();
  expect(desc).not.toBeNull();
  expect(root['aria-labelledby']).toBe(`${title![1]} ${desc![1]}`);
  expect(svg).not.toMatch(/<script|<foreignObject|href=|url\(|@import|@font-face/i);
  expect(svg.replace('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/https?:/);
  const [x0, y0, width, height] = viewBox(svg);
  expect(width).toBeGreaterThan(0);
  expect(height).toBeGreaterThan(0);
  // Font sizes of at least 11px.
  for (const m of svg.matchAll(/font-size="([\d.]+)"/g)) expect(Number(m[1])).toBeGreaterThanOrEqual(11);
  const inX = (v: number) => v >= x0! - 1e-9 && v <= x0! + width! + 1e-9;
  const inY = (v: number) => v >= y0! - 1e-9 && v <= y0! + height! + 1e-9;
  for (const m of svg.matchAll(/<(\w+) ([^>]*)>/g)) {
    const a = attributes(m[0]);
    for (const key of ['x', 'x1', 'x2', 'cx'])
      if (key in a) expect(inX(Number(a[key])), `${key}=${a[key]} in ${m[0]}`).toBe(true);
    for (const key of ['y', 'y1', 'y2', 'cy'])
      if (key in a) expect(inY(Number(a[key])), `${key}=${a[key]} in ${m[0]}`).toBe(true);
    if ('x' in a && 'width' in a && m[1] === 'rect')
      expect(inX(Number(a['x']) + Number(a['width']))).toBe(true);
    if ('y' in a && 'height' in a && m[1] === 'rect')
      expect(inY(Number(a['y']) + Number(a['height']))).toBe(true);
    if ('width' in a && m[1] !== 'svg') expect(Number(a['width'])).toBeGreaterThanOrEqual(0);
    const points = a['points'] ?? a['d']?.replace(/[MLZ]/g, ' ');
    if (points !== undefined) {
      const numbers = points
        .trim()
        .split(/[\s,]+/)
        .map(Number);
      for (let i = 0; i + 1 < numbers.length; i += 2) {
        expect(inX(numbers[i]!) && inY(numbers[i + 1]!), `point ${numbers[i]},${numbers[i + 1]}`).toBe(true);
      }
    }
  }
  return title![2]!;
}

/** A GFM table's rows as cells (escaped pipes kept inside their cell). */
export function markdownTables(markdown: string): string[][][] {
  const tables: string[][][] = [];
  let current: string[][] | null = null;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('|')) {
      const cells = line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim());
      current ??= [];
      current.push(cells);
    } else if (current !== null) {
      tables.push(current);
      current = null;
    }
  }
  if (current !== null) tables.push(current);
  return tables;
}

/** Asserts every Markdown table has a header, an alignment row and rows of the same width. */
export function expectWellFormedTables(markdown: string): string[][][] {
  const tables = markdownTables(markdown);
  for (const table of tables) {
    const width = table[0]!.length;
    expect(table.length).toBeGreaterThanOrEqual(2);
    expect(table[1]!.every((c) => c === '---' || c === '---:')).toBe(true);
    for (const row of table) expect(row, row.join(' | ')).toHaveLength(width);
  }
  return tables;
}
