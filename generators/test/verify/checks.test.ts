// What `xenabi verify` asks the compiler, and how it reads the answers, without a compiler:
// the checks built from the registry, plain mode's layout and items, and findings from
// observations.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAbi } from '../../src/load/index.js';
import type { AbiModel } from '../../src/model/types.js';
import { atRelease } from '../../src/select/release.js';
import { constantTypeExpression, readTypeCode } from '../../src/verify/c-types.js';
import { bitsValue, numberText, textBytes, textNumber, verifyChecks, type VerifyCheck } from '../../src/verify/checks.js';
import { verifyFindings } from '../../src/verify/findings.js';
import { plainLayoutModel, shownWithoutTools } from '../../src/verify/modes.js';
import { bitsOf, probeInputOf, type ProbeRun } from '../../src/verify/run.js';

const REPO = new URL('../../../', import.meta.url).pathname;
let model: AbiModel;

beforeAll(async () => {
  model = (await loadAbi(`${REPO}abi`, REPO)).model;
});

const find = (checks: VerifyCheck[], item: string, what: string) => checks.find((c) => c.subject.item === item && c.what === what);

describe('verifyChecks', () => {
  it('asks for sizes, offsets, bit positions, signedness, values and literal types, with the layout engine\'s numbers', () => {
    const set = verifyChecks(atRelease(model, '4.17'), 'x86_32');
    expect(set.includes[0]).toBe('xen/xen.h');
    expect(set.includes).toContain('xen/hvm/dm_op.h');
    expect(set.includes).toContain('xen/domctl.h');
    expect(find(set.checks, 'xen_dm_op', 'size')).toMatchObject({ probe: { kind: 'value', expr: 'sizeof(struct xen_dm_op)' }, expected: 32n });
    expect(find(set.checks, 'xen_dm_op', 'align')?.expected).toBe(8n);
    expect(find(set.checks, 'buf_ioreq.addr', 'bits')).toMatchObject({ probe: { kind: 'bits', type: 'struct buf_ioreq', path: 'addr' }, expected: bitsValue(12, 20) });
    expect(find(set.checks, 'xen_dm_op_ioreq_server_range.type', 'signed')?.expected).toBe(0n);
    expect(find(set.checks, 'EVTCHN_2L_NR_CHANNELS', 'value')?.expected).toBe(1024n);
    expect(find(set.checks, 'GNTTAB_CACHE_SOURCE_GREF', 'type')?.shown).toBe('unsigned int');
    expect(set.counts.records).toBeGreaterThan(50);
  });

  it('expects a plain char member signed on x86 and unsigned on Arm, as the data models say', () => {
    const x86 = verifyChecks(atRelease(model, '4.17'), 'x86_64');
    const arm = verifyChecks(atRelease(model, '4.17'), 'arm64');
    expect(find(x86.checks, 'xenpf_symdata.type', 'signed')).toMatchObject({ expected: 1n, shown: 'signed' });
    expect(find(arm.checks, 'xenpf_symdata.type', 'signed')).toMatchObject({ expected: 0n, shown: 'unsigned' });
  });

  it("leaves Linux's interface (abi/linux) to the Linux header checks: Xen's headers do not declare it", () => {
    const set = verifyChecks(atRelease(model, '4.17'), 'x86_64');
    expect(model.modules.some((m) => m.namespace === 'linux')).toBe(true);
    expect(set.checks.filter((c) => c.subject.namespace === 'linux').map((c) => c.subject.item)).toEqual([]);
    expect(set.includes.filter((h) => /privcmd|evtchn\.h|gntdev/.test(h))).toEqual([]);
  });

  it('keeps, in plain mode, the stable items a guest sees in that release: dm_op from 4.15, but xen_dm_op_buf always', () => {
    const at = (release: string) => verifyChecks(plainLayoutModel(atRelease(model, release)), 'x86_64', shownWithoutTools(release));
    const old = at('4.12');
    expect(find(old.checks, 'xen_dm_op', 'size')).toBeUndefined();
    expect(find(old.checks, 'xen_dm_op_buf', 'size')).toBeDefined();
    expect(old.includes).not.toContain('xen/domctl.h');
    expect(find(at('4.15').checks, 'xen_dm_op', 'size')).toBeDefined();
  });

  it('keeps, in plain mode, a record whose tools-only origin is on other architectures: vcpu_guest_context on x86, not on Arm', () => {
    const plain = (arch: 'x86_64' | 'x86_32' | 'arm64') => verifyChecks(plainLayoutModel(atRelease(model, '4.17')), arch, shownWithoutTools('4.17'));
    expect(find(plain('x86_64').checks, 'vcpu_guest_context', 'size')?.expected).toBe(5168n);
    expect(find(plain('x86_32').checks, 'vcpu_guest_context', 'size')?.expected).toBe(2800n);
    expect(find(plain('arm64').checks, 'vcpu_guest_context', 'size')).toBeUndefined();
    expect(find(verifyChecks(atRelease(model, '4.17'), 'arm64').checks, 'vcpu_guest_context', 'size')?.expected).toBe(352n);
  });

  it("lays out plain mode with Xen's uint64_aligned_t fallback: 4-byte aligned on x86_32, unchanged elsewhere", () => {
    const view = atRelease(model, '4.17');
    const plain = verifyChecks(plainLayoutModel(view), 'x86_32', shownWithoutTools('4.17'));
    expect(find(plain.checks, 'xen_dm_op', 'align')?.expected).toBe(4n);
    expect(find(plain.checks, 'xen_dm_op', 'size')?.expected).toBe(32n);
    expect(find(verifyChecks(plainLayoutModel(view), 'x86_64').checks, 'xen_dm_op', 'align')?.expected).toBe(8n);
  });

  it("checks Xen's int64_aligned_t as signed and 8-byte aligned in tools mode, and as a plain int64_t in plain mode (settimeoffset)", () => {
    const view = atRelease(model, '4.17');
    const tools = verifyChecks(view, 'x86_32').checks;
    expect(find(tools, 'xen_domctl_settimeoffset.time_offset_seconds', 'signed')?.expected).toBe(1n);
    expect(find(tools, 'xen_domctl_settimeoffset', 'align')?.expected).toBe(8n);
    const plainView = plainLayoutModel(view);
    const field = plainView.records.find((r) => r.name === 'xen_domctl_settimeoffset')?.fields[0];
    expect(field?.type).toEqual({ kind: 'scalar', name: 'int64_t' });
  });

  it('probes values in one array and bit-fields as objects with the field set to all ones', () => {
    const set = verifyChecks(atRelease(model, '4.17'), 'arm64');
    const { input, slot } = probeInputOf(set);
    const i = set.checks.findIndex((c) => c.subject.item === 'buf_ioreq.addr');
    expect(input.objects[slot[i]?.index ?? -1]).toEqual({ type: 'struct buf_ioreq', init: '{ .addr = -1 }' });
    expect(input.values.length + input.objects.length).toBe(set.checks.length);
  });
});

describe('reading answers back', () => {
  it('finds a bit-field from the bytes of a record with only it set', () => {
    expect(bitsOf(Uint8Array.from([0, 0xf0, 0xff, 0, 0]))).toBe(bitsValue(12, 12));
  });

  it("names Xen's literal type and says whether it has ours's size and signedness", () => {
    expect(constantTypeExpression('X', 'unsigned int')).toContain('__builtin_types_compatible_p(__typeof__(X), unsigned int) ? 2');
    expect(readTypeCode(16n + 4n)).toEqual({ compatible: true, type: 'unsigned long' });
    expect(readTypeCode(1n)).toEqual({ compatible: false, type: 'int' });
  });

  it('reports a record once when it is absent, and a stable item only tools see as NAMESPACE_MOVED', () => {
    const set = verifyChecks(atRelease(model, '4.17'), 'x86_64');
    const ofRecord = set.checks.filter((c) => c.subject.item === 'xen_dm_op' || c.subject.owner === 'xen_dm_op');
    const run = (mode: 'tools' | 'plain', absent: boolean): ProbeRun => ({
      arch: 'x86_64',
      mode,
      set: { ...set, checks: ofRecord },
      observations: ofRecord.map((check) => (absent ? { check, absent: 'incomplete type' } : { check, xen: check.expected })),
      rejectedIncludes: [],
      rounds: 1,
    });
    const plainOnly = verifyFindings([run('tools', false), run('plain', true)]);
    expect(plainOnly.map((f) => `${f.rule} ${f.item} ${f.severity}`)).toEqual(['NAMESPACE_MOVED xen_dm_op error']);
    const gone = verifyFindings([run('tools', true), run('plain', true)]);
    expect(gone.map((f) => `${f.rule} ${f.item} ${f.base} ${f.head}`)).toEqual(['RECORD_REMOVED xen_dm_op declared null']);
    expect(gone[0]?.message).toContain('incomplete type');
  });
});

describe('string constants in verify', () => {
  it('are one text check each, read back from a char array and shown quoted', () => {
    const set = verifyChecks(atRelease(model, '4.17'), 'x86_64');
    const native = set.checks.filter((c) => c.subject.item === 'XEN_IO_PROTO_ABI_NATIVE');
    expect(native.map((c) => [c.what, c.probe])).toEqual([['value', { kind: 'text', expr: 'XEN_IO_PROTO_ABI_NATIVE' }]]);
    expect(native[0]?.expected).toBe(textNumber(textBytes('x86_64-abi')));
    expect(numberText(textNumber(textBytes('CREATE|EXCL')))).toBe('"CREATE|EXCL"');
    expect(set.includes).toContain('xen/io/protocols.h');
    const { input } = probeInputOf(set);
    expect(input.objects).toContainEqual({ type: 'char', array: true, init: 'XEN_IO_PROTO_ABI_NATIVE' });
    const arm = verifyChecks(atRelease(model, '4.17'), 'arm64').checks.find((c) => c.subject.item === 'XEN_IO_PROTO_ABI_NATIVE');
    expect(arm?.expected).toBe(textNumber(textBytes('arm-abi')));
  });
});
