/**
 * How a checker reports bytes that differ from a vector: one row per differing member (or
 * padding byte run), with the record, the vector, the architecture, the offset and both
 * byte strings, as an aligned table.
 */
import type { Case } from './catalog.js';
import { vectorLabel } from './vectors.js';

export interface Mismatch {
  checker: string;
  arch: string;
  vector: string;
  member: string;
  offset: number;
  expected: string;
  got: string;
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex') || '(none)';

/** The members (and padding) whose bytes differ between `want` (the vector's, by default) and `got`; [] when equal. */
export function compareBytes(checker: string, c: Case, got: Uint8Array, want: Uint8Array = c.bytes): Mismatch[] {
  const base = { checker, arch: c.arch, vector: vectorLabel(c.record.name, c.vector) };
  const rows: Mismatch[] = [];
  const length = Math.max(want.length, got.length);
  let i = 0;
  while (i < length) {
    if (want[i] === got[i]) {
      i++;
      continue;
    }
    const owner = ownerOf(c, i);
    const start = owner ? owner.first : i;
    const end = owner ? Math.min(owner.end, length) : runEnd(want, got, i, length, c);
    rows.push({ ...base, member: owner?.path ?? (i >= want.length || i >= got.length ? '(length)' : '(padding)'), offset: start, expected: hex(want.subarray(start, end)), got: hex(got.subarray(start, end)) });
    i = end;
  }
  return rows;
}

/** The leaf holding byte `offset`: a bit-field owns the bytes of its bits. */
function ownerOf(c: Case, offset: number): { path: string; first: number; end: number } | undefined {
  for (const { leaf } of c.leaves) {
    const first = leaf.bitOffset !== undefined ? leaf.bitOffset >> 3 : leaf.offset;
    const end = leaf.bitOffset !== undefined ? (leaf.bitOffset + leaf.bits + 7) >> 3 : leaf.offset + leaf.size;
    if (offset >= first && offset < end) return { path: leaf.path, first, end };
  }
  return undefined;
}

function runEnd(want: Uint8Array, got: Uint8Array, from: number, length: number, c: Case): number {
  let j = from + 1;
  while (j < length && want[j] !== got[j] && !ownerOf(c, j)) j++;
  return j;
}

/** A value that differs after decoding. */
export function valueMismatch(checker: string, c: Case, member: string, expected: string, got: string): Mismatch {
  const leaf = c.leaves.find((l) => l.leaf.path === member)?.leaf;
  return { checker, arch: c.arch, vector: vectorLabel(c.record.name, c.vector), member, offset: leaf?.offset ?? -1, expected, got };
}

/** Rows as an aligned table, at most `limit` of them. */
export function mismatchTable(rows: readonly Mismatch[], limit = 40): string {
  const head = { checker: 'checker', arch: 'arch', vector: 'record #vector', member: 'member', offset: 'offset', expected: 'expected', got: 'got' };
  const shown = rows.slice(0, limit).map((r) => ({ ...r, offset: r.offset < 0 ? '?' : String(r.offset) }));
  const all = [head, ...shown];
  const keys = ['checker', 'arch', 'vector', 'member', 'offset', 'expected', 'got'] as const;
  const widths = keys.map((k) => Math.min(64, Math.max(...all.map((r) => r[k].length))));
  const line = (r: Record<(typeof keys)[number], string>) => keys.map((k, i) => r[k].padEnd(widths[i] ?? 0)).join(' | ').trimEnd();
  const more = rows.length > limit ? [`… and ${rows.length - limit} more`] : [];
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...shown.map(line), ...more].join('\n');
}
