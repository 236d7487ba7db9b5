import { formatValue } from '../errors.js';
import { sum } from '../stats/sum.js';
import { type AhpOptions, type AhpResult, ahpOfParsed, ahpSettings } from './ahp.js';
import { isLabelled, type PairwiseInput, parsePairwise } from './pairwise-matrix.js';
import type { PriorityMethod } from './priority-vector.js';

/**
 * A node of an AHP hierarchy: the goal, a criterion or a sub-criterion. `matrix` compares the
 * node's `children` in their order; at a leaf it compares the alternatives of
 * `options.alternatives` (when given).
 */
export interface AhpHierarchyNode {
  /** Unique across the tree. */
  readonly id: string;
  /** Display name (default `id`). */
  readonly label?: string;
  /** Pairwise comparisons of the children (or, at a leaf, of the alternatives). */
  readonly matrix?: PairwiseInput;
  readonly children?: readonly AhpHierarchyNode[];
}

/** Options of {@link ahpHierarchy}: those of `ahp`, applied to every matrix, and the alternatives. */
export interface AhpHierarchyOptions extends Omit<AhpOptions, 'labels'> {
  /**
   * The alternatives that every leaf criterion compares (classic AHP: goal → criteria → … →
   * alternatives). Each leaf's `matrix` then compares these, in this order, and the result gives the
   * alternatives' global priorities. Without alternatives, the leaves are the end of the tree and
   * their global weights are the result.
   */
  readonly alternatives?: readonly string[];
}

/** One node of the hierarchy with its weights and consistency. */
export interface AhpHierarchyNodeResult {
  readonly id: string;
  readonly label: string;
  readonly parent: string | null;
  /** Ids from the root to this node, both included. */
  readonly path: string[];
  /** 0 for the root. */
  readonly depth: number;
  /** Weight within the parent's children (1 for the root). */
  readonly localWeight: number;
  /** Product of the local weights from the root down to this node. */
  readonly globalWeight: number;
  readonly children: string[];
  readonly leaf: boolean;
  /**
   * The AHP of the node's matrix: over its children, or at a leaf over the alternatives; `null`
   * when there is nothing to compare (a leaf without alternatives, or a single child).
   */
  readonly priorities: AhpResult | null;
  /** CR of the node's matrix; `null` without one. */
  readonly consistencyRatio: number | null;
  readonly consistent: boolean | null;
}

/** Result of {@link ahpHierarchy}. */
export interface AhpHierarchyResult {
  readonly method: 'ahp-hierarchy';
  readonly priorityMethod: PriorityMethod;
  /** `'leaves'`: the result ranks the leaf criteria; `'alternatives'`: it ranks the alternatives. */
  readonly synthesis: 'leaves' | 'alternatives';
  /** Ids of what `weights` ranks: the leaves (depth-first order) or the alternatives. */
  readonly ids: string[];
  /** Their labels, in the order of `weights`. */
  readonly labels: string[];
  /** Global priorities, summing to 1. */
  readonly weights: number[];
  /** Every node, depth-first from the root. */
  readonly nodes: AhpHierarchyNodeResult[];
  /**
   * With alternatives: one row per alternative (in the order of `weights`), one column per leaf
   * criterion (in `leafIds` order): the leaf's global weight × the alternative's local priority
   * there. Rows sum to `weights`.
   */
  readonly contributions: number[][] | null;
  /** Leaf ids, depth-first. */
  readonly leafIds: string[];
  /** Every node's matrix is consistent. */
  readonly consistent: boolean;
  /** Ids of the nodes whose matrix is not consistent. */
  readonly inconsistentNodes: string[];
  readonly consistencyThreshold: number;
  readonly randomIndexTable: { readonly source: string; readonly values: number[] };
  readonly warnings: string[];
}

const FN = 'ahpHierarchy';

interface Checked {
  readonly node: AhpHierarchyNode;
  readonly children: readonly AhpHierarchyNode[];
}

function checkNode(value: unknown, where: string): Checked {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(
      `${FN}: ${where} must be a node { id, label?, matrix?, children? }; got ${formatValue(value)}`,
    );
  }
  const node = value as AhpHierarchyNode;
  if (typeof node.id !== 'string' || node.id === '') {
    throw new TypeError(`${FN}: ${where}.id must be a non-empty string; got ${formatValue(node.id)}`);
  }
  if (node.label !== undefined && typeof node.label !== 'string') {
    throw new TypeError(
      `${FN}: the label of node ${formatValue(node.id)} must be a string; got ${formatValue(node.label)}`,
    );
  }
  if (node.children !== undefined && !Array.isArray(node.children)) {
    throw new TypeError(
      `${FN}: the children of node ${formatValue(node.id)} must be an array of nodes; got ${formatValue(node.children)}`,
    );
  }
  return { node, children: node.children ?? [] };
}

/**
 * Priorities of an AHP hierarchy of any depth (goal → criteria → sub-criteria → … → alternatives):
 * each inner node's pairwise matrix gives its children's local weights (by `ahp`, with the same
 * options for every matrix); a node's global weight is the product of the local weights on its path
 * from the root, so the leaves' global weights sum to 1.
 *
 * With `options.alternatives`, every leaf criterion compares the same alternatives and their global
 * priorities are synthesised additively (Saaty's distributive mode): priority(k) = Σ over leaves ℓ of
 * global(ℓ) · local priority of k under ℓ; they sum to 1. Every node reports its CR; inconsistent
 * matrices are listed in `inconsistentNodes` and `warnings`.
 *
 * Reference: Saaty, T. L. (1980). The Analytic Hierarchy Process. McGraw-Hill (hierarchic
 * composition). Worked example: "Analytic hierarchy process – leader example", Wikipedia.
 *
 * @param tree the root node (the goal)
 * @throws {TypeError} when a node is malformed
 * @throws {RangeError} on duplicate ids, a node with several children and no matrix, a matrix whose
 * size or labels do not match the children (or alternatives), a leaf matrix without alternatives, or
 * any invalid matrix (the message names the node)
 * @example
 * ahpHierarchy({ id: 'goal', matrix: [[1, 3], ['1/3', 1]], children: [{ id: 'price' }, { id: 'quality', matrix: [[1, 2], ['1/2', 1]], children: [{ id: 'staff' }, { id: 'speed' }] }] }).weights; // [0.75, 0.16666666666666666, 0.08333333333333333]
 */
export function ahpHierarchy(tree: AhpHierarchyNode, options: AhpHierarchyOptions = {}): AhpHierarchyResult {
  const settings = ahpSettings(FN, options);
  const alternatives = options.alternatives === undefined ? null : checkAlternatives(options.alternatives);
  const seen = new Set<string>();
  const nodes: AhpHierarchyNodeResult[] = [];
  const leafIds: string[] = [];
  const leafLabels: string[] = [];
  const leafWeights: number[] = [];
  const leafPriorities: number[][] = [];
  const warnings: string[] = [];

  const visit = (
    value: unknown,
    where: string,
    parent: string | null,
    path: string[],
    localWeight: number,
    globalWeight: number,
  ) => {
    const { node, children } = checkNode(value, where);
    if (seen.has(node.id))
      throw new RangeError(`${FN}: node ids must be unique; got ${formatValue(node.id)} twice`);
    seen.add(node.id);
    const label = node.label ?? node.id;
    const nodeFn = `${FN} (node ${formatValue(node.id)})`;
    const leaf = children.length === 0;
    const here = [...path, node.id];
    let childIds: string[] = [];
    let compared: readonly string[] | null;
    let comparedLabels: readonly string[] | null;
    if (!leaf) {
      const checked = children.map(
        (child, i) => checkNode(child, `the child at index ${i} of node ${formatValue(node.id)}`).node,
      );
      childIds = checked.map((child) => child.id);
      compared = childIds;
      comparedLabels = checked.map((child) => child.label ?? child.id);
    } else if (alternatives !== null) {
      compared = alternatives;
      comparedLabels = alternatives;
    } else {
      compared = null;
      comparedLabels = null;
    }

    let priorities: AhpResult | null = null;
    if (node.matrix !== undefined) {
      if (compared === null || comparedLabels === null) {
        throw new RangeError(
          `${FN}: node ${formatValue(node.id)} has a matrix but no children; give options.alternatives to compare alternatives at the leaves`,
        );
      }
      const rows = isLabelled(node.matrix) ? node.matrix.matrix : node.matrix;
      if (Array.isArray(rows) && rows.length !== compared.length) {
        throw new RangeError(
          `${nodeFn}: the matrix must compare the ${compared.length} ${leaf ? 'alternatives' : 'children'} (${compared.length} × ${compared.length}); got ${rows.length} rows`,
        );
      }
      const labelled = isLabelled(node.matrix);
      const parsed = parsePairwise(nodeFn, node.matrix, {
        ...(labelled ? {} : { labels: comparedLabels }),
        ...(options.reciprocalTolerance === undefined
          ? {}
          : { reciprocalTolerance: options.reciprocalTolerance }),
      });
      if (labelled) {
        const mismatch = parsed.labels.findIndex((l, i) => l !== compared[i] && l !== comparedLabels[i]);
        if (mismatch !== -1) {
          throw new RangeError(
            `${nodeFn}: the matrix labels must name the ${leaf ? 'alternatives' : 'children'} in order (${compared.map(formatValue).join(', ')}); got ${parsed.labels.map(formatValue).join(', ')}`,
          );
        }
      }
      priorities = ahpOfParsed(nodeFn, { ...parsed, labels: [...comparedLabels], labelled: true }, settings);
      warnings.push(...priorities.warnings);
    } else if (compared !== null && compared.length > 1) {
      throw new RangeError(
        `${FN}: node ${formatValue(node.id)} needs a matrix comparing its ${compared.length} ${leaf ? 'alternatives' : 'children'} (${compared.map(formatValue).join(', ')})`,
      );
    }

    nodes.push({
      id: node.id,
      label,
      parent,
      path: here,
      depth: path.length,
      localWeight,
      globalWeight,
      children: childIds,
      leaf,
      priorities,
      consistencyRatio: priorities?.consistencyRatio ?? null,
      consistent: priorities?.consistent ?? null,
    });
    if (leaf) {
      leafIds.push(node.id);
      leafLabels.push(label);
      leafWeights.push(globalWeight);
      if (alternatives !== null) leafPriorities.push(priorities?.weights ?? [1]);
      return;
    }
    children.forEach((child, i) => {
      const local = priorities?.weights[i] ?? 1;
      visit(
        child,
        `the child at index ${i} of node ${formatValue(node.id)}`,
        node.id,
        here,
        local,
        globalWeight * local,
      );
    });
  };
  visit(tree, 'tree', null, [], 1, 1);

  const inconsistentNodes = nodes.filter((node) => node.consistent === false).map((node) => node.id);
  let ids: string[];
  let labels: string[];
  let weights: number[];
  let contributions: number[][] | null = null;
  if (alternatives === null) {
    ids = leafIds;
    labels = leafLabels;
    weights = leafWeights;
  } else {
    contributions = alternatives.map((_, k) => leafWeights.map((w, l) => w * leafPriorities[l]![k]!));
    ids = [...alternatives];
    labels = [...alternatives];
    weights = contributions.map((row) => sum(row));
  }
  return {
    method: 'ahp-hierarchy',
    priorityMethod: settings.method,
    synthesis: alternatives === null ? 'leaves' : 'alternatives',
    ids,
    labels,
    weights,
    nodes,
    contributions,
    leafIds,
    consistent: inconsistentNodes.length === 0,
    inconsistentNodes,
    consistencyThreshold: settings.threshold,
    randomIndexTable: { source: settings.table.source, values: [...settings.table.values] },
    warnings,
  };
}

function checkAlternatives(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new RangeError(
      `${FN}: options.alternatives must be a non-empty array of names; got ${formatValue(value)}`,
    );
  }
  const seen = new Set<string>();
  return value.map((name, i) => {
    if (typeof name !== 'string') {
      throw new TypeError(
        `${FN}: options.alternatives must be strings; got ${formatValue(name)} at index ${i}`,
      );
    }
    if (seen.has(name))
      throw new RangeError(`${FN}: options.alternatives must be unique; got ${formatValue(name)} twice`);
    seen.add(name);
    return name;
  });
}
