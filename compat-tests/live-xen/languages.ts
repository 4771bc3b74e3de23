/**
 * The languages each live-Xen boot runs, in order: first the guest alone (no device model),
 * proving the pipeline and what an unclaimed range reads; then each device model.
 * `LANGUAGE_PLANS` says what each must report and has no side effects; `LANGUAGES` builds the
 * device models and fills in their command lines for one release.
 */
import { buildCDeviceModel, C_VARIANTS } from './lib/dm-c.js';
import { predictArgoRegisterRing } from './lib/gates.js';
import type { LiveRelease } from './lib/releases.js';
import type { LanguagePlan, LanguageSpec } from './lib/suite.js';

/** The guest's requests in device mode (guest/guest.S): 16 checked accesses and the doorbell. */
export const DEVICE_REQUESTS = 17;
/** The guest's vCPUs (dom0/guest.cfg). */
export const GUEST_VCPUS = 2;

/** The ioreq server's life, in the order every device model reports it. */
const SERVER_STEPS = [
  'dm:open', 'dm:create_server', 'dm:server_info', 'dm:map_ioreq_page', 'dm:claim_ports', 'dm:claim_mmio',
  'dm:enable', 'dm:vcpu_ports', 'dm:bind_evtchn', 'dm:serve', 'dm:disable', 'dm:destroy', 'dm:unbind',
];
/** Checks beside the server: xen_version, an event channel's life, the grant table, Argo. */
const SIDE_STEPS = [
  'side:xen_version', 'side:evtchn_alloc_unbound', 'side:evtchn_status_unbound', 'side:evtchn_bind_interdomain',
  'side:evtchn_status_interdomain', 'side:evtchn_send', 'side:evtchn_close', 'side:evtchn_closed',
  'side:gnttab_query_size', 'side:gnttab_setup_table', 'side:argo_register_ring',
];
/** What only a build whose ABI has XEN_DMOP_nr_vcpus (Xen 4.15) reports. */
const NR_VCPUS_STEPS = ['dm:nr_vcpus'];
const DEVICE_COUNTS = { requests: DEVICE_REQUESTS, vcpus: GUEST_VCPUS };

export const LANGUAGE_PLANS: readonly LanguagePlan[] = [
  { language: 'none', mode: 'none' },
  ...C_VARIANTS.map((v): LanguagePlan => ({
    language: v.language,
    mode: 'device',
    steps: ['dm:mlock', ...SERVER_STEPS, ...(v.defines.length ? [] : NR_VCPUS_STEPS), ...SIDE_STEPS],
    counts: DEVICE_COUNTS,
  })),
];

/** Built once per process: the same binaries boot on every release. */
let cBinaries: Promise<Map<string, string>> | undefined;

async function buildCBinaries(): Promise<Map<string, string>> {
  const built = new Map<string, string>();
  for (const v of C_VARIANTS) built.set(v.language, await buildCDeviceModel(v));
  return built;
}

export async function LANGUAGES(release: LiveRelease): Promise<LanguageSpec[]> {
  cBinaries ??= buildCBinaries();
  const binaries = await cBinaries;
  const argo = predictArgoRegisterRing(release);
  return LANGUAGE_PLANS.map((plan) => {
    const binary = binaries.get(plan.language);
    if (!binary) return plan;
    return {
      ...plan,
      command: [`/payload/dm-${plan.language}`, plan.language, release.xen, String(argo.errno)],
      files: [{ path: `dm-${plan.language}`, from: binary, executable: true }],
    };
  });
}
