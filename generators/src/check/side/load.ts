/**
 * Loading a side from wherever it lives: an `abi/` tree (the working tree, another
 * directory, or a git revision), an export JSON, or the committed baseline. Paths given on
 * the command line are told apart by what they contain.
 */
import { NAMESPACES } from '../../model/namespaces.js';
import { existsSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { AbiInputError } from '../../diagnostics/diagnostic.js';
import { baselinePath } from '../../emit/baseline/names.js';
import type { ExportDocument } from '../../export/abi-json.js';
import { loadAbiWithInputs } from '../../load/index.js';
import { contentKey, modelCacheByContent, modelCacheByTree } from '../../load/model-cache.js';
import { NEWEST_RELEASE } from '../../model/releases.js';
import type { AbiModel } from '../../model/types.js';
import { atRelease } from '../../select/release.js';
import { sideFromBaseline } from './from-baseline.js';
import { moduleDigests } from './digests.js';
import { exportProblems, looksLikeExport, sideFromExport } from './from-export.js';
import { sideFromModel } from './from-model.js';
import { reviveSide, sideCacheKind } from './side-cache.js';
import { SideInputError } from './errors.js';
import { abiAtRef, gitSideLabel, resolveRef, workingTreeIsRevision } from './git.js';
import { referenceProblems } from './integrity.js';
import { InputFileError, isReadable, kindOf, listInput, parseJson, readInput, statInput } from './read-input.js';
import type { AbiSide, SideOrigin } from './types.js';

export { SideInputError };

export type SideSpec =
  | { kind: 'abi'; dir: string; repoRoot?: string; label?: string; lenient?: boolean }
  | { kind: 'git'; repoRoot: string; ref: string }
  | { kind: 'export'; file: string; label?: string }
  | { kind: 'baseline'; files: string[]; label?: string; /** Paths in parse errors are relative to this. */ relativeTo?: string };

export interface LoadOptions {
  /** The release to compare; an export or a baseline must describe exactly it when given. */
  release?: string;
}

/** Loads one side. Throws SideInputError (or AbiInputError, GitRefError) on bad input. */
export async function loadSide(spec: SideSpec, options: LoadOptions = {}): Promise<AbiSide> {
  switch (spec.kind) {
    case 'abi':
      return loadAbiSide(spec, options);
    case 'git':
      return loadGitSide(spec.repoRoot, spec.ref, options);
    case 'export':
      return checkRelease(loadExportFile(spec.file, spec.label ?? spec.file), options, spec.file);
    case 'baseline':
      return checkRelease(loadBaselineFiles(spec.files, spec.label ?? 'abi/baseline', spec.relativeTo), options, spec.label ?? 'the baseline');
  }
}

function withNotes(side: AbiSide, notes: string[]): AbiSide {
  return notes.length ? { ...side, notes: [...(side.notes ?? []), ...notes] } : side;
}

function checkRelease(side: AbiSide, options: LoadOptions, what: string): AbiSide {
  if (options.release && side.release !== options.release) {
    throw new SideInputError(`${what} describes Xen ${side.release}, not ${options.release}; compare another release with --against or an abi/ directory`);
  }
  return side;
}

/**
 * The model of an `abi/` directory. Strict (the head) fails on any error; lenient (a base)
 * accepts a tree the current validation passes reject, as long as it evaluates and lowers,
 * and says so in a note: an old revision was valid under the xenabi of its day.
 */
export async function loadModel(abiDir: string, repoRoot: string, strict = true): Promise<{ model: AbiModel; notes: string[] }> {
  return (await loadModelWithInputs(abiDir, repoRoot, strict)).loaded;
}

/** `loadModel`, with the files the model was loaded from when known (what a side built from it is keyed by). */
async function loadModelWithInputs(abiDir: string, repoRoot: string, strict: boolean): Promise<{ loaded: LenientModel; inputs?: string[] }> {
  if (strict) {
    const { loaded, inputs } = await loadAbiWithInputs(abiDir, repoRoot);
    return { loaded: { model: loaded.model, notes: [] }, ...(inputs ? { inputs } : {}) };
  }
  const cache = modelCacheByContent<LenientModel>(repoRoot, resolve(abiDir), 'lenient');
  const hit = cache.readWithInputs();
  if (hit) return { loaded: hit.value, ...(hit.inputs ? { inputs: hit.inputs } : {}) };
  const { loadLenient } = await import('./lenient.js');
  const fresh = await loadLenient(abiDir, repoRoot);
  cache.write(fresh.loaded, fresh.inputs);
  return fresh;
}

type LenientModel = { model: AbiModel; notes: string[] };

/** The side of an `abi/` directory: from the side cache (`side-cache.ts`), else built from its model and stored. */
async function loadAbiSide(spec: Extract<SideSpec, { kind: 'abi' }>, options: LoadOptions): Promise<AbiSide> {
  const repoRoot = spec.repoRoot ?? resolve(spec.dir, '..');
  const release = options.release ?? NEWEST_RELEASE;
  const label = spec.label ?? spec.dir;
  const kind = spec.lenient ? 'lenient' : 'strict';
  const sides = modelCacheByContent<AbiSide>(repoRoot, resolve(spec.dir), sideCacheKind(kind, release));
  const hit = sides.read();
  if (hit) return reviveSide(hit, label);
  // The base of this check was the working tree's own abi/, loaded strictly: when nothing it
  // was loaded from changed since, its side is this one.
  const shared = sharedSide;
  sharedSide = undefined;
  const same =
    shared && !spec.lenient && resolve(shared.repoRoot) === resolve(repoRoot) && shared.abiDir === resolve(spec.dir) && shared.release === release && contentKey(shared.repoRoot, shared.abiDir, shared.inputs) === shared.key ? shared : undefined;
  const { loaded, inputs } = same ? { loaded: undefined, inputs: same.inputs } : await loadModelWithInputs(spec.dir, repoRoot, !spec.lenient);
  const side = same ? { ...same.side, origin: 'abi' as const, label } : modelSide(loaded!.model, release, 'abi', label, loaded!.notes);
  // Keyed by the inputs of the model it was built from.
  if (inputs) sides.write(side, inputs);
  return side;
}

/**
 * The side a check built for its base from the working tree's `abi/` (when that is the
 * revision's, `loadGitSide`), for its head to reuse in the same process: the same model, the
 * same release, laid out once. Sides are never changed once built (`checkAbi` is pure).
 */
let sharedSide: { repoRoot: string; abiDir: string; release: string; side: AbiSide; inputs: string[]; key: string } | undefined;

/**
 * A side from a model already in memory, made exactly as `loadSide` makes one from an `abi/`
 * directory once it is loaded: the release view (the newest unless `release` says), laid
 * out on every architecture. The mutation suite builds its mutants' sides with it. Throws
 * SideInputError when the layout engine cannot lay the model out.
 */
export function sideFromLoadedModel(model: AbiModel, options: { release?: string; label?: string; origin?: SideOrigin; notes?: string[] } = {}): AbiSide {
  return modelSide(model, options.release ?? NEWEST_RELEASE, options.origin ?? 'abi', options.label ?? 'abi/', options.notes ?? []);
}

/** A model side; a lenient model the layout engine cannot lay out is bad input, not a crash. */
function modelSide(model: AbiModel, release: string, origin: SideOrigin, label: string, notes: string[]): AbiSide {
  try {
    return { ...withNotes(sideFromModel(atRelease(model, release), origin, label, model), notes), digests: moduleDigests(model) };
  } catch (error) {
    throw new SideInputError(`${label}: cannot be laid out by this xenabi: ${(error as Error).message}`);
  }
}

async function loadGitSide(repoRoot: string, ref: string, options: LoadOptions): Promise<AbiSide> {
  const resolved = resolveRef(repoRoot, ref);
  const label = gitSideLabel(ref, resolved.commit);
  const release = options.release ?? NEWEST_RELEASE;
  // A tree loaded before is not read out of git again (only successful loads are cached).
  const cache = resolved.tree ? modelCacheByTree<LenientModel>(repoRoot, resolved.tree, 'lenient') : undefined;
  const sides = resolved.tree ? modelCacheByTree<AbiSide>(repoRoot, resolved.tree, sideCacheKind('lenient', release)) : undefined;
  const built = sides?.read();
  if (built) return reviveSide(built, label);
  const hit = cache?.read();
  if (hit) {
    const side = modelSide(hit.model, release, 'git', label, hit.notes);
    sides?.write(side);
    return side;
  }
  // The working tree's abi/ is the revision's (a change that did not touch abi/): load it once,
  // for both sides. A model that loads strictly is what the lenient load would give, without notes.
  if (resolved.tree && workingTreeIsRevision(repoRoot, resolved.commit)) {
    const strict = await strictModel(repoRoot);
    if (strict) {
      const side = modelSide(strict.model, release, 'git', label, []);
      cache?.write({ model: strict.model, notes: [] });
      sides?.write(side);
      const abiDir = resolve(repoRoot, 'abi');
      sharedSide = strict.inputs ? { repoRoot, abiDir, release, side, inputs: strict.inputs, key: contentKey(repoRoot, abiDir, strict.inputs) } : undefined;
      return side;
    }
  }
  const tree = abiAtRef(repoRoot, ref, resolved);
  try {
    try {
      const loaded = await loadModel(join(tree.root, 'abi'), tree.root, false);
      const side = modelSide(loaded.model, release, 'git', label, loaded.notes);
      cache?.write(loaded);
      sides?.write(side);
      return side;
    } catch (error) {
      // A revision whose modules this xenabi cannot evaluate may still carry its baseline.
      const files = NAMESPACES.map((ns) => join(tree.root, baselinePath(ns))).filter((f) => existsSync(f));
      if (!(error instanceof AbiInputError) || !files.length) throw error;
      const side = loadBaselineFiles(files, label, tree.root);
      return checkRelease({ ...side, origin: 'git', notes: [`its abi/ modules do not load with this xenabi (${error.diagnostics[0]?.message ?? 'error'}); its committed baseline was used`] }, options, label);
    }
  } finally {
    tree.cleanup();
  }
}

/** The working tree's model when it loads strictly (as the head does), with its inputs, else undefined. */
async function strictModel(repoRoot: string): Promise<{ model: AbiModel; inputs?: string[] } | undefined> {
  try {
    const { loaded, inputs } = await loadAbiWithInputs(join(repoRoot, 'abi'), repoRoot);
    return { model: loaded.model, ...(inputs ? { inputs } : {}) };
  } catch (error) {
    if (error instanceof AbiInputError) return undefined;
    throw error;
  }
}

/** A side from an export document at `file` (a file or a pipe), bounded in size (`read-input.ts`). */
export function loadExportFile(file: string, label: string): AbiSide {
  const data = readOrFail(() => parseJson(readInput(file, label), label));
  if (!looksLikeExport(data)) throw new SideInputError(`${label}: not an export document (expected "format": "xenabi-abi/1", as \`xenabi export\` writes)`);
  const problems = exportProblems(data);
  if (problems.length) throw new SideInputError(`${label}: not a valid xenabi-abi/1 document:\n${problems.slice(0, 20).map((p) => `  ${p}`).join('\n')}`);
  return consistent(sideFromExport(data as ExportDocument, label), 'xenabi-abi/1 document');
}

export function loadBaselineFiles(files: string[], label: string, relativeTo?: string): AbiSide {
  const path = (f: string) => (relativeTo ? relative(relativeTo, f) : f).split('\\').join('/') || basename(f);
  const texts = files.map((f) => ({ path: path(f), text: readOrFail(() => readInput(f, path(f))) }));
  return consistent(sideFromBaseline(texts, label), 'baseline');
}

/** Runs a read, turning an unreadable input into the side's bad input. */
function readOrFail<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof InputFileError) throw new SideInputError(error.message);
    throw error;
  }
}

/** The side, when every name it refers to is one it has (`integrity.ts`). */
function consistent(side: AbiSide, what: string): AbiSide {
  const problems = referenceProblems(side);
  if (problems.length) throw new SideInputError(`${side.label}: not a valid ${what}:\n${problems.slice(0, 20).map((p) => `  ${p}`).join('\n')}${problems.length > 20 ? `\n  and ${problems.length - 20} more` : ''}`);
  return side;
}

/** The committed baseline of the repository at `root`. */
export function committedBaseline(root: string): SideSpec {
  const files = NAMESPACES.map((ns) => join(root, baselinePath(ns))).filter((f) => existsSync(f));
  if (!files.length) {
    throw new SideInputError(`no committed baseline in ${join(root, 'abi/baseline')}; run \`npx xenabi generate\` and commit it, or pass --against REF or --base PATH`);
  }
  return { kind: 'baseline', files, label: 'abi/baseline', relativeTo: root };
}

/**
 * What a `--base`/`--head` path is: an export JSON (`*.json`), a baseline file (`*.abi.md`)
 * or a folder of them, an `abi/` directory, or a repository root holding one.
 */
export function sideSpecForPath(path: string, cwd: string): SideSpec {
  const full = resolve(cwd, path);
  const label = relative(cwd, full) || '.';
  const stats = readOrFail(() => statInput(full, path));
  // A pipe (`--base <(xenabi export)`) or a device is read once, as an export.
  if (isReadable(stats)) {
    if (stats.isFile() && full.endsWith('.abi.md')) return { kind: 'baseline', files: [full], label, relativeTo: cwd };
    return { kind: 'export', file: full, label: stats.isFile() ? label : path };
  }
  if (!stats.isDirectory()) throw new SideInputError(`${path}: ${kindOf(stats)}; give an export JSON, an abi/ directory or a baseline`);
  const list = (dir: string) => readOrFail(() => listInput(dir, relative(cwd, dir) || '.'));
  const hasModules = (dir: string) => NAMESPACES.some((ns) => list(join(dir, ns)).some((f) => f.endsWith('.ts')));
  if (hasModules(full)) return { kind: 'abi', dir: full, repoRoot: resolve(full, '..'), label, lenient: true };
  if (hasModules(join(full, 'abi'))) return { kind: 'abi', dir: join(full, 'abi'), repoRoot: full, label, lenient: true };
  const reports = list(full).filter((f) => f.endsWith('.abi.md')).sort();
  if (reports.length) return { kind: 'baseline', files: reports.map((f) => join(full, f)), label, relativeTo: cwd };
  throw new SideInputError(`${path}: neither an export JSON, an abi/ directory (with stable/ or unstable/ modules), nor a baseline folder (*.abi.md)`);
}

