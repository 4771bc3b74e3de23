/**
 * Checker 3: the TypeScript bindings (`@xenabi/ts-bindings`, from source through the `source`
 * export condition, as the package's own tests import it). For every vector on every
 * architecture, `encode(value)` must give the vector's bytes and strict `decode(bytes)` must
 * give back every member's value with its type (`number` or `bigint`).
 */
import * as bindings from '@xenabi/ts-bindings';
import type { Arch, RecordCodec, RecordView } from '@xenabi/ts-bindings';
import { describe, expect, it } from 'vitest';
import { ARCHES } from '../../generators/src/model/arch.js';
import { casesOf, counts, newestModel, type Case } from './catalog.js';
import { compareBytes, mismatchTable, valueMismatch, type Mismatch } from './report.js';
import { memberAt, nestedValue } from './ts-values.js';

type AnyCodec = RecordCodec<Record<string, unknown>, RecordView>;

const isCodec = (x: unknown): x is AnyCodec => typeof x === 'object' && x !== null && typeof (x as AnyCodec).encode === 'function' && typeof (x as AnyCodec).layout === 'function';

/** Every record codec of the package, stable, unstable and Linux's, by Xen's name. */
const CODECS = new Map(
  (Object.values({ ...bindings, ...(bindings.unstable as Record<string, unknown>), ...(bindings.linux as Record<string, unknown>) }) as unknown[])
    .filter(isCodec)
    .map((c) => [c.name, c]),
);

const show = (x: unknown) => (typeof x === 'bigint' ? `${x}n` : x === undefined ? 'absent' : JSON.stringify(x));

function checkCase(c: Case): { rows: Mismatch[]; bytes: number } {
  const codec = CODECS.get(c.record.name);
  if (!codec) return { rows: [valueMismatch('TypeScript', c, '(codec)', c.record.name, 'not exported')], bytes: 0 };
  const arch = c.arch as Arch;
  const value = nestedValue(c.vector.fields);
  let encoded: Uint8Array;
  try {
    encoded = codec.encode(value, { arch });
  } catch (error) {
    return { rows: [valueMismatch('TypeScript encode', c, '(encode)', 'bytes', String(error))], bytes: 0 };
  }
  const rows = compareBytes('TypeScript encode', c, encoded);
  if (codec.size(arch) !== c.size) rows.push(valueMismatch('TypeScript', c, '(size)', String(c.size), String(codec.size(arch))));
  try {
    const decoded = codec.decode(c.bytes, { arch, strict: true, count: c.vector.flexCount ?? 0 });
    for (const { leaf } of c.leaves) {
      const want = memberAt(value, leaf.path);
      const got = memberAt(decoded, leaf.path);
      if (got !== want) rows.push(valueMismatch('TypeScript decode', c, leaf.path, show(want), show(got)));
    }
  } catch (error) {
    rows.push(valueMismatch('TypeScript decode', c, '(decode)', 'a value', String(error)));
  }
  return { rows, bytes: encoded.length };
}

describe('shared vectors: TypeScript bindings', () => {
  it('encode gives every vector\'s bytes and strict decode gives back its members, on all four architectures', async () => {
    const model = await newestModel();
    const rows: Mismatch[] = [];
    for (const arch of ARCHES) {
      const cases = casesOf(model, arch);
      let bytes = 0;
      for (const c of cases) {
        const r = checkCase(c);
        rows.push(...r.rows);
        bytes += r.bytes;
      }
      const n = counts(cases);
      console.log(`TypeScript ${arch}: ${n.records} records, ${n.vectors} vectors, ${bytes} bytes encoded and decoded: ${rows.some((r) => r.arch === arch) ? 'FAILED' : 'ok'}`);
    }
    const report = rows.length ? `the TypeScript bindings disagree with the vectors:\n${mismatchTable(rows)}` : '';
    expect(report, report).toBe('');
  });
});
