/**
 * Checker 3: the TypeScript bindings (`@xenabi/ts-bindings`, from source through the `source`
 * export condition, as the package's own tests import it). For every vector on every
 * architecture, `encode(value)` must give the vector's bytes and strict `decode(bytes)` must
 * give back every member's value with its type (`number` or `bigint`). The typed op layers
 * must give the same bytes: every payload vector encoded as its op (`encodeDmOpArg`,
 * `encodeSchedOp`, `encodeDomctlOpArg`, …) and decoded back, and, for a set dispatched through a
 * record, inside the whole call (`encodeDmOp`, `encodeDomctlOp`) at the payload's offset.
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

interface OpInfo {
  set: string;
  dispatch?: { record: string; opField: string; payloadField: string };
  nested: boolean;
  ops: Record<string, { number: number; record?: string; member?: string }>;
}

type Encoder = (value: unknown, options: { arch: Arch }) => Uint8Array;

const EXPORTS = { ...bindings, ...(bindings.unstable as Record<string, unknown>) } as Record<string, unknown>;
const OP_SETS = Object.entries(EXPORTS)
  .filter(([name]) => name.endsWith('OpInfo'))
  .map(([name, info]) => ({ base: name.slice(0, -'Info'.length), info: info as OpInfo }));

type Decoder = (bytes: Uint8Array, options: { arch: Arch; op: number; strict: boolean }) => { op: string; arg?: unknown } & Record<string, unknown>;

/**
 * One op's payload vectors through the op set's encoders and decoder: the payload alone
 * (`encodeDmOpArg`, or `encodeSchedOp` for a set without a dispatch record), then read back,
 * and inside the whole call at the payload's offset. A nested set (`DomctlOp`, `GnttabOp`) takes
 * its payload under `arg`.
 */
function checkOp(base: string, info: OpInfo, name: string, c: Case): Mismatch[] {
  const op = info.ops[name]!;
  const inCall = info.dispatch !== undefined && op.member !== undefined;
  const arch = c.arch as Arch;
  const payload = nestedValue(c.vector.fields);
  const value = info.nested ? { op: name, arg: payload } : { op: name, ...payload };
  const rows: Mismatch[] = [];
  const argName = info.dispatch ? `${base}Arg` : base;
  try {
    rows.push(...compareBytes(`TypeScript encode${argName}`, c, (EXPORTS[`encode${argName}`] as Encoder)(value, { arch })));
    const decoded = (EXPORTS[`decode${argName}`] as Decoder)(c.bytes.subarray(0, c.size), { arch, op: op.number, strict: true });
    const back = info.nested ? decoded.arg : decoded;
    if (decoded.op !== name) rows.push(valueMismatch(`TypeScript decode${argName}`, c, '(op)', name, String(decoded.op)));
    for (const { leaf } of c.leaves) {
      const want = memberAt(payload, leaf.path);
      const got = memberAt(back, leaf.path);
      if (got !== want) rows.push(valueMismatch(`TypeScript decode${argName}`, c, leaf.path, show(want), show(got)));
    }
  } catch (error) {
    rows.push(valueMismatch('TypeScript op encode', c, '(encode)', 'bytes', String(error)));
  }
  // An op the dispatch record's union has no member for travels only as its argument record.
  if (!inCall) return rows;
  try {
    const layout = CODECS.get(info.dispatch!.record)!.layout(arch);
    // The call's own members beside the op (xen_hvm_altp2m_op.version, xen_domctl.domain, …) are
    // inputs the vector does not cover; any value does, as only the payload's bytes are compared.
    const common = layout.fields.filter((f) => !f.padding && f.name !== info.dispatch!.opField && f.name !== info.dispatch!.payloadField);
    const call = (EXPORTS[`encode${base}`] as Encoder)({ ...Object.fromEntries(common.map((f) => [f.name, 0])), ...value }, { arch });
    const at = layout.fields.find((f) => f.name === info.dispatch!.payloadField)!.offset;
    rows.push(...compareBytes(`TypeScript encode${base}`, c, call.subarray(at, at + c.size)));
  } catch (error) {
    rows.push(valueMismatch('TypeScript call encode', c, '(encode)', 'bytes', String(error)));
  }
  return rows;
}

describe('shared vectors: TypeScript op layers', () => {
  it('every op set encodes each payload vector to its bytes, alone and inside its call', async () => {
    const model = await newestModel();
    const rows: Mismatch[] = [];
    let checked = 0;
    const perSet = new Map<string, number>();
    for (const arch of ARCHES) {
      const byRecord = new Map<string, Case[]>();
      for (const c of casesOf(model, arch)) byRecord.set(c.record.name, [...(byRecord.get(c.record.name) ?? []), c]);
      for (const { base, info } of OP_SETS) {
        for (const [name, op] of Object.entries(info.ops)) {
          for (const c of (op.record ? byRecord.get(op.record) : undefined) ?? []) {
            if (c.vector.flexCount) continue;
            rows.push(...checkOp(base, info, name, c));
            checked++;
            perSet.set(base, (perSet.get(base) ?? 0) + 1);
          }
        }
      }
    }
    console.log(`TypeScript op layers: ${OP_SETS.length} op sets, ${checked} payload vectors encoded and decoded as their ops (${[...perSet].map(([b, n]) => `${b} ${n}`).join(', ')})`);
    expect(checked).toBeGreaterThan(100);
    // Every op set with a payload is checked, the nested ones (payload under `arg`) and the unstable ones included.
    const unchecked = OP_SETS.filter(({ base, info }) => !perSet.has(base) && Object.values(info.ops).some((o) => o.record));
    expect(unchecked.map((s) => s.base)).toEqual([]);
    for (const base of ['DomctlOp', 'SysctlOp', 'GnttabOp', 'PhysdevOp']) expect(perSet.get(base) ?? 0, base).toBeGreaterThan(0);
    const report = rows.length ? `the TypeScript op layers disagree with the vectors:\n${mismatchTable(rows)}` : '';
    expect(report, report).toBe('');
  });
});
