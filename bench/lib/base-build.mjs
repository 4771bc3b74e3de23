// Another revision's xenabi, built beside this checkout for side-by-side benchmarks: its
// generators/ extracted with git archive into node_modules/.cache (so that it resolves this
// checkout's packages) and compiled once per commit.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** The path of `bin/xenabi.js` of revision `ref` of the repository at `repo`. */
export function baseXenabi(repo, ref) {
  const commit = execFileSync('git', ['rev-parse', ref], { cwd: repo, encoding: 'utf8' }).trim();
  const dir = join(repo, 'node_modules/.cache/xenabi-bench-base', commit);
  if (!existsSync(join(dir, 'generators/dist/cli/main.js'))) {
    mkdirSync(dir, { recursive: true });
    execFileSync('sh', ['-c', `git archive ${commit} generators tsconfig.base.json | tar -x -C '${dir}'`], { cwd: repo });
    execFileSync(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-b', join(dir, 'generators')], { stdio: 'inherit' });
  }
  return join(dir, 'generators/bin/xenabi.js');
}
