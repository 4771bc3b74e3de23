//! The checks beside the ioreq server, as the C model makes them: raw hypercalls through
//! privcmd with records and numbers from the `xenabi` crate. `xen_version`; an event channel's
//! life on our own domain (alloc_unbound, status, bind_interdomain, status, send, close,
//! closed); dom0's grant table (query_size, setup_table); Argo's register_ring, which must
//! fail as the availability gates predict for the release's build.

use std::io;
use std::mem::offset_of;

use xenabi::stable::argo::{xen_argo_register_ring, XEN_ARGO_OP_register_ring};
use xenabi::stable::event_channel::{
    evtchn_alloc_unbound, evtchn_bind_interdomain, evtchn_close, evtchn_send, evtchn_status, evtchn_status_u_interdomain, evtchn_status_u_unbound,
    EVTCHNOP_alloc_unbound, EVTCHNOP_bind_interdomain, EVTCHNOP_close, EVTCHNOP_send, EVTCHNOP_status, EVTCHNSTAT_closed, EVTCHNSTAT_interdomain,
    EVTCHNSTAT_unbound,
};
use xenabi::stable::grant_table::{gnttab_query_size, gnttab_setup_table, GNTST_okay, GNTTABOP_query_size, GNTTABOP_setup_table};
use xenabi::stable::version::XENVER_version;
use xenabi::stable::xen::{__HYPERVISOR_argo_op, __HYPERVISOR_event_channel_op, __HYPERVISOR_grant_table_op, __HYPERVISOR_xen_version, domid_t, DOMID_SELF};
use xenabi::types::{__guest_handle_xen_pfn_t, xen_pfn_t};
use xenabi_linux::{errno, HypercallArg, Privcmd};
use zerocopy::{FromBytes, IntoBytes};

use crate::report::Report;

const SELF: domid_t = DOMID_SELF as domid_t;

/// A hypercall whose second argument is `record`, which Xen reads and writes in place.
fn call<T: IntoBytes + FromBytes>(privcmd: &Privcmd, op: i32, cmd: u64, record: &mut T, more: &[u64]) -> io::Result<i32> {
    let mut args = vec![HypercallArg::Value(cmd), HypercallArg::Buffer(record.as_mut_bytes())];
    args.extend(more.iter().map(|&v| HypercallArg::Value(v)));
    privcmd.hypercall(op as u64, &mut args)
}

/// A result as the detail of a step: "rc 0" or the error.
fn rc(result: &io::Result<i32>) -> String {
    match result {
        Ok(v) => format!("rc {v}"),
        Err(e) => format!("rc -{} ({e})", errno(e).unwrap_or(0)),
    }
}

fn check_version(r: &mut Report, privcmd: &Privcmd, release: &str) {
    let v = privcmd.hypercall(__HYPERVISOR_xen_version as u64, &mut [HypercallArg::Value(XENVER_version as u64), HypercallArg::Value(0)]);
    let got = v.as_ref().map_or(String::new(), |v| format!("{}.{}", v >> 16, v & 0xffff));
    r.step("side:xen_version", got == release, format!("XENVER_version {got} ({}), booted {release}", rc(&v)));
}

/// What EVTCHNOP_status said of a port: its state and the union member that state selects.
struct Status {
    rc: io::Result<i32>,
    status: u32,
    /// `u.unbound.dom`, for EVTCHNSTAT_unbound.
    unbound_dom: domid_t,
    /// `u.interdomain.port`, for EVTCHNSTAT_interdomain.
    peer_port: u32,
}

/// EVTCHNOP_status of one of our ports. The record holds a union, which safe Rust neither
/// turns into bytes nor reads: it travels as bytes, each member at its offset.
fn status(privcmd: &Privcmd, port: u32) -> Status {
    let mut bytes = [0u8; size_of::<evtchn_status>()];
    bytes[offset_of!(evtchn_status, dom)..][..2].copy_from_slice(&SELF.to_ne_bytes());
    bytes[offset_of!(evtchn_status, port)..][..4].copy_from_slice(&port.to_ne_bytes());
    let rc = call(privcmd, __HYPERVISOR_event_channel_op, EVTCHNOP_status.into(), &mut bytes, &[]);
    let u = &bytes[offset_of!(evtchn_status, u)..];
    Status {
        rc,
        status: u32::read_from_prefix(&bytes[offset_of!(evtchn_status, status)..]).map_or(u32::MAX, |(v, _)| v),
        unbound_dom: domid_t::read_from_prefix(&u[offset_of!(evtchn_status_u_unbound, dom)..]).map_or(domid_t::MAX, |(v, _)| v),
        peer_port: u32::read_from_prefix(&u[offset_of!(evtchn_status_u_interdomain, port)..]).map_or(0, |(v, _)| v),
    }
}

fn check_event_channel(r: &mut Report, privcmd: &Privcmd) {
    let mut alloc = evtchn_alloc_unbound { dom: SELF, remote_dom: SELF, ..Default::default() };
    let a = call(privcmd, __HYPERVISOR_event_channel_op, EVTCHNOP_alloc_unbound.into(), &mut alloc, &[]);
    if !r.step("side:evtchn_alloc_unbound", a.is_ok() && alloc.port != 0, format!("port {} ({})", alloc.port, rc(&a))) {
        return;
    }
    // Xen reports the remote end of a loopback channel as domain 0 (dom0's own id), not DOMID_SELF.
    let st = status(privcmd, alloc.port);
    let ok = st.rc.is_ok() && st.status == EVTCHNSTAT_unbound && st.unbound_dom == 0;
    r.step("side:evtchn_status_unbound", ok, format!("status {}, remote dom {} ({})", st.status, st.unbound_dom, rc(&st.rc)));

    let mut bind = evtchn_bind_interdomain { remote_dom: SELF, remote_port: alloc.port, ..Default::default() };
    let b = call(privcmd, __HYPERVISOR_event_channel_op, EVTCHNOP_bind_interdomain.into(), &mut bind, &[]);
    if r.step("side:evtchn_bind_interdomain", b.is_ok() && bind.local_port != 0, format!("local port {} to {} ({})", bind.local_port, alloc.port, rc(&b))) {
        let st = status(privcmd, bind.local_port);
        let ok = st.rc.is_ok() && st.status == EVTCHNSTAT_interdomain && st.peer_port == alloc.port;
        r.step("side:evtchn_status_interdomain", ok, format!("status {}, peer port {} ({})", st.status, st.peer_port, rc(&st.rc)));
        let mut send = evtchn_send { port: bind.local_port };
        let sent = call(privcmd, __HYPERVISOR_event_channel_op, EVTCHNOP_send.into(), &mut send, &[]);
        r.step("side:evtchn_send", sent.is_ok(), rc(&sent));
        let mut close = evtchn_close { port: bind.local_port };
        let closed = call(privcmd, __HYPERVISOR_event_channel_op, EVTCHNOP_close.into(), &mut close, &[]);
        r.step("side:evtchn_close", closed.is_ok(), rc(&closed));
    }
    let mut close = evtchn_close { port: alloc.port };
    let closed = call(privcmd, __HYPERVISOR_event_channel_op, EVTCHNOP_close.into(), &mut close, &[]);
    let st = status(privcmd, alloc.port);
    r.step("side:evtchn_closed", closed.is_ok() && st.rc.is_ok() && st.status == EVTCHNSTAT_closed, format!("close {}, status {}", rc(&closed), st.status));
}

fn check_grant_table(r: &mut Report, privcmd: &Privcmd) {
    let mut query = gnttab_query_size { dom: SELF, ..Default::default() };
    let q = call(privcmd, __HYPERVISOR_grant_table_op, GNTTABOP_query_size as u64, &mut query, &[1]);
    let ok = q.is_ok() && query.status == GNTST_okay && query.nr_frames >= 1 && query.max_nr_frames >= query.nr_frames;
    r.step("side:gnttab_query_size", ok, format!("{} of {} frames (status {}, {})", query.nr_frames, query.max_nr_frames, query.status, rc(&q)));

    // Xen writes the frame number through the handle: an address in this process.
    let mut frames: [xen_pfn_t; 1] = [0];
    let mut setup = gnttab_setup_table { dom: SELF, nr_frames: 1, frame_list: __guest_handle_xen_pfn_t::new(frames.as_mut_ptr()), ..Default::default() };
    let s = call(privcmd, __HYPERVISOR_grant_table_op, GNTTABOP_setup_table as u64, &mut setup, &[1]);
    let frame = std::hint::black_box(&frames)[0];
    r.step("side:gnttab_setup_table", s.is_ok() && setup.status == GNTST_okay && frame != 0, format!("frame {frame:#x} (status {}, {})", setup.status, rc(&s)));
}

fn check_argo(r: &mut Report, privcmd: &Privcmd, argo_errno: i32) {
    let mut ring = xen_argo_register_ring { aport: 1, partner_id: 0, len: 4096, ..Default::default() };
    let a = call(privcmd, __HYPERVISOR_argo_op, XEN_ARGO_OP_register_ring as u64, &mut ring, &[0, 1, 0]);
    let as_predicted = match &a {
        Ok(_) => argo_errno == 0,
        Err(e) => errno(e) == Some(argo_errno),
    };
    r.step("side:argo_register_ring", as_predicted, format!("{}, predicted -{argo_errno}", rc(&a)));
}

pub fn side_checks(r: &mut Report, privcmd: &Privcmd, release: &str, argo_errno: i32) {
    check_version(r, privcmd, release);
    check_event_channel(r, privcmd);
    check_grant_table(r, privcmd);
    check_argo(r, privcmd, argo_errno);
}
