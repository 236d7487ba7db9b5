import { readFileSync } from 'node:fs';

/** One output of a code cell (nbformat 4). */
export interface NotebookOutput {
  readonly output_type: 'stream' | 'display_data' | 'execute_result' | 'error';
  readonly name?: 'stdout' | 'stderr';
  readonly text?: string | string[];
  readonly data?: Readonly<Record<string, string | string[]>>;
  readonly ename?: string;
  readonly evalue?: string;
}

/** One cell of a notebook (nbformat 4). */
export interface NotebookCell {
  readonly cell_type: 'code' | 'markdown' | 'raw';
  readonly id?: string;
  readonly source: string | string[];
  readonly execution_count?: number | null;
  readonly outputs?: readonly NotebookOutput[];
}

/** A Jupyter notebook file (nbformat 4). */
export interface Notebook {
  readonly nbformat: number;
  readonly nbformat_minor: number;
  readonly metadata: { readonly kernelspec?: { readonly name: string } };
  readonly cells: readonly NotebookCell[];
}

/** Notebook files store text as a string or as a list of lines. */
export const text = (value: string | readonly string[] | undefined): string =>
  value === undefined ? '' : typeof value === 'string' ? value : value.join('');

export function readNotebook(path: string | URL): Notebook {
  return JSON.parse(readFileSync(path, 'utf8')) as Notebook;
}

export const codeCells = (notebook: Notebook): NotebookCell[] =>
  notebook.cells.filter((cell) => cell.cell_type === 'code');

/** The example notebook, as committed. */
export const EXAMPLE_NOTEBOOK = new URL('../../examples/notebook.ipynb', import.meta.url);
