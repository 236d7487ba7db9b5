import { describe, expect, it } from 'vitest';
import * as library from '../../src/index.js';
import { codeCells, EXAMPLE_NOTEBOOK, readNotebook, text } from './notebook-file.js';

// examples/notebook.ipynb as committed; test/notebook/run-notebook.sh executes it in the tslab kernel.
const notebook = readNotebook(EXAMPLE_NOTEBOOK);
const code = codeCells(notebook);

describe('examples/notebook.ipynb', () => {
  it('is an nbformat 4.5 notebook for the tslab kernel, with cell ids', () => {
    expect(notebook.nbformat).toBe(4);
    expect(notebook.nbformat_minor).toBeGreaterThanOrEqual(5);
    expect(notebook.metadata.kernelspec?.name).toBe('tslab');
    const ids = notebook.cells.map((cell) => cell.id);
    expect(ids.every((id) => typeof id === 'string' && /^[a-zA-Z0-9-_]{1,64}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is committed without outputs', () => {
    for (const cell of code) {
      expect(cell.outputs, cell.id).toEqual([]);
      expect(cell.execution_count, cell.id).toBeNull();
    }
  });

  it('explains each step: a markdown cell before every run of code cells', () => {
    notebook.cells.forEach((cell, i) => {
      if (cell.cell_type === 'code' && notebook.cells[i - 1]?.cell_type !== 'code') {
        expect(notebook.cells[i - 1]?.cell_type, cell.id).toBe('markdown');
      }
    });
    expect(notebook.cells[0]?.cell_type).toBe('markdown');
  });

  it('imports only what the package exports', () => {
    const source = code.map((cell) => text(cell.source)).join('\n');
    const imports = [...source.matchAll(/import\s*\{([^}]*)\}\s*from\s*'satisfaction-analytics'/g)];
    expect(imports).toHaveLength(1);
    const names = imports[0]![1]!
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '' && !name.startsWith('type '));
    expect(names).toContain('display');
    const missing = names.filter((name) => !(name in library));
    expect(missing, 'imported by the notebook but not exported by src/index.ts').toEqual([]);
  });

  it('walks the sample through every analysis and the full report', () => {
    const source = code.map((cell) => text(cell.source)).join('\n');
    for (const call of [
      'parseCsv(',
      'describe(',
      'netPromoterScore(',
      'cronbachAlpha(',
      'mcdonaldOmega(',
      'satisfactionIndex(',
      'ahp(',
      'fuzzyEvaluateHierarchy(',
      'pca(',
      'regress(',
      'relativeImportance(',
      'importancePerformance(',
      'servqual(',
      'report(',
    ]) {
      expect(source).toContain(call);
    }
    // The data come from the bundled sample, next to the notebook.
    expect(source).toContain('readFileSync(`data/');
  });
});
