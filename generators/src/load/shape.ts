/**
 * What the lowering may assume about a value an ABI module exported: nothing until checked.
 * A plain object is one the copy out of the modules' realm (`snapshot.ts`) made; anything
 * else is described in words for the diagnostic that refuses it.
 */
import { ForeignValue } from './snapshot.js';

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof ForeignValue);
}

/** More elements than any list the DSL builds holds. */
const MAX_LIST = 1_000_000;

/**
 * `value` as a list with its holes filled with `undefined` (so that each is reported, not
 * skipped), or why it is not one: not an array, or too long to be one the DSL built.
 */
export function listOf(value: unknown): unknown[] | { problem: string } {
  if (!Array.isArray(value)) return { problem: describeValue(value) };
  if (value.length > MAX_LIST) return { problem: `a list of ${value.length} elements` };
  return Array.from(value as unknown[]);
}

/** `undefined`, `null`, `the string "x"`, `the number 3`, `a list`, `a function (f)`, `an object of kind "structDef"`. */
export function describeValue(value: unknown): string {
  if (value === undefined || value === null) return String(value);
  if (value instanceof ForeignValue) return value.description;
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value)}`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `the ${typeof value} ${String(value)}`;
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') {
    const kind = (value as { kind?: unknown }).kind;
    return kind === undefined ? 'an object without a DSL kind' : `an object of kind ${JSON.stringify(String(kind))}`;
  }
  return typeof value;
}
