// A value or flag set declared for some architectures: the set and its members that name
// none of their own exist only there (the loader used to drop the set's `archs`).
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAbi } from '../../src/load/index.js';
import type { AbiModel } from '../../src/model/types.js';

const FIXTURE = new URL('../fixtures/set-archs/abi', import.meta.url).pathname;
let model: AbiModel;

beforeAll(async () => {
  const loaded = await loadAbi(FIXTURE);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  model = loaded.model;
});

const archsOf = (name: string) => model.constants.find((c) => c.name === name)?.archs;

describe('a set restricted to some architectures', () => {
  it('keeps its archs on the lowered set', () => {
    expect(model.sets.find((s) => s.name === 'FIXTURE_ARM_MODE')?.archs).toEqual(['arm32', 'arm64']);
    expect(model.sets.find((s) => s.name === 'FIXTURE_X86_BITS')?.archs).toEqual(['x86_32', 'x86_64']);
  });

  it('gives its members the set\'s archs unless they state their own', () => {
    expect(archsOf('FIXTURE_ARM_MODE_A')).toEqual(['arm32', 'arm64']);
    expect(archsOf('FIXTURE_ARM_MODE_B')).toEqual(['arm64']);
  });

  it('gives a flag\'s mask and bit-number constants the set\'s archs', () => {
    expect(archsOf('FIXTURE_X86_BIT_0')).toEqual(['x86_32', 'x86_64']);
    expect(archsOf('_FIXTURE_X86_BIT_0')).toEqual(['x86_32', 'x86_64']);
  });
});
