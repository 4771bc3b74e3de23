//! The system calls the devices make to the kernel, behind one trait: rustix makes them, and
//! the unit tests put a recorder in their place, so every ioctl's encoding is tested on a
//! machine without Xen.

use std::io;
use std::os::fd::BorrowedFd;
use std::ptr::NonNull;

use rustix::ioctl::{Ioctl, IoctlOutput, Opcode};
use rustix::mm::{MapFlags, ProtFlags};

/// The kernel's side of a device: ioctls and shared mappings of the device file.
pub(crate) trait Kernel: Send + Sync {
    /// `ioctl(fd, request, arg)`, returning what the ioctl returned.
    ///
    /// # Safety
    ///
    /// `arg` is null (for an ioctl without argument) or points to `len` initialised bytes
    /// holding the record `request` takes, and every address in that record points to
    /// memory the ioctl may read and write as it is documented to.
    unsafe fn ioctl(&self, fd: BorrowedFd<'_>, request: u32, arg: *mut u8, len: usize) -> io::Result<i32>;

    /// Maps `len` bytes of the device at `offset`, shared, readable and, if `writable`, writable.
    fn mmap(&self, fd: BorrowedFd<'_>, len: usize, offset: u64, writable: bool) -> io::Result<NonNull<u8>>;

    /// Unmaps what `mmap` returned.
    ///
    /// # Safety
    ///
    /// `addr` and `len` are a mapping `mmap` of this kernel made, and nothing uses it after.
    unsafe fn munmap(&self, addr: NonNull<u8>, len: usize) -> io::Result<()>;
}

/// The real kernel, called through rustix.
pub(crate) struct Rustix;

/// One ioctl for rustix: a request number and a pointer to its argument.
struct Request {
    opcode: Opcode,
    arg: *mut u8,
}

// SAFETY: `Request` only carries what `Kernel::ioctl`'s caller vouched for: the argument is the
// record the request takes. The kernel may write to it, so the call is mutating, and the
// output is the ioctl's return value.
unsafe impl Ioctl for Request {
    type Output = i32;
    const IS_MUTATING: bool = true;

    fn opcode(&self) -> Opcode {
        self.opcode
    }

    fn as_ptr(&mut self) -> *mut rustix::ffi::c_void {
        self.arg.cast()
    }

    unsafe fn output_from_ptr(out: IoctlOutput, _: *mut rustix::ffi::c_void) -> rustix::io::Result<i32> {
        Ok(out)
    }
}

impl Kernel for Rustix {
    unsafe fn ioctl(&self, fd: BorrowedFd<'_>, request: u32, arg: *mut u8, _len: usize) -> io::Result<i32> {
        // The registry's numbers are 32-bit; rustix's opcode is the C library's request type.
        let request = Request { opcode: request as Opcode, arg };
        // SAFETY: the caller guarantees that `arg` is what `request` takes.
        Ok(unsafe { rustix::ioctl::ioctl(fd, request) }?)
    }

    fn mmap(&self, fd: BorrowedFd<'_>, len: usize, offset: u64, writable: bool) -> io::Result<NonNull<u8>> {
        let prot = if writable { ProtFlags::READ | ProtFlags::WRITE } else { ProtFlags::READ };
        // SAFETY: a new mapping at an address the kernel chooses overlaps nothing Rust owns.
        let addr = unsafe { rustix::mm::mmap(std::ptr::null_mut(), len, prot, MapFlags::SHARED, fd, offset) }?;
        NonNull::new(addr.cast()).ok_or_else(|| io::Error::other("mmap returned a null address"))
    }

    unsafe fn munmap(&self, addr: NonNull<u8>, len: usize) -> io::Result<()> {
        // SAFETY: the caller guarantees that this is a mapping of ours that nothing uses.
        Ok(unsafe { rustix::mm::munmap(addr.as_ptr().cast(), len) }?)
    }
}
