//! `/dev/xen/privcmd` (kernel module xen-privcmd): hypercalls, device-model ops, resource
//! and foreign mappings, irqfds and ioeventfds.

use std::io;
use std::mem::size_of;
use std::os::fd::{AsFd, BorrowedFd};
use std::path::Path;
use std::sync::Arc;

use xenabi::linux::privcmd::{
    privcmd_dm_op, privcmd_dm_op_buf, privcmd_hypercall, privcmd_ioeventfd, privcmd_irqfd, privcmd_mmap_resource, privcmd_mmapbatch_v2, privcmd_pcidev_get_gsi,
    IOCTL_PRIVCMD_DM_OP, IOCTL_PRIVCMD_HYPERCALL, IOCTL_PRIVCMD_IOEVENTFD, IOCTL_PRIVCMD_IRQFD, IOCTL_PRIVCMD_MMAPBATCH_V2, IOCTL_PRIVCMD_MMAP_RESOURCE,
    IOCTL_PRIVCMD_PCIDEV_GET_GSI, IOCTL_PRIVCMD_RESTRICT, PRIVCMD_IOEVENTFD_FLAG_DEASSIGN, PRIVCMD_IRQFD_FLAG_DEASSIGN,
};
use xenabi::stable::dm_op::xen_dm_op;
use xenabi::stable::xen::domid_t;
use xenabi::types::UserPtr;

use crate::device::Device;
use crate::error::DeviceInfo;
use crate::mapping::Mapping;

/// Where the privcmd device is (`/proc/xen/privcmd`, with xenfs mounted, on old kernels), and its module.
pub const PRIVCMD_DEVICE: DeviceInfo = DeviceInfo { paths: &["/dev/xen/privcmd", "/proc/xen/privcmd"], module: "xen-privcmd" };

/// The size of a Xen page: the unit of frames and resources.
pub const XEN_PAGE_SIZE: usize = 4096;

/// `XENMEM_resource_ioreq_server`: the resource type of an ioreq server's pages.
pub const XENMEM_RESOURCE_IOREQ_SERVER: u32 = 0;

/// One argument of a raw hypercall.
#[derive(Debug)]
pub enum HypercallArg<'a> {
    /// A number, passed as is.
    Value(u64),
    /// Memory Xen reads and writes during the call, passed by its address.
    Buffer(&'a mut [u8]),
}

/// An open `/dev/xen/privcmd`.
pub struct Privcmd {
    dev: Device,
}

impl Privcmd {
    /// Opens `/dev/xen/privcmd` (or `/proc/xen/privcmd`). On a machine without it, the error
    /// names the device file, the module `xen-privcmd` and what to do.
    pub fn open() -> io::Result<Self> {
        Ok(Self { dev: Device::open(&PRIVCMD_DEVICE, None, false)? })
    }

    /// Opens the device at another path.
    pub fn open_path(path: impl AsRef<Path>) -> io::Result<Self> {
        Ok(Self { dev: Device::open(&PRIVCMD_DEVICE, Some(path.as_ref()), false)? })
    }

    #[cfg(test)]
    pub(crate) fn with_kernel(fd: std::os::fd::OwnedFd, kernel: Arc<dyn crate::sys::Kernel>) -> Self {
        Self { dev: Device::with_kernel(fd, kernel) }
    }

    /// Restricts this handle, for good, to device-model ops and mappings for `domid`
    /// (IOCTL_PRIVCMD_RESTRICT, Linux 4.11): what a deprivileged device model does first.
    pub fn restrict(&self, domid: domid_t) -> io::Result<()> {
        let mut arg = domid;
        // SAFETY: the ioctl takes a domid_t and follows no pointer.
        unsafe { self.dev.ioctl("IOCTL_PRIVCMD_RESTRICT", IOCTL_PRIVCMD_RESTRICT, &mut arg) }?;
        Ok(())
    }

    /// A raw hypercall (IOCTL_PRIVCMD_HYPERCALL): `op` is `__HYPERVISOR_*`, `args` at most five.
    /// Returns what the hypercall returned; Xen's negative errno values are errors.
    ///
    /// Memory Xen writes must be passed as [`HypercallArg::Buffer`], borrowed for the call.
    /// What the hypercall does with its arguments is Xen's business: an op that writes to an
    /// address passed as a number, or to addresses inside a buffer, writes where it is told,
    /// as writing to `/proc/self/mem` would. Prefer the typed calls ([`Privcmd::dm_op`]).
    pub fn hypercall(&self, op: u64, args: &mut [HypercallArg<'_>]) -> io::Result<i32> {
        if args.len() > 5 {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, format!("a hypercall takes at most 5 arguments, not {}", args.len())));
        }
        let mut call = privcmd_hypercall { op, ..Default::default() };
        for (word, arg) in call.arg.iter_mut().zip(args.iter_mut()) {
            *word = match arg {
                HypercallArg::Value(v) => *v,
                HypercallArg::Buffer(b) => b.as_mut_ptr() as usize as u64,
            };
        }
        // SAFETY: the record is privcmd_hypercall; its buffers are borrowed mutably for the call.
        unsafe { self.dev.ioctl("IOCTL_PRIVCMD_HYPERCALL", IOCTL_PRIVCMD_HYPERCALL, &mut call) }
    }

    /// One device-model op for `domid` (IOCTL_PRIVCMD_DM_OP, Linux 4.11): `op` is the first
    /// buffer, built with its constructor (`xen_dm_op::create_ioreq_server(…)`), and Xen writes
    /// its outputs back into it (`op.as_create_ioreq_server()`); `extra` are the further
    /// buffers the op points Xen to (a dirty-VRAM bitmap).
    pub fn dm_op(&self, domid: domid_t, op: &mut xen_dm_op, extra: &mut [&mut [u8]]) -> io::Result<()> {
        let mut bufs = Vec::with_capacity(1 + extra.len());
        bufs.push(privcmd_dm_op_buf { uptr: UserPtr::from_addr(op as *mut xen_dm_op as usize), size: size_of::<xen_dm_op>() });
        bufs.extend(extra.iter_mut().map(|b| privcmd_dm_op_buf { uptr: UserPtr::from_addr(b.as_mut_ptr() as usize), size: b.len() }));
        let num = u16::try_from(bufs.len()).map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "a dm_op takes at most 65535 buffers"))?;
        let mut arg = privcmd_dm_op { dom: domid, num, ubufs: UserPtr::of_slice(&bufs), ..Default::default() };
        // SAFETY: the record is privcmd_dm_op; `bufs` lives through the call and each buffer it
        // points to is borrowed mutably for it, with its real size.
        unsafe { self.dev.ioctl("IOCTL_PRIVCMD_DM_OP", IOCTL_PRIVCMD_DM_OP, &mut arg) }?;
        Ok(())
    }

    /// Maps frames `idx` … `idx + frames - 1` of a resource Xen holds for `domid`
    /// (IOCTL_PRIVCMD_MMAP_RESOURCE, Linux 4.18). For an ioreq server: `kind`
    /// [`XENMEM_RESOURCE_IOREQ_SERVER`], `id` the server's id, frame 0 the buffered page and
    /// frame 1 the synchronous page (a `shared_iopage`, one `ioreq` per vCPU).
    pub fn mmap_resource(&self, domid: domid_t, kind: u32, id: u32, idx: u32, frames: usize) -> io::Result<Mapping> {
        let len = frames.checked_mul(XEN_PAGE_SIZE).filter(|&n| n > 0).ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "map at least one frame"))?;
        let addr = self.dev.mmap("mmap /dev/xen/privcmd", len, 0, true)?;
        let mapping = Mapping::new(addr, len, Arc::clone(self.dev.kernel()), None, 0);
        let mut arg =
            privcmd_mmap_resource { dom: domid, r#type: kind, id, idx, num: frames as u64, addr: addr.as_ptr() as usize as u64, ..Default::default() };
        // SAFETY: the record is privcmd_mmap_resource; `addr` is our mapping of this device, of
        // `frames` pages (dropping `mapping` unmaps it if the call fails).
        unsafe { self.dev.ioctl("IOCTL_PRIVCMD_MMAP_RESOURCE", IOCTL_PRIVCMD_MMAP_RESOURCE, &mut arg) }?;
        Ok(mapping)
    }

    /// The size in frames of a resource (IOCTL_PRIVCMD_MMAP_RESOURCE with nothing to map).
    pub fn resource_size(&self, domid: domid_t, kind: u32, id: u32) -> io::Result<u64> {
        let mut arg = privcmd_mmap_resource { dom: domid, r#type: kind, id, ..Default::default() };
        // SAFETY: the record is privcmd_mmap_resource with no address: the kernel only writes `num`.
        unsafe { self.dev.ioctl("IOCTL_PRIVCMD_MMAP_RESOURCE", IOCTL_PRIVCMD_MMAP_RESOURCE, &mut arg) }?;
        Ok(arg.num)
    }

    /// Maps guest frames `gfns` of `domid`, one page each (IOCTL_PRIVCMD_MMAPBATCH_V2, Linux 3.7):
    /// the guest memory an ioreq's `data_is_ptr` points to. Returns the mapping and each
    /// page's result (0, or a negative errno: that page is not mapped). The call itself fails
    /// with ENOENT when some page is paged out; retry it then.
    pub fn map_foreign(&self, domid: domid_t, gfns: &[u64], writable: bool) -> io::Result<(Mapping, Vec<i32>)> {
        let len =
            gfns.len().checked_mul(XEN_PAGE_SIZE).filter(|&n| n > 0).ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "map at least one frame"))?;
        let num = u32::try_from(gfns.len()).map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "too many frames"))?;
        let frames: Vec<xenabi::types::xen_pfn_t> = gfns.iter().map(|&g| g as xenabi::types::xen_pfn_t).collect();
        let mut errors = vec![0i32; gfns.len()];
        let addr = self.dev.mmap("mmap /dev/xen/privcmd", len, 0, writable)?;
        let mapping = Mapping::new(addr, len, Arc::clone(self.dev.kernel()), None, 0);
        let mut arg = privcmd_mmapbatch_v2 {
            num,
            dom: domid,
            addr: addr.as_ptr() as usize as u64,
            arr: UserPtr::of_slice(&frames),
            err: UserPtr::from_addr(errors.as_mut_ptr() as usize),
            ..Default::default()
        };
        // SAFETY: the record is privcmd_mmapbatch_v2; `frames` and `errors` hold `num` entries
        // and live through the call; `addr` is our mapping of this device, `num` pages long.
        unsafe { self.dev.ioctl("IOCTL_PRIVCMD_MMAPBATCH_V2", IOCTL_PRIVCMD_MMAPBATCH_V2, &mut arg) }?;
        Ok((mapping, errors))
    }

    /// Makes the kernel issue `op` (typically `XEN_DMOP_set_irq_level`) for `domid` each time
    /// `eventfd` is signalled (IOCTL_PRIVCMD_IRQFD, Linux 6.7, or 6.6.2 and later 6.6);
    /// `deassign` removes it. The kernel copies `op`.
    pub fn irqfd(&self, domid: domid_t, eventfd: BorrowedFd<'_>, op: &xen_dm_op, deassign: bool) -> io::Result<()> {
        let mut arg = privcmd_irqfd {
            dm_op: op as *const xen_dm_op as usize as u64,
            size: size_of::<xen_dm_op>() as u32,
            fd: raw_fd(eventfd),
            flags: if deassign { PRIVCMD_IRQFD_FLAG_DEASSIGN } else { 0 },
            dom: domid,
            ..Default::default()
        };
        // SAFETY: the record is privcmd_irqfd; the kernel only reads `op` (its real size), during the call.
        unsafe { self.dev.ioctl("IOCTL_PRIVCMD_IRQFD", IOCTL_PRIVCMD_IRQFD, &mut arg) }?;
        Ok(())
    }

    /// Lets the kernel complete a guest's write to a virtio-mmio notify register itself and
    /// signal `eventfd` (IOCTL_PRIVCMD_IOEVENTFD, Linux 6.7). `ioreq` is the mapping of the
    /// server's synchronous page, `ports` its vCPUs' event channels (the `vp_eport` of each
    /// slot); `deassign` removes it.
    pub fn ioeventfd(&self, domid: domid_t, ioreq: &Mapping, ports: &[u32], io: IoEventFd<'_>, deassign: bool) -> io::Result<()> {
        let vcpus = u32::try_from(ports.len()).map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "too many vCPUs"))?;
        let mut arg = privcmd_ioeventfd {
            ioreq: ioreq.as_ptr() as usize as u64,
            ports: ports.as_ptr() as usize as u64,
            addr: io.addr,
            addr_len: io.addr_len,
            event_fd: raw_fd(io.eventfd),
            vcpus,
            vq: io.vq,
            flags: if deassign { PRIVCMD_IOEVENTFD_FLAG_DEASSIGN } else { 0 },
            dom: domid,
            ..Default::default()
        };
        // SAFETY: the record is privcmd_ioeventfd; `ioreq` is a mapping of ours, which the kernel
        // looks up (it does not write through it during the call), and `ports` holds `vcpus` ports.
        unsafe { self.dev.ioctl("IOCTL_PRIVCMD_IOEVENTFD", IOCTL_PRIVCMD_IOEVENTFD, &mut arg) }?;
        Ok(())
    }

    /// The GSI of a PCI device the PCI back end holds (IOCTL_PRIVCMD_PCIDEV_GET_GSI, Linux 6.12);
    /// `sbdf` is `segment << 16 | bus << 8 | devfn`.
    pub fn pcidev_gsi(&self, sbdf: u32) -> io::Result<u32> {
        let mut arg = privcmd_pcidev_get_gsi { sbdf, gsi: 0 };
        // SAFETY: the record is privcmd_pcidev_get_gsi and follows no pointer.
        unsafe { self.dev.ioctl("IOCTL_PRIVCMD_PCIDEV_GET_GSI", IOCTL_PRIVCMD_PCIDEV_GET_GSI, &mut arg) }?;
        Ok(arg.gsi)
    }
}

/// What an ioeventfd watches: `addr_len` bytes at guest address `addr` (a virtio-mmio
/// `QueueNotify` register), the queue `vq` whose writes signal `eventfd`.
#[derive(Clone, Copy, Debug)]
pub struct IoEventFd<'a> {
    /// Guest physical address of the register.
    pub addr: u64,
    /// Its width in bytes.
    pub addr_len: u32,
    /// The virtqueue whose index the guest writes.
    pub vq: u32,
    /// The eventfd the kernel signals.
    pub eventfd: BorrowedFd<'a>,
}

impl AsFd for Privcmd {
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.dev.as_fd()
    }
}

impl std::fmt::Debug for Privcmd {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Privcmd").field("fd", &self.dev.as_fd()).finish()
    }
}

/// A file descriptor as the ioctls' records hold it.
fn raw_fd(fd: BorrowedFd<'_>) -> u32 {
    use std::os::fd::AsRawFd;
    fd.as_raw_fd() as u32
}
