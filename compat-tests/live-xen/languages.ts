/**
 * The languages each live-Xen boot runs, in order: first the guest alone (no device model),
 * proving the pipeline and what an unclaimed range reads; then each device model.
 * `LANGUAGE_PLANS` says what each must report and has no side effects; `LANGUAGES` builds the
 * device models and fills in their command lines for one release.
 */
import { buildCDeviceModel, C_VARIANTS } from './lib/dm-c.js';
import { buildRustDeviceModel, RUST_VARIANTS } from './lib/dm-rust.js';
import { stageTsDeviceModel, TS_APP, TS_COMMAND, TS_NODE } from './lib/dm-ts.js';
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
/** The TypeScript xenstore client against dom0's xenstored (dm-ts/xenstore-checks.ts). */
const XENSTORE_STEPS = [
  'xs:connect', 'xs:write_read', 'xs:watch', 'xs:unwatch', 'xs:transaction', 'xs:directory', 'xs:rm', 'xs:domain_path',
];

export const LANGUAGE_PLANS: readonly LanguagePlan[] = [
  { language: 'none', mode: 'none' },
  ...C_VARIANTS.map((v): LanguagePlan => ({
    language: v.language,
    mode: 'device',
    steps: ['dm:mlock', ...SERVER_STEPS, ...(v.defines.length ? [] : NR_VCPUS_STEPS), ...SIDE_STEPS],
    counts: DEVICE_COUNTS,
  })),
  // The side checks are raw hypercalls: they need the hypercall numbers, DOMID_SELF and
  // XENVER_version, which the registry (and so the crate) does not declare yet. Without raw
  // hypercalls from its own memory the Rust model has nothing to mlock either.
  ...RUST_VARIANTS.map((v): LanguagePlan => ({
    language: v.language,
    mode: 'device',
    steps: [...SERVER_STEPS, ...(v.features.length ? [] : NR_VCPUS_STEPS)],
    counts: DEVICE_COUNTS,
  })),
  // Node in dom0: the same server steps, then the xenstore client; no side checks, as for Rust.
  { language: 'ts', mode: 'device', steps: [...SERVER_STEPS, ...NR_VCPUS_STEPS, ...XENSTORE_STEPS], counts: DEVICE_COUNTS },
];

/** Built once per process: the same binaries boot on every release. */
let binariesBuilt: Promise<Map<string, string>> | undefined;
let tsStaged: ReturnType<typeof stageTsDeviceModel> | undefined;

async function buildBinaries(): Promise<Map<string, string>> {
  const built = new Map<string, string>();
  for (const v of C_VARIANTS) built.set(v.language, await buildCDeviceModel(v));
  for (const v of RUST_VARIANTS) built.set(v.language, await buildRustDeviceModel(v));
  return built;
}

export async function LANGUAGES(release: LiveRelease): Promise<LanguageSpec[]> {
  binariesBuilt ??= buildBinaries();
  tsStaged ??= stageTsDeviceModel();
  const [binaries, ts] = await Promise.all([binariesBuilt, tsStaged]);
  const argo = predictArgoRegisterRing(release);
  return LANGUAGE_PLANS.map((plan) => {
    if (plan.language === 'ts') {
      return {
        ...plan,
        command: [...TS_COMMAND, plan.language, release.xen, String(argo.errno)],
        files: [{ path: TS_APP, from: ts.app }, { path: TS_NODE, from: ts.node }],
      };
    }
    const binary = binaries.get(plan.language);
    if (!binary) return plan;
    return {
      ...plan,
      command: [`/payload/dm-${plan.language}`, plan.language, release.xen, String(argo.errno)],
      files: [{ path: `dm-${plan.language}`, from: binary, executable: true }],
    };
  });
}
