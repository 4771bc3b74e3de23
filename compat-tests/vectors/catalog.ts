/**
 * The committed vectors, read back and paired with what the checkers need from the model:
 * the record's declaration (its C name, its module) and its shape on the architecture (each
 * leaf's kind: bit-field, handle, signedness). Values and bytes always come from the
 * committed JSON, so the checkers check the files, not a fresh computation.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAbi } from '../../generators/src/load/index.js';
import { NEWEST_RELEASE } from '../../generators/src/model/releases.js';
import type { AbiModel, Arch, ModuleDecl, RecordDecl } from '../../generators/src/model/types.js';
import { atRelease, type ReleaseModel } from '../../generators/src/select/release.js';
import { archModel, recordShape, type Leaf, type RecordShape } from './shape.js';
import { FORMAT, vectorBytes, vectorPath, type RecordVectors, type Vector, type VectorFile } from './vectors.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Regenerate command, for messages. */
export const REGENERATE = 'npm run vectors';

let loaded: Promise<AbiModel> | undefined;

/** The whole ABI history from `abi/`, loaded once per process. */
export function loadHistory(): Promise<AbiModel> {
  loaded ??= loadAbi(join(REPO_ROOT, 'abi'), REPO_ROOT).then((l) => l.model);
  return loaded;
}

/** One vector with everything a checker needs. */
export interface Case {
  arch: Arch;
  module: ModuleDecl;
  record: RecordDecl;
  shape: RecordShape;
  vector: Vector;
  /** `sizeof` the record, as the vector file has it. */
  size: number;
  /** The leaves this vector sets, in order, each with its value from the JSON. */
  leaves: { leaf: Leaf; value: bigint }[];
  bytes: Uint8Array;
}

/** The committed vector files of one architecture, one per module that has records there. */
export function readVectorFiles(model: ReleaseModel, arch: Arch): VectorFile[] {
  return model.modules.flatMap((m) => {
    const path = join(REPO_ROOT, vectorPath({ arch, module: m.name }));
    if (!existsSync(path)) return [];
    const file = JSON.parse(readFileSync(path, 'utf8')) as VectorFile;
    if (file.format !== FORMAT) throw new Error(`${path}: format ${String(file.format)}, expected ${FORMAT}; run ${REGENERATE}`);
    return [file];
  });
}

/** Every vector of one architecture (by default the committed ones), paired with the model at the newest release. */
export function casesOf(model: ReleaseModel, arch: Arch, files: readonly VectorFile[] = readVectorFiles(model, arch)): Case[] {
  const am = archModel(model, arch);
  return files.filter((f) => f.arch === arch).flatMap((file) => {
    const module = model.modules.find((m) => m.name === file.module);
    if (!module) throw new Error(`${vectorPath(file)}: no module ${file.module} in abi/; run ${REGENERATE}`);
    return file.records.flatMap((rv) => recordCases(model, am, module, rv));
  });
}

function recordCases(model: ReleaseModel, am: ReturnType<typeof archModel>, module: ModuleDecl, rv: RecordVectors): Case[] {
  const record = model.records.find((r) => r.name === rv.record && !r.parent);
  if (!record || !am.layout.has(record.name)) throw new Error(`vectors for ${rv.record} on ${am.arch}, which abi/ does not have there; run ${REGENERATE}`);
  const shape = recordShape(am, record);
  return rv.vectors.map((vector) => {
    const variant = shape.variants[vector.index];
    const paths = Object.keys(vector.fields);
    if (!variant || variant.leaves.map((l) => l.path).join() !== paths.join()) {
      throw new Error(`${rv.record} #${vector.index} on ${am.arch}: the vector's members no longer match abi/; run ${REGENERATE}`);
    }
    const leaves = variant.leaves.map((leaf) => ({ leaf, value: BigInt(vector.fields[leaf.path] as number | string) }));
    return { arch: am.arch, module, record, shape, vector, size: rv.size, leaves, bytes: vectorBytes(vector) };
  });
}

/** The model at the newest release, from the repository's `abi/`. */
export async function newestModel(): Promise<ReleaseModel> {
  return atRelease(await loadHistory(), NEWEST_RELEASE);
}

/** Per-arch totals for the test logs. */
export function counts(cases: readonly Case[]): { records: number; vectors: number; bytes: number } {
  return { records: new Set(cases.map((c) => c.record.name)).size, vectors: cases.length, bytes: cases.reduce((n, c) => n + c.bytes.length, 0) };
}
