// The every-release test's type-check, with and without the banner's command normalised
// (generate/typecheck.ts, bannerNormaliser): the ABI loads once, each release renders as
// `generate --xen-version V` renders it, and only the type-check is timed, in CPU seconds.
//
//   npm run build && node bench/typecheck-releases.mjs before 4.12 4.13 4.14 4.15
//   node bench/typecheck-releases.mjs after 4.12 4.13 4.14 4.15
//
// "before" passes no command, so the checker sees each release's banner as written (what
// the code did before bannerNormaliser); "after" passes it, as renderRelease does.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allEmitters, renderRelease } from '../generators/dist/generate/index.js';
import { typecheckOutputs } from '../generators/dist/generate/typecheck.js';
import { loadAbi } from '../generators/dist/load/index.js';

const [mode, ...releases] = process.argv.slice(2);
if (!['before', 'after'].includes(mode) || releases.length === 0) {
  console.error('usage: node bench/typecheck-releases.mjs before|after RELEASE...');
  process.exit(2);
}
const root = fileURLToPath(new URL('..', import.meta.url));
const [{ model }, emitters] = await Promise.all([loadAbi(join(root, 'abi'), root), allEmitters()]);
const seconds = (u) => (u.user + u.system) / 1e6;
let total = 0;
for (const release of releases) {
  const command = `npx xenabi generate --xen-version ${release} --out <dir>`;
  const files = await renderRelease(root, model, release, emitters, { force: true, command });
  const start = process.cpuUsage();
  await typecheckOutputs(files, mode === 'after' ? command : undefined);
  const cpu = seconds(process.cpuUsage(start));
  total += cpu;
  console.log(`${mode} ${release}: type-check ${cpu.toFixed(1)} s of CPU`);
}
console.log(`${mode}: ${total.toFixed(1)} s of CPU for ${releases.length} releases`);
