/**
 * xenstore's error names (compat-tests/xenstore/error-strings.txt, which both clients' tables
 * are compared with) against Xen's own table: a program built on the installed Xen headers
 * (Debian's libxen-dev, Xen 4.17) prints `xsd_errors`, which must be the file's names in the
 * file's order, each with the file's errno; and every errno is the file's on x86, arm and
 * aarch64 too (each cross compiler's `<errno.h>`, checked at compile time).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ARCHES } from '../../generators/src/model/arch.js';
import { failureReport, runJobs, type Job } from '../lib/compile.js';
import { gate, INSTALLED_XEN_RELEASE, missingPrerequisites, TARGETS } from '../lib/toolchain.js';

const HERE = fileURLToPath(new URL('./', import.meta.url));
const BUILD = join(HERE, 'build');
const prerequisites = gate(missingPrerequisites(ARCHES.map((a) => TARGETS[a].gcc), true));

/** The shared table: name, errno, first Xen release. */
function errorStrings(): { name: string; errno: number; since: string }[] {
  return readFileSync(join(HERE, 'error-strings.txt'), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [name, errno, since, ...rest] = line.split('\t');
      if (rest.length || since === undefined) throw new Error(`error-strings.txt: ${JSON.stringify(line)}: 3 tab-separated fields expected`);
      return { name: name!, errno: Number(errno), since };
    });
}

/** Negative, zero or positive as Xen release `release` is older than, the same as or newer than `than`. */
const compareReleases = (release: string, than: string) => {
  const [a, b] = [release, than].map((r) => r.split('.').map(Number)) as [number[], number[]];
  return a[0]! - b[0]! || a[1]! - b[1]!;
};

describe("xenstore's error names", () => {
  it('has gcc for four architectures and the Xen headers', (ctx) => prerequisites.assertPresent(ctx));

  it.skipIf(prerequisites.skip)(`are Xen ${INSTALLED_XEN_RELEASE}'s table, in its order, with its errno values`, () => {
    mkdirSync(BUILD, { recursive: true });
    const source = join(BUILD, 'xsd-errors.c');
    writeFileSync(
      source,
      [
        '#include <errno.h>',
        '#include <stdint.h>',
        '#include <stdio.h>',
        '#include <xen/io/xs_wire.h>',
        'int main(void) {',
        '    for (unsigned i = 0; i < sizeof xsd_errors / sizeof xsd_errors[0]; i++) printf("%s\\t%d\\n", xsd_errors[i].errstring, xsd_errors[i].errnum);',
        '    return 0;',
        '}',
        '',
      ].join('\n'),
    );
    const program = join(BUILD, 'xsd-errors');
    const build = spawnSync('gcc', ['-std=c11', '-Wall', '-Werror', source, '-o', program], { encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const run = spawnSync(program, { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const installed = errorStrings().filter((e) => compareReleases(INSTALLED_XEN_RELEASE, e.since) >= 0);
    expect(run.stdout).toBe(installed.map((e) => `${e.name}\t${e.errno}\n`).join(''));
  });

  it.skipIf(prerequisites.skip)('have the same errno on x86, x86_64, arm and aarch64', async () => {
    mkdirSync(BUILD, { recursive: true });
    const source = join(BUILD, 'xsd-errno.c');
    writeFileSync(source, ['#include <errno.h>', ...errorStrings().map((e) => `_Static_assert(${e.name} == ${e.errno}, "${e.name} is not ${e.errno}");`), ''].join('\n'));
    const jobs: Job[] = ARCHES.map((arch) => ({ label: `gcc ${arch}`, command: TARGETS[arch].gcc.command, args: ['-std=c11', '-fsyntax-only', source] }));
    const failed = (await runJobs(jobs)).filter((r) => r.code !== 0);
    expect(failed, failureReport(failed)).toEqual([]);
  });
});
