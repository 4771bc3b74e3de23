// Typedefs spelled per architecture (xen_callback_t): one name, one spelling per architecture
// group, read alike by the emitters, the export and xenabi check.
import { beforeAll, describe, expect, it } from 'vitest';
import { sideFromModel } from '../../src/check/side/from-model.js';
import { exportAbi } from '../../src/export/abi-json.js';
import { loadAbi } from '../../src/load/index.js';
import { aliasOn, aliasSpellings, aliasTargets, isPerArchAlias } from '../../src/model/aliases.js';
import type { AbiModel, AliasDecl } from '../../src/model/types.js';
import { atRelease } from '../../src/select/release.js';

const ABI_DIR = new URL('../../../abi', import.meta.url).pathname;
let real: AbiModel;

beforeAll(async () => {
  real = (await loadAbi(ABI_DIR)).model;
});

const loc = { file: 'abi/stable/x.ts', line: 1, column: 1 };
const spelling = (type: AliasDecl['type'], archs?: AliasDecl['archs']): AliasDecl => ({ kind: 'alias', name: 't', type, namespace: 'stable', module: 'x', since: '4.6', loc, ...(archs ? { archs } : {}) });

describe('aliasSpellings and aliasTargets', () => {
  const far = spelling({ kind: 'record', name: 'far' }, ['x86_32']);
  const ulong = spelling({ kind: 'archScalar', name: 'unsigned long' }, ['x86_64']);
  const u64 = spelling({ kind: 'scalar', name: 'uint64_t' }, ['arm32', 'arm64']);

  it('groups spellings by name and picks the one of an architecture', () => {
    const spellings = aliasSpellings([far, ulong, u64]).get('t')!;
    expect(spellings).toHaveLength(3);
    expect(isPerArchAlias(spellings)).toBe(true);
    expect(aliasOn(spellings, 'arm32')).toBe(u64);
    expect(aliasOn([far], 'arm64')).toBeUndefined();
  });

  it('gives one target for one spelling, and targets per architecture for several', () => {
    const spell = (a: AliasDecl) => a.type.kind;
    expect(aliasTargets([ulong], spell)).toEqual({ type: 'archScalar', archs: ['x86_64'] });
    expect(aliasTargets([far, ulong, u64], spell)).toEqual({ types: { x86_32: 'record', x86_64: 'archScalar', arm32: 'scalar', arm64: 'scalar' } });
    expect(aliasTargets([far, u64], spell)).toEqual({ types: { x86_32: 'record', arm32: 'scalar', arm64: 'scalar' }, archs: ['x86_32', 'arm32', 'arm64'] });
  });
});

describe('xen_callback_t in the registry', () => {
  it('is spelled per architecture as Xen spells it', () => {
    const spellings = aliasSpellings(real.aliases).get('xen_callback_t')!;
    expect(isPerArchAlias(spellings)).toBe(true);
    expect(aliasOn(spellings, 'x86_32')?.type).toEqual({ kind: 'record', name: 'xen_callback' });
    expect(aliasOn(spellings, 'x86_64')?.type).toEqual({ kind: 'archScalar', name: 'unsigned long' });
    expect(aliasOn(spellings, 'arm64')?.type).toEqual({ kind: 'scalar', name: 'uint64_t' });
  });

  it('is one typedef with a target per architecture in the export and in xenabi check', () => {
    const view = atRelease(real, '4.17');
    const targets = { x86_32: 'struct xen_callback', x86_64: 'unsigned long', arm32: 'uint64_t', arm64: 'uint64_t' };
    expect(exportAbi(view).aliases?.xen_callback_t).toMatchObject({ types: targets, module: 'callback' });
    expect(sideFromModel(view).aliases.xen_callback_t).toMatchObject({ types: targets });
    expect(sideFromModel(view).aliases.xen_callback_t?.type).toBeUndefined();
  });
});
