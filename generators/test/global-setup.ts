/**
 * Run once before the test files: names the sources they run, so that they share the models
 * they load (`MODEL_CACHE_ID` in `src/build-id.ts`): the digest of every file under
 * generators/src, which is everything that evaluates, lowers and validates `abi/`.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TEST_BUILD_VARIABLE } from '../src/build-id.js';

export function setup(): void {
  const src = new URL('../src/', import.meta.url).pathname;
  const files = readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .sort();
  const digest = createHash('sha256');
  for (const file of files) digest.update(relative(src, file)).update('\0').update(readFileSync(file)).update('\0');
  process.env[TEST_BUILD_VARIABLE] = `sources-${digest.digest('hex').slice(0, 32)}`;
}
