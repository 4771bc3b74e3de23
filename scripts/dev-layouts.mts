// Development aid: prints every record's layout on the four architectures as JSON lines.
// Usage: npx tsx scripts/dev-layouts.mts [RECORD...] [--release 4.17]
import { loadAbi } from '../generators/src/load/index.ts';
import { ArchLayout } from '../generators/src/layout/engine.ts';
import { ARCHES } from '../generators/src/model/arch.ts';
import { atRelease } from '../generators/src/select/release.ts';
import { NEWEST_RELEASE } from '../generators/src/model/releases.ts';
import { AbiInputError } from '../generators/src/diagnostics/diagnostic.ts';

const args = process.argv.slice(2);
const releaseAt = args.indexOf('--release');
const release = releaseAt >= 0 ? args.splice(releaseAt, 2)[1]! : NEWEST_RELEASE;
try {
  const { model } = await loadAbi(new URL('../abi', import.meta.url).pathname);
  const view = atRelease(model, release);
  for (const arch of ARCHES) {
    const layout = new ArchLayout(view, arch);
    for (const r of view.records) {
      if (args.length && !args.includes(r.name)) continue;
      if (!layout.has(r.name)) continue;
      const l = layout.record(r.name);
      console.log(JSON.stringify({ arch, name: l.name, size: l.size, align: l.align,
        fields: l.fields.map((f) => `${f.name}@${f.offset}:${f.size}${f.bitWidth !== undefined ? `/b${f.bitOffset}+${f.bitWidth}` : ''}`).join(' '),
        holes: l.holes.map((h) => `${h.after}@${h.offset}+${h.bits}b${h.tail ? ' tail' : ''}`).join(' ') }));
    }
  }
} catch (e) {
  if (e instanceof AbiInputError) { console.error(e.message); process.exit(2); }
  throw e;
}
