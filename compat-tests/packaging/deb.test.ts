/**
 * The C headers as a distribution takes them: `make install PREFIX=/usr DESTDIR=…`, the
 * release tarball and its checksum, and the Debian package libxenabi-dev built from that
 * tarball with dpkg-buildpackage. The .deb is unpacked into a scratch root (`dpkg -x`) and a
 * program finds the headers there through `pkg-config --cflags xenabi`, compiles and runs.
 * Under CI=true (a throw-away machine) the .deb is also installed with `dpkg -i`, a program is
 * built against the system's include path through the system's pkg-config, and the package is
 * removed again; elsewhere that step asks for XENABI_INSTALL_DEB=1, as it changes /usr.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gate, missingPrerequisites } from '../lib/toolchain.js';
import { filesUnder, REPO_ROOT as ROOT, run as runAsync } from './run.js';
const HEADERS = join(ROOT, 'packages/c-headers');
const VERSION = (JSON.parse(readFileSync(join(HEADERS, 'package.json'), 'utf8')) as { version: string }).version;

const prerequisites = gate(
  missingPrerequisites([
    { command: 'dpkg-buildpackage', debianPackage: 'dpkg-dev' },
    { command: 'dh', debianPackage: 'debhelper' },
    { command: 'pkg-config', debianPackage: 'pkgconf' },
    { command: 'make', debianPackage: 'make' },
    { command: 'gcc', debianPackage: 'gcc' },
    { command: 'g++', debianPackage: 'g++' },
  ]),
);

const run = async (command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<string> => (await runAsync(command, args, options)).stdout;

const committedHeaders = filesUnder(join(HEADERS, 'include'));

/** Whether to install the .deb on this machine: always in CI, elsewhere when asked. */
const INSTALL = process.env.CI === 'true' || process.env.XENABI_INSTALL_DEB === '1';

/** A program that needs the headers and reports what it compiled against. */
const CONSUMER = `#include <stdio.h>
#include <xenabi/xenabi.h>
#if !XENABI_VERSION_AT_LEAST(0, 0, 1)
#error the installed headers have no version
#endif
int main(void) {
    printf("%s %u %u\\n", XENABI_VERSION_STRING, (unsigned)sizeof(struct xen_dm_op), (unsigned)sizeof(struct evtchn_op));
    return 0;
}
`;

describe('the C headers for distributions', () => {
  it('have dpkg-dev, debhelper, pkg-config and a compiler', (ctx) => prerequisites.assertPresent(ctx));

  describe.skipIf(prerequisites.skip)('make install', () => {
    it('installs every committed header and xenabi.pc under DESTDIR and PREFIX, and uninstall removes them', async () => {
      const dest = mkdtempSync(join(tmpdir(), 'xenabi-install-'));
      const build = join(dest, '.build');
      await run('make', ['-s', '-C', HEADERS, 'install', 'PREFIX=/usr', `DESTDIR=${dest}`, `BUILD=${build}`]);
      expect(filesUnder(join(dest, 'usr/include'))).toEqual(committedHeaders);
      const pc = readFileSync(join(dest, 'usr/share/pkgconfig/xenabi.pc'), 'utf8');
      expect(pc).toContain('prefix=/usr\n');
      expect(pc).toContain(`Version: ${VERSION}\n`);
      await run('make', ['-s', '-C', HEADERS, 'uninstall', 'PREFIX=/usr', `DESTDIR=${dest}`, `BUILD=${build}`]);
      expect(existsSync(join(dest, 'usr/include/xenabi'))).toBe(false);
      expect(existsSync(join(dest, 'usr/share/pkgconfig/xenabi.pc'))).toBe(false);
    });

    it('makes a reproducible release tarball with a checksum that verifies', async () => {
      const builds = [1, 2].map(() => mkdtempSync(join(tmpdir(), 'xenabi-dist-')));
      for (const b of builds) await run('make', ['-s', '-C', HEADERS, 'dist', `BUILD=${b}`]);
      const name = `xenabi-c-headers-${VERSION}.tar.gz`;
      const [one, two] = builds.map((b) => readFileSync(join(b, name)));
      expect(one?.equals(two!)).toBe(true);
      await run('sha256sum', ['-c', `${name}.sha256`], { cwd: builds[0] });
      const listed = (await run('tar', ['-tzf', join(builds[0]!, name)])).trim().split('\n');
      expect(listed).toContain(`xenabi-c-headers-${VERSION}/LICENSE`);
      expect(listed.filter((p) => p.endsWith('.h')).map((p) => p.replace(`xenabi-c-headers-${VERSION}/include/`, '')).sort()).toEqual(committedHeaders);
    });
  });

  describe.skipIf(prerequisites.skip)('libxenabi-dev', () => {
    let out = '';
    let root = '';
    let deb = '';
    beforeAll(async () => {
      out = mkdtempSync(join(tmpdir(), 'xenabi-deb-'));
      deb = (await run('bash', [join(ROOT, 'packaging/build-deb.sh'), out])).trim();
      root = join(out, 'root');
      await run('dpkg', ['-x', deb, root]);
    }, 120_000);

    it('is built by dpkg-buildpackage, with the source package beside it', async () => {
      expect(deb).toBe(join(out, `libxenabi-dev_${VERSION}-1_all.deb`));
      expect(existsSync(join(out, `xenabi_${VERSION}-1.dsc`))).toBe(true);
      expect(await run('dpkg-deb', ['-f', deb, 'Package', 'Version', 'Architecture'])).toBe(`Package: libxenabi-dev\nVersion: ${VERSION}-1\nArchitecture: all\n`);
    });

    it('holds every header, xenabi.pc and the copyright', () => {
      expect(filesUnder(join(root, 'usr/include'))).toEqual(committedHeaders);
      expect(existsSync(join(root, 'usr/share/pkgconfig/xenabi.pc'))).toBe(true);
      expect(readFileSync(join(root, 'usr/share/doc/libxenabi-dev/copyright'), 'utf8')).toContain('License: MIT');
    });

    it('is found through pkg-config, and a program compiles and runs against it', async () => {
      const env = { PKG_CONFIG_PATH: join(root, 'usr/share/pkgconfig'), PKG_CONFIG_SYSROOT_DIR: root, PKG_CONFIG_LIBDIR: join(root, 'usr/share/pkgconfig') };
      expect((await run('pkg-config', ['--modversion', 'xenabi'], { env })).trim()).toBe(VERSION);
      const cflags = (await run('pkg-config', ['--cflags', 'xenabi'], { env })).trim();
      expect(cflags).toBe(`-I${join(root, 'usr/include')}`);
      const source = join(out, 'consumer.c');
      writeFileSync(source, CONSUMER);
      await run('gcc', ['-std=c11', '-Wall', '-Wextra', '-Werror', ...cflags.split(/\s+/), source, '-o', join(out, 'consumer')]);
      // Sizes from the layout engine on x86_64 (npx xenabi layout xen_dm_op / evtchn_op).
      expect(await run(join(out, 'consumer'), [])).toBe(`${VERSION} 32 28\n`);
    });

    it.skipIf(!INSTALL)('installs with dpkg -i, and a program finds it through the system pkg-config', async () => {
      expect(process.getuid?.(), 'installing the .deb needs root').toBe(0);
      expect(installedVersion(), 'libxenabi-dev is already installed here; remove it first (dpkg -r libxenabi-dev)').toBe('');
      try {
        await run('dpkg', ['-i', deb]);
        expect(installedVersion()).toBe(`${VERSION}-1`);
        const env = { PKG_CONFIG_PATH: '' };
        expect((await run('pkg-config', ['--modversion', 'xenabi'], { env })).trim()).toBe(VERSION);
        // The headers are in /usr/include, which the compiler searches anyway: no flag is needed.
        const cflags = (await run('pkg-config', ['--cflags', 'xenabi'], { env })).trim();
        expect(cflags).toBe('');
        const source = join(out, 'installed.c');
        writeFileSync(source, CONSUMER);
        await run('gcc', ['-std=c11', '-Wall', '-Wextra', '-Werror', source, '-o', join(out, 'installed')]);
        expect(await run(join(out, 'installed'), [])).toBe(`${VERSION} 32 28\n`);
      } finally {
        await run('dpkg', ['-r', 'libxenabi-dev']);
      }
      expect(installedVersion()).toBe('');
      expect(existsSync('/usr/include/xenabi')).toBe(false);
    });
  });
});

/** The installed version of libxenabi-dev, or '' when it is not installed. */
function installedVersion(): string {
  try {
    const out = execFileSync('dpkg-query', ['-W', '-f', '${Status} ${Version}', 'libxenabi-dev'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const m = /^install ok installed (\S+)$/.exec(out.trim());
    return m ? m[1]! : '';
  } catch {
    return '';
  }
}
