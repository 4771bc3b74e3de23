/**
 * The main job: load the ABI, run every emitter over the newest release, render through the
 * output pipeline. `renderAll` is pure (tests, `--xen-version`); `generate` and `--check` compare
 * each output with the disk as it is printed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EmitContext, Emitter, EmitterCache, OutputFile } from '../emit/emitter.js';
import { loadAbiWithInputs } from '../load/index.js';
import { NEWEST_RELEASE } from '../model/releases.js';
import type { AbiModel } from '../model/types.js';
import { bannerSignature, leftovers, recoverStaging, removeLegacyTemps, render, Stage, type Recovery, type RenderedFile } from '../output/pipeline.js';
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
  const { model, emitters: all } = await loadForRender(root, emitters, options);
  return { model, files: await renderRelease(root, model, release, all, { ...options, forgetHistory: true }) };
}

/** The model (and the files it was loaded from, when known) and the emitters. */
async function loadForRender(root: string, emitters: readonly Emitter[] | undefined, options: RenderOptions): Promise<{ model: AbiModel; inputs?: string[]; emitters: readonly Emitter[] }> {
  // The emitters' modules load while the ABI does (esbuild, in its own process, bundles it when
  // the cached bundle is not current).
  const [{ loaded, inputs }, all] = await Promise.all([loadAbiWithInputs(join(root, 'abi'), root, { cache: !options.force }), emitters ?? allEmitters()]);
  return { model: loaded.model, ...(inputs ? { inputs } : {}), emitters: all };
}

/** Every output of `release` from a loaded model, sorted by path. */
export async function renderRelease(
  root: string,
  model: AbiModel,
  release: string,
  emitters: readonly Emitter[],
  options: RenderOptions = {},
): Promise<RenderedFile[]> {
  const files: RenderedFile[] = [];
  await eachOutput(root, model, release, emitters, options, (file) => files.push(file));
  if (options.typecheck) await (await import('./typecheck.js')).typecheckOutputs(files, options.command);
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Runs the emitters one at a time and gives `visit` every output of `release`, checked (no two
 * with one path, no unsafe character), in no set order. Each emitter holds its intermediate
 * structures only while it runs (run together, their awaits interleaved them and a forced run
 * peaked some 100 MiB higher), and an output the visitor does not keep can go as soon as it
 * was visited.
 */
async function eachOutput(
  root: string,
  model: AbiModel,
  release: string,
  emitters: readonly Emitter[],
  options: RenderOptions,
  visit: (file: RenderedFile) => void,
): Promise<void> {
  const view = withoutEmptyModules(atRelease(model, release));
  const versions = readPackageVersions(root);
  // The digests of what every output depends on, taken before any emitter runs, so that the
  // JSON of the model (several MB) is not held through the run.
  let inputs: string | undefined = JSON.stringify({ view, history: model, versions }) + bannerSignature(options.command);
  const digest = sha256(inputs);
  const fingerprints = new Map(emitters.filter((e) => e.cache).map((e) => [e, fingerprint(e as Emitter & { cache: EmitterCache }, inputs as string)]));
  inputs = undefined;
  const seen = new Set<string>();
  for (const [i, e] of emitters.entries()) {
    const outputs = await runEmitter(e, root, view, { history: model, versions }, { digest, fingerprint: fingerprints.get(e) }, options);
    // Once no emitter left reads the release history (views and layouts of every release, shared
    // by the C and Rust emitters), a one-release run lets it go; `generateReleases` keeps it.
    if (options.forgetHistory && !emitters.slice(i + 1).some((next) => READS_RELEASE_HISTORY.has(next.id))) forgetReleaseHistory(model);
    for (let j = 0; j < outputs.length; j++) {
      const file = outputs[j] as RenderedFile;
      outputs[j] = undefined as never;
      if (seen.has(file.path)) throw new Error(`two outputs claim ${file.path}`);
      seen.add(file.path);
      assertSafeText(file);
      visit(file);
    }
  }
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
  { digest, fingerprint: key }: { digest: string; fingerprint: string | undefined },
  options: RenderOptions,
): Promise<RenderedFile[]> {
  if (!emitter.cache || key === undefined) {
    const store = options.force ? undefined : outputCache(root, emitter.id, digest);
    const cached = store?.read();
    if (cached) return cached;
    const fresh = printAll(await emitter.emit(view, context), options);
    store?.write(fresh);
    return fresh;
  }
  const cacheable = emitter as Emitter & { cache: EmitterCache };
  const cached = options.force ? undefined : cachedOutputs(root, cacheable, key);
  if (cached) return [...cached, manifestFile(cacheable, key, cached)];
  const fresh = printAll(await emitter.emit(view, context), options);
  return [...fresh, manifestFile(cacheable, key, fresh)];
}

/** Banner and normalisation of every file an emitter gave, each emitted text let go once printed. */
function printAll(emitted: OutputFile[], options: RenderOptions): RenderedFile[] {
  return emitted.map((file, i) => {
    emitted[i] = undefined as never;
    return render(file, { command: options.command });
  });
}

/**
 * Writes every output that changed. What an interrupted run left is dealt with first
 * (`output/staging.ts`), so that the cached emitters read a whole tree. Each output is compared
 * with the file on disk as soon as it is printed and, when it differs, staged then and let go:
 * nothing is put in place until every emitter has run (the staging folder's journal is the
 * commit point), and a failure discards what was staged. With a build that keeps one, the run
 * leaves the stamp of what it wrote (`stamp.ts`), from which an unchanged tree's next run ends
 * at once.
 */
export async function generate(root: string, options: RenderOptions = {}): Promise<{ written: string[]; total: number; recovery: Recovery }> {
  const recovery = recoverStaging(root);
  const { model, inputs, emitters } = await loadForRender(root, undefined, options);
  const recorder = (await import('./stamp.js')).stampRecorder(root, inputs);
  const stage = new Stage(root);
  const paths: string[] = [];
  const written = new Map<string, string>();
  try {
    await eachFinalOutput(root, model, emitters, options, (file) => {
      paths.push(file.path);
      const stat = recorder?.before(file.path);
      if (readIfExists(join(root, file.path)) === file.content) return recorder?.equal(file.path, stat);
      stage.add(file.path, file.content);
      written.set(file.path, recorder ? sha256(file.content) : '');
    });
    removeLegacyTemps(root, paths);
  } catch (error) {
    stage.abandon();
    throw error;
  }
  stage.commit();
  recorder?.finish(paths, written);
  return { written: [...written.keys()].sort(), total: paths.length, recovery };
}

/** What is out of date, writing nothing; `leftovers` are what an interrupted run left behind. */
export async function checkGenerated(root: string, options: RenderOptions = {}): Promise<{ stale: string[]; total: number; leftovers: string[] }> {
  const { model, emitters } = await loadForRender(root, undefined, options);
  const paths: string[] = [];
  const stale: string[] = [];
  await eachFinalOutput(root, model, emitters, options, (file) => {
    paths.push(file.path);
    if (readIfExists(join(root, file.path)) !== file.content) stale.push(file.path);
  });
  return { stale: stale.sort(), total: paths.length, leftovers: leftovers(root, paths) };
}

/**
 * Every output of the newest release given to `visit` one at a time, as `eachOutput` does; with
 * `--typecheck` all of them are held until the TypeScript package type-checks.
 */
async function eachFinalOutput(root: string, model: AbiModel, emitters: readonly Emitter[], options: RenderOptions, visit: (file: RenderedFile) => void): Promise<void> {
  const run = { ...options, forgetHistory: true };
  if (options.typecheck) (await renderRelease(root, model, NEWEST_RELEASE, emitters, run)).forEach(visit);
  else await eachOutput(root, model, NEWEST_RELEASE, emitters, run, visit);
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return undefined;
    throw error;
  }
}
