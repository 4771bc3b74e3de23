import { baselineEmitter } from '../emit/baseline/index.js';
import { cEmitter } from '../emit/c/index.js';
import { docsEmitter } from '../emit/docs/index.js';
import type { Emitter, EmitterCache } from '../emit/emitter.js';
import { rustEmitter } from '../emit/rust/index.js';

/**
 * The TypeScript emitter's cache settings, as `emit/ts/index.ts` declares them (a test keeps
 * the two equal). Known here so that `generate` can tell from the manifest alone that the
 * emitter need not run, without importing its modules.
 */
export const TS_CACHE: EmitterCache = {
  manifest: 'packages/ts-bindings/xenabi-manifest.json',
  sourceDir: new URL('../emit/ts/', import.meta.url.replace('/dist/', '/src/')),
  dependencies: [],
};

/** The TypeScript emitter, imported when it runs: while its manifest is current, never. */
export const lazyTsEmitter: Emitter = {
  id: 'ts',
  cache: TS_CACHE,
  async emit(model, context) {
    const { tsEmitter } = await import('../emit/ts/index.js');
    return tsEmitter.emit(model, context);
  },
};

/** Every emitter `xenabi generate` runs, in a fixed order. */
export const EMITTERS: Emitter[] = [cEmitter, rustEmitter, lazyTsEmitter, docsEmitter, baselineEmitter];
