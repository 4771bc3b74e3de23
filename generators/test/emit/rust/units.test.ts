// Unit tests of the Rust emitter's spelling, storage plan, constant typing and release
// predicates, over the golden fixture ABI.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mergeChecks } from '../../../src/emit/rust/checks.js';
import { constantType } from '../../../src/emit/rust/constants.js';
import { recordArchs, rustContext, type RustContext } from '../../../src/emit/rust/context.js';
import {
  allOf,
  archPredicate,
  cfgLine,
  docLines,
  featureName,
  handleType,
  ident,
  integerLiteral,
  opGetterName,
  opMethodName,
  recordName,
  stringLiteral,
} from '../../../src/emit/rust/names.js';
import { cfgPredicate, presence, releasePredicate } from '../../../src/emit/rust/releases.js';
import { ringFile } from '../../../src/emit/rust/rings.js';
import { needsAlign, planStorage } from '../../../src/emit/rust/storage.js';
import { loadAbi } from '../../../src/load/index.js';
import type { Arch } from '../../../src/model/types.js';
import { atRelease } from '../../../src/select/release.js';

const FIXTURE = new URL('../../fixtures/rust-golden/', import.meta.url).pathname;
let ctx: RustContext;

beforeAll(async () => {
  const { model } = await loadAbi(join(FIXTURE, 'abi'), FIXTURE);
  ctx = rustContext(atRelease(model, '4.22'), model);
});

const plan = (name: string) => {
  const record = ctx.records.get(name)!;
  return planStorage(record, recordArchs(ctx, record), ctx.layouts, { bits: (i) => `bits${i}`, hole: (i) => `hole${i}` });
};
const items = (name: string, arch: Arch) =>
  plan(name)
    .perArch.get(arch)!
    .items.map((i) => `${i.kind}@${i.offset}+${i.size}`);

describe('rust names', () => {
  it('escapes keywords as raw identifiers and refuses the ones that cannot be raw', () => {
    expect(ident('type')).toBe('r#type');
    expect(ident('port')).toBe('port');
    expect(() => ident('self')).toThrow(/raw identifier/);
  });

  it('names inline records by their path', () => {
    expect(recordName({ name: 'xen_dm_op.u', parent: 'xen_dm_op' })).toBe('xen_dm_op_u');
    expect(recordName({ name: 'evtchn_status.u.unbound', parent: 'evtchn_status.u' })).toBe('evtchn_status_u_unbound');
    expect(recordName({ name: 'fx_anon.<anon0>', parent: 'fx_anon' })).toBe('fx_anon_anon0');
    expect(recordName({ name: 'xen_dm_op' })).toBe('xen_dm_op');
  });

  it('names op methods by their member, or by their constant when other ops share the member', () => {
    const set = { ops: [{ member: 'view' }, { member: 'view' }, { member: 'mem_access' }] };
    expect(opMethodName(set, 'HVMOP_altp2m_set_mem_access', 'mem_access')).toBe('mem_access');
    expect(opMethodName(set, 'HVMOP_altp2m_create_p2m', 'view')).toBe('hvmop_altp2m_create_p2m');
    const flask = { ops: [{ member: 'transition' }, { member: 'transition' }, { member: 'relabel' }] };
    expect(opMethodName(flask, 'FLASK_RELABEL', 'transition')).not.toBe(opMethodName(flask, 'FLASK_RELABEL_DOMAIN', 'relabel'));
    expect(opGetterName('view')).toBe('as_view');
    expect(opGetterName('r#type')).toBe('as_type');
  });

  it('names guest handles as Xen macros name their C types', () => {
    expect(handleType({ width: 'native', target: 'uint8' })).toBe('__guest_handle_uint8');
    expect(handleType({ width: '64', target: 'void', const: true })).toBe('__guest_handle_64_const_void');
  });

  it('spells cfg predicates for one or several architectures, and none for all', () => {
    expect(archPredicate(['x86_32'])).toBe('target_arch = "x86"');
    expect(archPredicate(['arm64', 'arm32'])).toBe('any(target_arch = "arm", target_arch = "aarch64")');
    expect(cfgLine(['x86_32', 'x86_64', 'arm32', 'arm64'])).toBe('');
    expect(cfgLine(['x86_32', 'x86_64'], ['x86_32', 'x86_64'])).toBe('');
  });

  it('spells literals as the ABI does', () => {
    expect(integerLiteral(0x1f40n, 'hex')).toBe('0x1f40');
    expect(integerLiteral(32n, 'shift')).toBe('1 << 5');
    expect(integerLiteral(-22n, 'hex')).toBe('-22');
  });

  it('keeps schema prose out of doctests', () => {
    expect(docLines('a\n    indented\n```\ncode\n```')).toEqual(['a', 'indented', '```text', 'code', '```']);
  });
});

describe('rust release predicates', () => {
  const known = ['4.6', '4.7', '4.8', '4.9', '4.10', '4.11', '4.12'];

  it('names one cumulative feature per release', () => {
    expect(featureName('4.15')).toBe('xen-4-15');
  });

  it('bounds a run of releases by its first feature and the next release\'s, dropping what the domain implies', () => {
    expect(releasePredicate(known, known, known)).toBe('');
    expect(releasePredicate(['4.11', '4.12'], known, known)).toBe('feature = "xen-4-11"');
    expect(releasePredicate(['4.6', '4.7'], known, known)).toBe('not(feature = "xen-4-8")');
    expect(releasePredicate(['4.8', '4.9'], known, known)).toBe('all(feature = "xen-4-8", not(feature = "xen-4-10"))');
    expect(releasePredicate(['4.11', '4.12'], ['4.11', '4.12'], known)).toBe('');
    expect(releasePredicate(['4.6', '4.12'], known, known)).toBe('any(not(feature = "xen-4-7"), feature = "xen-4-12")');
  });

  it('combines architectures and releases, saying only what the scope does not', () => {
    const scope = presence(['x86_32', 'x86_64', 'arm32', 'arm64'], known);
    expect(cfgPredicate(scope, scope, known)).toBe('');
    expect(cfgPredicate(presence(['x86_32'], known), scope, known)).toBe('target_arch = "x86"');
    expect(cfgPredicate(presence(['x86_32', 'x86_64', 'arm32', 'arm64'], ['4.12']), scope, known)).toBe('feature = "xen-4-12"');
    expect(cfgPredicate(presence(['x86_32'], ['4.11', '4.12']), scope, known)).toBe('all(target_arch = "x86", feature = "xen-4-11")');
    const mixed = new Map([
      ['x86_32', ['4.11', '4.12']],
      ['x86_64', known],
    ] as const);
    expect(cfgPredicate(mixed, presence(['x86_32', 'x86_64'], known), known)).toBe('any(all(target_arch = "x86", feature = "xen-4-11"), target_arch = "x86_64")');
    expect(allOf(['target_arch = "x86"', 'all(feature = "a", not(feature = "b"))'])).toBe('all(target_arch = "x86", feature = "a", not(feature = "b"))');
  });

  it('merges the checks of each run of releases, older ones first, each with the releases it holds in', () => {
    const check = (expression: string, expected: number) => ({ expression, expected, label: expression });
    const merged = mergeChecks([
      { releases: ['4.8', '4.9'], checks: [check('size', 40), check('a', 0)] },
      { releases: ['4.11'], checks: [check('size', 56), check('a', 0), check('b', 40)] },
    ]);
    expect(merged.map((m) => `${m.check.expression}=${m.check.expected} ${m.releases.join(',')}`)).toEqual(['size=40 4.8,4.9', 'size=56 4.11', 'a=0 4.8,4.9,4.11', 'b=40 4.11']);
  });

  it('writes Rust string literals', () => {
    expect(stringLiteral('a "b" \\ c\n')).toBe('"a \\"b\\" \\\\ c\\n"');
    expect(stringLiteral('esc\u001b tab\t c1\u0085 rlo\u202e ls\u2028')).toBe('"esc\\u{1b} tab\\t c1\\u{85} rlo\\u{202e} ls\\u{2028}"');
  });
});

describe('rust availability over the history', () => {
  it('keeps a renamed member under its newest name, present since the member it took over from', () => {
    const record = ctx.records.get('fx_range')!;
    const flags = record.fields.find((f) => f.name === 'flags')!;
    expect(ctx.releases.predecessors(record, flags).map((f) => f.name)).toEqual(['pad']);
    expect(ctx.releases.fieldIn(record, flags, '4.17')).toBe(true);
  });

  it('keeps a retyped member that took over the same bytes, and declares its record type as far back', () => {
    const record = ctx.records.get('fx_batch')!;
    const u = record.fields.find((f) => f.name === 'u')!;
    expect(ctx.releases.predecessors(record, u).map((f) => f.name)).toEqual(['other']);
    expect(ctx.releases.fieldIn(record, u, '4.17')).toBe(true);
    expect(ctx.records.get('fx_extra')?.since).toBe('4.17');
    expect(ctx.releases.itemReleases(ctx.records.get('fx_extra')!)).toEqual(ctx.releases.itemReleases(record));
  });

  it('declares a record whose member changed type from the release of the change on, and the records that hold it too', () => {
    expect(ctx.records.get('fx_regs')?.since).toBe('4.19');
    expect(ctx.records.get('fx_regs_holder')?.since).toBe('4.19');
    expect(ctx.narrowed.get('fx_regs')).toBe('4.17');
    expect(ctx.narrowed.get('fx_regs_holder')).toBe('4.17');
    expect(ctx.narrowed.has('fx_batch')).toBe(false);
    expect(ctx.records.get('fx_batch')?.since).toBe('4.17');
  });

  it('keeps a record whose padding member was retyped, declaring each pad in its own releases', () => {
    const record = ctx.records.get('fx_clock')!;
    expect(record.since).toBe('4.17');
    expect(ctx.narrowed.has('fx_clock')).toBe(false);
    expect(ctx.narrowed.has('fx_clock_holder')).toBe(false);
    const pads = record.fields.filter((f) => f.name === 'pad');
    expect(pads.map((f) => [f.since, f.until])).toEqual([[undefined, '4.19'], ['4.19', undefined]]);
    expect(record.fields.map((f) => f.name)).toEqual(['ticks', 'shift', 'pad', 'flags', 'pad']);
    expect(ctx.releases.fieldReleases(record, pads[0]!, ctx.releases.itemReleases(record))).toEqual(['4.17', '4.18']);
  });

  it('declares a ring\'s page, and so its Protocol impl, from the release its entries are declared from', () => {
    expect(ctx.records.get('fx_wring_sring_entry')?.since).toBe('4.19');
    expect(ctx.records.get('fx_wring_sring')?.since).toBe('4.19');
    expect(ctx.narrowed.get('fx_wring_sring')).toBe('4.17');
    expect(ringFile(ctx)).toMatch(/#\[cfg\(feature = "xen-4-19"\)\]\n[^\n]*\n[^\n]*\nunsafe impl Protocol for crate::stable::widgets::fx_wring_sring /);
  });

  it("gates an unstable module's ring impl on the newest release's feature, as the crate declares that module", () => {
    const unstable = new Map([...ctx.records].map(([name, r]) => [name, name === 'fx_wring_sring' ? { ...r, namespace: 'unstable' as const } : r]));
    const newest = `xen-${ctx.model.release.replace('.', '-')}`;
    expect(newest).not.toBe('xen-4-19');
    expect(ringFile({ ...ctx, records: unstable })).toMatch(new RegExp(`#\\[cfg\\(feature = "${newest}"\\)\\]\\n[^\\n]*\\n[^\\n]*\\nunsafe impl Protocol for crate::unstable::widgets::fx_wring_sring `));
  });

  it('does not chain a member whose bytes moved', () => {
    const record = ctx.records.get('fx_range')!;
    const start = record.fields.find((f) => f.name === 'start')!;
    expect(ctx.releases.predecessors(record, start)).toEqual([]);
  });

  it('gives a stable item the releases from its first on, and an unstable one the newest only', () => {
    expect(ctx.releases.itemReleases(ctx.aliases.get('fx_tag_t')!)).toEqual(['4.17', '4.18', '4.19', '4.20', '4.21', '4.22']);
    expect(ctx.releases.itemReleases(ctx.records.get('fx_ctl')!)).toEqual(['4.22']);
  });

  it('plans a record once per run of releases that lay it out alike', () => {
    const record = ctx.records.get('fx_buf')!;
    expect(ctx.releases.segments(record.name, ctx.releases.itemReleases(record))).toEqual([
      ['4.17', '4.18'],
      ['4.19', '4.20', '4.21', '4.22'],
    ]);
  });
});

describe('rust storage plan', () => {
  it('stores a run of bit-fields as the bytes it touches, with holes outside the run made explicit', () => {
    for (const arch of ['x86_32', 'x86_64', 'arm32', 'arm64'] as const) {
      expect(items('fx_bits', arch)).toEqual(['field@0+1', 'bits@1+6', 'hole@7+1', 'field@8+2', 'hole@10+2']);
    }
  });

  it('declares a hole only on the architectures that have it', () => {
    expect(items('fx_tail', 'x86_32')).toEqual(['field@0+8', 'field@8+4']);
    expect(items('fx_tail', 'x86_64')).toEqual(['field@0+8', 'field@8+4', 'hole@12+4']);
    const hole = plan('fx_ulong').slots.find((s) => s.kind === 'hole')!;
    expect([...hole.perArch.keys()]).toEqual(['x86_64', 'arm32', 'arm64']);
  });

  it('asks for align(N) where rustc would under-align: uint64_aligned_t on x86, byte-array bit-field storage', () => {
    const need = (name: string, arch: Arch) => needsAlign(plan(name).perArch.get(arch)!, ctx.layouts.get(arch)!, ctx.aliasSpellings);
    expect(need('fx_range', 'x86_32')).toBe(8);
    expect(need('fx_range', 'x86_64')).toBeUndefined();
    expect(need('fx_bits', 'arm64')).toBe(4);
    expect(need('fx_hole', 'x86_32')).toBeUndefined();
  });
});

describe('rust constant types', () => {
  const type = (name: string) => constantType(ctx.constants.get(name)!, ctx).spelled;

  it('gives set members the type of their field, and bit numbers u32', () => {
    expect(type('FX_RANGE_PORT')).toBe('u32');
    expect(type('FX_WIDGET_SELF')).toBe('fx_id_t');
    expect(type('FX_OP_range')).toBe('u32');
    expect(type('_FX_FLAG_A')).toBe('u32');
  });

  it('gives other constants the Rust type of their C literal, unsigned for hex bit patterns, widened where the value needs it', () => {
    expect(type('FX_NEGATIVE')).toBe('i32');
    expect(type('FX_NR_SLOTS')).toBe('u64');
    expect(type('FX_BIG')).toBe('u64');
  });
});

describe('escapeMarkdown', () => {
  it('escapes bracket pairs and tag-like < in prose, not in inline code, and leaves shifts alone', async () => {
    const { escapeMarkdown } = await import('../../../src/emit/rust/names.js');
    expect(escapeMarkdown('optarr[0] and `a[1]`')).toBe('optarr\\[0\\] and `a[1]`');
    expect(escapeMarkdown('"xen-<version>-<platform>"')).toBe('"xen-\\<version>-\\<platform>"');
    expect(escapeMarkdown('major << 16 | minor; bytes [a, b) of it')).toBe('major << 16 | minor; bytes [a, b) of it');
  });
});
