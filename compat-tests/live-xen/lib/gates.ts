/**
 * What Argo's register_ring must answer on a release, predicted from xenabi's availability
 * gates: the first unmet gate decides. The gates' docs name the error of each (a build gate:
 * the hypercall does not exist, ENOSYS; a boot gate: Argo is off, EOPNOTSUPP).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gatesOf, type ItemGate } from '@xenabi/ts-bindings/availability';
import { XEN_CMDLINE } from './boot.js';
import { releaseRoot, type LiveRelease } from './releases.js';

/** Linux's errno numbers of the two answers. */
export const ERRNO = { ENOSYS: 38, EOPNOTSUPP: 95 } as const;
/** The error each kind of unmet gate gives a register_ring call. */
const ERROR_OF_UNMET: Partial<Record<ItemGate['kind'], keyof typeof ERRNO>> = { build: 'ENOSYS', boot: 'EOPNOTSUPP' };

export interface Prediction {
  /** 0 when every gate is met (the call must succeed), else the errno it must fail with. */
  errno: number;
  /** Why, for the report. @example "build gate CONFIG_ARGO unmet in xen-4.17-amd64.config: ENOSYS" */
  reason: string;
}

/** Whether `gate` is met by the release's hypervisor build and the boot's command line. */
function met(gate: ItemGate, config: string): boolean {
  if (gate.kind === 'build') return new RegExp(`^${gate.name}=y$`, 'm').test(config);
  if (gate.kind === 'boot') return XEN_CMDLINE.split(' ').includes(gate.name);
  return true;
}

/** The prediction for a hypervisor built with `config` (its .config text, named `configName`). */
export function predictFromConfig(config: string, configName: string): Prediction {
  for (const gate of gatesOf('XEN_ARGO_OP_register_ring')) {
    const error = ERROR_OF_UNMET[gate.kind];
    if (!error || met(gate, config)) continue;
    if (!gate.doc.includes(error)) throw new Error(`the ${gate.kind} gate ${gate.name} no longer documents ${error}: update lib/gates.ts`);
    return { errno: ERRNO[error], reason: `${gate.kind} gate ${gate.name} unmet (${configName}, Xen's command line): ${error}` };
  }
  return { errno: 0, reason: 'every gate met: register_ring succeeds' };
}

/** The prediction for `release`, from the .config Debian ships beside its hypervisor. */
export function predictArgoRegisterRing(release: LiveRelease): Prediction {
  const configName = `xen-${release.xen}-amd64.config`;
  return predictFromConfig(readFileSync(join(releaseRoot(release), 'boot', configName), 'utf8'), configName);
}
