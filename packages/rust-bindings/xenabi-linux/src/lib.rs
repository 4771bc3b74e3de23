//! Xen's Linux devices from safe Rust: what a device model or a toolstack needs in dom0 or
//! a driver domain.
//!
//! | type | device | kernel module | what |
//! | --- | --- | --- | --- |
//! | [`Privcmd`] | `/dev/xen/privcmd` | `xen-privcmd` | restrict to a domain, raw hypercalls, typed device-model ops ([`Privcmd::dm_op`]), resource mappings ([`Privcmd::mmap_resource`]: an ioreq server's pages), guest memory, irqfd, ioeventfd, a PCI device's GSI |
//! | [`Evtchn`] | `/dev/xen/evtchn` | `xen-evtchn` | bind, notify, unmask, restrict; wait for ports that fired |
//! | [`Gntdev`] | `/dev/xen/gntdev` | `xen-gntdev` | map another domain's grants, unmap notification, grant copies |
//! | [`XenStore`] | xenstored's socket or `/dev/xen/xenbus` | `xenfs` | read, write, directory, mkdir, rm, permissions, watches, transactions retried on `EAGAIN` |
//!
//! Every record and ioctl number comes from the [`xenabi`] crate for the architecture being
//! built (x86, x86_64, arm, aarch64), so nothing here copies Linux's or Xen's headers. The
//! system calls are [rustix](https://docs.rs/rustix)'s.
//!
//! ```no_run
//! use std::sync::atomic::{fence, Ordering};
//! use xenabi::stable::dm_op::{xen_dm_op, xen_dm_op_create_ioreq_server};
//! use xenabi::stable::ioreq::{ioreq, STATE_IOREQ_READY};
//! use xenabi_linux::{field, Evtchn, Privcmd, XENMEM_RESOURCE_IOREQ_SERVER};
//!
//! let domid = 1;
//! let privcmd = Privcmd::open()?;
//! let mut op = xen_dm_op::create_ioreq_server(xen_dm_op_create_ioreq_server::default());
//! privcmd.dm_op(domid, &mut op, &mut [])?;
//! let id = op.as_create_ioreq_server().expect("the op Xen answered").id;
//! let page = privcmd.mmap_resource(domid, XENMEM_RESOURCE_IOREQ_SERVER, id.into(), 1, 1)?;
//! let slot = page.slot::<ioreq>(0).expect("vCPU 0's slot");
//! if slot.read().state() == STATE_IOREQ_READY {
//!     fence(Ordering::Acquire);
//!     let address = field!(slot, ioreq, addr).read();
//!     println!("vCPU 0 accesses {address:#x}");
//! }
//! let evtchn = Evtchn::open()?;
//! let ports = evtchn.wait(None)?;
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! # Errors
//!
//! Every call returns an [`std::io::Error`] whose message names what failed, of the errno's
//! kind; [`errno`] gives the number:
//!
//! - on a machine without Xen (or without the module), `open` fails with a [`DeviceError`]
//!   naming the device file, the kernel module and what to do: `cannot open /dev/xen/privcmd
//!   or /proc/xen/privcmd: No such file or directory (os error 2). This is not a Xen domain
//!   with the xen-privcmd kernel module loaded: run in dom0 …, and load it with ``modprobe
//!   xen-privcmd``…`;
//! - a failed ioctl is a [`CallError`] naming it: `IOCTL_PRIVCMD_DM_OP failed: …`, and for
//!   ENOTTY, that the kernel is older than the Linux release that added the ioctl (each
//!   record's `LINUX_SINCE` in [`xenabi::linux`] says which);
//! - xenstore's refusals are [`xenstore::XenStoreError`]s with xenstored's error name.
//!
//! # Memory shared with Xen
//!
//! A [`Mapping`] is never a Rust reference: the other side writes it while we read. Values
//! are read and written whole and volatile through [`Shared`] (see [`mapping`]).

#![forbid(unsafe_op_in_unsafe_fn)]
#![warn(missing_docs)]

mod device;
mod error;
mod evtchn;
mod gntdev;
pub mod mapping;
mod privcmd;
mod sys;
pub mod xenstore;

#[cfg(test)]
mod tests;

pub use error::{errno, CallError, DeviceError, DeviceInfo};
pub use evtchn::{Evtchn, Port, EVTCHN_DEVICE};
pub use gntdev::{CopyDest, CopySource, Gntdev, GrantCopy, GrantRef, GNTDEV_DEVICE};
pub use mapping::{Mapping, Shared};
pub use privcmd::{HypercallArg, IoEventFd, Privcmd, PRIVCMD_DEVICE, XENMEM_RESOURCE_IOREQ_SERVER, XEN_PAGE_SIZE};
pub use xenstore::XenStore;
