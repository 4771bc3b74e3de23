import type { Arch } from './types.js';

/** The four architectures, in the order every table lists them. */
export const ARCHES: readonly Arch[] = ['x86_32', 'x86_64', 'arm32', 'arm64'];

export const X86: readonly Arch[] = ['x86_32', 'x86_64'];
export const ARM: readonly Arch[] = ['arm32', 'arm64'];

export function isArch(value: string): value is Arch {
  return (ARCHES as readonly string[]).includes(value);
}

/** True when an item restricted to `archs` (or unrestricted) exists on `arch`. */
export function onArch(item: { archs?: readonly Arch[] }, arch: Arch): boolean {
  return !item.archs || item.archs.includes(arch);
}
