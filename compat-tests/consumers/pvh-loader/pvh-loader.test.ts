/**
 * The PVH-loader consumer: `src/main.c` reads a guest kernel's Xen ELF notes and fills the
 * PVH start-of-day page (hvm_start_info, module list, memory map), as a VMM or boot loader
 * does. It is built on x86_64, x86_32, arm64 and arm32 three ways and run (Arm and, where the
 * host lacks the i386 loader, x86_32 under qemu-user):
 *
 * - on xenabi's headers alone, for the newest release;
 * - on xenabi's headers alone, for Xen's installed release as the oldest supported one;
 * - on Xen's installed headers (the twin).
 *
 * Built for the installed release, ours must print exactly the twin's bytes. Built for the
 * newest, it must print the twin's bytes for every buffer the twin has, and add exactly the
 * buffers of the note Xen added later (XEN_ELFNOTE_PHYS32_RELOC, 4.19).
 */
import { describe, expect, it } from 'vitest';
import { ARCHES } from '../../../generators/src/model/arch.js';
import { NEWEST_RELEASE } from '../../../generators/src/model/releases.js';
import { INSTALLED_XEN_RELEASE } from '../../lib/toolchain.js';
import { buildAndRun, bufferBytes, consumerPrerequisites, differingLabels, xenabiVariant, xenTwinVariant } from '../lib/consumer.js';

const VARIANTS = [
  xenabiVariant('newest'),
  xenabiVariant('installed', INSTALLED_XEN_RELEASE),
  xenTwinVariant('xen', `Xen ${INSTALLED_XEN_RELEASE} headers`, 'CONSUMER_XEN_HEADERS'),
];
/** Buffers only a build for a release newer than the installed one prints. */
const NEWER_THAN_INSTALLED = ['reloc.note', 'reloc.window'];
const prerequisites = consumerPrerequisites();

describe('a PVH loader built on xenabi alone', () => {
  it('has its cross compilers, qemu-user, cross libcs and Xen headers', (ctx) => prerequisites.assertPresent(ctx));

  it.skipIf(prerequisites.skip)(`writes the same notes, start info page and entry registers as its twin on Xen ${INSTALLED_XEN_RELEASE}'s headers`, async () => {
    const runs = await buildAndRun('pvh-loader', ['src/main.c'], VARIANTS);
    expect(runs.failures, runs.failures).toBe('');
    const rows: string[] = [];
    const problems: string[] = [];
    for (const arch of ARCHES) {
      const [newest, installed, xen] = (['newest', 'installed', 'xen'] as const).map((v) => runs.output(arch, v));
      if (!newest || !installed || !xen) throw new Error('a variant printed nothing');
      if (!xen.has('start_info') || !xen.has('page')) problems.push(`${arch}: the twin printed no start info page`);

      const labels = new Set([...installed.keys(), ...xen.keys()]);
      const twinDiffs = differingLabels(installed, xen, labels);
      problems.push(...twinDiffs.map((l) => `${arch}: ${l} differs from the Xen ${INSTALLED_XEN_RELEASE} twin\n  ours ${installed.get(l)?.hex}\n  Xen  ${xen.get(l)?.hex}`));

      const newestDiffs = differingLabels(newest, xen, xen.keys());
      problems.push(...newestDiffs.map((l) => `${arch}: ${l} of the ${NEWEST_RELEASE} build differs from the twin`));
      const extra = [...newest.keys()].filter((l) => !xen.has(l));
      if (extra.join() !== NEWER_THAN_INSTALLED.join()) problems.push(`${arch}: the ${NEWEST_RELEASE} build adds [${extra}], expected [${NEWER_THAN_INSTALLED}]`);

      rows.push(
        `${arch.padEnd(7)} ${(runs.emulated(arch) ? 'qemu' : 'native').padEnd(6)} ` +
          `ours ${INSTALLED_XEN_RELEASE} = Xen ${INSTALLED_XEN_RELEASE}: ${labels.size} buffers, ${bufferBytes(xen, labels)} bytes ${twinDiffs.length ? '✗' : '✓'}   ` +
          `ours ${NEWEST_RELEASE} ⊇ Xen ${INSTALLED_XEN_RELEASE}: ${newest.size} buffers, ${bufferBytes(newest, newest.keys())} bytes ${newestDiffs.length ? '✗' : '✓'} (adds ${extra.join(', ')})`,
      );
    }
    console.log([runs.summary, ...rows].join('\n'));
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
