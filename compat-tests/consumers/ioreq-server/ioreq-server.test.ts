/**
 * The ioreq-server consumer: `src/ioreq_server.c` does what an ioreq server outside QEMU does
 * (varstored, demu): creates a server through dm_op, sizes and maps its pages with
 * XENMEM_acquire_resource, falls back to the HVM_PARAM_* route, binds each vCPU's event
 * channel, serves a port write and read in the synchronous ioreq page and drains the buffered
 * ring. It is built on x86_64, x86_32, arm64 and arm32 two ways and run (Arm and, where the
 * host lacks the i386 loader, x86_32 under qemu-user):
 *
 * - on xenabi's headers alone, for the newest release: the compiler's dependency list must
 *   name no header of Xen's;
 * - on Xen's installed headers with __XEN_TOOLS__ (as a device model linked with
 *   libxendevicemodel sees them): the twin.
 *
 * Every buffer must have the twin's bytes: nothing this program uses changed after Xen 4.17.
 */
import { describe, expect, it } from 'vitest';
import { ARCHES } from '../../../generators/src/model/arch.js';
import { NEWEST_RELEASE } from '../../../generators/src/model/releases.js';
import { INSTALLED_XEN_RELEASE } from '../../lib/toolchain.js';
import { buildAndRun, bufferBytes, consumerPrerequisites, differingLabels, xenabiVariant, xenTwinVariant } from '../lib/consumer.js';

const VARIANTS = [xenabiVariant('newest'), xenTwinVariant('xen', `Xen ${INSTALLED_XEN_RELEASE} headers`, 'CONSUMER_XEN_HEADERS', ['-D__XEN_TOOLS__'])];
const prerequisites = consumerPrerequisites();

describe('an ioreq server built on xenabi alone', () => {
  it('has its cross compilers, qemu-user, cross libcs and Xen headers', (ctx) => prerequisites.assertPresent(ctx));

  it.skipIf(prerequisites.skip)(`reads none of Xen's headers and prints the same bytes as its twin on Xen ${INSTALLED_XEN_RELEASE}'s headers`, async () => {
    const runs = await buildAndRun('ioreq-server', ['src/ioreq_server.c'], VARIANTS);
    expect(runs.failures, runs.failures).toBe('');
    const rows: string[] = [];
    const problems: string[] = [];
    for (const arch of ARCHES) {
      problems.push(...runs.xenHeadersRead(arch, 'newest').map((h) => `${arch}: the xenabi build read ${h}`));
      const [ours, xen] = (['newest', 'xen'] as const).map((v) => runs.output(arch, v));
      if (!ours || !xen || ours.size === 0) throw new Error(`${arch}: a variant printed nothing`);
      const labels = new Set([...ours.keys(), ...xen.keys()]);
      const diffs = differingLabels(ours, xen, labels);
      problems.push(...diffs.map((l) => `${arch}: ${l} differs from the Xen ${INSTALLED_XEN_RELEASE} twin\n  ours ${ours.get(l)?.hex}\n  Xen  ${xen.get(l)?.hex}`));
      const how = runs.emulated(arch) ? 'qemu' : 'native';
      rows.push(`${arch.padEnd(7)} ${how.padEnd(6)} ours ${NEWEST_RELEASE} = Xen ${INSTALLED_XEN_RELEASE}: ${labels.size} buffers, ${bufferBytes(ours, labels)} bytes ${diffs.length ? '✗' : '✓'}`);
    }
    console.log([runs.summary, ...rows].join('\n'));
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
