/**
 * What a mutation is: one deliberate change to the lowered model of the stable ABI, with
 * what `xenabi check` must say about it. Mutations are plain values built by the kinds in
 * this folder; `apply` never touches its input.
 */
import type { ReleaseModel } from '../../../generators/src/select/release.js';

/**
 * How the checker must classify a mutation:
 * - `breaking`: every expected rule is reported as an error;
 * - `review`: no error, and every expected rule is reported as a warning (PADDING_GIVEN_MEANING);
 * - `compatible`: no error and no warning; every expected rule is reported as a note.
 */
export type Verdict = 'breaking' | 'review' | 'compatible';

/** A rule the checker must report, optionally on one item (`record`, `record.field`, a constant). */
export interface ExpectedFinding {
  rule: string;
  item?: string;
}

export interface Mutation {
  /** Unique and stable across runs: `<kind>:<target>`. @example "field.widen:evtchn_send.port" */
  id: string;
  /** The mutation kind. @example "field.widen" */
  kind: string;
  /** The item mutated. @example "evtchn_send.port" */
  target: string;
  /** One sentence for people. @example "evtchn_send.port: evtchn_port_t → uint64_t" */
  description: string;
  verdict: Verdict;
  expect: ExpectedFinding[];
  /** Why the verdict holds when it is not the obvious one (shown in failure reports). */
  why?: string;
  /** The mutated model; the input is not modified. */
  apply(view: ReleaseModel): ReleaseModel;
}

/** A mutation kind: every mutation of that kind the view allows, in a fixed order. */
export type MutationKind = (view: ReleaseModel) => Mutation[];

export function breaking(expect: ExpectedFinding[], why?: string): Pick<Mutation, 'verdict' | 'expect' | 'why'> {
  return { verdict: 'breaking', expect, ...(why ? { why } : {}) };
}

export function review(expect: ExpectedFinding[], why?: string): Pick<Mutation, 'verdict' | 'expect' | 'why'> {
  return { verdict: 'review', expect, ...(why ? { why } : {}) };
}

export function compatible(expect: ExpectedFinding[], why?: string): Pick<Mutation, 'verdict' | 'expect' | 'why'> {
  return { verdict: 'compatible', expect, ...(why ? { why } : {}) };
}
