//! Errors. Every call returns an [`io::Error`] whose message names what failed: a device
//! that cannot be opened names the file, the kernel module that provides it and what to do
//! ([`DeviceError`]); a failed ioctl names the ioctl ([`CallError`]); xenstore's refusals carry
//! xenstored's error name ([`XenStoreError`](crate::xenstore::XenStoreError)). The error's
//! kind is the errno's, and [`errno`] finds the number under any of them.

use std::error::Error;
use std::fmt;
use std::io;

/// Where a device lives and which kernel module makes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DeviceInfo {
    /// The device files tried, the preferred first.
    pub paths: &'static [&'static str],
    /// The kernel module that provides it.
    pub module: &'static str,
}

/// A device file could not be opened. The message names the file, the kernel module that
/// provides it and what to do.
#[derive(Debug)]
pub struct DeviceError {
    paths: Vec<String>,
    module: &'static str,
    source: io::Error,
}

impl DeviceError {
    pub(crate) fn io(paths: Vec<String>, module: &'static str, source: io::Error) -> io::Error {
        io::Error::new(source.kind(), DeviceError { paths, module, source })
    }

    /// The device file (the first tried).
    pub fn path(&self) -> &str {
        self.paths.first().map_or("", String::as_str)
    }

    /// The kernel module that provides the device: `xen-privcmd`.
    pub fn module(&self) -> &str {
        self.module
    }
}

impl fmt::Display for DeviceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tried = self.paths.join(" or ");
        let module = self.module;
        match self.source.kind() {
            io::ErrorKind::NotFound => write!(
                f,
                "cannot open {tried}: {}. This is not a Xen domain with the {module} kernel module loaded: run in dom0 \
                 (or a driver domain) of a Xen host, and load it with `modprobe {module}` (check that \
                 /proc/xen/capabilities exists)",
                self.source
            ),
            io::ErrorKind::PermissionDenied => {
                write!(f, "cannot open {}: {}. The device belongs to root: run as root, or give this user access to {}", self.path(), self.source, self.path())
            }
            _ => write!(f, "cannot open {}: {} (kernel module {module})", self.path(), self.source),
        }
    }
}

impl Error for DeviceError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        Some(&self.source)
    }
}

/// A call to a device failed. The message names the call: `IOCTL_PRIVCMD_DM_OP failed: Invalid
/// argument (os error 22)`.
#[derive(Debug)]
pub struct CallError {
    call: &'static str,
    source: io::Error,
}

/// The errno of an ioctl the kernel does not know.
const ENOTTY: i32 = 25;

impl CallError {
    pub(crate) fn io(call: &'static str, source: io::Error) -> io::Error {
        io::Error::new(source.kind(), CallError { call, source })
    }

    /// The call that failed: `IOCTL_PRIVCMD_DM_OP`.
    pub fn call(&self) -> &'static str {
        self.call
    }
}

impl fmt::Display for CallError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} failed: {}", self.call, self.source)?;
        if self.source.raw_os_error() == Some(ENOTTY) {
            write!(f, " (the kernel does not know this ioctl: it is older than the Linux release that added it)")?;
        }
        Ok(())
    }
}

impl Error for CallError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        Some(&self.source)
    }
}

/// The errno behind an error of this crate (or any `io::Error` from the OS): `Some(2)` for
/// ENOENT, whether the error is a [`DeviceError`], a [`CallError`] or a xenstore refusal.
pub fn errno(error: &io::Error) -> Option<i32> {
    if let Some(n) = error.raw_os_error() {
        return Some(n);
    }
    let inner = error.get_ref()?;
    if let Some(e) = inner.downcast_ref::<DeviceError>() {
        return e.source.raw_os_error();
    }
    if let Some(e) = inner.downcast_ref::<CallError>() {
        return e.source.raw_os_error();
    }
    inner.downcast_ref::<crate::xenstore::XenStoreError>().and_then(|e| e.errno())
}
