/** The namespaces of the ABI, and what each promises. The folder under `abi/` is the namespace. */
import type { Namespace } from './types.js';

/** Every namespace, in the order listings show them. */
export const NAMESPACES: readonly Namespace[] = ['stable', 'unstable', 'linux'];

export function isNamespace(value: string): value is Namespace {
  return (NAMESPACES as readonly string[]).includes(value);
}

/** Namespaces whose owner promises never to break them: Xen's stable ABI, and Linux's interface by Linux's rules. */
export function neverBreaks(namespace: Namespace): boolean {
  return namespace !== 'unstable';
}

/** Namespaces whose items Xen releases version; Linux's interface is versioned by Linux releases. */
export function versionedByXen(namespace: Namespace): boolean {
  return namespace !== 'linux';
}
