/**
 * The vector generator: the committed files are what `npm run vectors` writes (the staleness
 * gate), and the vectors have the properties the checkers rely on — values inside each
 * member's range and spread over it, handles that fit the architecture, one vector per union
 * member, padding zero, files small enough to review.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARCHES } from '../../generators/src/model/arch.js';
import { staleFiles } from '../../generators/src/output/pipeline.js';
import { casesOf, loadHistory, newestModel, REGENERATE, REPO_ROOT, type Case } from './catalog.js';
import { orphanFiles, renderVectors } from './generate.js';
import { compareBytes } from './report.js';
import type { Leaf } from './shape.js';
import { isTypedValue, tagLookup } from './tags.js';
import { POINTER_BITS } from './values.js';
import { encodeLeaves } from './vectors.js';

const range = (l: Leaf): [bigint, bigint] => (l.signed ? [-(1n << BigInt(l.bits - 1)), (1n << BigInt(l.bits - 1)) - 1n] : [0n, (1n << BigInt(l.bits)) - 1n]);

async function allCases(): Promise<Case[]> {
  const model = await newestModel();
  return ARCHES.flatMap((arch) => casesOf(model, arch));
}

describe('shared vectors: generator', () => {
  it(`committed vectors and tests/vectors.rs are up to date (else: ${REGENERATE})`, async () => {
    const files = renderVectors(await loadHistory());
    const stale = [...staleFiles(REPO_ROOT, files), ...orphanFiles(REPO_ROOT, files)];
    expect(stale, `stale vector files; regenerate with: ${REGENERATE}\n  ${stale.join('\n  ')}`).toEqual([]);
    for (const f of files) expect(Buffer.byteLength(f.content), f.path).toBeLessThan(1_000_000);
  });

  it('renders the same files twice (no clock, no unordered maps)', async () => {
    const history = await loadHistory();
    expect(renderVectors(history)).toEqual(renderVectors(history));
  });

  it('keeps every value in its member\'s range, spread from zero to the extremes, and handles within a pointer', async () => {
    const seen = new Map<string, Set<bigint>>();
    for (const c of await allCases()) {
      for (const { leaf, value } of c.leaves) {
        if (leaf.handle || leaf.pointer) {
          expect(value < 1n << BigInt(POINTER_BITS[c.arch]), `${c.arch} ${c.record.name}.${leaf.path}`).toBe(true);
          continue;
        }
        const [lo, hi] = range(leaf);
        expect(value >= lo && value <= hi, `${c.arch} ${c.record.name}.${leaf.path} = ${value}`).toBe(true);
        const key = `${leaf.signed ? 'int' : 'uint'}${leaf.bits}`;
        seen.set(key, (seen.get(key) ?? new Set()).add(value));
      }
    }
    for (const bits of [8, 16, 32, 64]) {
      const values = seen.get(`uint${bits}`) ?? new Set();
      const max = (1n << BigInt(bits)) - 1n;
      expect([values.has(0n), values.has(max), [...values].some((v) => v > 1n && (v & (v - 1n)) === 0n)], `uint${bits}`).toEqual([true, true, true]);
      expect(values.size, `uint${bits} values`).toBeGreaterThan(5);
    }
  });

  it('has one vector per union member: every member of xen_dm_op.u and evtchn_op.u is set somewhere', async () => {
    const model = await newestModel();
    for (const [record, union] of [['xen_dm_op', 'xen_dm_op.u'], ['evtchn_op', 'evtchn_op.u']] as const) {
      const members = model.records.find((r) => r.name === union)?.fields.map((f) => `u.${f.name}`) ?? [];
      for (const arch of ARCHES) {
        const chosen = new Set(casesOf(model, arch).filter((c) => c.record.name === record).flatMap((c) => c.vector.union.filter((u) => /^u\.[^.]+$/.test(u))));
        expect([...chosen].sort(), `${record} on ${arch}`).toEqual([...members].sort());
      }
    }
  });

  it('sets a selecting member to name the union member its vector fills (evtchn_status.status, gnttab_cache_flush.op, a dispatch record\'s op)', async () => {
    const model = await newestModel();
    const tags = tagLookup(model);
    const k = (name: string) => BigInt(model.constants.find((c) => c.name === name)!.value);
    for (const arch of ARCHES) {
      const cases = casesOf(model, arch);
      const of = (record: string) => cases.filter((c) => c.record.name === record);
      const at = (c: Case, path: string) => BigInt(c.vector.fields[path]!);
      for (const c of of('evtchn_status')) expect(at(c, 'status'), `${arch} #${c.vector.index}`).toBe(k(`EVTCHNSTAT_${c.vector.union[0]!.slice(2)}`));
      const flush = of('gnttab_cache_flush');
      expect(flush.map((c) => [c.vector.union[0], (at(c, 'op') & k('GNTTAB_CACHE_SOURCE_GREF')) !== 0n])).toEqual([['a.dev_bus_addr', false], ['a.ref', true]]);
      // Every vector of a record with selectors is a value of its typed form, but for a member no arm names beside an `otherwise` arm.
      const selected = cases.filter((c) => tags.selectors(c.record).some((s) => s.by));
      const typed = selected.filter((c) => isTypedValue(tags, c.record, c.vector.union, (p) => (c.vector.fields[p] === undefined ? undefined : BigInt(c.vector.fields[p]!)), c.arch));
      expect(selected.length, arch).toBeGreaterThan(100);
      expect(typed.length, arch).toBe(selected.length);
    }
  });

  it('leaves every byte no member covers zero (padding, holes, unused union bytes)', async () => {
    for (const c of await allCases()) {
      const covered = encodeLeaves(
        c.leaves.map((l) => ({ ...l.leaf, signed: false })),
        c.leaves.map(({ leaf }) => (1n << BigInt(leaf.bits)) - 1n),
        c.bytes.length,
      );
      const stray = c.bytes.findIndex((b, i) => (b & ~(covered[i] as number)) !== 0);
      expect(stray, `${c.arch} ${c.record.name} #${c.vector.index}: byte ${stray} is set but no member covers it`).toBe(-1);
    }
  });

  it('places bit-fields bit by bit and integers little-endian', () => {
    const leaves: Leaf[] = [
      { path: 'a', offset: 0, size: 2, bits: 16, signed: false, wide: false },
      { path: 'b', offset: 2, size: 1, bits: 4, signed: false, wide: false, bitOffset: 20 },
      { path: 'c', offset: 3, size: 1, bits: 8, signed: true, wide: false },
    ];
    expect([...encodeLeaves(leaves, [0x1234n, 0xfn, -2n], 4)]).toEqual([0x34, 0x12, 0xf0, 0xfe]);
  });

  it('names the member whose bytes differ', async () => {
    const c = (await allCases()).find((x) => x.arch === 'x86_64' && x.record.name === 'ioreq');
    if (!c) throw new Error('no ioreq vector');
    const count = c.leaves.find((l) => l.leaf.path === 'count')?.leaf;
    const got = c.bytes.slice();
    const at = (count?.offset ?? 0) + 1;
    got[at] = (got[at] ?? 0) ^ 0xff;
    expect(compareBytes('test', c, got).map((r) => [r.member, r.offset])).toEqual([['count', count?.offset]]);
  });

  it('carries the banner naming its command', () => {
    const file = JSON.parse(readFileSync(join(REPO_ROOT, 'compat-tests/vectors/x86_64/dm_op.json'), 'utf8')) as { generatedBy: string };
    expect(file.generatedBy).toContain('npm run vectors');
    expect(readFileSync(join(REPO_ROOT, 'packages/rust-bindings/tests/vectors.rs'), 'utf8')).toMatch(/^\/\/ Generated by compat-tests\/vectors\/generate\.ts.*\n\/\/ Regenerate with: npm run vectors\n/);
  });
});
