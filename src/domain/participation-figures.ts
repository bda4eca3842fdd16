/**
 * The response figures by group (the agency that owes the answer, the consultation) and the inputs waiting too long,
 * over `responseFigures` (domain/participation.ts). Pure: the rows come from the caller.
 */
import { OVERDUE_AFTER_DAYS, daysBetween, isOverdue, responseFigures, type InputForFigures, type ResponseFigures } from './participation.js';

/** The figures of each group, keyed as `keyOf` says, in the order each key first appears. */
export function figuresBy<T extends InputForFigures, K>(inputs: readonly T[], keyOf: (input: T) => K, now: Date): Map<K, ResponseFigures> {
  const groups = new Map<K, T[]>();
  for (const input of inputs) {
    const key = keyOf(input);
    const group = groups.get(key);
    if (group) group.push(input);
    else groups.set(key, [input]);
  }
  return new Map([...groups].map(([key, group]) => [key, responseFigures(group, now)]));
}

/** Whole days an input has waited for its answer at `now`. */
export const daysWaiting = (submittedAt: Date, now: Date) => daysBetween(submittedAt, now);

/** The inputs still pending past the limit at `now`, the longest waiting first. */
export function overdueOf<T extends Pick<InputForFigures, 'submittedAt' | 'responseState'>>(inputs: readonly T[], now: Date): T[] {
  return inputs.filter((i) => i.responseState === 'pending' && isOverdue(i.submittedAt, now)).sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
}

/** A share (0..1) as a percentage, or null. */
export const percentOf = (share: number | null) => (share === null ? null : share * 100);

/** The latest submission that is overdue at `now` (waiting more than OVERDUE_AFTER_DAYS whole days): a query's bound. */
export const overdueCutoff = (now: Date) => new Date(now.getTime() - (OVERDUE_AFTER_DAYS + 1) * 86_400_000);
