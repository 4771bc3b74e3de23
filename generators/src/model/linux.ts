/**
 * Linux releases, which version the `linux` namespace. Linux names a release `major.minor`
 * (`2.6.N` before 3.0); nothing here lists them, since any release may add to the interface.
 */
import { XEN_RELEASES } from './releases.js';

const LINUX_RELEASE = /^(?:2\.6\.[1-9][0-9]?|[3-9]\.(?:0|[1-9][0-9]?))$/;

export function isLinuxRelease(value: string): boolean {
  return LINUX_RELEASE.test(value);
}

/** The release as Linux's `KERNEL_VERSION(a, b, c)` numbers it: 4.11 → 0x040b00, 2.6.39 → 0x020627. */
export function linuxVersionCode(release: string): number {
  if (!isLinuxRelease(release)) throw new Error(`${release} is not a Linux release`);
  const [a = 0, b = 0, c = 0] = release.split('.').map(Number);
  return (a << 16) + (b << 8) + Math.min(c, 255);
}

/** `0x040b00`: the version code as `LINUX_VERSION_CODE` is compared in C. */
export function linuxVersionHex(release: string): string {
  return `0x${linuxVersionCode(release).toString(16).padStart(6, '0')}`;
}

/** Orders Linux releases: negative when a is older than b. */
export function compareLinuxReleases(a: string, b: string): number {
  return linuxVersionCode(a) - linuxVersionCode(b);
}

/** True when an item with this Linux lifetime exists in Linux `release`. */
export function existsInLinux(item: { linuxSince?: string; linuxUntil?: string }, release: string): boolean {
  if (item.linuxSince && compareLinuxReleases(release, item.linuxSince) < 0) return false;
  if (item.linuxUntil && compareLinuxReleases(release, item.linuxUntil) >= 0) return false;
  return true;
}

/**
 * The Xen lifetime of every `linux` item: Xen releases do not version Linux's interface, so
 * such an item exists in every release xenabi knows.
 */
export const LINUX_ITEMS_SINCE: string = XEN_RELEASES[0];
