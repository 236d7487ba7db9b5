/**
 * One grade of the comment set (评语集) of a fuzzy evaluation: its label and the scale points whose
 * answers count as this grade. Grades are listed from the best to the worst.
 */
export interface FuzzyGrade {
  readonly label: string;
  /** Scale points of this grade (several allowed, e.g. `[1, 2]` for "dissatisfied"). */
  readonly values: readonly number[];
}

/**
 * The default comment set for a 1–5 satisfaction scale, best first: 5 "very satisfied",
 * 4 "satisfied", 3 "neutral", 2 "dissatisfied", 1 "very dissatisfied".
 */
export const DEFAULT_FUZZY_GRADES: readonly FuzzyGrade[] = Object.freeze([
  Object.freeze({ label: 'very satisfied', values: Object.freeze([5]) }),
  Object.freeze({ label: 'satisfied', values: Object.freeze([4]) }),
  Object.freeze({ label: 'neutral', values: Object.freeze([3]) }),
  Object.freeze({ label: 'dissatisfied', values: Object.freeze([2]) }),
  Object.freeze({ label: 'very dissatisfied', values: Object.freeze([1]) }),
]);

/**
 * The default score of each of m grades, best first, evenly spaced from 100 down to 100 / m:
 * sⱼ = 100 · (m − j) / m for j = 0, …, m − 1. Five grades score 100, 80, 60, 40, 20 (the usual
 * centesimal scores of 模糊综合评价); four grades 100, 75, 50, 25.
 *
 * @example defaultGradeScores(5) // [100, 80, 60, 40, 20]
 */
export function defaultGradeScores(m: number): number[] {
  return Array.from({ length: m }, (_, j) => (100 * (m - j)) / m);
}
