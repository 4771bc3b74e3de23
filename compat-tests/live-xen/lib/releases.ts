/**
 * The Xen releases the live-Xen test boots, the Debian suite each comes from, and where the
 * fetched and built files live under the repository's cache folder.
 */
import { join } from 'node:path';
import { REPO_ROOT } from '../../lib/c-headers.js';

export interface LiveRelease {
  /** Xen's release number. @example "4.17" */
  xen: string;
  /** The Debian suite that ships it. @example "bookworm" */
  suite: string;
}

export const LIVE_RELEASES: readonly LiveRelease[] = [
  { xen: '4.17', suite: 'bookworm' },
  { xen: '4.20', suite: 'trixie' },
];

export const LIVE_DIR = join(REPO_ROOT, 'compat-tests/live-xen');
export const CACHE = join(REPO_ROOT, '.cache/live-xen');

/** Where fetch.sh unpacks a suite's Xen and its libraries. */
export const releaseRoot = (r: LiveRelease): string => join(CACHE, r.suite, 'root');
/** Where fetch.sh unpacks the dom0 kernel, its Xen modules and busybox. */
export const KERNEL_ROOT = join(CACHE, 'kernel/root');
/** Per-release build outputs: images, payloads, serial logs. */
export const workDir = (r: LiveRelease): string => join(CACHE, 'work', r.xen);

/** The release named `xen`, or an error listing the ones there are. */
export function liveRelease(xen: string): LiveRelease {
  const found = LIVE_RELEASES.find((r) => r.xen === xen);
  if (!found) throw new Error(`no live-Xen release ${xen}: expected one of ${LIVE_RELEASES.map((r) => r.xen).join(', ')}`);
  return found;
}
