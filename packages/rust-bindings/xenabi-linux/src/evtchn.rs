//! `/dev/xen/evtchn` (kernel module xen-evtchn): event channels for this process. Ports are
//! bound with ioctls; a port that fires is masked and queued on the file, [`Evtchn::wait`]
//! hands queued ports over, and [`Evtchn::unmask`] lets a port fire again. The file is
//! non-blocking and implements `AsFd`, so an event loop (mio, tokio's `AsyncFd`) can poll it
//! and call [`Evtchn::pending`] when it is readable.

use std::io;
use std::os::fd::{AsFd, BorrowedFd};
use std::path::Path;
use std::time::Duration;

use rustix::event::{poll, PollFd, PollFlags, Timespec};
use xenabi::linux::evtchn::{
    ioctl_evtchn_bind, ioctl_evtchn_bind_interdomain, ioctl_evtchn_bind_unbound_port, ioctl_evtchn_bind_virq, ioctl_evtchn_notify, ioctl_evtchn_restrict_domid,
    ioctl_evtchn_unbind, IOCTL_EVTCHN_BIND_INTERDOMAIN, IOCTL_EVTCHN_BIND_STATIC, IOCTL_EVTCHN_BIND_UNBOUND_PORT, IOCTL_EVTCHN_BIND_VIRQ, IOCTL_EVTCHN_NOTIFY,
    IOCTL_EVTCHN_RESET, IOCTL_EVTCHN_RESTRICT_DOMID, IOCTL_EVTCHN_UNBIND,
};
use xenabi::stable::xen::domid_t;

use crate::device::Device;
use crate::error::{CallError, DeviceInfo};

/// Where the event-channel device is, and its kernel module.
pub const EVTCHN_DEVICE: DeviceInfo = DeviceInfo { paths: &["/dev/xen/evtchn"], module: "xen-evtchn" };

/// How many ports one read takes at most.
const READ_PORTS: usize = 64;

/// An event-channel port of this domain.
pub type Port = u32;

/// An open `/dev/xen/evtchn`: the ports bound through it, and the ones that fired.
pub struct Evtchn {
    dev: Device,
}

impl Evtchn {
    /// Opens `/dev/xen/evtchn`. On a machine without it, the error names the device file, the
    /// module `xen-evtchn` and what to do.
    pub fn open() -> io::Result<Self> {
        Ok(Self { dev: Device::open(&EVTCHN_DEVICE, None, true)? })
    }

    /// Opens the device at another path.
    pub fn open_path(path: impl AsRef<Path>) -> io::Result<Self> {
        Ok(Self { dev: Device::open(&EVTCHN_DEVICE, Some(path.as_ref()), true)? })
    }

    #[cfg(test)]
    pub(crate) fn from_device(dev: Device) -> Self {
        Self { dev }
    }

    /// Connects a new local port to the port `remote_port` that `remote_domain` left unbound;
    /// returns the local port.
    pub fn bind_interdomain(&self, remote_domain: domid_t, remote_port: Port) -> io::Result<Port> {
        let mut arg = ioctl_evtchn_bind_interdomain { remote_domain: remote_domain.into(), remote_port };
        // SAFETY: the record is ioctl_evtchn_bind_interdomain and follows no pointer.
        self.port(unsafe { self.dev.ioctl("IOCTL_EVTCHN_BIND_INTERDOMAIN", IOCTL_EVTCHN_BIND_INTERDOMAIN, &mut arg) })
    }

    /// Opens a new local port that only `remote_domain` may connect to; returns it.
    pub fn bind_unbound_port(&self, remote_domain: domid_t) -> io::Result<Port> {
        let mut arg = ioctl_evtchn_bind_unbound_port { remote_domain: remote_domain.into() };
        // SAFETY: the record is ioctl_evtchn_bind_unbound_port and follows no pointer.
        self.port(unsafe { self.dev.ioctl("IOCTL_EVTCHN_BIND_UNBOUND_PORT", IOCTL_EVTCHN_BIND_UNBOUND_PORT, &mut arg) })
    }

    /// Binds virtual IRQ `virq` (`VIRQ_*`) to a new local port; returns it.
    pub fn bind_virq(&self, virq: u32) -> io::Result<Port> {
        let mut arg = ioctl_evtchn_bind_virq { virq };
        // SAFETY: the record is ioctl_evtchn_bind_virq and follows no pointer.
        self.port(unsafe { self.dev.ioctl("IOCTL_EVTCHN_BIND_VIRQ", IOCTL_EVTCHN_BIND_VIRQ, &mut arg) })
    }

    /// Takes over a static event channel Xen created at boot (IOCTL_EVTCHN_BIND_STATIC, Linux 6.6).
    pub fn bind_static(&self, port: Port) -> io::Result<()> {
        let mut arg = ioctl_evtchn_bind { port };
        // SAFETY: the record is ioctl_evtchn_bind and follows no pointer.
        unsafe { self.dev.ioctl("IOCTL_EVTCHN_BIND_STATIC", IOCTL_EVTCHN_BIND_STATIC, &mut arg) }?;
        Ok(())
    }

    /// Closes a port of this file.
    pub fn unbind(&self, port: Port) -> io::Result<()> {
        let mut arg = ioctl_evtchn_unbind { port };
        // SAFETY: the record is ioctl_evtchn_unbind and follows no pointer.
        unsafe { self.dev.ioctl("IOCTL_EVTCHN_UNBIND", IOCTL_EVTCHN_UNBIND, &mut arg) }?;
        Ok(())
    }

    /// Signals the remote end of `port`.
    pub fn notify(&self, port: Port) -> io::Result<()> {
        let mut arg = ioctl_evtchn_notify { port };
        // SAFETY: the record is ioctl_evtchn_notify and follows no pointer.
        unsafe { self.dev.ioctl("IOCTL_EVTCHN_NOTIFY", IOCTL_EVTCHN_NOTIFY, &mut arg) }?;
        Ok(())
    }

    /// Forgets the ports that fired but were not read yet.
    pub fn reset(&self) -> io::Result<()> {
        // SAFETY: IOCTL_EVTCHN_RESET takes no argument.
        unsafe { self.dev.ioctl_none("IOCTL_EVTCHN_RESET", IOCTL_EVTCHN_RESET) }?;
        Ok(())
    }

    /// Restricts this file, for good, to interdomain ports with `domid`
    /// (IOCTL_EVTCHN_RESTRICT_DOMID, Linux 4.8).
    pub fn restrict(&self, domid: domid_t) -> io::Result<()> {
        let mut arg = ioctl_evtchn_restrict_domid { domid };
        // SAFETY: the record is ioctl_evtchn_restrict_domid and follows no pointer.
        unsafe { self.dev.ioctl("IOCTL_EVTCHN_RESTRICT_DOMID", IOCTL_EVTCHN_RESTRICT_DOMID, &mut arg) }?;
        Ok(())
    }

    /// Lets `port` fire again after [`Evtchn::wait`] or [`Evtchn::pending`] handed it out.
    pub fn unmask(&self, port: Port) -> io::Result<()> {
        let written = rustix::io::write(self.dev.as_fd(), &port.to_ne_bytes()).map_err(|e| CallError::io("unmask (write to /dev/xen/evtchn)", e.into()))?;
        if written != 4 {
            return Err(CallError::io("unmask (write to /dev/xen/evtchn)", io::ErrorKind::WriteZero.into()));
        }
        Ok(())
    }

    /// The ports that fired since the last call, without waiting (none, if none did). Each
    /// stays masked until [`Evtchn::unmask`].
    pub fn pending(&self) -> io::Result<Vec<Port>> {
        let mut ports = Vec::new();
        let mut buffer = [0u8; 4 * READ_PORTS];
        loop {
            let n = match rustix::io::read(self.dev.as_fd(), &mut buffer) {
                Ok(n) => n,
                Err(rustix::io::Errno::AGAIN) => break,
                Err(rustix::io::Errno::INTR) => continue,
                Err(e) => return Err(CallError::io("read /dev/xen/evtchn", e.into())),
            };
            ports.extend(buffer[..n - n % 4].chunks_exact(4).map(|c| Port::from_ne_bytes([c[0], c[1], c[2], c[3]])));
            if n < buffer.len() {
                break;
            }
        }
        Ok(ports)
    }

    /// The ports that fired, waiting until at least one has, or until `timeout` passed (then
    /// none); `None` waits for good. Each port stays masked until [`Evtchn::unmask`].
    pub fn wait(&self, timeout: Option<Duration>) -> io::Result<Vec<Port>> {
        let timeout = timeout.map(|d| Timespec { tv_sec: d.as_secs().try_into().unwrap_or(i64::MAX), tv_nsec: d.subsec_nanos().into() });
        loop {
            let ports = self.pending()?;
            if !ports.is_empty() {
                return Ok(ports);
            }
            let mut fds = [PollFd::new(&self.dev, PollFlags::IN)];
            match poll(&mut fds, timeout.as_ref()) {
                Ok(0) => return Ok(Vec::new()),
                Ok(_) => {}
                Err(rustix::io::Errno::INTR) => {}
                Err(e) => return Err(CallError::io("poll /dev/xen/evtchn", e.into())),
            }
        }
    }

    fn port(&self, result: io::Result<i32>) -> io::Result<Port> {
        result.map(|p| p as Port)
    }
}

impl AsFd for Evtchn {
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.dev.as_fd()
    }
}

impl std::fmt::Debug for Evtchn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Evtchn").field("fd", &self.dev.as_fd()).finish()
    }
}
