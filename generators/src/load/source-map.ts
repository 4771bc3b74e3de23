/**
 * Positions in the ABI bundle, mapped back to the TypeScript they came from through the
 * bundle's inline source map. The loader does this itself instead of asking Node to (Node
 * maps only what its own module loaders load), so every location — a DSL call's, a thrown
 * error's frame, the line an endless loop was stopped at — is found the same way, whatever
 * evaluates the loader (Node, or a test runner with its own module loader).
 */
import { SourceMap, type SourceMapping, type SourceMapPayload } from 'node:module';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RawLocation } from '../dsl/defs.js';
import { isOwnFrame } from '../dsl/location.js';
import { BUNDLE_FILE } from './build.js';

const INLINE_MAP = '//# sourceMappingURL=data:application/json;base64,';
const FRAME = new RegExp(`${BUNDLE_FILE.replace(/\./g, '\\.')}:(\\d+):(\\d+)`, 'g');

export class BundleMap {
  private map: SourceMap | null | undefined;
  private readonly paths = new Map<string, string>();

  /** `text` is the bundle; the source map's paths are relative to `abiDir`, where esbuild was told the bundle goes. */
  constructor(
    private readonly text: string,
    private readonly abiDir: string,
  ) {}

  /** The source position of a 1-based position in the bundle, or undefined when none covers it. */
  locate(line: number, column: number): RawLocation | undefined {
    const map = this.sourceMap();
    if (!map) return undefined;
    const entry = map.findEntry(line - 1, column - 1) as Partial<SourceMapping>;
    const source = entry.originalSource;
    if (source === undefined || entry.originalLine === undefined || entry.originalColumn === undefined) return undefined;
    return { file: this.path(source), line: entry.originalLine + 1, column: entry.originalColumn + 1 };
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

  private sourceMap(): SourceMap | null {
    if (this.map !== undefined) return this.map;
    const at = this.text.lastIndexOf(INLINE_MAP);
    try {
      const payload = at < 0 ? undefined : Buffer.from(this.text.slice(at + INLINE_MAP.length).trim(), 'base64').toString('utf8');
      this.map = payload ? new SourceMap(JSON.parse(payload) as SourceMapPayload) : null;
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
