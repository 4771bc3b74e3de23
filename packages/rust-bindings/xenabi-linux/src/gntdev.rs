//! `/dev/xen/gntdev` (kernel module xen-gntdev): map other domains' grants into this process,
//! and copy through grants without mapping them.

use std::io;
use std::mem::{offset_of, size_of};
use std::os::fd::{AsFd, BorrowedFd};
use std::path::Path;
use std::sync::Arc;

use xenabi::linux::gntdev::{
    gntdev_grant_copy_segment, gntdev_grant_copy_segment_dest_foreign, gntdev_grant_copy_segment_source_foreign, ioctl_gntdev_grant_copy,
    ioctl_gntdev_grant_ref, ioctl_gntdev_map_grant_ref, ioctl_gntdev_set_max_grants, ioctl_gntdev_unmap_grant_ref, ioctl_gntdev_unmap_notify,
    IOCTL_GNTDEV_GRANT_COPY, IOCTL_GNTDEV_MAP_GRANT_REF, IOCTL_GNTDEV_SET_MAX_GRANTS, IOCTL_GNTDEV_SET_UNMAP_NOTIFY, IOCTL_GNTDEV_UNMAP_GRANT_REF,
    UNMAP_NOTIFY_CLEAR_BYTE, UNMAP_NOTIFY_SEND_EVENT,
};
use xenabi::stable::grant_table::{GNTCOPY_dest_gref, GNTCOPY_source_gref};
use xenabi::stable::xen::domid_t;
use xenabi::types::UserPtr;
use zerocopy::IntoBytes;

use crate::device::Device;
use crate::error::DeviceInfo;
use crate::mapping::Mapping;
use crate::privcmd::XEN_PAGE_SIZE;

/// Where the grant-mapping device is, and its kernel module.
pub const GNTDEV_DEVICE: DeviceInfo = DeviceInfo { paths: &["/dev/xen/gntdev"], module: "xen-gntdev" };

/// A grant reference.
pub type GrantRef = u32;

/// Where a grant copy reads from.
#[derive(Debug)]
pub enum CopySource<'a> {
    /// Bytes of this process.
    Local(&'a [u8]),
    /// `offset` bytes into the page domain `domid` granted with `gref`.
    Grant {
        /// The grant reference.
        gref: GrantRef,
        /// The domain that granted the page.
        domid: domid_t,
        /// Where in the page the bytes start.
        offset: u16,
    },
}

/// Where a grant copy writes to.
#[derive(Debug)]
pub enum CopyDest<'a> {
    /// Bytes of this process.
    Local(&'a mut [u8]),
    /// `offset` bytes into the page domain `domid` granted with `gref`.
    Grant {
        /// The grant reference.
        gref: GrantRef,
        /// The domain that granted the page.
        domid: domid_t,
        /// Where in the page the bytes start.
        offset: u16,
    },
}

/// One grant copy of `len` bytes (at most a page; neither end may cross a page boundary).
#[derive(Debug)]
pub struct GrantCopy<'a> {
    /// Where the bytes come from.
    pub source: CopySource<'a>,
    /// Where they go.
    pub dest: CopyDest<'a>,
    /// How many bytes.
    pub len: u16,
}

/// An open `/dev/xen/gntdev`: grant mappings and copies.
pub struct Gntdev {
    dev: Arc<Device>,
}

impl Gntdev {
    /// Opens `/dev/xen/gntdev`. On a machine without it, the error names the device file, the
    /// module `xen-gntdev` and what to do.
    pub fn open() -> io::Result<Self> {
        Ok(Self { dev: Arc::new(Device::open(&GNTDEV_DEVICE, None, false)?) })
    }

    /// Opens the device at another path.
    pub fn open_path(path: impl AsRef<Path>) -> io::Result<Self> {
        Ok(Self { dev: Arc::new(Device::open(&GNTDEV_DEVICE, Some(path.as_ref()), false)?) })
    }

    #[cfg(test)]
    pub(crate) fn from_device(dev: Device) -> Self {
        Self { dev: Arc::new(dev) }
    }

    /// Maps grants `refs` of domain `domid`, one page each, into this process
    /// (IOCTL_GNTDEV_MAP_GRANT_REF, then `mmap`); read-only unless `writable`. Dropping the
    /// mapping unmaps the pages and releases the grants.
    pub fn map_grant_refs(&self, domid: domid_t, refs: &[GrantRef], writable: bool) -> io::Result<Mapping> {
        let count = u32::try_from(refs.len()).ok().filter(|&n| n > 0).ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "map at least one grant"))?;
        // The record ends with its first `refs` entry; the others follow it.
        let head = offset_of!(ioctl_gntdev_map_grant_ref, refs);
        let mut arg = vec![0u8; size_of::<ioctl_gntdev_map_grant_ref>() + size_of::<ioctl_gntdev_grant_ref>() * (refs.len() - 1)];
        let record = ioctl_gntdev_map_grant_ref { count, ..Default::default() };
        arg[..head].copy_from_slice(&record.as_bytes()[..head]);
        for (i, &gref) in refs.iter().enumerate() {
            let at = head + i * size_of::<ioctl_gntdev_grant_ref>();
            arg[at..at + size_of::<ioctl_gntdev_grant_ref>()].copy_from_slice(ioctl_gntdev_grant_ref { domid: domid.into(), r#ref: gref }.as_bytes());
        }
        // SAFETY: the bytes are an ioctl_gntdev_map_grant_ref followed by `count - 1` more refs,
        // as the ioctl takes them; it follows no pointer.
        unsafe { self.dev.ioctl_bytes("IOCTL_GNTDEV_MAP_GRANT_REF", IOCTL_GNTDEV_MAP_GRANT_REF, &mut arg) }?;
        let index_at = offset_of!(ioctl_gntdev_map_grant_ref, index);
        let index = u64::from_ne_bytes(arg[index_at..index_at + 8].try_into().expect("8 bytes"));
        let dev = Arc::clone(&self.dev);
        let release = Box::new(move || unmap_grants(&dev, index, count));
        let len = refs.len() * XEN_PAGE_SIZE;
        match self.dev.mmap("mmap /dev/xen/gntdev", len, index, writable) {
            Ok(addr) => Ok(Mapping::new(addr, len, Arc::clone(self.dev.kernel()), Some(release), index)),
            Err(e) => {
                let _ = release();
                Err(e)
            }
        }
    }

    /// Limits how many grants this file may map at once (IOCTL_GNTDEV_SET_MAX_GRANTS; Linux 4.2
    /// and later accept it and ignore it).
    pub fn set_max_grants(&self, count: u32) -> io::Result<()> {
        let mut arg = ioctl_gntdev_set_max_grants { count };
        // SAFETY: the record is ioctl_gntdev_set_max_grants and follows no pointer.
        unsafe { self.dev.ioctl("IOCTL_GNTDEV_SET_MAX_GRANTS", IOCTL_GNTDEV_SET_MAX_GRANTS, &mut arg) }?;
        Ok(())
    }

    /// Asks the kernel to tell the granting side when `mapping` goes, even if this process
    /// dies: clear the byte at `offset` of the mapping (`clear_byte`), and/or signal `event_port`.
    pub fn set_unmap_notify(&self, mapping: &Mapping, offset: u64, clear_byte: bool, event_port: Option<u32>) -> io::Result<()> {
        let action = if clear_byte { UNMAP_NOTIFY_CLEAR_BYTE } else { 0 } | if event_port.is_some() { UNMAP_NOTIFY_SEND_EVENT } else { 0 };
        let mut arg = ioctl_gntdev_unmap_notify { index: mapping.device_offset() + offset, action, event_channel_port: event_port.unwrap_or(0) };
        // SAFETY: the record is ioctl_gntdev_unmap_notify and follows no pointer.
        unsafe { self.dev.ioctl("IOCTL_GNTDEV_SET_UNMAP_NOTIFY", IOCTL_GNTDEV_SET_UNMAP_NOTIFY, &mut arg) }?;
        Ok(())
    }

    /// Copies through grants without mapping them (IOCTL_GNTDEV_GRANT_COPY, Linux 4.6); returns
    /// each copy's status (`GNTST_okay` is 0).
    pub fn grant_copy(&self, copies: &mut [GrantCopy<'_>]) -> io::Result<Vec<i16>> {
        let mut segments = Vec::with_capacity(copies.len());
        for c in copies.iter_mut() {
            let mut s = gntdev_grant_copy_segment { len: c.len, ..Default::default() };
            match &c.source {
                CopySource::Local(b) => {
                    check_len(b.len(), c.len)?;
                    s.source.virt = UserPtr::from_addr(b.as_ptr() as usize);
                }
                CopySource::Grant { gref, domid, offset } => {
                    s.source.foreign = gntdev_grant_copy_segment_source_foreign { r#ref: *gref, offset: *offset, domid: *domid };
                    s.flags |= GNTCOPY_source_gref;
                }
            }
            match &mut c.dest {
                CopyDest::Local(b) => {
                    check_len(b.len(), c.len)?;
                    s.dest.virt = UserPtr::from_addr(b.as_mut_ptr() as usize);
                }
                CopyDest::Grant { gref, domid, offset } => {
                    s.dest.foreign = gntdev_grant_copy_segment_dest_foreign { r#ref: *gref, offset: *offset, domid: *domid };
                    s.flags |= GNTCOPY_dest_gref;
                }
            }
            segments.push(s);
        }
        let count = u32::try_from(segments.len()).map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "too many copies"))?;
        let mut arg = ioctl_gntdev_grant_copy { count, segments: UserPtr::from_addr(segments.as_mut_ptr() as usize), ..Default::default() };
        // SAFETY: the record is ioctl_gntdev_grant_copy; `segments` holds `count` segments and lives
        // through the call; each local end is borrowed for it (the destination mutably) and is at
        // least `len` bytes long (checked above).
        unsafe { self.dev.ioctl("IOCTL_GNTDEV_GRANT_COPY", IOCTL_GNTDEV_GRANT_COPY, &mut arg) }?;
        Ok(segments.iter().map(|s| s.status).collect())
    }
}

fn check_len(buffer: usize, len: u16) -> io::Result<()> {
    if buffer < usize::from(len) {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, format!("a grant copy of {len} bytes has a local buffer of {buffer}")));
    }
    Ok(())
}

fn unmap_grants(dev: &Device, index: u64, count: u32) -> io::Result<()> {
    let mut arg = ioctl_gntdev_unmap_grant_ref { index, count, pad: 0 };
    // SAFETY: the record is ioctl_gntdev_unmap_grant_ref and follows no pointer.
    unsafe { dev.ioctl("IOCTL_GNTDEV_UNMAP_GRANT_REF", IOCTL_GNTDEV_UNMAP_GRANT_REF, &mut arg) }?;
    Ok(())
}

impl AsFd for Gntdev {
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.dev.as_fd()
    }
}

impl std::fmt::Debug for Gntdev {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gntdev").field("fd", &self.dev.as_fd()).finish()
    }
}
