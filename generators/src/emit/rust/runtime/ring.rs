//! Shared-memory request/response rings, as Xen's `io/ring.h` lays them out: the front end of
//! a PV protocol queues requests on a page it shares with the back end, which answers each in
//! the same slot. Both advance free-running 32-bit indices at the head of the page and notify
//! each other only when the other asked to be told.
//!
//! [`FrontRing`] and [`BackRing`] drive one ring over [`SharedMemory`], [`ByteRingWriter`] and
//! [`ByteRingReader`] the byte rings of the console and xenstore pages: every index is an
//! atomic, entries are copied in and out whole, and the fences are Xen's (`xen_wmb` before
//! publishing an index, `xen_mb` before reading the other end's event index, an acquire load
//! of the producer index before reading entries). Nothing here needs `unsafe` from the user but
//! [`SharedMemory::from_raw_parts`], for memory mapped from elsewhere.
//!
//! A protocol of one's own: the front end asks for a number doubled, the back end answers in
//! the same slot. (The registry's protocols, such as `stable::blkif::blkif_sring`, come with
//! their `Protocol` impls generated; this one is spelled out so the example needs no module.)
//!
//! ```
//! use xenabi::ring::{BackRing, FrontRing, Page, Protocol, SharedMemory};
//!
//! #[derive(Clone, Copy, Default)]
//! #[repr(C)]
//! struct Ask { id: u64, value: u32, pad: u32 }
//!
//! #[derive(Clone, Copy, Default)]
//! #[repr(C)]
//! struct Answer { id: u64, value: u32, pad: u32 }
//!
//! struct Doubling;
//!
//! // SAFETY: both records are integers only; entries of 16 bytes follow the 64-byte head.
//! unsafe impl Protocol for Doubling {
//!     type Request = Ask;
//!     type Response = Answer;
//!     const ENTRIES_OFFSET: usize = 64;
//!     const ENTRY_SIZE: usize = 16;
//! }
//!
//! let page = Page::new();
//! let mut front = FrontRing::<Doubling>::init(SharedMemory::new(&page)).unwrap();
//! let mut back = BackRing::<Doubling>::attach(SharedMemory::new(&page), 0).unwrap();
//! assert_eq!(front.size(), 128); // (4096 - 64) / 16 entries, rounded down to a power of two
//! front.queue_request(Ask { id: 7, value: 21, ..Default::default() }).unwrap();
//! assert!(front.push_requests()); // the back end asked for an event
//! let ask = back.take_request().unwrap().unwrap();
//! back.queue_response(Answer { id: ask.id, value: ask.value * 2, ..Default::default() }).unwrap();
//! assert!(back.push_responses());
//! let answer = front.take_response().unwrap().unwrap();
//! assert_eq!((answer.id, answer.value), (7, 42));
//! ```
//!
//! A byte ring, as the console page holds two: one end writes, the other reads. The layout
//! here is made up (1024 bytes of data, then the two indices); the registry's records give
//! theirs as constants, such as `stable::console::xencons_interface::OUT_RING`.
//!
//! ```
//! use xenabi::ring::{ByteRingLayout, ByteRingReader, ByteRingWriter, Page, SharedMemory};
//!
//! const LOG: ByteRingLayout = ByteRingLayout { data: 0, size: 1024, cons: 1024, prod: 1028 };
//! let page = Page::new();
//! let mut guest = ByteRingWriter::new(SharedMemory::new(&page), LOG).unwrap();
//! let mut daemon = ByteRingReader::new(SharedMemory::new(&page), LOG).unwrap();
//! assert_eq!(guest.write(b"hello\n").unwrap(), 6);
//! let mut line = [0u8; 16];
//! assert_eq!(daemon.read(&mut line).unwrap(), 6);
//! assert_eq!(&line[..6], b"hello\n");
//! ```

use core::cell::UnsafeCell;
use core::marker::PhantomData;
use core::sync::atomic::{fence, AtomicU32, Ordering};

/// A ring protocol: its request and response types and where its entries lie on the page.
///
/// # Safety
///
/// `Request` and `Response` must be plain data (every bit pattern a valid value), and the
/// constants must be the protocol's layout on this architecture; the generated impls are.
pub unsafe trait Protocol {
    /// What the front end puts on the ring.
    type Request: Copy;
    /// What the back end answers with.
    type Response: Copy;
    /// Bytes from the start of the page to the first entry.
    const ENTRIES_OFFSET: usize;
    /// Bytes of one entry (the union of a request and a response).
    const ENTRY_SIZE: usize;
}

/// One 4096-byte page of this process's own memory, to share between threads.
#[repr(C, align(4096))]
pub struct Page(UnsafeCell<[u8; 4096]>);

// SAFETY: every access to the page's bytes goes through SharedMemory, which reads and writes
// the indices atomically and copies entries only in slots the ring protocol hands to one side.
unsafe impl Sync for Page {}

impl Page {
    /// A zeroed page.
    pub const fn new() -> Self {
        Page(UnsafeCell::new([0; 4096]))
    }

    /// A page holding `bytes` (a page read from a file, say).
    pub const fn from_bytes(bytes: [u8; 4096]) -> Self {
        Page(UnsafeCell::new(bytes))
    }

    /// The page's bytes, once nothing shares it any more.
    pub fn into_bytes(self) -> [u8; 4096] {
        self.0.into_inner()
    }
}

impl Default for Page {
    fn default() -> Self {
        Self::new()
    }
}

/// Memory a ring lives in, shared with the other end for `'a`.
pub struct SharedMemory<'a> {
    base: *mut u8,
    len: usize,
    _memory: PhantomData<&'a UnsafeCell<u8>>,
}

impl<'a> SharedMemory<'a> {
    /// A page of this process's memory.
    pub fn new(page: &'a Page) -> Self {
        SharedMemory { base: page.0.get().cast(), len: 4096, _memory: PhantomData }
    }

    /// Memory mapped from elsewhere (a grant mapping, a file-backed mapping).
    ///
    /// # Safety
    ///
    /// `base` must be valid for reads and writes of `len` bytes for `'a`, 8-byte aligned, and
    /// touched by nothing in this process but rings over it.
    pub unsafe fn from_raw_parts(base: *mut u8, len: usize) -> Self {
        SharedMemory { base, len, _memory: PhantomData }
    }

    /// Bytes of the memory.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the memory has no bytes.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn index(&self, offset: usize) -> &AtomicU32 {
        debug_assert!(offset + 4 <= self.len && offset % 4 == 0);
        // SAFETY: the ring checked the memory holds the head (16 bytes, 8-byte aligned);
        // AtomicU32 has u32's size and alignment, and every access to the word is atomic.
        unsafe { &*self.base.add(offset).cast::<AtomicU32>() }
    }

    fn write<T: Copy>(&self, offset: usize, value: T) {
        debug_assert!(offset + core::mem::size_of::<T>() <= self.len);
        // SAFETY: the slot lies inside the memory at the entry's alignment, and the protocol
        // gives it to this side alone until the index that publishes it is stored.
        unsafe { core::ptr::write_volatile(self.base.add(offset).cast::<T>(), value) }
    }

    fn read<T: Copy>(&self, offset: usize) -> T {
        debug_assert!(offset + core::mem::size_of::<T>() <= self.len);
        // SAFETY: as for write; T is plain data (Protocol's contract), so whatever bytes the
        // other end left there are a valid T, copied out before anything looks at them.
        unsafe { core::ptr::read_volatile(self.base.add(offset).cast::<T>()) }
    }
}

/// Where a byte ring lies in its shared record: its byte array (a power of two long) and its
/// consumer and producer indices, as byte offsets from the start of the record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ByteRingLayout {
    /// Offset of the byte array.
    pub data: usize,
    /// Bytes in the array: a power of two.
    pub size: usize,
    /// Offset of the consumer index.
    pub cons: usize,
    /// Offset of the producer index.
    pub prod: usize,
}

fn checked_bytes(memory: &SharedMemory<'_>, layout: &ByteRingLayout) -> Result<(), RingError> {
    let fits = layout.data + layout.size <= memory.len && layout.cons + 4 <= memory.len && layout.prod + 4 <= memory.len;
    let aligned = (memory.base as usize) % 4 == 0 && layout.cons % 4 == 0 && layout.prod % 4 == 0;
    if !fits || !aligned || !layout.size.is_power_of_two() || layout.size > u32::MAX as usize {
        return Err(RingError::BadMemory);
    }
    Ok(())
}

/// The writing end of a byte ring (the guest's console output, a xenstore request).
pub struct ByteRingWriter<'a> {
    memory: SharedMemory<'a>,
    layout: ByteRingLayout,
}

impl<'a> ByteRingWriter<'a> {
    /// The writer of the ring at `layout` in `memory`.
    pub fn new(memory: SharedMemory<'a>, layout: ByteRingLayout) -> Result<Self, RingError> {
        checked_bytes(&memory, &layout)?;
        Ok(ByteRingWriter { memory, layout })
    }

    /// Bytes that can be written before the reader catches up.
    pub fn space(&self) -> Result<usize, RingError> {
        let cons = self.memory.index(self.layout.cons).load(Ordering::Acquire);
        let prod = self.memory.index(self.layout.prod).load(Ordering::Relaxed);
        let used = prod.wrapping_sub(cons) as usize;
        if used > self.layout.size {
            return Err(RingError::Overflow);
        }
        Ok(self.layout.size - used)
    }

    /// Writes as much of `bytes` as there is space for and publishes it; returns how much.
    pub fn write(&mut self, bytes: &[u8]) -> Result<usize, RingError> {
        let n = bytes.len().min(self.space()?);
        let prod = self.memory.index(self.layout.prod).load(Ordering::Relaxed);
        for (i, byte) in bytes[..n].iter().enumerate() {
            let at = prod.wrapping_add(i as u32) as usize & (self.layout.size - 1);
            self.memory.write(self.layout.data + at, *byte);
        }
        // The bytes before the index that covers them (xen_wmb).
        self.memory.index(self.layout.prod).store(prod.wrapping_add(n as u32), Ordering::Release);
        Ok(n)
    }
}

/// The reading end of a byte ring (the console back end reading the guest's output).
pub struct ByteRingReader<'a> {
    memory: SharedMemory<'a>,
    layout: ByteRingLayout,
}

impl<'a> ByteRingReader<'a> {
    /// The reader of the ring at `layout` in `memory`.
    pub fn new(memory: SharedMemory<'a>, layout: ByteRingLayout) -> Result<Self, RingError> {
        checked_bytes(&memory, &layout)?;
        Ok(ByteRingReader { memory, layout })
    }

    /// Bytes written and not read yet.
    pub fn available(&self) -> Result<usize, RingError> {
        let prod = self.memory.index(self.layout.prod).load(Ordering::Acquire);
        let cons = self.memory.index(self.layout.cons).load(Ordering::Relaxed);
        let ready = prod.wrapping_sub(cons) as usize;
        if ready > self.layout.size {
            return Err(RingError::Overflow);
        }
        Ok(ready)
    }

    /// Reads as many bytes as are ready and fit `out`, and hands their space back; returns how many.
    pub fn read(&mut self, out: &mut [u8]) -> Result<usize, RingError> {
        let n = out.len().min(self.available()?);
        let cons = self.memory.index(self.layout.cons).load(Ordering::Relaxed);
        for (i, byte) in out[..n].iter_mut().enumerate() {
            let at = cons.wrapping_add(i as u32) as usize & (self.layout.size - 1);
            *byte = self.memory.read(self.layout.data + at);
        }
        // The bytes are read before the writer may reuse their space (xen_mb).
        self.memory.index(self.layout.cons).store(cons.wrapping_add(n as u32), Ordering::Release);
        Ok(n)
    }
}

/// What can go wrong with a ring.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RingError {
    /// The memory is too small for one entry (or for the byte ring), or not aligned.
    BadMemory,
    /// No free slot: as many requests are outstanding as the ring holds.
    Full,
    /// The other end published more entries than the ring holds: it is broken or hostile.
    Overflow,
    /// A response was queued with no request taken to answer.
    NothingToAnswer,
}

const REQ_PROD: usize = 0;
const REQ_EVENT: usize = 4;
const RSP_PROD: usize = 8;
const RSP_EVENT: usize = 12;

/// Entries in `len` bytes: the largest power of two that fits after the head (`__RING_SIZE`).
fn entries_in<P: Protocol>(len: usize) -> u32 {
    let fit = len.saturating_sub(P::ENTRIES_OFFSET) / P::ENTRY_SIZE;
    if fit == 0 {
        0
    } else {
        1u32 << (usize::BITS - 1 - fit.leading_zeros()).min(31)
    }
}

fn checked<P: Protocol>(memory: &SharedMemory<'_>) -> Result<u32, RingError> {
    let size = entries_in::<P>(memory.len);
    if size == 0 || (memory.base as usize) % 8 != 0 {
        return Err(RingError::BadMemory);
    }
    Ok(size)
}

/// Whether the other end asked to hear of entries up to `new`, published over `old`.
fn notify(new: u32, old: u32, event: u32) -> bool {
    new.wrapping_sub(event) < new.wrapping_sub(old)
}

/// The front end of a ring (Xen's `*_front_ring`): queues requests and takes responses.
pub struct FrontRing<'a, P: Protocol> {
    memory: SharedMemory<'a>,
    req_prod_pvt: u32,
    rsp_cons: u32,
    size: u32,
    _protocol: PhantomData<P>,
}

impl<'a, P: Protocol> FrontRing<'a, P> {
    /// Initialises the shared page and attaches to it (`XEN_FRONT_RING_INIT`).
    pub fn init(memory: SharedMemory<'a>) -> Result<Self, RingError> {
        let ring = Self::attach(memory, 0)?;
        for offset in (16..P::ENTRIES_OFFSET).step_by(4) {
            ring.memory.index(offset).store(0, Ordering::Relaxed);
        }
        ring.memory.index(REQ_PROD).store(0, Ordering::Relaxed);
        ring.memory.index(RSP_PROD).store(0, Ordering::Relaxed);
        ring.memory.index(REQ_EVENT).store(1, Ordering::Relaxed);
        ring.memory.index(RSP_EVENT).store(1, Ordering::Release);
        Ok(ring)
    }

    /// Attaches to an initialised page at index `start` (`FRONT_RING_ATTACH`).
    pub fn attach(memory: SharedMemory<'a>, start: u32) -> Result<Self, RingError> {
        let size = checked::<P>(&memory)?;
        Ok(FrontRing { memory, req_prod_pvt: start, rsp_cons: start, size, _protocol: PhantomData })
    }

    /// Entries in the ring (`RING_SIZE`).
    pub fn size(&self) -> u32 {
        self.size
    }

    /// Free request slots (`RING_FREE_REQUESTS`).
    pub fn free_requests(&self) -> u32 {
        self.size.wrapping_sub(self.req_prod_pvt.wrapping_sub(self.rsp_cons))
    }

    /// Writes `request` into the next slot; the back end sees it once pushed.
    pub fn queue_request(&mut self, request: P::Request) -> Result<(), RingError> {
        if self.free_requests() == 0 {
            return Err(RingError::Full);
        }
        self.memory.write(self.slot(self.req_prod_pvt), request);
        self.req_prod_pvt = self.req_prod_pvt.wrapping_add(1);
        Ok(())
    }

    /// Publishes the queued requests; true when the back end asked for an event
    /// (`RING_PUSH_REQUESTS_AND_CHECK_NOTIFY`).
    pub fn push_requests(&mut self) -> bool {
        let old = self.memory.index(REQ_PROD).load(Ordering::Relaxed);
        let new = self.req_prod_pvt;
        fence(Ordering::Release);
        self.memory.index(REQ_PROD).store(new, Ordering::Relaxed);
        fence(Ordering::SeqCst);
        notify(new, old, self.memory.index(REQ_EVENT).load(Ordering::Relaxed))
    }

    /// Responses published and not taken yet (`RING_HAS_UNCONSUMED_RESPONSES`).
    pub fn unconsumed_responses(&self) -> u32 {
        self.memory.index(RSP_PROD).load(Ordering::Acquire).wrapping_sub(self.rsp_cons)
    }

    /// The next response, copied out of its slot; `Ok(None)` when there is none.
    pub fn take_response(&mut self) -> Result<Option<P::Response>, RingError> {
        let produced = self.memory.index(RSP_PROD).load(Ordering::Acquire);
        if produced.wrapping_sub(self.rsp_cons) > self.size {
            return Err(RingError::Overflow);
        }
        if produced == self.rsp_cons {
            return Ok(None);
        }
        let response = self.memory.read(self.slot(self.rsp_cons));
        self.rsp_cons = self.rsp_cons.wrapping_add(1);
        Ok(Some(response))
    }

    /// Before sleeping: asks for an event on the next response, then says whether one came
    /// meanwhile (`RING_FINAL_CHECK_FOR_RESPONSES`).
    pub fn final_check_for_responses(&mut self) -> bool {
        if self.unconsumed_responses() > 0 {
            return true;
        }
        self.memory.index(RSP_EVENT).store(self.rsp_cons.wrapping_add(1), Ordering::Relaxed);
        fence(Ordering::SeqCst);
        self.unconsumed_responses() > 0
    }

    fn slot(&self, index: u32) -> usize {
        P::ENTRIES_OFFSET + (index & (self.size - 1)) as usize * P::ENTRY_SIZE
    }
}

/// The back end of a ring (Xen's `*_back_ring`): takes requests and answers them.
pub struct BackRing<'a, P: Protocol> {
    memory: SharedMemory<'a>,
    rsp_prod_pvt: u32,
    req_cons: u32,
    size: u32,
    _protocol: PhantomData<P>,
}

impl<'a, P: Protocol> BackRing<'a, P> {
    /// Attaches to a page the front end initialised, at index `start` (`BACK_RING_ATTACH`).
    pub fn attach(memory: SharedMemory<'a>, start: u32) -> Result<Self, RingError> {
        let size = checked::<P>(&memory)?;
        Ok(BackRing { memory, rsp_prod_pvt: start, req_cons: start, size, _protocol: PhantomData })
    }

    /// Entries in the ring (`RING_SIZE`).
    pub fn size(&self) -> u32 {
        self.size
    }

    /// Requests published and not taken yet, never more than the ring holds
    /// (`RING_HAS_UNCONSUMED_REQUESTS`).
    pub fn unconsumed_requests(&self) -> u32 {
        let published = self.memory.index(REQ_PROD).load(Ordering::Acquire).wrapping_sub(self.req_cons);
        let room = self.size.wrapping_sub(self.req_cons.wrapping_sub(self.rsp_prod_pvt));
        published.min(room)
    }

    /// The next request, copied out of its slot before anything reads it; `Ok(None)` when there
    /// is none.
    pub fn take_request(&mut self) -> Result<Option<P::Request>, RingError> {
        let produced = self.memory.index(REQ_PROD).load(Ordering::Acquire);
        if produced.wrapping_sub(self.rsp_prod_pvt) > self.size {
            return Err(RingError::Overflow);
        }
        if self.unconsumed_requests() == 0 {
            return Ok(None);
        }
        let request = self.memory.read(self.slot(self.req_cons));
        self.req_cons = self.req_cons.wrapping_add(1);
        Ok(Some(request))
    }

    /// Writes `response` into the next response slot; the front end sees it once pushed.
    pub fn queue_response(&mut self, response: P::Response) -> Result<(), RingError> {
        if self.req_cons == self.rsp_prod_pvt {
            return Err(RingError::NothingToAnswer);
        }
        self.memory.write(self.slot(self.rsp_prod_pvt), response);
        self.rsp_prod_pvt = self.rsp_prod_pvt.wrapping_add(1);
        Ok(())
    }

    /// Publishes the queued responses; true when the front end asked for an event
    /// (`RING_PUSH_RESPONSES_AND_CHECK_NOTIFY`).
    pub fn push_responses(&mut self) -> bool {
        let old = self.memory.index(RSP_PROD).load(Ordering::Relaxed);
        let new = self.rsp_prod_pvt;
        fence(Ordering::Release);
        self.memory.index(RSP_PROD).store(new, Ordering::Relaxed);
        fence(Ordering::SeqCst);
        notify(new, old, self.memory.index(RSP_EVENT).load(Ordering::Relaxed))
    }

    /// Before sleeping: asks for an event on the next request, then says whether one came
    /// meanwhile (`RING_FINAL_CHECK_FOR_REQUESTS`).
    pub fn final_check_for_requests(&mut self) -> bool {
        if self.unconsumed_requests() > 0 {
            return true;
        }
        self.memory.index(REQ_EVENT).store(self.req_cons.wrapping_add(1), Ordering::Relaxed);
        fence(Ordering::SeqCst);
        self.unconsumed_requests() > 0
    }

    fn slot(&self, index: u32) -> usize {
        P::ENTRIES_OFFSET + (index & (self.size - 1)) as usize * P::ENTRY_SIZE
    }
}
