/**
 * The main job: load the ABI, run every emitter over the newest release, render through the
 * output pipeline. Pure until `writeChanged`, so `--check` and tests share it.
 */
import { join } from 'node:path';
import type { EmitContext, Emitter, EmitterCache, OutputFile } from '../emit/emitter.js';
import { loadAbi } from '../load/index.js';
import { NEWEST_RELEASE } from '../model/releases.js';
import type { AbiModel } from '../model/types.js';
import { assertUniquePaths, bannerSignature, leftovers, recoverStaging, render, staleFiles, writeChanged, type Recovery, type RenderedFile } from '../output/pipeline.js';
import { describeCharacter, firstUnsafe } from '../names/text.js';
import { forgetReleaseHistory } from '../select/history.js';
import { atRelease, withoutEmptyModules, type ReleaseModel } from '../select/release.js';
import { cachedOutputs, fingerprint, manifestFile, sha256 } from './cache.js';
import { outputCache } from './output-cache.js';
import { readPackageVersions } from '../release/versions.js';

export interface GenerateResult {
  model: AbiModel;
  files: RenderedFile[];
}

/**
 * Renders every output in memory (with every emitter of `xenabi generate` unless told which).
 * Throws AbiInputError on bad input, before anything is written.
 */
export async function renderAll(
  root: string,
  emitters?: readonly Emitter[],
  release = NEWEST_RELEASE,
  options: RenderOptions = {},
): Promise<GenerateResult> {
  // The emitters' modules load while the ABI does (esbuild, in its own process, bundles it when
  // the cached bundle is not current).
  const [{ model }, all] = await Promise.all([loadAbi(join(root, 'abi'), root, { cache: !options.force }), emitters ?? allEmitters()]);
  return { model, files: await renderRelease(root, model, release, all, { ...options, forgetHistory: true }) };
}

/** Every output of `release` from a loaded model, sorted by path. */
export async function renderRelease(
  root: string,
  model: AbiModel,
  release: string,
  emitters: readonly Emitter[],
  options: RenderOptions = {},
): Promise<RenderedFile[]> {
  const view = withoutEmptyModules(atRelease(model, release));
  const versions = readPackageVersions(root);
  const inputs = JSON.stringify({ view, history: model, versions });
  const digest = sha256(inputs + bannerSignature(options.command));
  // One emitter at a time: each holds its intermediate structures only while it runs (run
  // together, their awaits interleaved them and a forced run peaked some 100 MiB higher).
  const files: RenderedFile[] = [];
  for (const [i, e] of emitters.entries()) {
    files.push(...(await runEmitter(e, root, view, { history: model, versions }, { inputs, digest }, options)));
    // Once no emitter left reads the release history (views and layouts of every release, shared
    // by the C and Rust emitters), a one-release run lets it go; `generateReleases` keeps it.
    if (options.forgetHistory && !emitters.slice(i + 1).some((next) => READS_RELEASE_HISTORY.has(next.id))) forgetReleaseHistory(model);
  }
  assertUniquePaths(files);
  files.forEach(assertSafeText);
  if (options.typecheck) await (await import('./typecheck.js')).typecheckOutputs(files, options.command);
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The last guard of names/text.ts: no generated file carries a control, bidirectional or
 * line-separator character. The `unsafe-text` pass refuses such text in the ABI with its
 * location; reaching this is a bug in xenabi, which must not write the file.
 */
function assertSafeText(file: RenderedFile): void {
  const bad = firstUnsafe(file.content);
  if (!bad) return;
  const before = file.content.slice(0, bad.index).split('\n');
  throw new Error(`${file.path}:${before.length}:${(before.at(-1)?.length ?? 0) + 1}: the generated text holds ${describeCharacter(bad.codePoint)}; nothing was written`);
}

/**
 * Imported here, not at the top, so that the emitters load while the ABI does; for the same
 * reason nothing the CLI imports may import `emitters.js` statically.
 */
export async function allEmitters(): Promise<readonly Emitter[]> {
  return (await import('./emitters.js')).EMITTERS;
}

/** The emitters that read `releaseHistory(model)` (`select/history.ts`). */
const READS_RELEASE_HISTORY = new Set(['c', 'rust']);

export interface RenderOptions {
  /** Let the model's release history go once no emitter left reads it (a one-release run). */
  forgetHistory?: boolean;
  /** Run every emitter, ignoring the manifests of cached ones, and bundle the ABI afresh. */
  force?: boolean;
  /** The command the banners name, when it is not the plain `npx xenabi generate`. */
  command?: string;
  /** Type-check the TypeScript package before returning it (generate/typecheck.ts): loads `typescript`. */
  typecheck?: boolean;
}

async function runEmitter(
  emitter: Emitter,
  root: string,
  view: ReleaseModel,
  context: EmitContext,
  { inputs, digest }: { inputs: string; digest: string },
  options: RenderOptions,
): Promise<RenderedFile[]> {
  const print = (file: OutputFile) => render(file, { command: options.command });
  if (!emitter.cache) {
    const store = options.force ? undefined : outputCache(root, emitter.id, digest);
    const cached = store?.read();
    if (cached) return cached;
    const fresh = (await emitter.emit(view, context)).map(print);
    store?.write(fresh);
    return fresh;
  }
  const cacheable = emitter as Emitter & { cache: EmitterCache };
  const key = fingerprint(cacheable, inputs + bannerSignature(options.command));
  const cached = options.force ? undefined : cachedOutputs(root, cacheable, key);
  if (cached) return [...cached, manifestFile(cacheable, key, cached)];
  const fresh = (await emitter.emit(view, context)).map(print);
  return [...fresh, manifestFile(cacheable, key, fresh)];
}

/**
 * Writes every output that changed. What an interrupted run left is dealt with first
 * (`output/staging.ts`), so that the cached emitters read a whole tree.
 */
export async function generate(root: string, options: RenderOptions = {}): Promise<{ written: string[]; total: number; recovery: Recovery }> {
  const recovery = recoverStaging(root);
  const { files } = await renderAll(root, undefined, NEWEST_RELEASE, options);
  return { written: writeChanged(root, files), total: files.length, recovery };
}

/** What is out of date, writing nothing; `leftovers` are what an interrupted run left behind. */
export async function checkGenerated(root: string, options: RenderOptions = {}): Promise<{ stale: string[]; total: number; leftovers: string[] }> {
  const { files } = await renderAll(root, undefined, NEWEST_RELEASE, options);
  return { stale: staleFiles(root, files), total: files.length, leftovers: leftovers(root, files.map((f) => f.path)) };
}
