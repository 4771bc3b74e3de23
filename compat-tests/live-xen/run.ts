/**
 * Boots one live-Xen release (or all) outside vitest and prints its report:
 *
 *   npx tsx compat-tests/live-xen/run.ts [--release 4.17|4.20]
 *
 * Exit 0 when every step passed, 1 when one failed, 2 on bad usage.
 */
import { LIVE_RELEASES, liveRelease } from './lib/releases.js';
import { runRelease, summary } from './lib/suite.js';
import { LANGUAGES } from './languages.js';

function releasesFromArgs(args: string[]) {
  if (args.length === 0) return LIVE_RELEASES;
  if (args.length === 2 && args[0] === '--release') return [liveRelease(args[1] as string)];
  throw new Error('usage: run.ts [--release X.Y]');
}

async function main(): Promise<number> {
  let releases;
  try {
    releases = releasesFromArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  let failed = false;
  for (const release of releases) {
    const run = await runRelease(release, LANGUAGES);
    console.log(summary(run));
    for (const p of run.problems) console.log(`  ✗ ${p.message}`);
    failed ||= run.problems.length > 0;
  }
  return failed ? 1 : 0;
}

process.exitCode = await main();
