//! A device model in Rust, on xenabi and xenabi-linux alone, with no `unsafe`: it serves a
//! guest's port I/O at 0x5000–0x5003 as one 32-bit register that reads back what was last
//! written. Run in dom0 as root: `ioreq-server <domid> <vcpus> [requests]`.
//!
//! The steps are those of every ioreq server: create the server (XEN_DMOP_create_ioreq_server),
//! map its synchronous page (the ioreq_server resource, frame 1), bind each vCPU's event
//! channel, claim the port range, enable the server, then take requests: when a vCPU's port
//! fires, its slot is STATE_IOREQ_READY; answer it, mark it STATE_IORESP_READY, notify.
#![forbid(unsafe_code)]

use std::collections::HashMap;
use std::io;
use std::process::ExitCode;
use std::sync::atomic::{fence, Ordering};

use xenabi::stable::dm_op::{
    ioservid_t, xen_dm_op, xen_dm_op_create_ioreq_server, xen_dm_op_destroy_ioreq_server, xen_dm_op_ioreq_server_range, xen_dm_op_set_ioreq_server_state,
    XEN_DMOP_IO_RANGE_PORT,
};
use xenabi::stable::ioreq::{ioreq, IOREQ_READ, IOREQ_TYPE_PIO, STATE_IOREQ_READY, STATE_IORESP_READY};
use xenabi::stable::xen::domid_t;
use xenabi_linux::{field, Evtchn, Privcmd, XENMEM_RESOURCE_IOREQ_SERVER};

/// Frame 1 of the ioreq_server resource is the synchronous page (frame 0 the buffered one).
const SYNCHRONOUS_PAGE: u32 = 1;

/// The ioreq server, destroyed when dropped (also on an error).
struct Server<'a> {
    privcmd: &'a Privcmd,
    domid: domid_t,
    id: ioservid_t,
}

impl Server<'_> {
    fn op(&self, mut op: xen_dm_op) -> io::Result<()> {
        self.privcmd.dm_op(self.domid, &mut op, &mut [])
    }
}

impl Drop for Server<'_> {
    fn drop(&mut self) {
        let _ = self.op(xen_dm_op::destroy_ioreq_server(xen_dm_op_destroy_ioreq_server { id: self.id, ..Default::default() }));
    }
}

fn serve(domid: domid_t, vcpus: usize, requests: u64) -> io::Result<u64> {
    let privcmd = Privcmd::open()?;
    let evtchn = Evtchn::open()?;
    let mut created = xen_dm_op::create_ioreq_server(xen_dm_op_create_ioreq_server::default());
    privcmd.dm_op(domid, &mut created, &mut [])?;
    let id = created.as_create_ioreq_server().map(|s| s.id).ok_or_else(|| io::Error::other("Xen answered another op"))?;
    let server = Server { privcmd: &privcmd, domid, id };
    let page = privcmd.mmap_resource(domid, XENMEM_RESOURCE_IOREQ_SERVER, id.into(), SYNCHRONOUS_PAGE, 1)?;
    let mut slots = HashMap::new();
    for vcpu in 0..vcpus {
        let slot = page.slot::<ioreq>(vcpu).ok_or_else(|| io::Error::other(format!("vCPU {vcpu} has no slot in one page")))?;
        slots.insert(evtchn.bind_interdomain(domid, slot.read().vp_eport)?, slot);
    }
    let range = xen_dm_op_ioreq_server_range { id, r#type: XEN_DMOP_IO_RANGE_PORT, start: 0x5000, end: 0x5003, ..Default::default() };
    server.op(xen_dm_op::map_io_range_to_ioreq_server(range))?;
    server.op(xen_dm_op::set_ioreq_server_state(xen_dm_op_set_ioreq_server_state { id, enabled: 1, ..Default::default() }))?;

    let mut register = 0u64;
    let mut served = 0;
    while served < requests {
        for port in evtchn.wait(None)? {
            if let Some(slot) = slots.get(&port) {
                if slot.read().state() == STATE_IOREQ_READY {
                    // The request is ours once its state says so: read the rest after that.
                    fence(Ordering::Acquire);
                    let request = slot.read();
                    if request.r#type == IOREQ_TYPE_PIO {
                        if request.dir() == IOREQ_READ {
                            field!(*slot, ioreq, data).write(register);
                        } else {
                            register = request.data;
                        }
                    }
                    // The answer is Xen's once the state says so: write it before that.
                    fence(Ordering::Release);
                    let mut answered = request;
                    answered.set_state(STATE_IORESP_READY);
                    field!(*slot, ioreq, bitfields_0).write(answered.bitfields_0);
                    served += 1;
                    evtchn.notify(port)?;
                }
            }
            evtchn.unmask(port)?;
        }
    }
    drop(server);
    Ok(served)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| args.get(i).map(String::as_str);
    let (Ok(domid), Ok(vcpus), Ok(requests)) =
        (arg(0).unwrap_or("1").parse::<domid_t>(), arg(1).unwrap_or("1").parse::<usize>(), arg(2).map_or(Ok(u64::MAX), str::parse::<u64>))
    else {
        eprintln!("usage: ioreq-server <domid> <vcpus> [requests]");
        return ExitCode::from(2);
    };
    match serve(domid, vcpus, requests) {
        Ok(served) => {
            println!("served {served} requests");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("ioreq-server: {e}");
            ExitCode::FAILURE
        }
    }
}
