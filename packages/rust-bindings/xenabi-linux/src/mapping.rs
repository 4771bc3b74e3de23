//! Memory a device mapped into this process (an ioreq server's pages, another domain's
//! grants, guest memory), and safe access to it.
//!
//! The other side (Xen, the guest, another domain) reads and writes this memory while we do,
//! so Rust references to it would be unsound: the compiler may assume memory behind a `&T`
//! does not change. Every access is therefore a volatile read or write of a whole value
//! ([`Shared::read`], [`Shared::write`]), as C device models use `READ_ONCE`/`WRITE_ONCE`.
//! Only types for which every bit pattern is a valid value ([`FromBytes`]` + `[`IntoBytes`],
//! which xenabi's records derive with its `zerocopy` feature) can be read, so nothing the other
//! side writes can break Rust's rules. Order accesses with the record's own protocol and a
//! fence, as C uses barriers: read an ioreq's `state`, then
//! [`fence(Acquire)`](std::sync::atomic::fence), then its other members.

use std::fmt;
use std::io;
use std::marker::PhantomData;
use std::mem::{align_of, size_of};
use std::ptr::NonNull;
use std::sync::Arc;

use zerocopy::{FromBytes, Immutable, IntoBytes};

use crate::sys::Kernel;

/// What unmapping also releases (a gntdev mapping's grants).
pub(crate) type Release = Box<dyn FnOnce() -> io::Result<()> + Send>;

/// Memory a device mapped into this process; unmapped when dropped.
///
/// A `Mapping` may move to another thread but not be shared between threads: two threads
/// writing the same bytes at once would race. Put it in a `Mutex` to share it.
pub struct Mapping {
    addr: NonNull<u8>,
    len: usize,
    kernel: Arc<dyn Kernel>,
    release: Option<Release>,
    device_offset: u64,
    // Not Sync: `Shared` accesses through `&self`.
    _not_sync: PhantomData<std::cell::Cell<u8>>,
}

// SAFETY: the mapping is memory like any other, owned by this value alone; nothing ties it to
// the thread that made it.
unsafe impl Send for Mapping {}

impl Mapping {
    pub(crate) fn new(addr: NonNull<u8>, len: usize, kernel: Arc<dyn Kernel>, release: Option<Release>, device_offset: u64) -> Self {
        Self { addr, len, kernel, release, device_offset, _not_sync: PhantomData }
    }

    /// Bytes mapped.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True if nothing is mapped (never, for a mapping a device made).
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The address of the mapping in this process, for the calls that take it (an ioeventfd's
    /// ioreq page) and for code of your own that accepts the rules above.
    pub fn as_ptr(&self) -> *mut u8 {
        self.addr.as_ptr()
    }

    /// Where in the device file the mapping starts (gntdev's index).
    pub(crate) fn device_offset(&self) -> u64 {
        self.device_offset
    }

    /// The value of type `T` at byte `offset`, or `None` if it does not lie inside the
    /// mapping or is not aligned for `T`.
    pub fn get<T: FromBytes + IntoBytes + Immutable>(&self, offset: usize) -> Option<Shared<'_, T>> {
        let end = offset.checked_add(size_of::<T>())?;
        if end > self.len || (self.addr.as_ptr() as usize + offset) % align_of::<T>() != 0 {
            return None;
        }
        // SAFETY: `offset` is inside the mapping (checked above), so the pointer is non-null and
        // in bounds.
        let ptr = unsafe { NonNull::new_unchecked(self.addr.as_ptr().add(offset)) };
        Some(Shared { ptr: ptr.cast(), _mapping: PhantomData })
    }

    /// Slot `index` of an array of `T` that starts at the mapping's first byte: vCPU `index`'s
    /// `ioreq` in the synchronous ioreq page.
    pub fn slot<T: FromBytes + IntoBytes + Immutable>(&self, index: usize) -> Option<Shared<'_, T>> {
        self.get(index.checked_mul(size_of::<T>())?)
    }

    /// Copies `out.len()` bytes from `offset`, each read volatile.
    pub fn read_bytes(&self, offset: usize, out: &mut [u8]) -> io::Result<()> {
        for (i, byte) in out.iter_mut().enumerate() {
            *byte = self.byte(offset, i)?.read();
        }
        Ok(())
    }

    /// Writes `bytes` at `offset`, each write volatile.
    pub fn write_bytes(&self, offset: usize, bytes: &[u8]) -> io::Result<()> {
        for (i, byte) in bytes.iter().enumerate() {
            self.byte(offset, i)?.write(*byte);
        }
        Ok(())
    }

    fn byte(&self, offset: usize, i: usize) -> io::Result<Shared<'_, u8>> {
        offset
            .checked_add(i)
            .and_then(|at| self.get::<u8>(at))
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, format!("byte {offset} + {i} is outside the mapping of {} bytes", self.len)))
    }
}

impl fmt::Debug for Mapping {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Mapping").field("addr", &self.addr).field("len", &self.len).finish_non_exhaustive()
    }
}

impl Drop for Mapping {
    fn drop(&mut self) {
        // SAFETY: the mapping is ours, and `Shared` values borrow `self`, so none is left.
        // Errors cannot be reported from drop; unmapping a mapping we made does not fail.
        let _ = unsafe { self.kernel.munmap(self.addr, self.len) };
        if let Some(release) = self.release.take() {
            let _ = release();
        }
    }
}

/// A value of type `T` in shared memory, read and written whole and volatile. Get one from
/// [`Mapping::get`] or [`Mapping::slot`], and one of its members with [`field!`](crate::field).
pub struct Shared<'a, T> {
    ptr: NonNull<T>,
    _mapping: PhantomData<&'a Mapping>,
}

impl<T> Clone for Shared<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Shared<'_, T> {}

impl<'a, T: FromBytes + IntoBytes + Immutable> Shared<'a, T> {
    /// The value now (a volatile copy).
    pub fn read(&self) -> T {
        // SAFETY: the pointer is in bounds and aligned (checked when `self` was made), the
        // memory stays mapped while `'a` lasts, and any bytes are a valid `T` (`FromBytes`).
        unsafe { self.ptr.as_ptr().read_volatile() }
    }

    /// Writes `value` (volatile).
    pub fn write(&self, value: T) {
        // SAFETY: as for `read`; the memory is writable memory of the mapping, and the `!Sync`
        // mapping keeps other threads of this process from writing at the same time.
        unsafe { self.ptr.as_ptr().write_volatile(value) }
    }

    /// Reads the value, lets `change` edit the copy and writes it back. Not atomic: use it on
    /// memory the protocol gives to this side for now.
    pub fn update(&self, change: impl FnOnce(&mut T)) {
        let mut value = self.read();
        change(&mut value);
        self.write(value);
    }

    /// The member of type `U` at byte `offset` of `T`; `witness` names the member, so that
    /// `U` is its type. Use [`field!`](crate::field), which passes both.
    ///
    /// # Panics
    ///
    /// If `U` at `offset` does not lie inside `T` or is not aligned for `U`.
    pub fn project<U: FromBytes + IntoBytes + Immutable>(self, offset: usize, witness: fn(&T) -> &U) -> Shared<'a, U> {
        let _ = witness;
        assert!(offset + size_of::<U>() <= size_of::<T>(), "member at {offset} does not lie inside the record");
        // SAFETY: in bounds of `T` (asserted), which is in bounds of the mapping, so not null.
        let ptr = unsafe { NonNull::new_unchecked(self.ptr.as_ptr().cast::<u8>().add(offset)) }.cast::<U>();
        assert!(ptr.as_ptr() as usize % align_of::<U>() == 0, "member at {offset} is not aligned");
        Shared { ptr, _mapping: PhantomData }
    }
}

impl<T> fmt::Debug for Shared<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Shared").field(&self.ptr).finish()
    }
}

/// A member of a record in shared memory: `field!(slot, ioreq, data)` is the `data` member of
/// the `ioreq` that `slot` (a [`Shared<ioreq>`](Shared)) points to, itself a `Shared`.
#[macro_export]
macro_rules! field {
    ($shared:expr, $record:ty, $member:ident) => {
        $crate::Shared::<$record>::project($shared, ::core::mem::offset_of!($record, $member), |r: &$record| &r.$member)
    };
}
