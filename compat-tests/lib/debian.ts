/**
 * Debian packages the compatibility tests read at test time, beyond the ones installed on
 * this machine: a package of another suite (Debian 13, `trixie`; Debian 11, `bullseye`) is fetched once from
 * Debian's mirror with `apt-get download` under a private sources list and package lists
 * (the system's apt view stays as it is), unpacked with `dpkg -x`, and kept under the
 * repository's `.cache/debian/`. Nothing is installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEBIAN_CACHE = join(REPO_ROOT, '.cache', 'debian');
const MIRROR = 'http://deb.debian.org/debian';
const KEYRING = '/usr/share/keyrings/debian-archive-keyring.gpg';

/** A package of a Debian suite, unpacked: its version and the folder its files are under. */
export interface UnpackedPackage {
  suite: string;
  name: string;
  version: string;
  root: string;
}

/** The version of a package installed on this machine, or undefined. */
export function installedVersion(name: string): string | undefined {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Version}', name], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : undefined;
}

/** `6.12.117-1` → `6.12`: the Linux release a linux-libc-dev version packages. */
export function linuxReleaseOf(version: string): string {
  const m = /^(?:\d+:)?(\d+)\.(\d+)/.exec(version);
  if (!m) throw new Error(`${version} is not a Linux package version`);
  return `${m[1]}.${m[2]}`;
}

function apt(suiteDir: string, args: string[]): { ok: boolean; output: string } {
  const options = [
    `-o`, `Dir::Etc::SourceList=${join(suiteDir, 'sources.list')}`,
    `-o`, `Dir::Etc::SourceParts=/nonexistent`,
    `-o`, `Dir::State::Lists=${join(suiteDir, 'lists')}`,
    `-o`, `Dir::Cache=${join(suiteDir, 'apt-cache')}`,
    // Nothing counts as installed: the suite's version is the one to download, even when this
    // machine has a newer one (Debian 11's linux-libc-dev on a Debian 12 machine).
    `-o`, `Dir::State::status=/dev/null`,
    // Only the package lists: no translations, no AppStream metadata.
    `-o`, `Acquire::Languages=none`,
    `-o`, `Acquire::IndexTargets::deb::DEP-11::DefaultEnabled=false`,
    `-o`, `Acquire::IndexTargets::deb::DEP-11-icons::DefaultEnabled=false`,
    `-o`, `Acquire::IndexTargets::deb::DEP-11-icons-small::DefaultEnabled=false`,
    `-o`, `Acquire::IndexTargets::deb::Contents-deb::DefaultEnabled=false`,
    `-o`, `Debug::NoLocking=1`,
    `-o`, `APT::Sandbox::User=root`,
  ];
  const r = spawnSync(args[0] === 'policy' ? 'apt-cache' : 'apt-get', [...options, ...args], { cwd: join(suiteDir, 'downloads'), encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

/**
 * `name` from Debian suite `suite`, unpacked under `.cache/debian/<suite>/<name>_<version>/`:
 * from the cache when some version is already there, else downloaded (about 20 s: the suite's
 * package list, then the package). Throws, naming what to do, when the mirror cannot be reached.
 */
export function debianPackage(suite: string, name: string): UnpackedPackage {
  const suiteDir = join(DEBIAN_CACHE, suite);
  const cached = existsSync(suiteDir) ? readdirSync(suiteDir).filter((d) => d.startsWith(`${name}_`)).sort().at(-1) : undefined;
  if (cached) return { suite, name, version: cached.slice(name.length + 1), root: join(suiteDir, cached) };
  for (const d of ['lists/partial', 'apt-cache/archives/partial', 'downloads']) mkdirSync(join(suiteDir, d), { recursive: true });
  writeFileSync(join(suiteDir, 'sources.list'), `deb [signed-by=${KEYRING}] ${MIRROR} ${suite} main\n`);
  const update = apt(suiteDir, ['update']);
  if (!update.ok) throw new Error(`could not read Debian ${suite}'s package list from ${MIRROR} (network?):\n${update.output}`);
  const download = apt(suiteDir, ['download', name]);
  const deb = readdirSync(join(suiteDir, 'downloads')).find((f) => f.startsWith(`${name}_`) && f.endsWith('.deb'));
  if (!download.ok || !deb) throw new Error(`apt-get download ${name} (Debian ${suite}) failed:\n${download.output}`);
  const version = decodeURIComponent(deb.split('_')[1] ?? 'unknown');
  const root = join(suiteDir, `${name}_${version}`);
  const partial = `${root}.partial`;
  rmSync(partial, { recursive: true, force: true });
  const unpack = spawnSync('dpkg-deb', ['-x', join(suiteDir, 'downloads', deb), partial], { encoding: 'utf8' });
  if (unpack.status !== 0) throw new Error(`dpkg-deb -x ${deb} failed:\n${unpack.stderr}`);
  renameSync(partial, root);
  rmSync(join(suiteDir, 'downloads', deb));
  return { suite, name, version, root };
}
