/**
 * The result of `check --against REF` of the working tree, reused while neither side changed:
 * `checkAbi` is a pure function of the two sides and the options, and each side is named by
 * what its cache is keyed by (`side-cache.ts`, `load/model-cache.ts`): the base by the git
 * tree id of `abi/` at REF, the head by the content of every file its model was loaded from.
 * A warm check then reads neither side (two 1.6 MB entries) nor compares them.
 *
 * The key holds everything the result is made of: both trees' keys, both labels (the base's
 * names the commit), the release, `--fail-on` and the waivers as parsed; the entry is read only
 * by the build that wrote it, as every cache entry. One entry per repository, head folder and
 * base tree, overwritten by the next check of them that misses. It lives beside the models (`abi-model-…`), so
 * emptying what a check caches empties it too.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { contentKey, derivedCache, derivedInputs, modelCacheByContent, type ModelCache } from '../load/model-cache.js';
import type { CheckResult } from './engine.js';
import { gitSideLabel, resolveRef } from './side/git.js';
import { sideCacheKind } from './side/side-cache.js';
import type { Waiver } from './waivers/index.js';

export interface ResultCacheKey {
  root: string;
  /** `--against`. */
  ref: string;
  /** The head: an `abi/` folder, loaded strictly, and how it is labelled. */
  headDir: string;
  headLabel: string;
  release: string;
  failOn: 'source' | 'binary';
  waivers: readonly Waiver[];
}

/** The cached result of the check `k` names, or undefined; and how to store the result just computed. */
export function checkResultCache(k: ResultCacheKey): { hit?: CheckResult; store(result: CheckResult): void } {
  let resolved: { commit: string; tree?: string };
  try {
    resolved = resolveRef(k.root, k.ref);
  } catch {
    return { store: () => undefined };
  }
  const tree = resolved.tree;
  if (!tree) return { store: () => undefined };
  const abiDir = resolve(k.headDir);
  const name = `check-result-${sha(`${k.root}\n${abiDir}\n${tree}`).slice(0, 16)}`;
  const cacheFor = (inputs: readonly string[]): ModelCache<CheckResult> => {
    const key = sha(
      JSON.stringify({
        base: { tree, label: gitSideLabel(k.ref, resolved.commit) },
        head: { dir: abiDir, content: contentKey(k.root, abiDir, inputs), label: k.headLabel },
        release: k.release,
        failOn: k.failOn,
        waivers: k.waivers,
      }),
    );
    return derivedCache<CheckResult>(k.root, name, key);
  };
  const previous = derivedInputs(k.root, name);
  const hit = previous ? cacheFor(previous).read() : undefined;
  return {
    ...(hit ? { hit } : {}),
    store(result) {
      // The inputs of the head's side as just loaded (or read): what its content is.
      const inputs = modelCacheByContent(k.root, abiDir, sideCacheKind('strict', k.release)).inputs();
      if (inputs) cacheFor(inputs).write(result, inputs);
    },
  };
}

function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
