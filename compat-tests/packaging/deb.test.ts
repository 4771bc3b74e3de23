/**
 * The C headers as a distribution takes them: `make install PREFIX=/usr DESTDIR=…`, the
 * release tarball and its checksum, and the Debian package libxenabi-dev built from that
 * tarball with dpkg-buildpackage. The .deb is unpacked into a scratch root (`dpkg -x`; nothing
 * is installed on this machine) and a program finds the headers there through
 * `pkg-config --cflags xenabi`, compiles and runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gate, missingPrerequisites } from '../lib/toolchain.js';

const ROOT = new URL('../../', import.meta.url).pathname;
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

function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): string {
  const r = spawnSync(command, args, { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Every file under `dir`, relative to it, sorted. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)))
    .sort();
}

const committedHeaders = filesUnder(join(HEADERS, 'include'));

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
    it('installs every committed header and xenabi.pc under DESTDIR and PREFIX, and uninstall removes them', () => {
      const dest = mkdtempSync(join(tmpdir(), 'xenabi-install-'));
      const build = join(dest, '.build');
      run('make', ['-s', '-C', HEADERS, 'install', 'PREFIX=/usr', `DESTDIR=${dest}`, `BUILD=${build}`]);
      expect(filesUnder(join(dest, 'usr/include'))).toEqual(committedHeaders);
      const pc = readFileSync(join(dest, 'usr/share/pkgconfig/xenabi.pc'), 'utf8');
      expect(pc).toContain('prefix=/usr\n');
      expect(pc).toContain(`Version: ${VERSION}\n`);
      run('make', ['-s', '-C', HEADERS, 'uninstall', 'PREFIX=/usr', `DESTDIR=${dest}`, `BUILD=${build}`]);
      expect(existsSync(join(dest, 'usr/include/xenabi'))).toBe(false);
      expect(existsSync(join(dest, 'usr/share/pkgconfig/xenabi.pc'))).toBe(false);
    });

    it('makes a reproducible release tarball with a checksum that verifies', () => {
      const builds = [1, 2].map(() => mkdtempSync(join(tmpdir(), 'xenabi-dist-')));
      for (const b of builds) run('make', ['-s', '-C', HEADERS, 'dist', `BUILD=${b}`]);
      const name = `xenabi-c-headers-${VERSION}.tar.gz`;
      const [one, two] = builds.map((b) => readFileSync(join(b, name)));
      expect(one?.equals(two!)).toBe(true);
      run('sha256sum', ['-c', `${name}.sha256`], { cwd: builds[0] });
      const listed = run('tar', ['-tzf', join(builds[0]!, name)]).trim().split('\n');
      expect(listed).toContain(`xenabi-c-headers-${VERSION}/LICENSE`);
      expect(listed.filter((p) => p.endsWith('.h')).map((p) => p.replace(`xenabi-c-headers-${VERSION}/include/`, '')).sort()).toEqual(committedHeaders);
    });
  });

  describe.skipIf(prerequisites.skip)('libxenabi-dev', () => {
    let out = '';
    let root = '';
    let deb = '';
    beforeAll(() => {
      out = mkdtempSync(join(tmpdir(), 'xenabi-deb-'));
      deb = run('bash', [join(ROOT, 'packaging/build-deb.sh'), out]).trim();
      root = join(out, 'root');
      run('dpkg', ['-x', deb, root]);
    }, 120_000);

    it('is built by dpkg-buildpackage, with the source package beside it', () => {
      expect(deb).toBe(join(out, `libxenabi-dev_${VERSION}-1_all.deb`));
      expect(existsSync(join(out, `xenabi_${VERSION}-1.dsc`))).toBe(true);
      expect(run('dpkg-deb', ['-f', deb, 'Package', 'Version', 'Architecture'])).toBe(`Package: libxenabi-dev\nVersion: ${VERSION}-1\nArchitecture: all\n`);
    });

    it('holds every header, xenabi.pc and the copyright', () => {
      expect(filesUnder(join(root, 'usr/include'))).toEqual(committedHeaders);
      expect(existsSync(join(root, 'usr/share/pkgconfig/xenabi.pc'))).toBe(true);
      expect(readFileSync(join(root, 'usr/share/doc/libxenabi-dev/copyright'), 'utf8')).toContain('License: MIT');
    });

    it('is found through pkg-config, and a program compiles and runs against it', () => {
      const env = { PKG_CONFIG_PATH: join(root, 'usr/share/pkgconfig'), PKG_CONFIG_SYSROOT_DIR: root, PKG_CONFIG_LIBDIR: join(root, 'usr/share/pkgconfig') };
      expect(run('pkg-config', ['--modversion', 'xenabi'], { env }).trim()).toBe(VERSION);
      const cflags = run('pkg-config', ['--cflags', 'xenabi'], { env }).trim();
      expect(cflags).toBe(`-I${join(root, 'usr/include')}`);
      const source = join(out, 'consumer.c');
      writeFileSync(source, CONSUMER);
      run('gcc', ['-std=c11', '-Wall', '-Wextra', '-Werror', ...cflags.split(/\s+/), source, '-o', join(out, 'consumer')]);
      // Sizes from the layout engine on x86_64 (npx xenabi layout xen_dm_op / evtchn_op).
      expect(run(join(out, 'consumer'), [])).toBe(`${VERSION} 32 28\n`);
    });
  });
});
