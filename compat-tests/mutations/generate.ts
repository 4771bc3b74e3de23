/**
 * Lists every mutation of the stable ABI at the newest release, one JSON object a line:
 * id, kind, target, description, verdict and the expected findings.
 *
 *     npx tsx compat-tests/mutations/generate.ts [--kind KIND] > mutations.jsonl
 */
import { loadAbi } from '../../generators/src/load/index.js';
import { NEWEST_RELEASE } from '../../generators/src/model/releases.js';
import { atRelease } from '../../generators/src/select/release.js';
import { generateMutations } from './lib/generate.js';
import { REPO_ROOT } from './lib/paths.js';

const args = process.argv.slice(2);
const only = args[0] === '--kind' ? args[1] : undefined;
const { model } = await loadAbi(`${REPO_ROOT}/abi`, REPO_ROOT);
for (const m of generateMutations(atRelease(model, NEWEST_RELEASE))) {
  if (only && m.kind !== only) continue;
  const { apply: _apply, ...plain } = m;
  process.stdout.write(`${JSON.stringify(plain)}\n`);
}
