/** The Xen releases xenabi knows, oldest first. The registry starts at 4.6. */
export const XEN_RELEASES = [
  '4.6', '4.7', '4.8', '4.9', '4.10', '4.11', '4.12', '4.13', '4.14',
  '4.15', '4.16', '4.17', '4.18', '4.19', '4.20', '4.21', '4.22',
] as const;

export type KnownRelease = (typeof XEN_RELEASES)[number];

/** The newest release: what `export` and `generate` describe by default. */
export const NEWEST_RELEASE: KnownRelease = '4.22';

/**
 * Releases `export`, `layout` and `check` accept with `--xen-version`: every release the
 * registry knows, since every module is declared and verified back to 4.6.
 */
export const EXPORTABLE_RELEASES: readonly KnownRelease[] = XEN_RELEASES;

export function isRelease(value: string): value is KnownRelease {
  return (XEN_RELEASES as readonly string[]).includes(value);
}

/** Orders releases: negative when a is older than b. */
export function compareReleases(a: string, b: string): number {
  return releaseIndex(a) - releaseIndex(b);
}

function releaseIndex(release: string): number {
  const index = (XEN_RELEASES as readonly string[]).indexOf(release);
  if (index < 0) throw new Error(`unknown Xen release ${release}`);
  return index;
}

/** True when an item living from `since` until (excluding) `until` exists in `release`. */
export function existsIn(lifetime: { since?: string; until?: string }, release: string): boolean {
  if (lifetime.since && compareReleases(release, lifetime.since) < 0) return false;
  if (lifetime.until && compareReleases(release, lifetime.until) >= 0) return false;
  return true;
}

/** Xen's hexadecimal form of a release, as in `__XEN_LATEST_INTERFACE_VERSION__`: 4.15 → 0x040f00. */
export function releaseHex(release: string): string {
  const [major, minor] = release.split('.').map(Number);
  return `0x${(((major ?? 0) << 16) | ((minor ?? 0) << 8)).toString(16).padStart(6, '0')}`;
}
