// C's own integer types in the checker. Xen's per-architecture typedefs (xen_ulong_t,
// xen_pfn_t) are typedefs of the xen module in every description of the ABI (the export, the
// model side and the baseline), with one target per architecture, compared architecture by
// architecture; and C's spellings of fixed-width types (unsigned int) are those types.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAbi } from '../../src/check/engine.js';
import { aliasTarget } from '../../src/check/rules/aliases.js';
import { sideFromBaseline } from '../../src/check/side/from-baseline.js';
import { exportProblems, sideFromExport } from '../../src/check/side/from-export.js';
import { sideFromModel } from '../../src/check/side/from-model.js';
import type { AbiSide } from '../../src/check/side/types.js';
import { baselineEmitter } from '../../src/emit/baseline/index.js';
import { exportAbi } from '../../src/export/abi-json.js';
import { loadAbi } from '../../src/load/index.js';
import type { AbiModel } from '../../src/model/types.js';
import { render } from '../../src/output/pipeline.js';
import { atRelease } from '../../src/select/release.js';

const REPO = join(import.meta.dirname, '../../..');
const XEN_TYPES = { x86_32: 'unsigned long', x86_64: 'unsigned long', arm32: 'uint64_t', arm64: 'uint64_t' };
let model: AbiModel;
let modelSide: AbiSide;

beforeAll(async () => {
  model = (await loadAbi(join(REPO, 'abi'), REPO)).model;
  modelSide = sideFromModel(atRelease(model, '4.17'));
});

describe("xen_ulong_t and xen_pfn_t", () => {
  it('are typedefs of the xen module in the export, with a target per architecture', () => {
    const doc = JSON.parse(JSON.stringify(exportAbi(atRelease(model, '4.17'))));
    expect(exportProblems(doc)).toEqual([]);
    for (const name of ['xen_ulong_t', 'xen_pfn_t']) {
      expect(doc.aliases[name]).toEqual({ types: XEN_TYPES, namespace: 'stable', module: 'xen', since: '4.6' });
    }
    expect(checkAbi(sideFromExport(doc, 'export.json'), modelSide).findings).toEqual([]);
  });

  it('read back from the baseline, one line per group of architectures', () => {
    const files = baselineEmitter
      .emit(atRelease(model, '4.17'))
      .map((f) => render(f))
      .filter((f) => f.path.endsWith('.abi.md'))
      .map((f) => ({ path: f.path, text: f.content }));
    const stable = files.find((f) => f.path.endsWith('stable.abi.md'))?.text ?? '';
    expect(stable).toContain('typedef xen_ulong_t since=4.6 archs=x86_32,x86_64 type=unsigned long');
    expect(stable).toContain('typedef xen_ulong_t since=4.6 archs=arm32,arm64 type=uint64_t');
    const side = sideFromBaseline(files);
    expect(side.aliases.xen_pfn_t?.types).toEqual(XEN_TYPES);
    expect(checkAbi(side, modelSide).findings).toEqual([]);
  });

  it('are compared architecture by architecture', () => {
    const head: AbiSide = structuredClone(modelSide);
    head.aliases.xen_pfn_t = { ...head.aliases.xen_pfn_t!, types: { ...XEN_TYPES, arm32: 'uint32_t' } };
    const findings = checkAbi(modelSide, head).findings.filter((f) => f.rule === 'TYPEDEF_CHANGED');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      item: 'xen_pfn_t',
      base: 'unsigned long on x86_32, x86_64; uint64_t on arm32, arm64',
      head: 'unsigned long on x86_32, x86_64; uint32_t on arm32; uint64_t on arm64',
    });
    expect(aliasTarget({ name: 'a', namespace: 'stable', module: 'm', since: '4.6', type: 'uint16_t' })).toBe('uint16_t');
  });
});

describe("C's spellings of fixed-width integers", () => {
  const retyped = (type: string): AbiSide => {
    const head: AbiSide = structuredClone(modelSide);
    for (const layout of Object.values(head.records.sched_shutdown!.layouts)) layout!.fields[0]!.type = type;
    return head;
  };
  const findings = (type: string) => checkAbi(modelSide, retyped(type)).findings.map((f) => `${f.severity} ${f.rule} ${f.item}`);

  it('take unsigned int respelled uint32_t as the same type, and int32_t as a change of signedness', () => {
    expect(modelSide.records.sched_shutdown?.layouts.x86_64?.fields[0]?.type).toBe('unsigned int');
    expect([...new Set(findings('uint32_t'))]).toEqual(['note FIELD_TYPE_RESPELLED sched_shutdown.reason']);
    expect([...new Set(findings('int32_t'))]).toEqual(['error FIELD_SIGNEDNESS_CHANGED sched_shutdown.reason']);
    expect([...new Set(findings('int'))]).toEqual(['error FIELD_SIGNEDNESS_CHANGED sched_shutdown.reason']);
  });
});
