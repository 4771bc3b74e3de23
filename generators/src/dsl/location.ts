import type { RawLocation } from './defs.js';

/** Frames from these folders belong to xenabi itself, never to an ABI module. */
const OWN_FRAMES = /[\\/](generators[\\/](src|dist)[\\/]dsl|node_modules)[\\/]/;
/** True for a file of xenabi itself (the DSL) or of a package: never the ABI module that called. */
export function isOwnFrame(file: string): boolean {
  return OWN_FRAMES.test(file);
}

/** `at fn (/a path/with spaces.ts:1:2)` or `at /a path.ts:1:2`: the file may hold spaces and parentheses. */
const FRAME = /^at (?:.*? \((.+):(\d+):(\d+)\)|(.+):(\d+):(\d+))$/;

/**
 * Maps a position in generated code (a frame's file as V8 names it, 1-based line and
 * column) to its source: the source position; undefined when no source map covers the
 * position (the stack string shows it unmapped too); or null when the locator cannot map the
 * ABI bundle, and the stack string must be read instead. The loader installs one on the
 * global object of the realm it evaluates the ABI bundle in (`load/sandbox.ts`), mapping
 * through the bundle's own source map (`load/source-map.ts`), so that a DSL call reads its
 * frames as plain positions instead of formatting a source-mapped stack string.
 */
export const FRAME_LOCATOR = Symbol.for('xenabi.dsl.frameLocator');

export type FrameLocator = (file: string, line: number, column: number) => RawLocation | undefined | null;

/**
 * The place in an ABI module that called the DSL. Read from the stack, mapped back to the
 * TypeScript source, so diagnostics can name `abi/stable/dm_op.ts:42`.
 */
export function callerLocation(): RawLocation {
  const locate = (globalThis as { [FRAME_LOCATOR]?: FrameLocator })[FRAME_LOCATOR];
  if (locate) {
    for (const site of callSites()) {
      const frame = locatedFrame(site, locate);
      if (frame === null) return callerIn(stackFrames());
      if (frame && !OWN_FRAMES.test(frame.file)) return callerIn([frame]);
    }
    return callerIn([]);
  }
  return callerIn(stackFrames());
}

/** The first frame outside the DSL, with its file as a path. */
function callerIn(frames: readonly RawLocation[]): RawLocation {
  for (const f of frames) {
    if (OWN_FRAMES.test(f.file)) continue;
    return { file: filePath(f.file), line: f.line, column: f.column };
  }
  return { file: '<unknown>', line: 0, column: 0 };
}

/** A frame's file as a path: a `file://` URL decoded (`%20` is a space), anything else as it is. */
function filePath(file: string): string {
  if (!file.startsWith('file://')) return file;
  try {
    return decodeURIComponent(file.slice('file://'.length));
  } catch {
    return file.slice('file://'.length);
  }
}

/** The frames from `callerLocation` down, as the formatted (source-mapped) stack string lists them. */
function stackFrames(): RawLocation[] {
  const holder: { stack?: string } = {};
  Error.captureStackTrace(holder, stackFrames);
  return (holder.stack ?? '')
    .split('\n')
    .slice(1)
    .flatMap((line) => {
      const match = FRAME.exec(line.trim());
      if (!match) return [];
      const [file, at, column] = match[1] !== undefined ? [match[1], match[2], match[3]] : [match[4], match[5], match[6]];
      return [{ file: file ?? '', line: Number(at), column: Number(column) }];
    });
}

/** V8's call sites from `callerLocation` down: the frames of the stack string, unformatted. */
function callSites(): NodeJS.CallSite[] {
  const previous = Error.prepareStackTrace;
  Error.prepareStackTrace = (_error, sites) => sites;
  try {
    const holder: { stack?: NodeJS.CallSite[] } = {};
    Error.captureStackTrace(holder, callSites);
    return holder.stack ?? [];
  } finally {
    Error.prepareStackTrace = previous;
  }
}

/**
 * A call site's position, mapped by `locate` (only for the frames `callerLocation` reads, up
 * to the first outside the DSL). A frame without a file (native code) has none, as the
 * stack string's `(<anonymous>)`; one no source map covers keeps its generated position, as
 * in the stack string; null when `locate` cannot map the bundle at all.
 */
function locatedFrame(site: NodeJS.CallSite, locate: FrameLocator): RawLocation | undefined | null {
  const file = site.getFileName() ?? site.getEvalOrigin();
  const line = site.getLineNumber();
  const column = site.getColumnNumber();
  if (!file || line === null || column === null) return undefined;
  const located = locate(file, line, column);
  return located === undefined ? { file, line, column } : located;
}
