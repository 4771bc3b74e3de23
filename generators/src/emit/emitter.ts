/**
 * The shape every emitter has: an entry object that turns the model (as one release has it)
 * into files. Emitters print what the model and the layout engine computed; they never
 * compute offsets. Banners, normalisation and writing are the output pipeline's job.
 */
import type { AbiModel } from '../model/types.js';
import type { PackageVersions } from '../release/versions.js';
import type { ReleaseModel } from '../select/release.js';

/** A generated file before the pipeline adds its banner. */
export interface OutputFile {
  /** Repository-relative path with forward slashes. @example "packages/c-headers/include/xenabi/stable/dm_op.h" */
  path: string;
  /** Content without banner. */
  content: string;
  /** The ABI files it was generated from, for the banner. @example ["abi/stable/dm_op.ts"] */
  sources: string[];
  /** How the banner is written: `c` block comment, `line` (`//`), `hash` (`#`), `markdown` (HTML comment), or `none` (JSON). */
  comment: 'c' | 'line' | 'hash' | 'markdown' | 'none';
}

/** What an emitter may read besides the release it emits: the whole history, for availability. */
export interface EmitContext {
  history: AbiModel;
  /** The packages' own versions (from their package.json); absent: unreleased, 0.0.0. */
  versions?: PackageVersions;
}

/**
 * Declared by emitters whose run is expensive (the TypeScript emitter builds and prints a
 * whole package): `generate` then reuses their last output while nothing it depends on
 * changed (see generate/cache.ts).
 */
export interface EmitterCache {
  /** Repository-relative path of the committed manifest. */
  manifest: string;
  /** The emitter's source folder: any change to it invalidates the cache. */
  sourceDir: URL;
  /** npm packages whose version shapes the output. */
  dependencies: string[];
}

export interface Emitter {
  /** Short id used in logs and the README table. @example "c" */
  id: string;
  cache?: EmitterCache;
  /** Sync, or async for an emitter that loads its code or a tool lazily (`lazyTsEmitter`). */
  emit(model: ReleaseModel, context: EmitContext): OutputFile[] | Promise<OutputFile[]>;
}
