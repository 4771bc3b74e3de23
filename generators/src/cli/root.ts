import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from './io.js';

/** The repository root: `--root`, else the nearest directory above `cwd` with an `abi/` folder. */
export function findRoot(cwd: string, explicit?: string): string {
  if (explicit) {
    const root = resolve(cwd, explicit);
    if (!existsSync(join(root, 'abi'))) throw new UsageError(`--root ${explicit}: no abi/ directory there`);
    return root;
  }
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'abi')) && existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new UsageError('no abi/ directory here or above; run from the repository or pass --root DIR');
  }
}
