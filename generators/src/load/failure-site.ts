/**
 * Where an evaluation failed when the failure itself does not say: the line that threw a
 * value without a stack (`throw 'x'`, `throw null`), or the line an endless loop was running
 * when the time limit stopped it. Found by running the bundle once more, in a fresh context,
 * under Node's inspector (the debugger pausing on each exception, or the CPU profiler
 * sampling) — only ever after such a failure, so a good run pays nothing for it.
 */
import type { Session } from 'node:inspector';
import type { RawLocation } from '../dsl/defs.js';
import { isOwnFrame, type FrameLocator } from '../dsl/location.js';
import { BUNDLE_FILE } from './bundle-names.js';
import { prepareBundle, runBundle } from './sandbox.js';
import type { BundleMap } from './source-map.js';

/** How long the profiled run may loop: long enough for hundreds of samples. */
const PROFILE_MS = 400;

interface Frame {
  url?: string;
  location: { scriptId: string; lineNumber: number; columnNumber?: number };
}

/** The innermost ABI-module line among the frames of the last exception thrown in the bundle. */
export async function throwSite(text: string, map: BundleMap, locate: FrameLocator, timeoutMs: number): Promise<RawLocation | undefined> {
  return withSession(async (session, post) => {
    let bundle: string | undefined;
    let site: RawLocation | undefined;
    session.on('Debugger.scriptParsed', ({ params }) => {
      if (params.url === BUNDLE_FILE) bundle = params.scriptId;
    });
    session.on('Debugger.paused', ({ params }) => {
      const frames = params.callFrames as Frame[];
      const inModule = frames
        .filter((f) => f.location.scriptId === bundle)
        .map((f) => map.locate(f.location.lineNumber + 1, (f.location.columnNumber ?? 0) + 1))
        .find((at) => at && !isOwnFrame(at.file));
      if (inModule) site = inModule;
      post('Debugger.resume');
    });
    post('Debugger.enable');
    post('Debugger.setPauseOnExceptions', { state: 'all' });
    await runBundle(prepareBundle(text, locate), timeoutMs);
    post('Debugger.disable');
    return site;
  });
}

/** The ABI-module line the bundle was busiest on in its last sampled function, when stopped after a short run. */
export async function loopSite(text: string, map: BundleMap, locate: FrameLocator): Promise<RawLocation | undefined> {
  return withSession(async (_session, post) => {
    post('Profiler.enable');
    post('Profiler.setSamplingInterval', { interval: 250 });
    const prepared = prepareBundle(text, locate);
    post('Profiler.start');
    await runBundle(prepared, PROFILE_MS);
    const { profile } = post('Profiler.stop') as { profile: Profile };
    post('Profiler.disable');
    return busiestLine(profile, text, map);
  });
}

interface Profile {
  nodes: { id: number; callFrame: { url: string; lineNumber: number; columnNumber: number }; positionTicks?: { line: number; ticks: number }[] }[];
  samples?: number[];
}

function busiestLine(profile: Profile, text: string, map: BundleMap): RawLocation | undefined {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const samples = profile.samples ?? [];
  for (let i = samples.length - 1; i >= 0; i--) {
    const node = byId.get(samples[i] as number);
    if (!node || node.callFrame.url !== BUNDLE_FILE) continue;
    const hottest = [...(node.positionTicks ?? [])].sort((a, b) => b.ticks - a.ticks)[0];
    const line = hottest?.line ?? node.callFrame.lineNumber + 1;
    const at = map.locate(line, firstColumn(text, line));
    if (at && !isOwnFrame(at.file)) return at;
  }
  return undefined;
}

/** The 1-based column of the first non-blank character of a 1-based line of `text`. */
function firstColumn(text: string, line: number): number {
  let start = 0;
  for (let n = 1; n < line && start >= 0; n++) start = text.indexOf('\n', start) + 1 || -1;
  if (start < 0) return 1;
  const match = /\S/.exec(text.slice(start, text.indexOf('\n', start) >>> 0));
  return (match?.index ?? 0) + 1;
}

type Post = (method: string, params?: object) => unknown;

/** Runs `use` with an inspector session on this thread; undefined when Node has no inspector. */
async function withSession<T>(use: (session: Session, post: Post) => Promise<T | undefined>): Promise<T | undefined> {
  const inspector = await import('node:inspector').catch(() => undefined);
  if (!inspector) return undefined;
  const session = new inspector.Session();
  try {
    session.connect();
  } catch {
    return undefined;
  }
  // On the session's own thread the inspector answers synchronously.
  const post: Post = (method, params) => {
    let answer: unknown;
    let failure: Error | null = null;
    session.post(method, params, (error, result) => {
      failure = error;
      answer = result;
    });
    if (failure) throw failure;
    return answer;
  };
  try {
    return await use(session, post);
  } catch {
    return undefined;
  } finally {
    session.disconnect();
  }
}
