import { cEmitter } from '../../../src/emit/c/index.js';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertionStatement, handleChecks, recordChecks } from '../../../src/emit/c/layout-checks.js';
import { archBranches, conditionRuns, itemCondition, legacyNameLines } from '../../../src/emit/c/declarations.js';
import { handlePointeeIn, handleShapes } from '../../../src/emit/c/handles.js';
import { declarationOrder, guardText, headerView, preludeView, Releases, umbrellaView, type DeclView, type HeaderView } from '../../../src/emit/c/view-model.js';
import { ArchLayout } from '../../../src/layout/engine.js';
import { loadAbi } from '../../../src/load/index.js';
import type { AbiModel, ModuleDecl, RecordDecl } from '../../../src/model/types.js';
import { atRelease, type ReleaseModel } from '../../../src/select/release.js';

const FIXTURE = fileURLToPath(new URL('../../fixtures/c-golden', import.meta.url));
let model: ReleaseModel;
let full: AbiModel;
const mod = (name: string) => model.modules.find((m) => m.name === name) as ModuleDecl;
const view = (name: string): HeaderView => headerView(new Releases(full, model), mod(name));
const decls = (v: HeaderView): DeclView[] => v.blocks.flatMap((b) => b.decls);

beforeAll(async () => {
  full = (await loadAbi(join(FIXTURE, 'abi'), FIXTURE)).model;
  model = atRelease(full, '4.22');
});

describe('C view-model helpers', () => {
  it('groups architectures with equal values, in first-seen order', () => {
    expect(archBranches({ x86_32: '1024UL', x86_64: '4096UL', arm32: '4096UL', arm64: '4096UL' })).toEqual([
      { condition: 'defined(__i386__)', value: '1024UL' },
      { condition: 'defined(__x86_64__) || defined(__arm__) || defined(__aarch64__)', value: '4096UL' },
    ]);
  });

  it('opens one #if per run of equal conditions', () => {
    const runs = conditionRuns([{ condition: '' }, { condition: 'A' }, { condition: 'A' }, { condition: 'B' }].map((v) => ({ ...v, open: '', close: '' })));
    expect(runs.map((r) => [r.open, r.close])).toEqual([['', ''], ['A', ''], ['', 'A'], ['B', 'B']]);
  });

  it('declares a repeated name once', () => {
    expect(declarationOrder({ order: ['a', 'b', 'a', 'c'] })).toEqual(['a', 'b', 'c']);
  });

  it("gives guest handles Xen's shape on each architecture", () => {
    const shapes = handleShapes({ kind: 'handle', width: '64', target: 'uint8', pointee: 'uint8_t' });
    expect(shapes.x86_64).toBe('typedef struct { uint8_t *p; } xenabi_guest_handle_64_uint8;');
    expect(shapes.x86_32).toBe('__extension__ typedef struct { union { uint8_t *p; xenabi_uint64_aligned_t q; }; } xenabi_guest_handle_64_uint8;');
    expect(shapes.arm32).toBe('typedef union { uint8_t *p; uint64_t q; } xenabi_guest_handle_64_uint8;');
    expect(handleShapes({ kind: 'handle', width: 'native', target: 'uint8', pointee: 'uint8_t' }).x86_32).toBe(shapes.x86_64.replace('_64_', '_'));
  });

  it('points a handle at the struct tag of a record only newer guest interfaces declare, and at the typedef otherwise', () => {
    const record = (typedef: string, guestInterface?: { min: string }) =>
      ({ name: typedef.replace(/_t$/, ''), tag: typedef.replace(/_t$/, ''), typedef, kind: 'struct', ...(guestInterface ? { guestInterface } : {}) }) as never;
    const records = new Map([
      ['gated', record('gated_t', { min: '0x00040400' })],
      ['plain', record('plain_t')],
    ]);
    const h = (pointee: string, isConst = false) => ({ kind: 'handle', width: 'native', target: pointee, pointee, ...(isConst ? { const: true } : {}) }) as const;
    const stable = { module: { namespace: 'stable' }, selection: { domain: ['4.6', '4.7'] }, releases: { declared: () => new Set() } } as never as Record<string, never>;
    expect(handlePointeeIn({ records, ...stable }, h('gated_t'))).toBe('struct gated');
    expect(handlePointeeIn({ records, ...stable }, h('gated_t', true))).toBe('const struct gated');
    expect(handlePointeeIn({ records, ...stable }, h('plain_t'))).toBe('plain_t');
    expect(handleShapes(h('gated_t'), 'struct gated').x86_64).toBe('typedef struct { struct gated *p; } xenabi_guest_handle_gated_t;');
  });

  it('points a handle at the struct tag of a record only some architectures declare (domctl\'s x86 xen_domctl_vcpu_msr_t)', () => {
    const x86Only = { name: 'msr', tag: 'msr', typedef: 'msr_t', kind: 'struct', archs: ['x86_32', 'x86_64'] } as never;
    const h = { kind: 'handle', width: '64', target: 'msr_t', pointee: 'msr_t' } as const;
    expect(handlePointeeIn({ records: new Map([['msr', x86Only]]) }, h)).toBe('struct msr');
  });

  it('points a handle of an unstable header at the struct tag of a record some release it can follow lacks', () => {
    const records = new Map([
      ['young', { name: 'young', tag: 'young', typedef: 'young_t', kind: 'struct', module: 'm' }],
      ['old', { name: 'old', tag: 'old', typedef: 'old_t', kind: 'struct', module: 'm' }],
    ]) as never;
    const declared = (release: string) => new Set(release === '4.6' ? ['old'] : ['old', 'young']);
    const ctx = (namespace: string) => ({ records, module: { namespace }, selection: { domain: ['4.6', '4.7'] }, releases: { declared } }) as never;
    const h = (pointee: string) => ({ kind: 'handle', width: '64', target: pointee, pointee }) as const;
    expect(handlePointeeIn(ctx('unstable'), h('young_t'))).toBe('struct young');
    expect(handlePointeeIn(ctx('unstable'), h('old_t'))).toBe('old_t');
    expect(handlePointeeIn(ctx('stable'), h('young_t'))).toBe('young_t');
  });

  it('combines architecture and guest-interface conditions', () => {
    expect(itemCondition({}, ['x86_32', 'x86_64'])).toBe('');
    expect(itemCondition({ archs: ['x86_32', 'x86_64'] }, ['x86_32', 'x86_64'])).toBe('');
    expect(itemCondition({ archs: ['x86_64'] }, ['x86_32', 'x86_64'])).toBe('defined(__x86_64__)');
    expect(itemCondition({ guestInterface: { min: '0x0003020a' } }, ['arm64'])).toBe('!defined(__XEN_INTERFACE_VERSION__) || __XEN_INTERFACE_VERSION__ >= 0x0003020a');
    expect(itemCondition({ archs: ['arm64'], guestInterface: { min: '0x0003020a' } }, ['arm32', 'arm64'])).toBe(
      '(defined(__aarch64__)) && (!defined(__XEN_INTERFACE_VERSION__) || __XEN_INTERFACE_VERSION__ >= 0x0003020a)',
    );
    expect(() => itemCondition({ archs: ['arm64'] }, ['x86_64'])).toThrow(/never exists on/);
  });

  it("renames a record below the interface version that gave it its name, as Xen does", () => {
    expect(legacyNameLines({ tag: 'grant_entry_v1', typedef: 'grant_entry_v1_t', legacyName: { name: 'grant_entry', typedef: 'grant_entry_t', belowInterfaceVersion: '0x0003020a' } })).toEqual([
      '#if defined(__XEN_INTERFACE_VERSION__) && __XEN_INTERFACE_VERSION__ < 0x0003020a',
      '#define grant_entry_v1 grant_entry',
      '#define grant_entry_v1_t grant_entry_t',
      '#endif',
    ]);
    expect(legacyNameLines({ tag: 'a' })).toEqual([]);
  });

  it('declares a member Xen retyped below an interface version with each type under its condition, and checks its size from that version on', async () => {
    const files = await cEmitter.emit(model, { history: full });
    const text = files.find((f) => f.path.endsWith('stable/demo.h'))!.content;
    const body = text.slice(text.indexOf('struct demo_frames {'), text.indexOf('};', text.indexOf('struct demo_frames {')));
    expect(body).toMatch(/>= 0x00040300\n(?:.*\n)*?\s+xenabi_guest_handle_uint32 list;\n#endif\n#if defined\(__XEN_INTERFACE_VERSION__\) && __XEN_INTERFACE_VERSION__ < 0x00040300\n(?:.*\n)*?\s+xenabi_guest_handle_uint8 list;/);
    expect(body).toMatch(/< 0x00040300\n(?:.*\n)*?\s+uint32_t wide;/);
    // Offsets hold for every interface; sizes only where the newer type is declared.
    expect(text).toMatch(/#if !defined\(__XEN_INTERFACE_VERSION__\) \|\| __XEN_INTERFACE_VERSION__ >= 0x00040300\nXENABI_STATIC_ASSERT\(demo__demo_frames__u__wide__size,/);
    expect(text).toMatch(/\nXENABI_STATIC_ASSERT\(demo__demo_frames__u__wide__offset,/);
    expect(text).toContain('typedef struct { uint8_t *p; } xenabi_guest_handle_uint8;');
  });

  it("defines Xen's guard for full and unstable modules only", () => {
    expect(guardText({ coverage: 'full', namespace: 'stable', xenHeader: 'a.h' })).toMatch(/defines Xen's guard/);
    expect(guardText({ coverage: 'partial', namespace: 'unstable', xenHeader: 'a.h' })).toMatch(/defines Xen's guard.*Include Xen's header first/);
    expect(guardText({ coverage: 'partial', namespace: 'stable', xenHeader: 'a.h' })).toMatch(/guard stays undefined/);
  });
});

describe('C view-model of the fixture', () => {
  it('includes the modules it imports, and the common module for xen_ulong_t', () => {
    expect(view('demo').includes).toEqual(['xenabi/stable/xen.h', 'xenabi/version.h']);
    expect(view('democtl').includes).toEqual(['xenabi/stable/demo.h', 'xenabi/version.h']);
    expect(view('xen').includes).toEqual(['xenabi/version.h']);
  });

  it('declares xen_ulong_t and xen_pfn_t per architecture in the common module', () => {
    const lines = decls(view('xen')).flatMap((d) => d.lines);
    expect(lines).toContain('typedef unsigned long xen_ulong_t;');
    expect(lines).toContain('typedef uint64_t xen_pfn_t;');
    expect(lines.filter((l) => l.startsWith('#error'))).toHaveLength(2);
  });

  it("guards each constant of a partial module by its own name, and never defines Xen's guard", () => {
    const v = view('xen');
    expect(v.defineXenGuard).toBe(false);
    expect(decls(v).find((d) => d.lines.includes('#define DOMID_SELF 0x7ff0U'))?.lines).toEqual(['#ifndef DOMID_SELF', '#define DOMID_SELF 0x7ff0U', '#endif']);
  });

  it('makes an unstable module accept every interface version it had, each selecting the newest release with it', () => {
    const v = view('democtl');
    expect(v.optIn).toMatchObject({
      wantMacro: 'XENABI_WANT_XEN_DEMOCTL_INTERFACE_VERSION',
      releaseMacro: 'XENABI_DEMOCTL_XEN_VERSION',
      choices: [
        { literal: '0x00000012', release: '0x040e00' },
        { literal: '0x00000013', release: '0x041600' },
      ],
    });
    expect(v.optIn && v.optIn.missing).toContain('#define XENABI_WANT_XEN_DEMOCTL_INTERFACE_VERSION to the XEN_DEMOCTL_INTERFACE_VERSION of the Xen you talk to');
    expect(v.optIn && v.optIn.unknown).toContain('(0x00000012, 0x00000013)');
    expect(v.optIn && v.optIn.table.join('\n')).toContain('0x00000012: Xen 4.6, 4.7, 4.8, 4.9, 4.10, 4.11, 4.12, 4.13, 4.14 (declared as 4.14)');
    expect(v.versionCheck).toMatchObject({ condition: 'XEN_DEMOCTL_INTERFACE_VERSION != XENABI_WANT_XEN_DEMOCTL_INTERFACE_VERSION' });
    expect(v.defineXenGuard).toBe(true);
    expect(view('demo').optIn).toBe(false);
  });

  it("declares an unstable record as the chosen interface version's release had it", () => {
    const ctl = decls(view('democtl')).find((d) => d.record && d.record.open === 'struct xen_democtl {');
    const members = ctl && ctl.record ? ctl.record.members : [];
    expect(members.map((m) => [m.decl, m.condition])).toEqual([
      ['uint32_t interface_version;', ''],
      ['demo_pair_t pair;', ''],
      ['uint32_t extra;', 'XENABI_WANT_XEN_DEMOCTL_INTERFACE_VERSION >= 0x00000013'],
    ]);
    const iv = decls(view('democtl')).find((d) => d.lines.some((l) => l.includes('define XEN_DEMOCTL_INTERFACE_VERSION')));
    expect(iv?.lines).toEqual([
      '#if XENABI_WANT_XEN_DEMOCTL_INTERFACE_VERSION < 0x00000013',
      '#define XEN_DEMOCTL_INTERFACE_VERSION 0x00000012',
      '#else',
      '#define XEN_DEMOCTL_INTERFACE_VERSION 0x00000013',
      '#endif',
    ]);
  });

  it('hides what came after XENABI_XEN_MIN_VERSION, members included, and checks each release\'s layout', () => {
    const v = view('demo');
    const table = decls(v).find((d) => d.record && d.record.open === 'struct demo_table {');
    const added = table && table.record ? table.record.members.find((m) => m.decl === 'uint64_t added;') : undefined;
    expect(added?.condition).toBe('XENABI_XEN_MIN_VERSION >= 0x040a00');
    expect(decls(v).find((d) => d.lines.includes('#define DEMO_FLAG_B (1U << 3)'))?.condition).toBe('XENABI_XEN_MIN_VERSION >= 0x040800');
    // What x86_64 compiles: the checks every architecture shares, then its own.
    const x86 = v.checks.filter((c) => c.condition.split(' || ').includes('defined(__x86_64__)')).flatMap((c) => c.lines);
    const sizes = x86.flatMap((l, i) => (l.includes('demo__demo_table__size') ? [x86[i - 1], l] : []));
    expect(sizes).toEqual([
      '#if XENABI_XEN_MIN_VERSION >= 0x040a00',
      'XENABI_STATIC_ASSERT(demo__demo_table__size, sizeof(struct demo_table) == 96);',
      '#if XENABI_XEN_MIN_VERSION < 0x040a00',
      'XENABI_STATIC_ASSERT(demo__demo_table__size, sizeof(struct demo_table) == 88);',
    ]);
  });

  it('defines XENABI_HAS_ for what is declared, members included, and XENABI_GATES_ for gated items', () => {
    const v = view('demo');
    expect(v.has.join('\n')).toContain('#if XENABI_XEN_MIN_VERSION >= 0x040a00\n#define XENABI_HAS_demo_table__added 1\n#endif');
    expect(v.has).toContain('#define XENABI_HAS_demo_table 1');
    expect(v.since).toContainEqual({ macro: 'XENABI_SINCE_demo_table__added', value: '0x040a00' });
    expect(v.gates).toContainEqual({ macro: 'XENABI_GATES_DEMO_GATED', value: '"build:CONFIG_DEMO boot:demo=1"' });
  });

  it("skips an item Xen declares in another header when that header declared it first", () => {
    const d = decls(view('democtl'));
    expect(d.find((x) => x.lines.some((l) => l.startsWith('typedef uint8_t democtl_handle_t')))?.condition).toBe('!defined(__XEN_PUBLIC_XEN_H__)');
    expect(d.find((x) => x.record && x.record.open === 'struct democtl_arch {')?.condition).toBe(
      '!(((defined(__i386__) || defined(__x86_64__)) && (defined(__XEN_PUBLIC_ARCH_X86_DEMO_H__)) && (defined(__XEN__) || defined(__XEN_TOOLS__))) || ' +
        '((defined(__arm__) || defined(__aarch64__)) && (defined(__XEN_PUBLIC_ARCH_ARM_DEMO_H__)) && (defined(__XEN__) || defined(__XEN_TOOLS__))))',
    );
    expect(d.find((x) => x.lines.includes('#define DEMOCTL_ARCH_ALL 0xff'))?.lines).toEqual(['#ifndef DEMOCTL_ARCH_ALL', '#define DEMOCTL_ARCH_ALL 0xff', '#endif']);
  });

  it("refuses a tools build where Xen's tools-only declaration of a record could follow ours", () => {
    const [refusal, ...more] = view('democtl').refusals;
    expect(more).toEqual([]);
    expect(refusal?.directive).toBe('#if');
    expect(refusal?.condition).toBe(
      '(defined(__XEN__) || defined(__XEN_TOOLS__)) && (!defined(XENABI_NO_XEN_HEADERS_AFTER)) && (((defined(__i386__) || defined(__x86_64__)) && (!defined(__XEN_PUBLIC_ARCH_X86_DEMO_H__))) || ((defined(__arm__) || defined(__aarch64__)) && (!defined(__XEN_PUBLIC_ARCH_ARM_DEMO_H__))))',
    );
    expect(refusal?.message).toContain('declares struct democtl_arch too');
    expect(refusal?.message).toContain('#define XENABI_NO_XEN_HEADERS_AFTER if no Xen header but democtl.h follows');
  });

  it("does not refuse a tools build for a tools record of an architecture header that the module's own xen.h includes", () => {
    // demo_table, moved for the test into a module whose Xen header is xen.h (as xen_guest's Arm register context is).
    const refusalsAs = (xenHeader: string): HeaderView['refusals'] => {
      const history = structuredClone(full);
      const table = history.records.find((r) => r.name === 'demo_table') as RecordDecl;
      table.xenOrigin = [{ header: 'arch-arm.h', guard: '__XEN_PUBLIC_ARCH_ARM_H__', archs: ['arm32', 'arm64'], tools: true }];
      const demo = history.modules.find((m) => m.name === 'demo') as ModuleDecl;
      demo.xenHeader = xenHeader;
      const at = atRelease(history, '4.22');
      return headerView(new Releases(history, at), at.modules.find((m) => m.name === 'demo') as ModuleDecl).refusals.filter((r) => r.message.includes('declares struct demo_table too'));
    };
    expect(refusalsAs('xen.h')).toEqual([]);
    expect(refusalsAs('demo.h')).toHaveLength(1);
  });

  it("refuses Xen's guest layout on the architectures where it differs, for modules whose records it touches only", () => {
    const [refusal, ...more] = view('demo').refusals;
    expect(more).toEqual([]);
    expect(refusal?.condition).toBe('(defined(__i386__)) && (defined(__XEN_PUBLIC_DEMO_H__)) && (!(defined(__XEN__) || defined(__XEN_TOOLS__)))');
    expect(refusal?.message).toContain('uint64_aligned_t members 8-byte aligned on x86_32');
    expect(view('xen').refusals).toEqual([]);
    expect(view('x86demo').refusals).toEqual([]);
  });

  it("does not refuse Xen's guest layout where Xen showed the member only to tools builds", () => {
    // demo_table holds the one uint64_aligned_t member; what matters is whether Xen's guest builds ever saw it.
    const refusalsWith = (edit: (table: RecordDecl) => void): HeaderView['refusals'] => {
      const history = structuredClone(full);
      edit(history.records.find((r) => r.name === 'demo_table') as RecordDecl);
      const at = atRelease(history, '4.22');
      return headerView(new Releases(history, at), at.modules.find((m) => m.name === 'demo') as ModuleDecl).refusals;
    };
    expect(refusalsWith((t) => (t.toolsOnlySince = '4.6'))).toEqual([]);
    const stamp = (t: RecordDecl) => t.fields.find((f) => f.name === 'stamp') as { until?: string };
    expect(refusalsWith((t) => ((t.toolsOnlyBefore = '4.14'), (stamp(t).until = '4.14')))).toEqual([]);
    expect(refusalsWith((t) => (t.toolsOnlyBefore = '4.14'))).toHaveLength(1);
  });

  it('checks a tag Xen scopes inside another record through that record\'s member', () => {
    const lines = view('demo').checks.flatMap((c) => c.lines);
    expect(lines).toContain('XENABI_STATIC_ASSERT(demo__demo_end__size, sizeof(XENABI_TYPEOF(XENABI_NO_OBJECT(struct demo_copy)->src)) == 8);');
    expect(lines.filter((l) => l.includes('struct demo_end'))).toEqual([]);
  });

  it('validates XENABI_XEN_MIN_VERSION against the known releases, defaulting to the newest', () => {
    const p = preludeView(new Releases(full, model));
    expect(p).toMatchObject({ minMacro: 'XENABI_XEN_MIN_VERSION', oldest: '0x040600', newest: '0x041600' });
    expect(p.invalid).toBe('XENABI_XEN_MIN_VERSION < XENABI_XEN_OLDEST_VERSION || XENABI_XEN_MIN_VERSION > XENABI_XEN_NEWEST_VERSION || (XENABI_XEN_MIN_VERSION & 0xff) != 0');
  });

  it('restricts an x86-only module and its checks to x86', () => {
    const v = view('x86demo');
    expect(v.moduleArch).toBe('defined(__i386__) || defined(__x86_64__)');
    expect(v.checks.map((c) => c.condition)).toEqual(['defined(__i386__) || defined(__x86_64__)', 'defined(__i386__)', 'defined(__x86_64__)']);
  });

  it('emits handle typedefs outside the Xen-guarded blocks, before their first user', () => {
    const kinds = view('demo').blocks.map((b) => (b.xen ? `xen:${b.decls.length}` : `handle:${b.handle.definedMacro}`));
    expect(kinds.slice(1, 3)).toEqual(['handle:XENABI_HAVE_GUEST_HANDLE_UINT8', 'handle:XENABI_HAVE_GUEST_HANDLE_64_DEMO_PAIR_T']);
    expect(kinds[0]?.startsWith('xen:')).toBe(true);
    expect(kinds[3]?.startsWith('xen:')).toBe(true);
  });

  it('prints inline records in place, anonymous ones with __extension__, arch members in one #if', () => {
    const nest = decls(view('demo')).find((d) => d.record && d.record.open === 'struct demo_nest {');
    const members = nest && nest.record ? nest.record.members : [];
    expect(members.map((m) => (m.nested ? m.nested.open : m.decl))).toEqual([
      'uint32_t op;',
      '__extension__ union {',
      'union {',
      'uint32_t x86_flags;',
      'uint32_t x86_more;',
      'uint32_t arm_flags;',
      'uint32_t arm_pad;',
    ]);
    expect(members.map((m) => [m.open, m.close].map((c) => c.length > 0))).toEqual([
      [false, false], [false, false], [false, false], [true, false], [false, true], [true, false], [false, true],
    ]);
    expect(nest?.pre[0]).toMatch(/^#if !\(/);
    const inner = members[2]?.nested ? members[2].nested.members[0] : undefined;
    expect(inner?.indent).toBe('        ');
    expect(inner?.nested && inner.nested.close).toBe('} one;');
  });

  it('spells bit-fields, flexible arrays and length constants', () => {
    const all = decls(view('demo')).flatMap((d) => (d.record ? d.record.members.map((m) => m.decl) : []));
    expect(all).toContain('uint8_t state : 4;');
    expect(all).toContain('__extension__ uint8_t data[XENABI_FLEX_ARRAY_DIM];');
    expect(all).toContain('uint32_t slots[DEMO_SLOTS];');
    expect(all).toContain('xenabi_uint64_aligned_t stamp;');
  });

  it('lists the availability of every item', () => {
    expect(view('demo').since).toContainEqual({ macro: 'XENABI_SINCE_DEMO_FLAG_B', value: '0x040800' });
    expect(view('x86demo').since).toContainEqual({ macro: 'XENABI_SINCE_x86demo_info', value: '0x040800' });
  });

  it('lets the umbrella include unstable headers only when opted in', () => {
    const u = umbrellaView(model);
    expect(u.stable).toEqual(['xenabi/version.h', 'xenabi/stable/demo.h', 'xenabi/stable/entry.h', 'xenabi/stable/texts.h', 'xenabi/stable/x86demo.h', 'xenabi/stable/xen.h']);
    expect(u.unstable).toMatchObject([{ wantMacro: 'XENABI_WANT_XEN_DEMOCTL_INTERFACE_VERSION', include: 'xenabi/unstable/democtl.h' }]);
  });
});

describe('C layout checks', () => {
  it('reads every number from the layout engine, through nested and anonymous members', () => {
    const layout = new ArchLayout(model, 'x86_64');
    const nest = model.records.find((r) => r.name === 'demo_nest');
    const checks = recordChecks('demo', nest as never, layout);
    const byId = new Map(checks.map((c) => [c.id, c]));
    expect(byId.get('demo__demo_nest__size')?.expected).toBe(layout.record('demo_nest').size);
    expect(byId.get('demo__demo_nest__as_bytes__offset')).toMatchObject({ expr: 'XENABI_OFFSETOF(struct demo_nest, as_bytes)', expected: 4 });
    expect(byId.get('demo__demo_nest__u__one__port__offset')).toMatchObject({ expr: 'XENABI_OFFSETOF(struct demo_nest, u.one.port)', expected: 12 });
    expect(byId.get('demo__demo_nest__u__one__align')?.expr).toBe('XENABI_ALIGNOF(XENABI_TYPEOF(XENABI_NO_OBJECT(struct demo_nest)->u.one))');
    expect(checks.some((c) => c.field === 'arm_flags')).toBe(false);
    expect(new Set(checks.map((c) => c.id)).size).toBe(checks.length);
  });

  it('skips bit-fields and the size of a flexible array member', () => {
    const layout = new ArchLayout(model, 'arm32');
    const checks = recordChecks('demo', model.records.find((r) => r.name === 'demo_bits') as never, layout);
    expect(checks.map((c) => `${c.field}:${c.what}`)).toEqual([':size', ':align', '_pad1:offset', '_pad1:size', 'len:offset', 'len:size', 'data:offset']);
  });

  it('sizes our guest handles per architecture', () => {
    const h = { kind: 'handle', width: 'native', target: 'uint8', pointee: 'uint8_t' } as const;
    expect(handleChecks('demo', h, new ArchLayout(model, 'x86_32')).map((c) => c.expected)).toEqual([4, 4]);
    expect(handleChecks('demo', h, new ArchLayout(model, 'arm32')).map((c) => c.expected)).toEqual([8, 8]);
    expect(assertionStatement(handleChecks('demo', h, new ArchLayout(model, 'arm32'))[0] as never)).toBe(
      'XENABI_STATIC_ASSERT(demo__xenabi_guest_handle_uint8__size, sizeof(xenabi_guest_handle_uint8) == 8);',
    );
  });

  it('follows the model as one release has it', () => {
    const old = atRelease(full, '4.9');
    const table = (m: ReleaseModel) => recordChecks('demo', m.records.find((r) => r.name === 'demo_table') as never, new ArchLayout(m, 'x86_64'));
    expect(table(old).some((c) => c.field === 'added')).toBe(false);
    expect(table(model).some((c) => c.field === 'added')).toBe(true);
  });
});
