// `generate` knows the TypeScript emitter's cache settings without importing it; they must stay its own.
import { describe, expect, it } from 'vitest';
import { tsEmitter } from '../../src/emit/ts/index.js';
import { EMITTERS, lazyTsEmitter, TS_CACHE } from '../../src/generate/emitters.js';

describe('the emitter list', () => {
  it('declares the TypeScript emitter with its own id and cache settings', () => {
    expect(lazyTsEmitter.id).toBe(tsEmitter.id);
    expect(TS_CACHE.manifest).toBe(tsEmitter.cache?.manifest);
    expect(TS_CACHE.sourceDir.href).toBe(tsEmitter.cache?.sourceDir.href);
    expect(TS_CACHE.dependencies).toEqual(tsEmitter.cache?.dependencies);
    expect(EMITTERS.map((e) => e.id)).toEqual(['c', 'rust', 'ts', 'docs', 'baseline']);
  });
});
