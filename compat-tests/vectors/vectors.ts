/**
 * The shared test vectors: for every record declared on its own (records declared inline are
 * covered inside their parents) and every architecture, values for every leaf member and the
 * little-endian bytes they make, with padding and holes zero. The bytes are placed with the
 * layout engine's offsets, sizes and bit offsets (`shape.ts`); nothing here knows a layout.
 *
 * One JSON file per architecture and module, `compat-tests/vectors/<arch>/<module>.json`.
 */
import { ARCHES } from '../../generators/src/model/arch.js';
import { NEWEST_RELEASE } from '../../generators/src/model/releases.js';
import type { AbiModel, Arch, ModuleDecl, Namespace, RecordDecl } from '../../generators/src/model/types.js';
import { atRelease, type ReleaseModel } from '../../generators/src/select/release.js';
import { archModel, recordShape, type ArchModel, type Leaf, type RecordShape } from './shape.js';
import { applyTags, tagLookup, type TagLookup } from './tags.js';
import { leafValues, SEED } from './values.js';

export const FORMAT = 'xenabi-vectors/1';
export const VECTORS_DIR = 'compat-tests/vectors';
export const GENERATED_BY = 'compat-tests/vectors/generate.ts; regenerate with: npm run vectors';

/** Bytes per line of a vector's `bytes`, so a changed byte is a one-line diff. */
export const BYTES_PER_LINE = 32;

/** A leaf's value in JSON: a number up to 32 bits; a decimal string for 64-bit types, per-arch integers and handles. */
export type JsonValue = number | string;

export interface Vector {
  /** Position among the record's vectors. */
  index: number;
  /** The union members this vector sets, or [] for a record without unions. */
  union: string[];
  /** Elements in the flexible array member, when the record has one. */
  flexCount?: number;
  /** Every leaf member by its C designator; members not listed (padding) are zero. */
  fields: Record<string, JsonValue>;
  /** The expected bytes as hex, `BYTES_PER_LINE` bytes a line. */
  bytes: string[];
}

export interface RecordVectors {
  record: string;
  /** `sizeof` on this architecture; the bytes are longer when a flexible array holds elements. */
  size: number;
  vectors: Vector[];
}

export interface VectorFile {
  generatedBy: string;
  format: typeof FORMAT;
  xenRelease: string;
  arch: Arch;
  namespace: Namespace;
  module: string;
  seed: string;
  records: RecordVectors[];
}

/** The top-level records of a module that exist on `arch`, in declaration order. */
export function moduleRecords(model: ReleaseModel, module: ModuleDecl, am: ArchModel): RecordDecl[] {
  const byName = new Map(model.records.filter((r) => r.module === module.name && !r.parent).map((r) => [r.name, r]));
  return [...new Set(module.order)].flatMap((n) => {
    const r = byName.get(n);
    return r && am.layout.has(n) ? [r] : [];
  });
}

/** Every vector file of the model as the newest release has it. */
export function buildVectorFiles(history: AbiModel, release: string = NEWEST_RELEASE): VectorFile[] {
  const model = atRelease(history, release);
  const tags = tagLookup(model);
  return ARCHES.flatMap((arch) => {
    const am = archModel(model, arch);
    return model.modules.flatMap((m) => {
      const records = moduleRecords(model, m, am);
      if (records.length === 0) return [];
      const file: VectorFile = {
        generatedBy: GENERATED_BY,
        format: FORMAT,
        xenRelease: release,
        arch,
        namespace: m.namespace,
        module: m.name,
        seed: `0x${SEED.toString(16)}`,
        records: records.map((r) => recordVectors(recordShape(am, r), arch, tags)),
      };
      return [file];
    });
  });
}

/** A record's vectors; with `tags`, a member selecting a union names the union's member each vector fills (`tags.ts`). */
export function recordVectors(shape: RecordShape, arch: Arch, tags?: TagLookup): RecordVectors {
  const name = shape.record.name;
  const vectors = shape.variants.map((variant, index): Vector => {
    const values = leafValues(variant.leaves, arch, name, index);
    if (tags) applyTags(tags, shape.record, variant, values, arch);
    return {
      index,
      union: variant.choices,
      ...(shape.flex ? { flexCount: countFlex(variant.leaves) } : {}),
      fields: Object.fromEntries(variant.leaves.map((l, i) => [l.path, jsonValue(l, values[i] as bigint)])),
      bytes: hexLines(encodeLeaves(variant.leaves, values, shape.length)),
    };
  });
  return { record: name, size: shape.size, vectors };
}

function countFlex(leaves: readonly Leaf[]): number {
  return leaves.reduce((n, l) => (l.flexIndex === undefined ? n : Math.max(n, l.flexIndex + 1)), 0);
}

function jsonValue(leaf: Leaf, value: bigint): JsonValue {
  return leaf.wide ? value.toString() : Number(value);
}

/** A JSON value back to an integer. */
export function valueOf(value: JsonValue): bigint {
  return BigInt(value);
}

/** The bytes of a vector: zero, then every leaf written little-endian at its offset (a bit-field bit by bit). */
export function encodeLeaves(leaves: readonly Leaf[], values: readonly bigint[], length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  leaves.forEach((leaf, i) => {
    const value = values[i] as bigint;
    if (leaf.bitOffset !== undefined) {
      const bits = BigInt.asUintN(leaf.bits, value);
      for (let b = 0; b < leaf.bits; b++) {
        if ((bits >> BigInt(b)) & 1n) {
          const at = leaf.bitOffset + b;
          bytes[at >> 3] = (bytes[at >> 3] as number) | (1 << (at & 7));
        }
      }
      return;
    }
    const raw = BigInt.asUintN(leaf.size * 8, value);
    for (let b = 0; b < leaf.size; b++) bytes[leaf.offset + b] = Number((raw >> BigInt(8 * b)) & 0xffn);
  });
  return bytes;
}

export function hexLines(bytes: Uint8Array): string[] {
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i += BYTES_PER_LINE) lines.push(Buffer.from(bytes.subarray(i, i + BYTES_PER_LINE)).toString('hex'));
  return lines;
}

/** A vector's bytes. */
export function vectorBytes(vector: Pick<Vector, 'bytes'>): Uint8Array {
  return new Uint8Array(Buffer.from(vector.bytes.join(''), 'hex'));
}

/** Where a vector file lives, relative to the repository root. */
export function vectorPath(file: Pick<VectorFile, 'arch' | 'module'>): string {
  return `${VECTORS_DIR}/${file.arch}/${file.module}.json`;
}

/** A vector file as committed: two-space JSON, one field and one line of bytes a line. */
export function renderVectorFile(file: VectorFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A label for messages: `xen_dm_op #3 (u.create_ioreq_server)`. */
export function vectorLabel(record: string, vector: Pick<Vector, 'index' | 'union'>): string {
  return `${record} #${vector.index}${vector.union.length ? ` (${vector.union.join(', ')})` : ''}`;
}
