/**
 * The ABI module files of an `abi/` directory. Its own module because the model cache keys
 * an entry by them (`model-cache.ts`): a cache hit must not load the evaluator with it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { NAMESPACES } from '../model/namespaces.js';
import type { Namespace } from '../model/types.js';

/** ABI module files under `abiDir`, by namespace folder, sorted by name. */
export function listModuleFiles(abiDir: string): { namespace: Namespace; file: string }[] {
  return NAMESPACES.flatMap((namespace) => {
    const folder = join(abiDir, namespace);
    if (!existsSync(folder)) return [];
    return readdirSync(folder)
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
      .sort()
      .map((name) => ({ namespace, file: join(folder, name) }));
  });
}
