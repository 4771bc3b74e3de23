/**
 * The live-Xen test's device model in TypeScript, on @xenabi/ts-bindings and @xenabi/linux
 * alone, run by Node inside dom0: it serves the test device to one guest through an ioreq
 * server, then runs the xenstore client against the real xenstored. Every step is an
 * "@lx step" line, the server's the same as the C and Rust models' (languages.ts).
 *
 *   node dm.js LANGUAGE XEN_RELEASE ARGO_ERRNO DOMID
 *
 * XEN_RELEASE is the release booted ("4.17"), ARGO_ERRNO the errno Argo's register_ring must
 * fail with (0: it must work); after the server come the side checks (side-checks.ts) and the
 * xenstore client (xenstore-checks.ts). Exit 0 when every step passed.
 */
import { writeFileSync } from 'node:fs';
import { XEN_DMOP_IO_RANGE_MEMORY, XEN_DMOP_IO_RANGE_PORT, XEN_DMOP_no_gfns, type DmOp } from '@xenabi/ts-bindings/stable/dm_op';
import { XENMEM_resource_ioreq_server, XENMEM_resource_ioreq_server_frame_bufioreq } from '@xenabi/ts-bindings/stable/memory';
import { ioreq, IOREQ_TYPE_INVALIDATE, IOREQ_TYPE_TIMEOFFSET, STATE_IOREQ_READY, STATE_IORESP_READY, type ioreq_view } from '@xenabi/ts-bindings/stable/ioreq';
import { domId, evtchnPort, ioServId, type DomId, type IoServId } from '@xenabi/ts-bindings';
import { Evtchn, Privcmd, type Mapping } from '@xenabi/linux';
import { message, Report } from './report.js';
import { sideChecks } from './side-checks.js';
import { MMIO_BASE, MMIO_LAST, PORT_BASE, PORT_LAST, TestDevice } from './test-device.js';
import { xenstoreChecks } from './xenstore-checks.js';

/** More vCPUs than the test guest has (2). */
const MAX_VCPUS = 16;
/** The server's synchronous page (the vCPUs' slots): the frame after the buffered ring. */
const SYNCHRONOUS_PAGE = XENMEM_resource_ioreq_server_frame_bufioreq + 1;
/** How long the guest may leave the device model waiting between two requests. */
const SERVE_TIMEOUT_MS = 30_000;
/** Where run.sh waits for the device model to say it serves. */
const READY_FILE = '/tmp/dm-ready';

interface Vcpu {
  slot: ioreq_view;
  remote: number;
  local?: number;
}

class Server {
  constructor(
    readonly r: Report,
    readonly privcmd: Privcmd,
    readonly evtchn: Evtchn,
    readonly domid: DomId,
    readonly id: IoServId,
  ) {}

  op(name: string, what: string, op: DmOp): DmOp | undefined {
    return this.r.call(name, what, () => this.privcmd.dmOp(this.domid, op));
  }
}

function createServer(r: Report, privcmd: Privcmd, domid: DomId): IoServId | undefined {
  // handle_bufioreq 0: no buffered ioreqs (HVM_IOREQSRV_BUFIOREQ_OFF).
  const created = r.call('dm:create_server', 'XEN_DMOP_create_ioreq_server', () => privcmd.dmOp(domid, { op: 'create_ioreq_server', handle_bufioreq: 0, id: ioServId(0) }));
  if (created?.op !== 'create_ioreq_server') return undefined;
  r.count('ioreq_server_id', created.id);
  const info: DmOp = { op: 'get_ioreq_server_info', id: created.id, flags: XEN_DMOP_no_gfns, bufioreq_port: evtchnPort(0), ioreq_gfn: 0n, bufioreq_gfn: 0n };
  return r.call('dm:server_info', 'XEN_DMOP_get_ioreq_server_info, XEN_DMOP_no_gfns', () => privcmd.dmOp(domid, info)) ? created.id : undefined;
}

function claim(s: Server, name: string, type: number, start: bigint, end: bigint): boolean {
  const what = `XEN_DMOP_map_io_range_to_ioreq_server 0x${start.toString(16)}-0x${end.toString(16)}`;
  return s.op(name, what, { op: 'map_io_range_to_ioreq_server', id: s.id, type, start, end }) !== undefined;
}

function setState(s: Server, name: string, enabled: boolean): boolean {
  const what = `XEN_DMOP_set_ioreq_server_state ${enabled ? 'enabled' : 'disabled'}`;
  return s.op(name, what, { op: 'set_ioreq_server_state', id: s.id, enabled: enabled ? 1 : 0 }) !== undefined;
}

/**
 * Xen writes each vCPU's event channel into its slot when the server is enabled; slots past
 * the last vCPU stay 0. XEN_DMOP_nr_vcpus (Xen 4.15) must agree with the scan.
 */
function findVcpus(s: Server, page: Mapping): Vcpu[] {
  const vcpus: Vcpu[] = [];
  for (let i = 0; i < MAX_VCPUS; i++) {
    const slot = page.view(ioreq, i * ioreq.size(page.arch));
    if (slot.vp_eport === 0) break;
    vcpus.push({ slot, remote: slot.vp_eport });
  }
  try {
    const op = s.privcmd.dmOp(s.domid, { op: 'nr_vcpus', vcpus: 0 });
    const n = op.op === 'nr_vcpus' ? op.vcpus : -1;
    s.r.step('dm:nr_vcpus', n === vcpus.length, `XEN_DMOP_nr_vcpus ${n}, ${vcpus.length} ports in the ioreq page`);
  } catch (e) {
    s.r.step('dm:nr_vcpus', false, `XEN_DMOP_nr_vcpus: ${message(e)}`);
  }
  s.r.count('vcpus', vcpus.length);
  s.r.step('dm:vcpu_ports', vcpus.length > 0, vcpus.length ? "every vCPU's port read from the ioreq page" : 'no vCPU port in the ioreq page');
  return vcpus;
}

function bindPorts(s: Server, vcpus: Vcpu[]): boolean {
  let firstError = '';
  for (const v of vcpus) {
    try {
      v.local = s.evtchn.bindInterdomain(s.domid, v.remote);
    } catch (e) {
      firstError ||= `: ${message(e)}`;
    }
  }
  const bound = vcpus.filter((v) => v.local !== undefined).length;
  return s.r.step('dm:bind_evtchn', bound === vcpus.length, `${bound} of ${vcpus.length} vCPU ports bound through /dev/xen/evtchn${firstError}`);
}

/** A copy of the request in `slot`, which Xen handed over (STATE_IOREQ_READY). */
function requestOf(slot: ioreq_view): ioreq {
  const { addr, data, count, size, vp_eport, state, data_is_ptr, dir, df, type } = slot;
  return { addr, data, count, size, vp_eport, state, data_is_ptr, dir, df, type };
}

/** The ports that fire next, or undefined after `ms` without one. */
function waitPorts(evtchn: Evtchn, ms: number): Promise<number[] | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  return Promise.race([evtchn.wait(), timeout]).finally(() => clearTimeout(timer));
}

/** Serves the guest until it rings the doorbell. */
async function serve(s: Server, vcpus: Vcpu[]): Promise<void> {
  const device = new TestDevice();
  let firstProblem: string | undefined;
  let notices = 0;
  let stopped: string | undefined;
  while (device.verdict === undefined && stopped === undefined) {
    let ports: number[] | undefined;
    try {
      ports = await waitPorts(s.evtchn, SERVE_TIMEOUT_MS);
    } catch (e) {
      stopped = message(e);
      break;
    }
    if (!ports) {
      stopped = `no request for ${SERVE_TIMEOUT_MS / 1000} s after ${device.served} served`;
      break;
    }
    for (const port of ports) {
      s.evtchn.unmask(port);
      const v = vcpus.find((c) => c.local === port);
      if (!v || v.slot.state !== STATE_IOREQ_READY) continue;
      const req = requestOf(v.slot);
      if (req.type === IOREQ_TYPE_INVALIDATE || req.type === IOREQ_TYPE_TIMEOFFSET) {
        notices++;
      } else {
        firstProblem ??= device.serve(req);
        v.slot.data = req.data;
      }
      // x86 keeps stores in order: the data is written before the state hands the slot back.
      v.slot.state = STATE_IORESP_READY;
      s.evtchn.notify(port);
    }
  }
  s.r.count('requests', device.served);
  s.r.count('port_requests', device.portRequests);
  s.r.count('mmio_requests', device.mmioRequests);
  s.r.count('notices', notices);
  const detail =
    stopped ??
    `${device.served} requests, ${device.malformed} malformed${firstProblem ? `, first: ${firstProblem}` : ''}; the guest's verdict: ${device.verdict ?? 0} failed checks`;
  s.r.step('dm:serve', stopped === undefined && device.malformed === 0, detail);
}

function teardown(s: Server, vcpus: Vcpu[]): void {
  setState(s, 'dm:disable', false);
  s.op('dm:destroy', 'XEN_DMOP_destroy_ioreq_server', { op: 'destroy_ioreq_server', id: s.id });
  let unbound = 0;
  for (const v of vcpus) {
    if (v.local === undefined) continue;
    try {
      s.evtchn.unbind(v.local);
      unbound++;
    } catch {
      // counted below
    }
  }
  s.r.step('dm:unbind', unbound === vcpus.length, `${unbound} of ${vcpus.length} ports unbound`);
}

function signalReady(): void {
  writeFileSync(READY_FILE, '');
}

async function runServer(r: Report, privcmd: Privcmd, evtchn: Evtchn, domid: DomId): Promise<void> {
  const id = createServer(r, privcmd, domid);
  if (id === undefined) return signalReady();
  const s = new Server(r, privcmd, evtchn, domid, id);
  const what = 'XENMEM_acquire_resource via privcmd mmap_resource';
  const page = r.call('dm:map_ioreq_page', what, () => privcmd.mapResource(domid, XENMEM_resource_ioreq_server, id, SYNCHRONOUS_PAGE, 1));
  let vcpus: Vcpu[] = [];
  const ready =
    page !== undefined &&
    claim(s, 'dm:claim_ports', XEN_DMOP_IO_RANGE_PORT, PORT_BASE, PORT_LAST) &&
    claim(s, 'dm:claim_mmio', XEN_DMOP_IO_RANGE_MEMORY, MMIO_BASE, MMIO_LAST) &&
    setState(s, 'dm:enable', true) &&
    (vcpus = findVcpus(s, page)).length > 0 &&
    bindPorts(s, vcpus);
  signalReady();
  if (ready) await serve(s, vcpus);
  teardown(s, vcpus);
  page?.close();
}

/** The server, then the side checks, on the two devices. */
async function runDevices(r: Report, domid: DomId, release: string, argoErrno: number): Promise<void> {
  const devices = r.call('dm:open', '/dev/xen/privcmd and /dev/xen/evtchn', () => {
    const privcmd = Privcmd.open();
    return { privcmd, evtchn: Evtchn.open() };
  });
  if (!devices) return signalReady();
  const { privcmd, evtchn } = devices;
  try {
    await runServer(r, privcmd, evtchn, domid);
    sideChecks(r, privcmd, release, argoErrno);
  } finally {
    evtchn.close();
    privcmd.close();
  }
}

async function main(args: string[]): Promise<number> {
  const [language, release = '', argoText, domidText] = args;
  const domid = Number(domidText);
  const argoErrno = Number(argoText);
  if (args.length !== 4 || !language || !Number.isInteger(domid) || !Number.isInteger(argoErrno)) {
    console.error('usage: node dm.js LANGUAGE XEN_RELEASE ARGO_ERRNO DOMID');
    return 2;
  }
  const r = new Report(language);
  await runDevices(r, domId(domid), release, argoErrno);
  await xenstoreChecks(r, domid);
  return r.failures ? 1 : 0;
}

// Exit at once: a handle left open (a socket, a poll) must not keep dom0 waiting for us.
process.exit(await main(process.argv.slice(2)));
