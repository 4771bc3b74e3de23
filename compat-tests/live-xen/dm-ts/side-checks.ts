/**
 * The checks beside the ioreq server, as the C model makes them: raw hypercalls through
 * privcmd with records and numbers from @xenabi/ts-bindings. `xen_version`; an event
 * channel's life on our own domain; dom0's grant table size; Argo's register_ring, which must
 * fail as the availability gates predict. Not `gnttab_setup_table`: its frame list is a guest
 * handle, an address in this process, and `Privcmd.hypercall` copies buffers to native memory
 * whose address it does not give out.
 */
import { domId, evtchnPort, type Arch, type EvtchnPort, type RecordCodec, type RecordView } from '@xenabi/ts-bindings';
import { XEN_ARGO_OP_register_ring, xen_argo_register_ring } from '@xenabi/ts-bindings/stable/argo';
import {
  evtchn_alloc_unbound, evtchn_bind_interdomain, evtchn_close, evtchn_send, evtchn_status,
  EVTCHNOP_alloc_unbound, EVTCHNOP_bind_interdomain, EVTCHNOP_close, EVTCHNOP_send, EVTCHNOP_status,
  EVTCHNSTAT_closed, EVTCHNSTAT_interdomain, EVTCHNSTAT_unbound,
} from '@xenabi/ts-bindings/stable/event_channel';
import { GNTST_okay, GNTTABOP_query_size, gnttab_query_size } from '@xenabi/ts-bindings/stable/grant_table';
import { XENVER_version } from '@xenabi/ts-bindings/stable/version';
import { DOMID_SELF, __HYPERVISOR_argo_op, __HYPERVISOR_event_channel_op, __HYPERVISOR_grant_table_op, __HYPERVISOR_xen_version } from '@xenabi/ts-bindings/stable/xen';
import { XenCallError, type Privcmd } from '@xenabi/linux';
import { message, type Report } from './report.js';

/** A hypercall's outcome: its result, or the errno Xen answered. */
interface Outcome<T> {
  rc: number;
  value: T;
}

/** A hypercall whose second argument is `record`, encoded, passed to Xen and decoded back. */
function call<T, V extends RecordView>(privcmd: Privcmd, op: number, cmd: number, codec: RecordCodec<T, V>, record: NoInfer<T>, more: number[] = []): Outcome<T> {
  const arch: Arch = privcmd.arch;
  const bytes = codec.encode(record, { arch });
  let rc: number;
  try {
    rc = privcmd.hypercall(op, [cmd, bytes, ...more]);
  } catch (e) {
    if (!(e instanceof XenCallError)) throw e;
    rc = -e.errno;
  }
  return { rc, value: codec.decode(bytes, { arch }) };
}

function checkVersion(r: Report, privcmd: Privcmd, release: string): void {
  let got = '';
  let rc = 0;
  try {
    const v = privcmd.hypercall(__HYPERVISOR_xen_version, [XENVER_version, 0]);
    got = `${v >> 16}.${v & 0xffff}`;
  } catch (e) {
    rc = e instanceof XenCallError ? -e.errno : -1;
  }
  r.step('side:xen_version', got === release, `XENVER_version ${got} (rc ${rc}), booted ${release}`);
}

function checkEventChannel(r: Report, privcmd: Privcmd): void {
  const evtchn = <T, V extends RecordView>(cmd: number, codec: RecordCodec<T, V>, record: NoInfer<T>) => call(privcmd, __HYPERVISOR_event_channel_op, cmd, codec, record);
  const status = (port: EvtchnPort) => evtchn(EVTCHNOP_status, evtchn_status, { dom: DOMID_SELF, port, status: 0, vcpu: 0, u: {} });
  const alloc = evtchn(EVTCHNOP_alloc_unbound, evtchn_alloc_unbound, { dom: DOMID_SELF, remote_dom: DOMID_SELF, port: evtchnPort(0) });
  const port = alloc.value.port;
  if (!r.step('side:evtchn_alloc_unbound', alloc.rc === 0 && port !== 0, `port ${port} (rc ${alloc.rc})`)) return;
  // Xen reports the remote end of a loopback channel as domain 0 (dom0's own id), not DOMID_SELF.
  let st = status(port);
  const remote = st.value.u.unbound?.dom;
  r.step('side:evtchn_status_unbound', st.rc === 0 && st.value.status === EVTCHNSTAT_unbound && remote === 0, `status ${st.value.status}, remote dom ${remote} (rc ${st.rc})`);
  const bind = evtchn(EVTCHNOP_bind_interdomain, evtchn_bind_interdomain, { remote_dom: DOMID_SELF, remote_port: port, local_port: evtchnPort(0) });
  const local = bind.value.local_port;
  if (r.step('side:evtchn_bind_interdomain', bind.rc === 0 && local !== 0, `local port ${local} to ${port} (rc ${bind.rc})`)) {
    st = status(local);
    const peer = st.value.u.interdomain?.port;
    r.step('side:evtchn_status_interdomain', st.rc === 0 && st.value.status === EVTCHNSTAT_interdomain && peer === port, `status ${st.value.status}, peer port ${peer} (rc ${st.rc})`);
    const sent = evtchn(EVTCHNOP_send, evtchn_send, { port: local });
    r.step('side:evtchn_send', sent.rc === 0, `rc ${sent.rc}`);
    const closed = evtchn(EVTCHNOP_close, evtchn_close, { port: local });
    r.step('side:evtchn_close', closed.rc === 0, `rc ${closed.rc}`);
  }
  const closed = evtchn(EVTCHNOP_close, evtchn_close, { port });
  st = status(port);
  r.step('side:evtchn_closed', closed.rc === 0 && st.rc === 0 && st.value.status === EVTCHNSTAT_closed, `close rc ${closed.rc}, status ${st.value.status}`);
}

function checkGrantTable(r: Report, privcmd: Privcmd): void {
  const q = call(privcmd, __HYPERVISOR_grant_table_op, GNTTABOP_query_size, gnttab_query_size, { dom: DOMID_SELF, nr_frames: 0, max_nr_frames: 0, status: 0 }, [1]);
  const { nr_frames, max_nr_frames, status } = q.value;
  const ok = q.rc === 0 && status === GNTST_okay && nr_frames >= 1 && max_nr_frames >= nr_frames;
  r.step('side:gnttab_query_size', ok, `${nr_frames} of ${max_nr_frames} frames (status ${status}, rc ${q.rc})`);
}

function checkArgo(r: Report, privcmd: Privcmd, argoErrno: number): void {
  const a = call(privcmd, __HYPERVISOR_argo_op, XEN_ARGO_OP_register_ring, xen_argo_register_ring, { aport: 1, partner_id: domId(0), len: 4096 }, [0, 1, 0]);
  r.step('side:argo_register_ring', a.rc === -argoErrno, `rc ${a.rc}, predicted ${-argoErrno}`);
}

export function sideChecks(r: Report, privcmd: Privcmd, release: string, argoErrno: number): void {
  try {
    checkVersion(r, privcmd, release);
    checkEventChannel(r, privcmd);
    checkGrantTable(r, privcmd);
    checkArgo(r, privcmd, argoErrno);
  } catch (e) {
    r.step('side:error', false, message(e));
  }
}
