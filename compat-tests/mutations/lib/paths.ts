import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export const REPO_ROOT = resolve(here, '../../..');
/** The shard process's entry point, and where the test bundles it (ignored by git, like every compat-tests build/). */
export const SHARD_ENTRY = resolve(here, '../shard.ts');
export const BUILD_DIR = resolve(here, '../build');
