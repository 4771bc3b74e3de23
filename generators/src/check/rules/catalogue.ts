/**
 * The rule catalogue: every rule `xenabi check` applies, with a stable ID, its category and
 * a one-line summary. IDs never change meaning and are never reused; each is documented in
 * docs/rules/<ID>.md with a breaking and a compatible example.
 *
 * Categories nest like buf's: every `binary` break is also a `source` break, and every
 * break is a change. `compatible` rules report changes that break nobody (additions);
 * `waiver` rules report the waivers file itself.
 */
import type { Capability } from '../side/types.js';

export type RuleCategory = 'binary' | 'source' | 'compatible' | 'waiver';

export interface RuleInfo {
  id: string;
  category: RuleCategory;
  /** One line: what the rule reports. */
  summary: string;
  /** Reported as a warning, never an error, in the stable namespace. */
  warningOnly?: boolean;
  /** Skipped, and listed as skipped, unless both sides have these. */
  needs?: Capability[];
}

const rule = (id: string, category: RuleCategory, summary: string, extra: Partial<RuleInfo> = {}): RuleInfo => ({ id, category, summary, ...extra });

export const RULES: readonly RuleInfo[] = [
  // Records
  rule('RECORD_REMOVED', 'binary', 'A record no longer exists (on some or all architectures).'),
  rule('RECORD_KIND_CHANGED', 'binary', 'A struct became a union or the other way round.'),
  rule('RECORD_SIZE_CHANGED', 'binary', 'A record changed size on an architecture; a union grown through a member included. Appending to a growable record is RECORD_GREW instead.'),
  rule('RECORD_ALIGNMENT_CHANGED', 'binary', 'A record changed alignment on an architecture.'),
  rule('RECORD_GREW', 'compatible', 'A growable record gained fields after all its existing ones, which kept their places.', { needs: ['growable'] }),
  rule('RECORD_ADDED', 'compatible', 'A new record (or an existing record on a new architecture).'),
  // Fields
  rule('FIELD_REMOVED', 'binary', 'A field no longer exists.'),
  rule('FIELD_RENAMED', 'source', 'A field has a new name at the same place with the same type: binary-compatible, breaks source.'),
  rule('FIELDS_REORDERED', 'binary', 'The fields of a struct that exist on both sides are in a different order.'),
  rule('FIELD_OFFSET_CHANGED', 'binary', 'A field moved within its record.'),
  rule('FIELD_WIDTH_CHANGED', 'binary', 'A field changed size.'),
  rule('FIELD_SIGNEDNESS_CHANGED', 'binary', 'A field changed between a signed and an unsigned integer of the same width.'),
  rule('FIELD_TYPE_CHANGED', 'binary', 'A field changed type without changing size (another record, an array of another element, a handle to another type).'),
  rule('FIELD_TYPE_RESPELLED', 'compatible', 'A field is spelled with another typedef of the very same type.', { needs: ['aliases'] }),
  rule('ARRAY_LENGTH_CHANGED', 'binary', 'A fixed-length array field has another number of elements.'),
  rule('FLEXIBLE_ARRAY_CHANGED', 'binary', 'A flexible array member was added, removed, or turned into (or from) a fixed field.'),
  rule('BITFIELD_CHANGED', 'binary', 'A bit-field moved or changed width.'),
  rule('PADDING_GIVEN_MEANING', 'binary', 'Padding became a meaningful field: compatible only where Xen required it to be zero, so always a warning to review.', { warningOnly: true }),
  rule('FIELD_ADDED', 'compatible', 'A new field; any size or offset change it causes is reported by its own rule.'),
  // Typedefs
  rule('TYPEDEF_REMOVED', 'source', 'A typedef no longer exists.', { needs: ['aliases'] }),
  rule('TYPEDEF_CHANGED', 'binary', 'A typedef names another type.', { needs: ['aliases'] }),
  rule('TYPEDEF_ADDED', 'compatible', 'A new typedef.', { needs: ['aliases'] }),
  // Constants and sets
  rule('CONSTANT_VALUE_CHANGED', 'binary', 'A constant has another value (on some or all architectures).'),
  rule('CONSTANT_TYPE_CHANGED', 'source', "A constant kept its value but its literal's C type changed size or signedness (`1 << 0` became `1u << 0`): expressions built with it may evaluate otherwise, so always a warning to review.", { warningOnly: true }),
  rule('CONSTANT_REMOVED', 'source', 'A constant no longer exists: code naming it stops compiling; built binaries keep the value.'),
  rule('CONSTANT_ADDED', 'compatible', 'A new constant.'),
  rule('OP_RENUMBERED', 'binary', 'An op of an op set has another number.', { needs: ['sets'] }),
  rule('OP_REMOVED', 'binary', 'An op left its op set: callers built against it now fail.', { needs: ['sets'] }),
  rule('OP_PAYLOAD_CHANGED', 'binary', 'An op carries another payload record or union member.', { needs: ['sets'] }),
  rule('OP_ADDED', 'compatible', 'A new op in an op set.', { needs: ['sets'] }),
  rule('FLAG_BIT_MOVED', 'binary', 'A flag of a flag set sits at another bit.', { needs: ['sets'] }),
  rule('FLAG_BIT_REUSED', 'binary', 'A bit that belonged to one flag now belongs to another.', { needs: ['sets'] }),
  rule('FLAG_ADDED', 'compatible', 'A new flag on a bit no flag used.', { needs: ['sets'] }),
  // Function-like macros
  rule('MACRO_REMOVED', 'source', 'A function-like macro no longer exists (a renamed one is removed under its old name): code calling it stops compiling.', { needs: ['macros'] }),
  rule('MACRO_PARAMS_CHANGED', 'source', 'A function-like macro takes another number of parameters: calls written for the old count stop compiling.', { needs: ['macros'] }),
  rule('MACRO_VALUE_CHANGED', 'binary', 'A function-like macro computes another value for some arguments (on some or all architectures); bodies are compared by evaluation, not by text.', { needs: ['macros'] }),
  rule('MACRO_ADDED', 'compatible', 'A new function-like macro.', { needs: ['macros'] }),
  // Namespaces, modules, releases
  rule('NAMESPACE_MOVED', 'binary', 'An item moved from the stable namespace to the unstable one.'),
  rule('NAMESPACE_PROMOTED', 'compatible', 'An item moved from the unstable namespace to the stable one.'),
  rule('STABLE_REFERS_TO_UNSTABLE', 'binary', 'A stable record newly refers to an unstable record or typedef.'),
  rule('MODULE_CHANGED', 'source', 'An item moved to another module, so another header declares it.'),
  rule('SINCE_CHANGED', 'source', 'An item now claims an earlier first release than before.'),
  rule('REMOVED_FROM_RELEASE', 'binary', 'An item (or field) no longer exists in a release it was available in: its `since` moved later.'),
  rule('UNSTABLE_VERSION_NOT_BUMPED', 'binary', "An unstable module changed incompatibly but its interface-version constant did not move.", { needs: ['modules'] }),
  // Waivers
  rule('WAIVER_UNUSED', 'waiver', 'A waiver matches no finding: the break it accepted is gone or already in the base.'),
  rule('WAIVER_EXPIRED', 'waiver', 'A waiver has expired for the release checked and no longer applies.'),
];

export type RuleId = (typeof RULES)[number]['id'];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleInfo(id: string): RuleInfo {
  const info = BY_ID.get(id);
  if (!info) throw new Error(`unknown check rule ${id}`);
  return info;
}

/** True for the categories that break someone. */
export function isBreaking(category: RuleCategory): boolean {
  return category === 'binary' || category === 'source';
}
