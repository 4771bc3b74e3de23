/**
 * Positions in the ABI bundle, mapped back to the TypeScript they came from through the
 * bundle's inline source map. The loader does this itself instead of asking Node to (Node
 * maps only what its own module loaders load), so every location — a DSL call's, a thrown
 * error's frame, the line an endless loop was stopped at — is found the same way, whatever
 * evaluates the loader (Node, or a test runner with its own module loader).
 */
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RawLocation } from '../dsl/defs.js';
import { isOwnFrame } from '../dsl/location.js';
import { BUNDLE_FILE } from './bundle-names.js';

const INLINE_MAP = '//# sourceMappingURL=data:application/json;base64,';
const FRAME = new RegExp(`${BUNDLE_FILE.replace(/\./g, '\\.')}:(\\d+):(\\d+)`, 'g');

export class BundleMap {
  private map: DecodedMap | null | undefined;
  private readonly paths = new Map<string, string>();

  /**
   * `text` is the bundle; the source map's paths are relative to `abiDir`, where esbuild was
   * told the bundle goes. `serialized` is the map as `serialized()` gave it for this bundle
   * before (the bundle cache keeps it): then the map is not decoded again.
   */
  constructor(
    private readonly text: string,
    private readonly abiDir: string,
    serialized?: string,
  ) {
    if (serialized !== undefined) this.map = DecodedMap.restore(serialized);
  }

  /** The decoded map, as text to store beside the bundle (`bundle-cache.ts`). */
  serialized(): string | undefined {
    return this.sourceMap()?.serialize();
  }

  /** The source position of a 1-based position in the bundle, or undefined when none covers it. */
  locate(line: number, column: number): RawLocation | undefined {
    const map = this.sourceMap();
    const at = map ? map.find(line - 1, column - 1) : -1;
    if (!map || at < 0) return undefined;
    const source = map.sources[map.segments[at * 4 + 1] as number];
    if (source === undefined) return undefined;
    return { file: this.path(source), line: (map.segments[at * 4 + 2] as number) + 1, column: (map.segments[at * 4 + 3] as number) + 1 };
  }

  /**
   * The first place in an ABI module (not in the DSL or a package) among a stack's frames of
   * the bundle, innermost first: where a module threw, even when the DSL raised the error for it.
   */
  firstModuleFrame(stack: string): RawLocation | undefined {
    for (const [, line, column] of stack.matchAll(FRAME)) {
      const at = this.locate(Number(line), Number(column));
      if (at && !isOwnFrame(at.file)) return at;
    }
    return undefined;
  }

  private sourceMap(): DecodedMap | null {
    if (this.map !== undefined) return this.map;
    const at = this.text.lastIndexOf(INLINE_MAP);
    try {
      const payload = at < 0 ? undefined : (JSON.parse(Buffer.from(this.text.slice(at + INLINE_MAP.length).trim(), 'base64').toString('utf8')) as { sources?: string[]; mappings?: string });
      this.map = payload && Array.isArray(payload.sources) && typeof payload.mappings === 'string' ? DecodedMap.decode(payload.sources, payload.mappings) : null;
    } catch {
      this.map = null;
    }
    return this.map;
  }

  /** A source of the map as an absolute path: esbuild writes them relative to the output's folder. */
  private path(source: string): string {
    let path = this.paths.get(source);
    if (path === undefined) {
      path = source.startsWith('file://') ? fileURLToPath(source) : isAbsolute(source) ? source : resolve(this.abiDir, source);
      this.paths.set(source, path);
    }
    return path;
  }
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64.length; i++) DIGIT[BASE64.charCodeAt(i)] = i;

/**
 * A source map's mappings (version 3), decoded once into flat arrays: per segment its
 * generated column, source index (-1 for a segment without a source), source line and source
 * column; per generated line where its segments start. Node's own `SourceMap` builds an
 * object per mapping and cost a cold run about 30 ms for this bundle; this costs a few.
 * `find` answers as Node's `findEntry` does: the last segment at or before the position.
 */
class DecodedMap {
  /** Four numbers per segment. */
  readonly segments: Int32Array;
  /** Index of each generated line's first segment; one more entry than lines. */
  private readonly lineStart: Int32Array;

  /** Made by `decode` or `restore`. */
  private constructor(
    readonly sources: readonly string[],
    segments: Int32Array,
    lineStart: Int32Array,
  ) {
    this.segments = segments;
    this.lineStart = lineStart;
  }

  /** The map as one line of text: its sources, and its two arrays in base64. */
  serialize(): string {
    const b64 = (a: Int32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
    return JSON.stringify([this.sources, b64(this.segments), b64(this.lineStart)]);
  }

  /** A map `serialize` wrote; null when the text is not one (the bundle's own map is decoded instead). */
  static restore(text: string): DecodedMap | null {
    try {
      const [sources, segments, lineStart] = JSON.parse(text) as [string[], string, string];
      const ints = (b64: string) => {
        const bytes = Buffer.from(b64, 'base64');
        return new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
      };
      return Array.isArray(sources) ? new DecodedMap(sources, ints(segments), ints(lineStart)) : null;
    } catch {
      return null;
    }
  }

  /** Decodes the `mappings` of a version 3 source map. */
  static decode(sources: readonly string[], mappings: string): DecodedMap {
    const segments: number[] = [];
    const lineStart: number[] = [0];
    const field = [0, 0, 0, 0, 0];
    let source = 0;
    let sourceLine = 0;
    let sourceColumn = 0;
    let column = 0;
    let count = 0;
    let value = 0;
    let shift = 0;
    const end = () => {
      if (count === 0) return;
      column += field[0] as number;
      if (count >= 4) {
        source += field[1] as number;
        sourceLine += field[2] as number;
        sourceColumn += field[3] as number;
      }
      segments.push(column, count >= 4 ? source : -1, sourceLine, sourceColumn);
      count = 0;
    };
    for (let i = 0; i < mappings.length; i++) {
      const c = mappings.charCodeAt(i);
      if (c === 59 /* ; */ || c === 44 /* , */) {
        end();
        if (c === 59) {
          column = 0;
          lineStart.push(segments.length / 4);
        }
        continue;
      }
      const digit = c < 128 ? (DIGIT[c] as number) : -1;
      if (digit < 0) throw new Error('not a base64 VLQ digit in the source map');
      value += (digit & 31) << shift;
      if (digit & 32) {
        shift += 5;
        continue;
      }
      if (count < 5) field[count] = value & 1 ? -(value >>> 1) : value >>> 1;
      count++;
      value = 0;
      shift = 0;
    }
    end();
    lineStart.push(segments.length / 4);
    return new DecodedMap(sources, Int32Array.from(segments), Int32Array.from(lineStart));
  }

  /** The segment at or before 0-based (`line`, `column`), or -1. */
  find(line: number, column: number): number {
    for (let l = Math.min(line, this.lineStart.length - 2); l >= 0; l--) {
      const first = this.lineStart[l] as number;
      let lo = first;
      let hi = (this.lineStart[l + 1] as number) - 1;
      if (l < line) return hi >= first ? hi : this.previous(l);
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if ((this.segments[mid * 4] as number) <= column) {
          found = mid;
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      if (found >= 0) return found;
    }
    return -1;
  }

  /** The last segment of a line before `line`, or -1. */
  private previous(line: number): number {
    for (let l = line - 1; l >= 0; l--) if ((this.lineStart[l + 1] as number) > (this.lineStart[l] as number)) return (this.lineStart[l + 1] as number) - 1;
    return -1;
  }
}
