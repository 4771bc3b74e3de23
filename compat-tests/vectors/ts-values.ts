/**
 * A vector's members as the value `@xenabi/ts-bindings` encodes: nested objects for records,
 * arrays element by element, one member for a union, `bigint` where JSON holds a string
 * (64-bit types, `xen_ulong_t`, `xen_pfn_t`, guest handles) and `number` elsewhere, as the
 * package's type mapping has it.
 */
import type { JsonValue } from './vectors.js';

type Segment = { name: string } | { index: number };

export function segments(path: string): Segment[] {
  return [...path.matchAll(/([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]/g)].map((m) => (m[1] !== undefined ? { name: m[1] } : { index: Number(m[2]) }));
}

const keyOf = (s: Segment): string | number => ('name' in s ? s.name : s.index);

/** The JSON value as the TypeScript bindings type it. */
export function tsValue(json: JsonValue): number | bigint {
  return typeof json === 'string' ? BigInt(json) : json;
}

/** The nested value of a vector's flat member list. */
export function nestedValue(fields: Readonly<Record<string, JsonValue>>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [path, json] of Object.entries(fields)) {
    const parts = segments(path);
    let node = root as Record<string | number, unknown>;
    parts.forEach((part, k) => {
      const key = keyOf(part);
      const next = parts[k + 1];
      if (!next) node[key] = tsValue(json);
      else node = (node[key] ??= 'index' in next ? [] : {}) as Record<string | number, unknown>;
    });
  }
  return root;
}

/** The member at `path` of a decoded value, or undefined when it is not there. */
export function memberAt(value: unknown, path: string): unknown {
  let node: unknown = value;
  for (const part of segments(path)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[keyOf(part)];
  }
  return node;
}
