import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli/cli-error.js';
import {
  namedNumbers,
  resolvePointer,
  selectItems,
  splitPointer,
  wholeNumber,
} from '../../src/cli/inputs.js';
import { outputFormat } from '../../src/cli/output.js';
import { bankSample } from '../helpers/data.js';

const sample = bankSample();

describe('file#/pointer', () => {
  it('splits a JSON Pointer off a file name', () => {
    expect(splitPointer('w.json#/scoringTable')).toEqual({ file: 'w.json', pointer: '/scoringTable' });
    expect(splitPointer('w.json#')).toEqual({ file: 'w.json', pointer: '' });
    expect(splitPointer('dir#1/w.json')).toEqual({ file: 'dir#1/w.json', pointer: null });
  });

  it('resolves RFC 6901 pointers, with ~1 and ~0 and array indices', () => {
    const doc = { a: { 'b/c': [10, { 'd~e': 'x' }] } };
    expect(resolvePointer(doc, '', 'f')).toBe(doc);
    expect(resolvePointer(doc, '/a/b~1c/0', 'f')).toBe(10);
    expect(resolvePointer(doc, '/a/b~1c/1/d~0e', 'f')).toBe('x');
    expect(() => resolvePointer(doc, '/a/nope', 'f.json#/a/nope')).toThrow(
      new CliError('f.json#/a/nope: no value at "/a/nope"'),
    );
    expect(() => resolvePointer(doc, '/a/b~1c/7', 'f')).toThrow(CliError);
  });
});

describe('selectItems', () => {
  it('ids and * patterns in the order given, each item once', () => {
    expect(selectItems(sample, 'p_rel*,p_tan1, p_rel2', undefined)).toEqual([
      'p_rel1',
      'p_rel2',
      'p_rel3',
      'p_rel4',
      'p_rel5',
      'p_tan1',
    ]);
    expect(selectItems(sample, '*1', undefined)).toHaveLength(10);
    expect(selectItems(sample, undefined, undefined)).toBeUndefined();
  });

  it('a dimension, alone or narrowed by --items', () => {
    expect(selectItems(sample, undefined, 'tangibles')).toEqual(sample.dimension('tangibles'));
    expect(selectItems(sample, 'e_*', 'tangibles')).toEqual(['e_tan1', 'e_tan2', 'e_tan3', 'e_tan4']);
    expect(() => selectItems(sample, 'p_rel1', 'tangibles')).toThrow(
      new CliError('--items: "p_rel1" is not an item of the dimension "tangibles"'),
    );
    expect(() => selectItems(sample, 'x*', 'tangibles')).toThrow(
      new CliError('--items: no item of the dimension "tangibles" matches "x*"'),
    );
    expect(() => selectItems(sample, ' , ', undefined)).toThrow(
      new CliError('--items: give item ids or patterns separated by commas; got none'),
    );
  });

  it('regular-expression characters in a pattern are literal', () => {
    expect(() => selectItems(sample, 'p.rel*', undefined)).toThrow(
      new CliError('--items: no item matches "p.rel*"'),
    );
  });
});

describe('option values', () => {
  it('wholeNumber and namedNumbers', () => {
    expect(wholeNumber('n', '250', 1)).toBe(250);
    expect(() => wholeNumber('n', '2.5', 1)).toThrow(
      new CliError('--n must be a whole number of at least 1; got "2.5"'),
    );
    expect(namedNumbers('points', 'a=60, b = 40')).toEqual({ a: 60, b: 40 });
    expect(() => namedNumbers('points', 'a=x')).toThrow(CliError);
    expect(() => namedNumbers('points', ',')).toThrow(
      new CliError('--points must read name=number,name=number; got ","'),
    );
  });

  it('outputFormat: --format first, then the extension, else Markdown', () => {
    expect(outputFormat(undefined, undefined)).toBe('md');
    expect(outputFormat('r.HTML', undefined)).toBe('html');
    expect(outputFormat('r.markdown', undefined)).toBe('md');
    expect(outputFormat('r.json', 'markdown')).toBe('md');
    expect(outputFormat('r', 'JSON')).toBe('json');
    expect(() => outputFormat('r', undefined)).toThrow(CliError);
  });
});
