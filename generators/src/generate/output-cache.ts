/**
 * The outputs of the emitters that keep no manifest (C, Rust, docs, baseline), reused across
 * runs of the same build while nothing they depend on changed: the release view, the
 * history, the package versions and the banner command (`inputs`), and the emitter's own
 * source folder (its templates are read at run time). Keyed by the bundled CLI's build id
 * (`build-id.ts`) too, so only the build that rendered them reads them; without one (tsc
 * output, tests) nothing is cached. Entries live in `node_modules/.cache/xenabi/`; anything
 * unreadable is a miss, a failure to write is ignored. `--force` neither reads nor writes them.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { BUILD_ID } from '../build-id.js';
import type { RenderedFile } from '../output/pipeline.js';
import { sourceDigest } from './cache.js';

const FORMAT = 'xenabi-outputs/1';

interface Entry {
  format: typeof FORMAT;
  build: string;
  key: string;
  files: RenderedFile[];
}

/** One emitter's cached outputs: `read` gives them when `key` matches, `write` stores a run's. */
export interface OutputCache {
  read(): RenderedFile[] | undefined;
  write(files: readonly RenderedFile[]): void;
}

/**
 * The cache of emitter `id` in the repository at `root`, for a run whose inputs digest to
 * `inputsDigest`; undefined when nothing is cached (no build id, no node_modules, no sources).
 */
export function outputCache(root: string, id: string, inputsDigest: string, build = BUILD_ID): OutputCache | undefined {
  const sources = new URL(`../emit/${id}/`, import.meta.url.replace('/dist/', '/src/'));
  if (build === undefined || !existsSync(join(root, 'node_modules')) || !existsSync(sources)) return undefined;
  const path = join(root, 'node_modules', '.cache', 'xenabi', `outputs-${id}.bin`);
  const key = createHash('sha256').update(`${FORMAT}\n${build}\n${id}\n${inputsDigest}\n${sourceDigest(fileURLToPath(sources))}`).digest('hex');
  return {
    read: () => {
      try {
        const entry = deserialize(readFileSync(path)) as Entry;
        return entry.format === FORMAT && entry.build === build && entry.key === key ? entry.files : undefined;
      } catch {
        return undefined;
      }
    },
    write: (files) => {
      try {
        mkdirSync(dirname(path), { recursive: true });
        const temp = `${path}.${process.pid}.tmp`;
        writeFileSync(temp, serialize({ format: FORMAT, build, key, files: files.map((f) => ({ ...f })) } satisfies Entry));
        renameSync(temp, path);
      } catch {
        // A read-only or vanished cache directory only costs the next run an emit.
      }
    },
  };
}
