//! The live-Xen test's device model in Rust, on `xenabi` and `xenabi-linux` alone, with no
//! `unsafe`: it serves the test device to one guest through an ioreq server and reports every
//! step as an "@lx step" line, the same steps as the C device model (languages.ts).
//!
//!   dm-rust LANGUAGE XEN_RELEASE ARGO_ERRNO DOMID
//!
//! LANGUAGE is the name it reports under ("rust", "rust-4.12"). XEN_RELEASE and ARGO_ERRNO
//! are the C device model's side-check arguments, taken for the same command line: the
//! side checks need hypercall numbers the registry does not declare yet, so this one has
//! none. Exit 0 when every step passed.
#![forbid(unsafe_code)]

mod report;
mod test_device;

use std::io;
use std::process::ExitCode;
use std::sync::atomic::{fence, Ordering};
use std::time::Duration;

use xenabi::stable::dm_op::{
    ioservid_t, xen_dm_op, xen_dm_op_create_ioreq_server, xen_dm_op_destroy_ioreq_server, xen_dm_op_get_ioreq_server_info, xen_dm_op_ioreq_server_range,
    xen_dm_op_set_ioreq_server_state, XEN_DMOP_no_gfns, XEN_DMOP_IO_RANGE_MEMORY, XEN_DMOP_IO_RANGE_PORT,
};
use xenabi::stable::ioreq::{ioreq, IOREQ_TYPE_INVALIDATE, IOREQ_TYPE_TIMEOFFSET, STATE_IOREQ_READY, STATE_IORESP_READY};
use xenabi::stable::xen::domid_t;
use xenabi_linux::{field, Evtchn, Mapping, Port, Privcmd, Shared, XENMEM_RESOURCE_IOREQ_SERVER};

use report::Report;
use test_device::{TestDevice, MMIO_BASE, MMIO_LAST, PORT_BASE, PORT_LAST};

/// More vCPUs than the test guest has (2).
const MAX_VCPUS: usize = 16;
/// The ioreq server's synchronous page: frame 1 of its resource (frame 0 is the buffered one).
const SYNCHRONOUS_PAGE: u32 = 1;
/// How long the guest may leave the device model waiting between two requests.
const SERVE_TIMEOUT: Duration = Duration::from_secs(30);
/// Where run.sh waits for the device model to say it serves.
const READY_FILE: &str = "/tmp/dm-ready";

struct Devices {
    privcmd: Privcmd,
    evtchn: Evtchn,
}

/// An ioreq server of domain `domid`, reached through `dev`.
struct Server<'a> {
    dev: &'a Devices,
    domid: domid_t,
    id: ioservid_t,
}

impl Server<'_> {
    fn op(&self, op: xen_dm_op) -> io::Result<xen_dm_op> {
        dm_op(self.dev, self.domid, op)
    }
}

/// A vCPU's slot of the ioreq page and its event channel, Xen's end and ours.
struct Vcpu<'a> {
    slot: Shared<'a, ioreq>,
    remote: Port,
    local: Option<Port>,
}

fn dm_op(dev: &Devices, domid: domid_t, mut op: xen_dm_op) -> io::Result<xen_dm_op> {
    dev.privcmd.dm_op(domid, &mut op, &mut [])?;
    Ok(op)
}

fn create_server(r: &mut Report, dev: &Devices, domid: domid_t) -> Option<ioservid_t> {
    // handle_bufioreq 0: no buffered ioreqs (HVM_IOREQSRV_BUFIOREQ_OFF).
    let created = dm_op(dev, domid, xen_dm_op::create_ioreq_server(xen_dm_op_create_ioreq_server::default()));
    let id = r.call("dm:create_server", "XEN_DMOP_create_ioreq_server", created)?.as_create_ioreq_server()?.id;
    r.count("ioreq_server_id", id);
    let info = xen_dm_op_get_ioreq_server_info { id, flags: XEN_DMOP_no_gfns, ..Default::default() };
    r.call("dm:server_info", "XEN_DMOP_get_ioreq_server_info, XEN_DMOP_no_gfns", dm_op(dev, domid, xen_dm_op::get_ioreq_server_info(info)))?;
    Some(id)
}

fn claim(r: &mut Report, s: &Server<'_>, name: &str, kind: u32, start: u64, end: u64) -> bool {
    let range = xen_dm_op_ioreq_server_range { id: s.id, r#type: kind, start, end, ..Default::default() };
    let what = format!("XEN_DMOP_map_io_range_to_ioreq_server {start:#x}-{end:#x}");
    r.call(name, &what, s.op(xen_dm_op::map_io_range_to_ioreq_server(range))).is_some()
}

fn set_state(r: &mut Report, s: &Server<'_>, name: &str, enabled: bool) -> bool {
    let state = xen_dm_op_set_ioreq_server_state { id: s.id, enabled: enabled.into(), ..Default::default() };
    let what = if enabled { "XEN_DMOP_set_ioreq_server_state enabled" } else { "XEN_DMOP_set_ioreq_server_state disabled" };
    r.call(name, what, s.op(xen_dm_op::set_ioreq_server_state(state))).is_some()
}

/// Xen writes each vCPU's event channel into its slot when the server is enabled; slots past
/// the last vCPU stay 0, never a valid port. With nr_vcpus (Xen 4.15) the scan is checked
/// against Xen's own count.
fn find_vcpus<'a>(r: &mut Report, dev: &Devices, domid: domid_t, page: &'a Mapping) -> Vec<Vcpu<'a>> {
    let vcpus: Vec<Vcpu<'a>> = (0..MAX_VCPUS)
        .map_while(|i| page.slot::<ioreq>(i))
        .map(|slot| Vcpu { slot, remote: slot.read().vp_eport, local: None })
        .take_while(|v| v.remote != 0)
        .collect();
    check_nr_vcpus(r, dev, domid, vcpus.len());
    r.count("vcpus", vcpus.len());
    let detail = if vcpus.is_empty() { "no vCPU port in the ioreq page" } else { "every vCPU's port read from the ioreq page" };
    r.step("dm:vcpu_ports", !vcpus.is_empty(), detail);
    vcpus
}

#[cfg(feature = "newest")]
fn check_nr_vcpus(r: &mut Report, dev: &Devices, domid: domid_t, scanned: usize) {
    use xenabi::stable::dm_op::xen_dm_op_nr_vcpus;
    match dm_op(dev, domid, xen_dm_op::nr_vcpus(xen_dm_op_nr_vcpus::default())) {
        Ok(op) => {
            let n = op.as_nr_vcpus().map_or(0, |p| p.vcpus);
            r.step("dm:nr_vcpus", n as usize == scanned, format!("XEN_DMOP_nr_vcpus {n}, {scanned} ports in the ioreq page"));
        }
        Err(e) => _ = r.step("dm:nr_vcpus", false, format!("XEN_DMOP_nr_vcpus: {e}")),
    }
}

/// Built for Xen 4.12, which has no XEN_DMOP_nr_vcpus: the crate does not declare it.
#[cfg(not(feature = "newest"))]
fn check_nr_vcpus(_: &mut Report, _: &Devices, _: domid_t, _: usize) {}

fn bind_ports(r: &mut Report, dev: &Devices, domid: domid_t, vcpus: &mut [Vcpu<'_>]) -> bool {
    let mut first_error = None;
    for v in vcpus.iter_mut() {
        match dev.evtchn.bind_interdomain(domid, v.remote) {
            Ok(port) => v.local = Some(port),
            Err(e) => _ = first_error.get_or_insert(e),
        }
    }
    let bound = vcpus.iter().filter(|v| v.local.is_some()).count();
    let error = first_error.map_or(String::new(), |e| format!(": {e}"));
    r.step("dm:bind_evtchn", bound == vcpus.len(), format!("{bound} of {} vCPU ports bound through /dev/xen/evtchn{error}", vcpus.len()))
}

/// Answers the request in `slot`, which Xen handed over (STATE_IOREQ_READY). Returns false for
/// Xen's own notices (a cache invalidation, a clock offset), which are not the device's.
fn answer(device: &mut TestDevice, slot: Shared<'_, ioreq>, first_problem: &mut Option<&'static str>) -> bool {
    // The request is ours once its state says so: read the rest after that.
    fence(Ordering::Acquire);
    let mut request = slot.read();
    let notice = request.r#type == IOREQ_TYPE_INVALIDATE || request.r#type == IOREQ_TYPE_TIMEOFFSET;
    if !notice {
        if let Err(problem) = device.serve(&mut request) {
            first_problem.get_or_insert(problem);
        }
        field!(slot, ioreq, data).write(request.data);
    }
    // The answer is Xen's once the state says so: write it before that.
    fence(Ordering::Release);
    request.set_state(STATE_IORESP_READY);
    field!(slot, ioreq, bitfields_0).write(request.bitfields_0);
    !notice
}

/// Serves the guest until it rings the doorbell.
fn serve(r: &mut Report, dev: &Devices, vcpus: &[Vcpu<'_>]) {
    let mut device = TestDevice::new();
    let mut first_problem = None;
    let mut notices = 0u32;
    let mut waited: Option<String> = None;
    while device.verdict.is_none() && waited.is_none() {
        let ports = match dev.evtchn.wait(Some(SERVE_TIMEOUT)) {
            Ok(ports) if ports.is_empty() => {
                waited = Some(format!("no request for {} s after {} served", SERVE_TIMEOUT.as_secs(), device.served));
                continue;
            }
            Ok(ports) => ports,
            Err(e) => {
                waited = Some(e.to_string());
                continue;
            }
        };
        for port in ports {
            let unmasked = dev.evtchn.unmask(port);
            let Some(v) = vcpus.iter().find(|v| v.local == Some(port)) else { continue };
            if v.slot.read().state() != STATE_IOREQ_READY {
                continue;
            }
            if !answer(&mut device, v.slot, &mut first_problem) {
                notices += 1;
            }
            if let Err(e) = unmasked.and_then(|()| dev.evtchn.notify(port)) {
                waited = Some(e.to_string());
            }
        }
    }
    r.count("requests", device.served);
    r.count("port_requests", device.port_requests);
    r.count("mmio_requests", device.mmio_requests);
    r.count("notices", notices);
    let detail = match &waited {
        Some(why) => why.clone(),
        None => format!(
            "{} requests, {} malformed{}; the guest's verdict: {} failed checks",
            device.served,
            device.malformed,
            first_problem.map_or(String::new(), |p| format!(", first: {p}")),
            device.verdict.unwrap_or(0)
        ),
    };
    r.step("dm:serve", waited.is_none() && device.malformed == 0, detail);
}

fn teardown(r: &mut Report, s: &Server<'_>, vcpus: &[Vcpu<'_>]) {
    set_state(r, s, "dm:disable", false);
    let destroy = xen_dm_op_destroy_ioreq_server { id: s.id, ..Default::default() };
    r.call("dm:destroy", "XEN_DMOP_destroy_ioreq_server", s.op(xen_dm_op::destroy_ioreq_server(destroy)));
    let unbound = vcpus.iter().filter_map(|v| v.local).filter(|&p| s.dev.evtchn.unbind(p).is_ok()).count();
    r.step("dm:unbind", unbound == vcpus.len(), format!("{unbound} of {} ports unbound", vcpus.len()));
}

fn signal_ready() {
    // run.sh stops waiting when the file appears or the device model exits: nothing to report.
    let _ = std::fs::File::create(READY_FILE);
}

fn run(r: &mut Report, domid: domid_t) {
    let opened = Privcmd::open().and_then(|privcmd| Ok(Devices { privcmd, evtchn: Evtchn::open()? }));
    let Some(dev) = r.call("dm:open", "/dev/xen/privcmd and /dev/xen/evtchn", opened) else { return signal_ready() };
    let Some(id) = create_server(r, &dev, domid) else { return signal_ready() };
    let server = Server { dev: &dev, domid, id };
    // Xen writes the vCPUs' ports into the ioreq page when the server is enabled; the guest is
    // still paused, so nothing reaches the server before they are bound.
    let what = "XENMEM_acquire_resource via privcmd mmap_resource";
    let page = r.call("dm:map_ioreq_page", what, dev.privcmd.mmap_resource(domid, XENMEM_RESOURCE_IOREQ_SERVER, id.into(), SYNCHRONOUS_PAGE, 1));
    let mut vcpus = Vec::new();
    let ready = match &page {
        Some(page) => {
            claim(r, &server, "dm:claim_ports", XEN_DMOP_IO_RANGE_PORT, PORT_BASE, PORT_LAST)
                && claim(r, &server, "dm:claim_mmio", XEN_DMOP_IO_RANGE_MEMORY, MMIO_BASE, MMIO_LAST)
                && set_state(r, &server, "dm:enable", true)
                && {
                    vcpus = find_vcpus(r, &dev, domid, page);
                    !vcpus.is_empty()
                }
                && bind_ports(r, &dev, domid, &mut vcpus)
        }
        None => false,
    };
    signal_ready();
    if ready {
        serve(r, &dev, &vcpus);
    }
    teardown(r, &server, &vcpus);
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [language, _release, _argo_errno, domid] = args.as_slice() else {
        eprintln!("usage: dm-rust LANGUAGE XEN_RELEASE ARGO_ERRNO DOMID");
        return ExitCode::from(2);
    };
    let Ok(domid) = domid.parse::<domid_t>() else {
        eprintln!("dm-rust: DOMID must be a domain id, not {domid:?}");
        return ExitCode::from(2);
    };
    let mut report = Report::new(language.clone());
    run(&mut report, domid);
    if report.failures == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
