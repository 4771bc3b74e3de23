/** The architecture Node runs on, in xenabi's names: it chooses every layout and ioctl number. */
import type { Arch } from '@xenabi/ts-bindings';

const BY_NODE_ARCH: Readonly<Record<string, Arch>> = { ia32: 'x86_32', x64: 'x86_64', arm: 'arm32', arm64: 'arm64' };

/** xenabi's name of `nodeArch` (`process.arch`); throws on an architecture Xen does not run on. */
export function archOf(nodeArch: string): Arch {
  const arch = BY_NODE_ARCH[nodeArch];
  if (!arch) throw new Error(`@xenabi/linux: Xen's Linux devices exist on x86 and Arm only, not on ${nodeArch}`);
  return arch;
}

/** The architecture of this process. */
export const HOST_ARCH: Arch = archOf(process.arch);

/** The value of an ioctl number or constant on `arch`: a plain number, or one per architecture. */
export function onArch(value: number | Readonly<Record<Arch, number>>, arch: Arch): number {
  return typeof value === 'number' ? value : value[arch];
}
