//! An open device file and the calls made on it.

use std::fs::OpenOptions;
use std::io;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;
use std::ptr::NonNull;
use std::sync::Arc;

use zerocopy::{FromBytes, IntoBytes};

use crate::error::{CallError, DeviceError, DeviceInfo};
use crate::sys::{Kernel, Rustix};

/// An open device: its file and the kernel that serves its calls.
pub(crate) struct Device {
    fd: OwnedFd,
    kernel: Arc<dyn Kernel>,
}

impl Device {
    /// Opens `path`, or else the first of `info`'s paths that exists, read-write and
    /// close-on-exec (std sets `O_CLOEXEC`); `nonblocking` adds `O_NONBLOCK`.
    pub(crate) fn open(info: &DeviceInfo, path: Option<&Path>, nonblocking: bool) -> io::Result<Self> {
        let flags = if nonblocking { rustix::fs::OFlags::NONBLOCK.bits() as i32 } else { 0 };
        let open = |p: &Path| OpenOptions::new().read(true).write(true).custom_flags(flags).open(p);
        if let Some(p) = path {
            return open(p).map(|f| Self::new(f.into())).map_err(|e| DeviceError::io(vec![p.display().to_string()], info.module, e));
        }
        let mut first = None;
        for p in info.paths {
            match open(Path::new(p)) {
                Ok(f) => return Ok(Self::new(f.into())),
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    first.get_or_insert(e);
                }
                Err(e) => return Err(DeviceError::io(vec![(*p).to_owned()], info.module, e)),
            }
        }
        let paths = info.paths.iter().map(|p| (*p).to_owned()).collect();
        Err(DeviceError::io(paths, info.module, first.unwrap_or_else(|| io::ErrorKind::NotFound.into())))
    }

    pub(crate) fn new(fd: OwnedFd) -> Self {
        Self::with_kernel(fd, Arc::new(Rustix))
    }

    pub(crate) fn with_kernel(fd: OwnedFd, kernel: Arc<dyn Kernel>) -> Self {
        Self { fd, kernel }
    }

    pub(crate) fn kernel(&self) -> &Arc<dyn Kernel> {
        &self.kernel
    }

    /// An ioctl whose argument is the record `arg`; `name` says which in errors.
    ///
    /// # Safety
    ///
    /// `T` is the record `request` takes, and every address in it points to memory the
    /// ioctl may read and write as it is documented to, for the whole call.
    pub(crate) unsafe fn ioctl<T: IntoBytes + FromBytes>(&self, name: &'static str, request: u32, arg: &mut T) -> io::Result<i32> {
        let bytes = arg.as_mut_bytes();
        // SAFETY: forwarded from the caller; `bytes` is `arg`, initialised.
        unsafe { self.ioctl_bytes(name, request, bytes) }
    }

    /// An ioctl whose argument is a record followed by more elements, as bytes.
    ///
    /// # Safety
    ///
    /// As for [`Device::ioctl`], with `arg` holding the record and what follows it.
    pub(crate) unsafe fn ioctl_bytes(&self, name: &'static str, request: u32, arg: &mut [u8]) -> io::Result<i32> {
        // SAFETY: forwarded from the caller.
        unsafe { self.kernel.ioctl(self.fd.as_fd(), request, arg.as_mut_ptr(), arg.len()) }.map_err(|e| CallError::io(name, e))
    }

    /// An ioctl without argument.
    ///
    /// # Safety
    ///
    /// `request` takes no argument.
    pub(crate) unsafe fn ioctl_none(&self, name: &'static str, request: u32) -> io::Result<i32> {
        // SAFETY: forwarded from the caller.
        unsafe { self.kernel.ioctl(self.fd.as_fd(), request, std::ptr::null_mut(), 0) }.map_err(|e| CallError::io(name, e))
    }

    /// Maps `len` bytes of the device at `offset`.
    pub(crate) fn mmap(&self, name: &'static str, len: usize, offset: u64, writable: bool) -> io::Result<NonNull<u8>> {
        self.kernel.mmap(self.fd.as_fd(), len, offset, writable).map_err(|e| CallError::io(name, e))
    }
}

impl AsFd for Device {
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.fd.as_fd()
    }
}
