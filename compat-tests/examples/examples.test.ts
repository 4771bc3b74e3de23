/**
 * The worked device-model examples build on xenabi alone: the C ioreq server compiles, with
 * GCC and clang on four architectures, against the generated headers with no Xen or Linux Xen
 * header, and on a machine without Xen it stops at once saying which device is missing. (The
 * TypeScript example is type-checked by scripts/test-all.sh; both serve a real guest in the
 * live-Xen tests.)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { INCLUDE_ROOT } from '../../generators/src/emit/c/names.js';
import { ARCHES } from '../../generators/src/model/arch.js';
import { REPO_ROOT } from '../lib/debian.js';
import { failureReport, runJobs, type Job } from '../lib/compile.js';
import { CLANG, gate, missingPrerequisites, TARGETS } from '../lib/toolchain.js';

const BUILD = fileURLToPath(new URL('./build/', import.meta.url));
const EXAMPLE = join(REPO_ROOT, 'docs/examples/c/ioreq-server.c');
const prerequisites = gate(missingPrerequisites([CLANG, ...ARCHES.map((a) => TARGETS[a].gcc)]));

describe('the C ioreq server example', () => {
  it('has clang and the cross compilers', (ctx) => prerequisites.assertPresent(ctx));

  it.skipIf(prerequisites.skip)('compiles on four architectures with GCC and clang, on the generated headers alone', async () => {
    mkdirSync(BUILD, { recursive: true });
    const flags = ['-std=c11', '-D_GNU_SOURCE', '-Wall', '-Wextra', '-Werror', '-I', join(REPO_ROOT, INCLUDE_ROOT)];
    const jobs: Job[] = ARCHES.flatMap((arch) => [
      { label: `gcc ${arch}`, command: TARGETS[arch].gcc.command, args: [...flags, EXAMPLE, '-o', join(BUILD, `ioreq-server-${arch}`)] },
      { label: `clang ${arch}`, command: CLANG.command, args: [`--target=${TARGETS[arch].triple}`, ...flags, '-c', EXAMPLE, '-o', '/dev/null'] },
    ]);
    const failed = (await runJobs(jobs)).filter((r) => r.code !== 0);
    expect(failed, failureReport(failed)).toEqual([]);
  });

  it.skipIf(prerequisites.skip)('stops at once on a machine without Xen, naming the device', () => {
    const run = spawnSync(join(BUILD, 'ioreq-server-x86_64'), ['1', '1'], { encoding: 'utf8' });
    if (run.status === 0) throw new Error('the example ran to its end: is this a Xen dom0?');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/open \/dev\/xen\/privcmd \(is this dom0, with xen-privcmd loaded\?\)/);
  });
});
