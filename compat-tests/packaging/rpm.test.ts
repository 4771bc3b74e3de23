/**
 * The C headers as an RPM: xenabi-devel built by rpmbuild from the release tarball with
 * packaging/rpm/xenabi.spec, under a %_topdir of its own in a scratch directory. Its file list
 * (`rpm -qlp`) must be every committed header, xenabi.pc and the licence; the package is
 * unpacked into a scratch root (rpm2cpio | cpio; nothing is installed on this machine) and a
 * program finds the headers there through `pkg-config --cflags xenabi`, compiles and runs.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gate, missingPrerequisites } from '../lib/toolchain.js';
import { filesUnder, REPO_ROOT as ROOT, run as runAsync } from './run.js';

const HEADERS = join(ROOT, 'packages/c-headers');
const VERSION = (JSON.parse(readFileSync(join(HEADERS, 'package.json'), 'utf8')) as { version: string }).version;

const prerequisites = gate(
  missingPrerequisites([
    { command: 'rpmbuild', debianPackage: 'rpm' },
    { command: 'rpm2cpio', debianPackage: 'rpm' },
    { command: 'cpio', debianPackage: 'cpio' },
    { command: 'pkg-config', debianPackage: 'pkgconf' },
    { command: 'make', debianPackage: 'make' },
    { command: 'gcc', debianPackage: 'gcc' },
    { command: 'g++', debianPackage: 'g++' },
  ]),
);

const run = async (command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<string> => (await runAsync(command, args, options)).stdout;

const committedHeaders = filesUnder(join(HEADERS, 'include'));

const CONSUMER = `#include <stdio.h>
#include <xenabi/xenabi.h>
#if !XENABI_VERSION_AT_LEAST(0, 0, 1)
#error the packaged headers have no version
#endif
int main(void) {
    printf("%s %u %u\\n", XENABI_VERSION_STRING, (unsigned)sizeof(struct xen_dm_op), (unsigned)sizeof(struct evtchn_op));
    return 0;
}
`;

describe('xenabi-devel, the RPM of the C headers', () => {
  it('has rpmbuild, rpm2cpio, cpio, pkg-config and a compiler', (ctx) => prerequisites.assertPresent(ctx));

  describe.skipIf(prerequisites.skip)('built by rpmbuild from the release tarball', () => {
    let out = '';
    let rpm = '';
    let root = '';
    beforeAll(async () => {
      out = mkdtempSync(join(tmpdir(), 'xenabi-rpm-'));
      rpm = (await run('bash', [join(ROOT, 'packaging/build-rpm.sh'), out])).trim();
      root = join(out, 'root');
      mkdirSync(root);
      await run('sh', ['-c', `rpm2cpio '${rpm}' | cpio -idm --quiet`], { cwd: root });
    }, 120_000);
    afterAll(() => {
      if (out) rmSync(out, { recursive: true, force: true });
    });

    it('is a noarch package of the headers\' version, with its source package beside it', async () => {
      expect(rpm).toBe(join(out, `rpmbuild/RPMS/noarch/xenabi-devel-${VERSION}-1.noarch.rpm`));
      expect(existsSync(join(out, `rpmbuild/SRPMS/xenabi-${VERSION}-1.src.rpm`))).toBe(true);
      const info = await run('rpm', ['-qp', '--queryformat', '%{NAME} %{VERSION} %{RELEASE} %{ARCH} %{LICENSE}\\n', rpm]);
      expect(info).toBe(`xenabi-devel ${VERSION} 1 noarch MIT\n`);
      // rpm's dependency generator reads xenabi.pc.
      expect(await run('rpm', ['-qp', '--provides', rpm])).toContain(`pkgconfig(xenabi) = ${VERSION}\n`);
    });

    it('lists every committed header, xenabi.pc and the licence, and nothing else', async () => {
      const listed = (await run('rpm', ['-qlp', rpm])).trim().split('\n');
      const files = listed.filter((p) => !listed.some((q) => q.startsWith(`${p}/`))); // without directories
      expect(files.filter((p) => p.startsWith('/usr/include/')).map((p) => p.slice('/usr/include/'.length))).toEqual(committedHeaders);
      // Debian's rpm names doc and licence folders NAME-VERSION (%_docdir_fmt), Fedora's NAME.
      const others = files.filter((p) => !p.startsWith('/usr/include/'));
      expect(others.map((p) => p.replace(`xenabi-devel-${VERSION}/`, 'xenabi-devel/'))).toEqual([
        '/usr/share/doc/xenabi-devel/README.md',
        '/usr/share/licenses/xenabi-devel/LICENSE',
        '/usr/share/pkgconfig/xenabi.pc',
      ]);
      expect(filesUnder(join(root, 'usr/include'))).toEqual(committedHeaders);
      expect(readFileSync(join(root, others[1]!), 'utf8')).toContain('MIT License');
    });

    it('is found through its pkg-config file, and a program compiles and runs against it', async () => {
      const pcDir = join(root, 'usr/share/pkgconfig');
      expect(readFileSync(join(pcDir, 'xenabi.pc'), 'utf8')).toContain('prefix=/usr\n');
      const env = { PKG_CONFIG_PATH: pcDir, PKG_CONFIG_SYSROOT_DIR: root, PKG_CONFIG_LIBDIR: pcDir };
      expect((await run('pkg-config', ['--modversion', 'xenabi'], { env })).trim()).toBe(VERSION);
      const cflags = (await run('pkg-config', ['--cflags', 'xenabi'], { env })).trim();
      expect(cflags).toBe(`-I${join(root, 'usr/include')}`);
      const source = join(out, 'consumer.c');
      writeFileSync(source, CONSUMER);
      await run('gcc', ['-std=c11', '-Wall', '-Wextra', '-Werror', ...cflags.split(/\s+/), source, '-o', join(out, 'consumer')]);
      // Sizes from the layout engine on x86_64 (npx xenabi layout xen_dm_op / evtchn_op).
      expect(await run(join(out, 'consumer'), [])).toBe(`${VERSION} 32 28\n`);
    });
  });
});
