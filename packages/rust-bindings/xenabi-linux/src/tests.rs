//! The encoding of every ioctl the devices make: the request number is the registry's for
//! this architecture, the size encoded in it is the argument's, and the argument's bytes are
//! the record the call was given. A recording kernel stands in for Linux, so this runs
//! without Xen; a device's file is `/dev/null` (or a socket, for event-channel reads).

use std::io;
use std::mem::size_of;
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::net::UnixStream;
use std::ptr::NonNull;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use xenabi::linux::evtchn as ev;
use xenabi::linux::gntdev as gd;
use xenabi::linux::privcmd as pc;
use xenabi::stable::dm_op::{xen_dm_op, xen_dm_op_create_ioreq_server, xen_dm_op_set_irq_level};
use xenabi::stable::ioreq::{ioreq, STATE_IOREQ_READY};
use zerocopy::{FromBytes, IntoBytes};

use crate::device::Device;
use crate::sys::Kernel;
use crate::*;

/// What the recorder saw of one ioctl: its number and its argument's bytes as sent.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Call {
    request: u32,
    bytes: Vec<u8>,
}

type Answer = Box<dyn FnMut(u32, &mut [u8]) -> io::Result<i32> + Send>;

/// A kernel that records ioctls, lets a test answer them, and maps plain memory.
#[derive(Default)]
struct Recorder {
    calls: Mutex<Vec<Call>>,
    answer: Mutex<Option<Answer>>,
    maps: Mutex<Vec<(usize, usize, u64, bool)>>,
    unmaps: Mutex<Vec<(usize, usize)>>,
}

impl Recorder {
    fn answer(&self, f: impl FnMut(u32, &mut [u8]) -> io::Result<i32> + Send + 'static) {
        *self.answer.lock().unwrap() = Some(Box::new(f));
    }

    fn calls(&self) -> Vec<Call> {
        self.calls.lock().unwrap().clone()
    }

    fn only_call(&self) -> Call {
        let calls = self.calls();
        assert_eq!(calls.len(), 1, "{calls:?}");
        calls[0].clone()
    }
}

impl Kernel for Recorder {
    unsafe fn ioctl(&self, _fd: std::os::fd::BorrowedFd<'_>, request: u32, arg: *mut u8, len: usize) -> io::Result<i32> {
        let bytes: &mut [u8] = if arg.is_null() { &mut [] } else { unsafe { std::slice::from_raw_parts_mut(arg, len) } };
        self.calls.lock().unwrap().push(Call { request, bytes: bytes.to_vec() });
        match self.answer.lock().unwrap().as_mut() {
            Some(answer) => answer(request, bytes),
            None => Ok(0),
        }
    }

    fn mmap(&self, _fd: std::os::fd::BorrowedFd<'_>, len: usize, offset: u64, writable: bool) -> io::Result<NonNull<u8>> {
        let memory: &mut [u64] = Box::leak(vec![0u64; len / 8].into_boxed_slice());
        let addr = NonNull::new(memory.as_mut_ptr().cast::<u8>()).unwrap();
        self.maps.lock().unwrap().push((addr.as_ptr() as usize, len, offset, writable));
        Ok(addr)
    }

    unsafe fn munmap(&self, addr: NonNull<u8>, len: usize) -> io::Result<()> {
        self.unmaps.lock().unwrap().push((addr.as_ptr() as usize, len));
        drop(unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(addr.as_ptr().cast::<u64>(), len / 8)) });
        Ok(())
    }
}

fn dev_null() -> OwnedFd {
    std::fs::File::open("/dev/null").unwrap().into()
}

fn device() -> (Arc<Recorder>, Device) {
    let kernel = Arc::new(Recorder::default());
    (Arc::clone(&kernel), Device::with_kernel(dev_null(), kernel))
}

/// The argument size `_IOC` encodes in bits 16–29 on x86, x86_64, arm and aarch64.
fn encoded_size(request: u32) -> usize {
    ((request >> 16) & 0x3fff) as usize
}

/// Asserts the call's number, and that its argument is as long as the number says.
fn assert_call(call: &Call, request: u32) {
    assert_eq!(call.request, request, "request {:#x} instead of {request:#x}", call.request);
    assert_eq!(call.bytes.len(), encoded_size(request), "argument of {} bytes for {request:#x}", call.bytes.len());
}

fn record<T: FromBytes>(bytes: &[u8]) -> T {
    T::read_from_bytes(bytes).unwrap()
}

/// Reads `len` bytes of this process at `addr` (an address an argument points to).
fn memory(addr: u64, len: usize) -> &'static mut [u8] {
    unsafe { std::slice::from_raw_parts_mut(addr as usize as *mut u8, len) }
}

mod privcmd {
    use super::*;

    fn open() -> (Arc<Recorder>, Privcmd) {
        let kernel = Arc::new(Recorder::default());
        (Arc::clone(&kernel), Privcmd::with_kernel(dev_null(), kernel))
    }

    #[test]
    fn restrict_passes_the_domain_id() {
        let (k, dev) = open();
        dev.restrict(7).unwrap();
        let call = k.only_call();
        assert_call(&call, pc::IOCTL_PRIVCMD_RESTRICT);
        assert_eq!(call.bytes, 7u16.to_ne_bytes());
    }

    #[test]
    fn hypercall_passes_numbers_and_buffers_and_returns_the_result() {
        let (k, dev) = open();
        k.answer(|_, arg| {
            let call: pc::privcmd_hypercall = record(arg);
            memory(call.arg[1], 4)[0] = 9;
            Ok(42)
        });
        let mut buffer = [1u8, 2, 3, 4];
        let result = dev.hypercall(17, &mut [HypercallArg::Value(5), HypercallArg::Buffer(&mut buffer), HypercallArg::Value(6)]).unwrap();
        assert_eq!(result, 42);
        let call = k.only_call();
        assert_call(&call, pc::IOCTL_PRIVCMD_HYPERCALL);
        let arg: pc::privcmd_hypercall = record(&call.bytes);
        assert_eq!((arg.op, arg.arg[0], arg.arg[2], arg.arg[3], arg.arg[4]), (17, 5, 6, 0, 0));
        assert_eq!(buffer, [9, 2, 3, 4]);
        let six = &mut [0, 1, 2, 3, 4, 5].map(HypercallArg::Value);
        assert_eq!(dev.hypercall(1, six).unwrap_err().kind(), io::ErrorKind::InvalidInput);
    }

    #[test]
    fn dm_op_passes_the_typed_op_and_extra_buffers_and_returns_what_xen_wrote() {
        let (k, dev) = open();
        k.answer(|_, arg| {
            let call: pc::privcmd_dm_op = record(arg);
            assert_eq!((call.dom, call.num), (3, 2));
            let bufs = memory(call.ubufs.addr() as u64, 2 * size_of::<pc::privcmd_dm_op_buf>());
            let bufs: [pc::privcmd_dm_op_buf; 2] = record(bufs);
            assert_eq!((bufs[0].size, bufs[1].size), (size_of::<xen_dm_op>(), 8));
            let op = memory(bufs[0].uptr.addr() as u64, size_of::<xen_dm_op>());
            let mut answered: xen_dm_op = record(op);
            assert_eq!(answered.as_create_ioreq_server().map(|s| s.handle_bufioreq), Some(2));
            answered = xen_dm_op::create_ioreq_server(xen_dm_op_create_ioreq_server { handle_bufioreq: 2, id: 5, ..Default::default() });
            // SAFETY (test): the bytes of a record built from defaults are initialised.
            op.copy_from_slice(unsafe { std::slice::from_raw_parts((&answered as *const xen_dm_op).cast::<u8>(), size_of::<xen_dm_op>()) });
            memory(bufs[1].uptr.addr() as u64, 8).fill(0xaa);
            Ok(0)
        });
        let mut op = xen_dm_op::create_ioreq_server(xen_dm_op_create_ioreq_server { handle_bufioreq: 2, ..Default::default() });
        let mut bitmap = [0u8; 8];
        dev.dm_op(3, &mut op, &mut [&mut bitmap]).unwrap();
        assert_call(&k.only_call(), pc::IOCTL_PRIVCMD_DM_OP);
        assert_eq!(op.as_create_ioreq_server().map(|s| s.id), Some(5));
        assert_eq!(bitmap, [0xaa; 8]);
    }

    #[test]
    fn mmap_resource_maps_then_fills_the_mapping_and_unmaps_when_dropped() {
        let (k, dev) = open();
        let page = dev.mmap_resource(4, XENMEM_RESOURCE_IOREQ_SERVER, 1, 1, 2).unwrap();
        let (addr, len, offset, writable) = k.maps.lock().unwrap()[0];
        assert_eq!((addr, len, offset, writable), (page.as_ptr() as usize, 8192, 0, true));
        let call = k.only_call();
        assert_call(&call, pc::IOCTL_PRIVCMD_MMAP_RESOURCE);
        let arg: pc::privcmd_mmap_resource = record(&call.bytes);
        assert_eq!((arg.dom, arg.r#type, arg.id, arg.idx, arg.num, arg.addr), (4, 0, 1, 1, 2, addr as u64));
        // The page through volatile accessors: a request Xen wrote, answered member by member.
        let slot = page.slot::<ioreq>(1).unwrap();
        let mut req = ioreq { addr: 0xfee0_0000, size: 4, ..Default::default() };
        req.set_state(STATE_IOREQ_READY);
        slot.write(req);
        assert_eq!(slot.read().state(), STATE_IOREQ_READY);
        field!(slot, ioreq, data).write(0x1234);
        let mut bytes = [0u8; 8];
        page.read_bytes(size_of::<ioreq>() + 8, &mut bytes).unwrap();
        assert_eq!(u64::from_ne_bytes(bytes), 0x1234);
        assert_eq!(field!(slot, ioreq, addr).read(), 0xfee0_0000);
        assert!(page.get::<u64>(8190).is_none() && page.get::<u64>(3).is_none() && page.slot::<ioreq>(256).is_none());
        assert!(page.write_bytes(8190, &[0; 4]).is_err());
        drop(page);
        assert_eq!(k.unmaps.lock().unwrap().as_slice(), &[(addr, 8192)]);
    }

    #[test]
    fn a_failed_mapping_names_the_ioctl_and_unmaps() {
        let (k, dev) = open();
        k.answer(|_, _| Err(io::Error::from_raw_os_error(25)));
        let error = dev.mmap_resource(4, 0, 1, 0, 1).unwrap_err();
        assert_eq!(errno(&error), Some(25));
        let message = error.to_string();
        assert!(message.starts_with("IOCTL_PRIVCMD_MMAP_RESOURCE failed: "), "{message}");
        assert!(message.contains("older than the Linux release that added it"), "{message}");
        assert_eq!(k.unmaps.lock().unwrap().len(), 1);
    }

    #[test]
    fn resource_size_asks_with_nothing_to_map() {
        let (k, dev) = open();
        k.answer(|_, arg| {
            let mut call: pc::privcmd_mmap_resource = record(arg);
            assert_eq!((call.num, call.addr), (0, 0));
            call.num = 3;
            arg.copy_from_slice(call.as_bytes());
            Ok(0)
        });
        assert_eq!(dev.resource_size(4, 0, 1).unwrap(), 3);
        assert_call(&k.only_call(), pc::IOCTL_PRIVCMD_MMAP_RESOURCE);
    }

    #[test]
    fn map_foreign_passes_frames_and_returns_each_pages_error() {
        let (k, dev) = open();
        k.answer(|_, arg| {
            let call: pc::privcmd_mmapbatch_v2 = record(arg);
            assert_eq!((call.num, call.dom), (2, 9));
            let frames: [xenabi::types::xen_pfn_t; 2] = record(memory(call.arr.addr() as u64, 2 * size_of::<xenabi::types::xen_pfn_t>()));
            assert_eq!(frames, [0x100, 0x2000]);
            memory(call.err.addr() as u64 + 4, 4).copy_from_slice(&(-14i32).to_ne_bytes());
            Ok(0)
        });
        let (mapping, errors) = dev.map_foreign(9, &[0x100, 0x2000], false).unwrap();
        assert_eq!((mapping.len(), errors), (8192, vec![0, -14]));
        assert_call(&k.only_call(), pc::IOCTL_PRIVCMD_MMAPBATCH_V2);
        let arg: pc::privcmd_mmapbatch_v2 = record(&k.only_call().bytes);
        assert_eq!(arg.addr, mapping.as_ptr() as u64);
        assert!(!k.maps.lock().unwrap()[0].3);
    }

    #[test]
    fn irqfd_passes_the_op_and_the_eventfd() {
        let (k, dev) = open();
        let op = xen_dm_op::set_irq_level(xen_dm_op_set_irq_level { irq: 5, level: 1, ..Default::default() });
        let eventfd = dev_null();
        let op_addr = &op as *const xen_dm_op as u64;
        dev.irqfd(2, eventfd.as_fd(), &op, true).unwrap();
        let call = k.only_call();
        assert_call(&call, pc::IOCTL_PRIVCMD_IRQFD);
        let arg: pc::privcmd_irqfd = record(&call.bytes);
        use std::os::fd::AsRawFd;
        assert_eq!(
            (arg.dm_op, arg.size as usize, arg.fd, arg.flags, arg.dom),
            (op_addr, size_of::<xen_dm_op>(), eventfd.as_raw_fd() as u32, pc::PRIVCMD_IRQFD_FLAG_DEASSIGN, 2)
        );
    }

    #[test]
    fn ioeventfd_passes_the_ioreq_page_and_the_ports() {
        let (k, dev) = open();
        let page = dev.mmap_resource(2, 0, 1, 1, 1).unwrap();
        let eventfd = dev_null();
        let ports = [11u32, 12];
        k.calls.lock().unwrap().clear();
        dev.ioeventfd(2, &page, &ports, IoEventFd { addr: 0x1000_0050, addr_len: 4, vq: 1, eventfd: eventfd.as_fd() }, false).unwrap();
        let call = k.only_call();
        assert_call(&call, pc::IOCTL_PRIVCMD_IOEVENTFD);
        let arg: pc::privcmd_ioeventfd = record(&call.bytes);
        assert_eq!(
            (arg.ioreq, arg.ports, arg.addr, arg.addr_len, arg.vcpus, arg.vq, arg.flags, arg.dom),
            (page.as_ptr() as u64, ports.as_ptr() as u64, 0x1000_0050, 4, 2, 1, 0, 2)
        );
    }

    #[test]
    fn pcidev_gsi_returns_what_the_kernel_wrote() {
        let (k, dev) = open();
        k.answer(|_, arg| {
            let mut call: pc::privcmd_pcidev_get_gsi = record(arg);
            assert_eq!(call.sbdf, 0x0000_0810);
            call.gsi = 28;
            arg.copy_from_slice(call.as_bytes());
            Ok(0)
        });
        assert_eq!(dev.pcidev_gsi(0x0810).unwrap(), 28);
        assert_call(&k.only_call(), pc::IOCTL_PRIVCMD_PCIDEV_GET_GSI);
    }
}

mod evtchn {
    use super::*;

    fn open() -> (Arc<Recorder>, Evtchn) {
        let (k, dev) = device();
        (k, Evtchn::from_device(dev))
    }

    #[test]
    fn binds_return_the_port_the_ioctl_returned() {
        let (k, dev) = open();
        k.answer(|_, _| Ok(12));
        assert_eq!(dev.bind_interdomain(3, 40).unwrap(), 12);
        assert_eq!(dev.bind_unbound_port(4).unwrap(), 12);
        assert_eq!(dev.bind_virq(9).unwrap(), 12);
        let calls = k.calls();
        assert_call(&calls[0], ev::IOCTL_EVTCHN_BIND_INTERDOMAIN);
        assert_eq!(record::<ev::ioctl_evtchn_bind_interdomain>(&calls[0].bytes), ev::ioctl_evtchn_bind_interdomain { remote_domain: 3, remote_port: 40 });
        assert_call(&calls[1], ev::IOCTL_EVTCHN_BIND_UNBOUND_PORT);
        assert_eq!(calls[1].bytes, 4u32.to_ne_bytes());
        assert_call(&calls[2], ev::IOCTL_EVTCHN_BIND_VIRQ);
        assert_eq!(calls[2].bytes, 9u32.to_ne_bytes());
    }

    #[test]
    fn port_calls_pass_the_port_and_reset_passes_nothing() {
        let (k, dev) = open();
        dev.bind_static(5).unwrap();
        dev.unbind(6).unwrap();
        dev.notify(7).unwrap();
        dev.restrict(8).unwrap();
        dev.reset().unwrap();
        let calls = k.calls();
        let expected = [
            (ev::IOCTL_EVTCHN_BIND_STATIC, 5u32.to_ne_bytes().to_vec()),
            (ev::IOCTL_EVTCHN_UNBIND, 6u32.to_ne_bytes().to_vec()),
            (ev::IOCTL_EVTCHN_NOTIFY, 7u32.to_ne_bytes().to_vec()),
            (ev::IOCTL_EVTCHN_RESTRICT_DOMID, 8u16.to_ne_bytes().to_vec()),
            (ev::IOCTL_EVTCHN_RESET, vec![]),
        ];
        for (call, (request, bytes)) in calls.iter().zip(expected) {
            assert_call(call, request);
            assert_eq!(call.bytes, bytes);
        }
        assert_eq!(calls.len(), 5);
    }

    #[test]
    fn waits_for_ports_reads_them_and_unmasks_by_writing() {
        let (ours, mut theirs) = UnixStream::pair().unwrap();
        ours.set_nonblocking(true).unwrap();
        let dev = Evtchn::from_device(Device::new(ours.into()));
        assert_eq!(dev.pending().unwrap(), Vec::<Port>::new());
        assert_eq!(dev.wait(Some(Duration::from_millis(20))).unwrap(), Vec::<Port>::new());
        use std::io::{Read, Write};
        let writer = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(20));
            theirs.write_all(&[3u32.to_ne_bytes(), 7u32.to_ne_bytes()].concat()).unwrap();
            theirs
        });
        assert_eq!(dev.wait(None).unwrap(), vec![3, 7]);
        let mut theirs = writer.join().unwrap();
        dev.unmask(3).unwrap();
        let mut unmasked = [0u8; 4];
        theirs.read_exact(&mut unmasked).unwrap();
        assert_eq!(u32::from_ne_bytes(unmasked), 3);
    }
}

mod gntdev {
    use super::*;

    fn open() -> (Arc<Recorder>, Gntdev) {
        let (k, dev) = device();
        (k, Gntdev::from_device(dev))
    }

    #[test]
    fn maps_grants_at_the_index_the_kernel_gave_and_releases_them_when_dropped() {
        let (k, dev) = open();
        k.answer(|request, arg| {
            if request == gd::IOCTL_GNTDEV_MAP_GRANT_REF {
                arg[8..16].copy_from_slice(&0x10000u64.to_ne_bytes());
            }
            Ok(0)
        });
        let mapping = dev.map_grant_refs(5, &[100, 101], true).unwrap();
        let map = &k.calls()[0];
        assert_eq!(map.request, gd::IOCTL_GNTDEV_MAP_GRANT_REF);
        // The record with its first ref, then the second one after it.
        assert_eq!(map.bytes.len(), size_of::<gd::ioctl_gntdev_map_grant_ref>() + size_of::<gd::ioctl_gntdev_grant_ref>());
        assert_eq!(encoded_size(map.request), size_of::<gd::ioctl_gntdev_map_grant_ref>());
        let head: gd::ioctl_gntdev_map_grant_ref = record(&map.bytes[..size_of::<gd::ioctl_gntdev_map_grant_ref>()]);
        assert_eq!((head.count, head.refs[0].domid, head.refs[0].r#ref), (2, 5, 100));
        let second: gd::ioctl_gntdev_grant_ref = record(&map.bytes[size_of::<gd::ioctl_gntdev_map_grant_ref>()..]);
        assert_eq!((second.domid, second.r#ref), (5, 101));
        let (_, len, offset, writable) = k.maps.lock().unwrap()[0];
        assert_eq!((len, offset, writable), (8192, 0x10000, true));

        dev.set_unmap_notify(&mapping, 4, true, Some(9)).unwrap();
        let notify = &k.calls()[1];
        assert_call(notify, gd::IOCTL_GNTDEV_SET_UNMAP_NOTIFY);
        assert_eq!(
            record::<gd::ioctl_gntdev_unmap_notify>(&notify.bytes),
            gd::ioctl_gntdev_unmap_notify { index: 0x10004, action: gd::UNMAP_NOTIFY_CLEAR_BYTE | gd::UNMAP_NOTIFY_SEND_EVENT, event_channel_port: 9 }
        );

        drop(mapping);
        let unmap = &k.calls()[2];
        assert_call(unmap, gd::IOCTL_GNTDEV_UNMAP_GRANT_REF);
        assert_eq!(record::<gd::ioctl_gntdev_unmap_grant_ref>(&unmap.bytes), gd::ioctl_gntdev_unmap_grant_ref { index: 0x10000, count: 2, pad: 0 });
        assert_eq!(k.unmaps.lock().unwrap().len(), 1);
    }

    #[test]
    fn sets_the_grant_limit() {
        let (k, dev) = open();
        dev.set_max_grants(64).unwrap();
        let call = k.only_call();
        assert_call(&call, gd::IOCTL_GNTDEV_SET_MAX_GRANTS);
        assert_eq!(call.bytes, 64u32.to_ne_bytes());
    }

    #[test]
    fn copies_through_grants_and_returns_each_status() {
        let (k, dev) = open();
        let source = [7u8; 16];
        let mut dest = [0u8; 16];
        let (source_addr, dest_addr) = (source.as_ptr() as usize, dest.as_mut_ptr() as usize);
        k.answer(move |_, arg| {
            let call: gd::ioctl_gntdev_grant_copy = record(arg);
            assert_eq!(call.count, 2);
            let size = size_of::<gd::gntdev_grant_copy_segment>();
            let segments = memory(call.segments.addr() as u64, 2 * size);
            let read = |i: usize| gd::gntdev_grant_copy_segment::read_from_bytes(&segments[i * size..(i + 1) * size]).unwrap();
            let (first, second) = (read(0), read(1));
            // SAFETY (test): which member of each union is meant is what the flags say.
            unsafe {
                assert_eq!(
                    (first.source.virt.addr(), first.dest.foreign.r#ref, first.dest.foreign.domid, first.dest.foreign.offset),
                    (source_addr, 33, 4, 100)
                );
                assert_eq!((second.source.foreign.r#ref, second.source.foreign.domid, second.dest.virt.addr()), (34, 4, dest_addr));
            }
            assert_eq!((first.len, first.flags, second.len, second.flags), (16, 2, 16, 1));
            let status_at = std::mem::offset_of!(gd::gntdev_grant_copy_segment, status);
            segments[size + status_at..size + status_at + 2].copy_from_slice(&(-3i16).to_ne_bytes());
            Ok(0)
        });
        let statuses = dev
            .grant_copy(&mut [
                GrantCopy { source: CopySource::Local(&source), dest: CopyDest::Grant { gref: 33, domid: 4, offset: 100 }, len: 16 },
                GrantCopy { source: CopySource::Grant { gref: 34, domid: 4, offset: 0 }, dest: CopyDest::Local(&mut dest), len: 16 },
            ])
            .unwrap();
        assert_eq!(statuses, vec![0, -3]);
        assert_call(&k.only_call(), gd::IOCTL_GNTDEV_GRANT_COPY);
        let too_long = dev.grant_copy(&mut [GrantCopy { source: CopySource::Local(&source), dest: CopyDest::Grant { gref: 1, domid: 1, offset: 0 }, len: 17 }]);
        assert_eq!(too_long.unwrap_err().kind(), io::ErrorKind::InvalidInput);
    }
}

mod open {
    use super::*;
    use crate::error::DeviceInfo;

    #[test]
    fn a_missing_device_names_the_file_the_module_and_what_to_do() {
        let info = DeviceInfo { paths: &["/nonexistent/xen/privcmd", "/nonexistent/proc/privcmd"], module: "xen-privcmd" };
        let error = Device::open(&info, None, false).err().unwrap();
        assert_eq!((error.kind(), errno(&error)), (io::ErrorKind::NotFound, Some(2)));
        let message = error.to_string();
        assert!(message.starts_with("cannot open /nonexistent/xen/privcmd or /nonexistent/proc/privcmd: "), "{message}");
        assert!(message.contains("not a Xen domain with the xen-privcmd kernel module loaded"), "{message}");
        assert!(message.contains("`modprobe xen-privcmd`"), "{message}");
        let inner = error.get_ref().and_then(|e| e.downcast_ref::<DeviceError>()).unwrap();
        assert_eq!((inner.path(), inner.module()), ("/nonexistent/xen/privcmd", "xen-privcmd"));

        for error in
            [Privcmd::open_path("/nonexistent/privcmd").err(), Evtchn::open_path("/nonexistent/evtchn").err(), Gntdev::open_path("/nonexistent/gntdev").err()]
        {
            let message = error.unwrap().to_string();
            assert!(message.starts_with("cannot open /nonexistent/"), "{message}");
            assert!(message.contains("modprobe xen-"), "{message}");
        }
    }

    #[test]
    fn a_device_of_roots_says_to_run_as_root() {
        let error = DeviceError::io(vec!["/dev/xen/evtchn".into()], "xen-evtchn", io::Error::from_raw_os_error(13));
        assert_eq!(error.kind(), io::ErrorKind::PermissionDenied);
        assert!(error.to_string().contains("run as root, or give this user access to /dev/xen/evtchn"), "{error}");
    }
}

/// Every ioctl number of `xenabi::linux`, not only those this crate calls, recomputed with
/// Linux's `_IOC` encoding from the size Rust gives the argument on this architecture: the
/// number the kernel decodes must describe the record Rust passes.
mod numbers {
    use std::mem::size_of;

    use xenabi::linux::gntalloc as ga;
    use xenabi::linux::xenbus_dev as xb;
    use xenabi::stable::xen::domid_t;

    use super::*;

    const NONE: u32 = 0;
    const WRITE: u32 = 1;

    /// Linux's `_IOC(dir, type, nr, size)` on x86, x86_64, arm and aarch64.
    const fn ioc(dir: u32, kind: u8, nr: u32, size: usize) -> u32 {
        (dir << 30) | ((size as u32) << 16) | ((kind as u32) << 8) | nr
    }

    #[test]
    fn every_ioctl_number_is_linuxs_ioc_of_its_argument() {
        let table: [(&str, u32, u32); 33] = [
            ("IOCTL_EVTCHN_BIND_VIRQ", ev::IOCTL_EVTCHN_BIND_VIRQ, ioc(NONE, b'E', 0, size_of::<ev::ioctl_evtchn_bind_virq>())),
            ("IOCTL_EVTCHN_BIND_INTERDOMAIN", ev::IOCTL_EVTCHN_BIND_INTERDOMAIN, ioc(NONE, b'E', 1, size_of::<ev::ioctl_evtchn_bind_interdomain>())),
            ("IOCTL_EVTCHN_BIND_UNBOUND_PORT", ev::IOCTL_EVTCHN_BIND_UNBOUND_PORT, ioc(NONE, b'E', 2, size_of::<ev::ioctl_evtchn_bind_unbound_port>())),
            ("IOCTL_EVTCHN_UNBIND", ev::IOCTL_EVTCHN_UNBIND, ioc(NONE, b'E', 3, size_of::<ev::ioctl_evtchn_unbind>())),
            ("IOCTL_EVTCHN_NOTIFY", ev::IOCTL_EVTCHN_NOTIFY, ioc(NONE, b'E', 4, size_of::<ev::ioctl_evtchn_notify>())),
            ("IOCTL_EVTCHN_RESET", ev::IOCTL_EVTCHN_RESET, ioc(NONE, b'E', 5, 0)),
            ("IOCTL_EVTCHN_RESTRICT_DOMID", ev::IOCTL_EVTCHN_RESTRICT_DOMID, ioc(NONE, b'E', 6, size_of::<ev::ioctl_evtchn_restrict_domid>())),
            ("IOCTL_EVTCHN_BIND_STATIC", ev::IOCTL_EVTCHN_BIND_STATIC, ioc(NONE, b'E', 7, size_of::<ev::ioctl_evtchn_bind>())),
            ("IOCTL_GNTALLOC_ALLOC_GREF", ga::IOCTL_GNTALLOC_ALLOC_GREF, ioc(NONE, b'G', 5, size_of::<ga::ioctl_gntalloc_alloc_gref>())),
            ("IOCTL_GNTALLOC_DEALLOC_GREF", ga::IOCTL_GNTALLOC_DEALLOC_GREF, ioc(NONE, b'G', 6, size_of::<ga::ioctl_gntalloc_dealloc_gref>())),
            ("IOCTL_GNTALLOC_SET_UNMAP_NOTIFY", ga::IOCTL_GNTALLOC_SET_UNMAP_NOTIFY, ioc(NONE, b'G', 7, size_of::<ga::ioctl_gntalloc_unmap_notify>())),
            ("IOCTL_GNTDEV_MAP_GRANT_REF", gd::IOCTL_GNTDEV_MAP_GRANT_REF, ioc(NONE, b'G', 0, size_of::<gd::ioctl_gntdev_map_grant_ref>())),
            ("IOCTL_GNTDEV_UNMAP_GRANT_REF", gd::IOCTL_GNTDEV_UNMAP_GRANT_REF, ioc(NONE, b'G', 1, size_of::<gd::ioctl_gntdev_unmap_grant_ref>())),
            (
                "IOCTL_GNTDEV_GET_OFFSET_FOR_VADDR",
                gd::IOCTL_GNTDEV_GET_OFFSET_FOR_VADDR,
                ioc(NONE, b'G', 2, size_of::<gd::ioctl_gntdev_get_offset_for_vaddr>()),
            ),
            ("IOCTL_GNTDEV_SET_MAX_GRANTS", gd::IOCTL_GNTDEV_SET_MAX_GRANTS, ioc(NONE, b'G', 3, size_of::<gd::ioctl_gntdev_set_max_grants>())),
            ("IOCTL_GNTDEV_SET_UNMAP_NOTIFY", gd::IOCTL_GNTDEV_SET_UNMAP_NOTIFY, ioc(NONE, b'G', 7, size_of::<gd::ioctl_gntdev_unmap_notify>())),
            ("IOCTL_GNTDEV_GRANT_COPY", gd::IOCTL_GNTDEV_GRANT_COPY, ioc(NONE, b'G', 8, size_of::<gd::ioctl_gntdev_grant_copy>())),
            (
                "IOCTL_GNTDEV_DMABUF_EXP_FROM_REFS",
                gd::IOCTL_GNTDEV_DMABUF_EXP_FROM_REFS,
                ioc(NONE, b'G', 9, size_of::<gd::ioctl_gntdev_dmabuf_exp_from_refs>()),
            ),
            (
                "IOCTL_GNTDEV_DMABUF_EXP_WAIT_RELEASED",
                gd::IOCTL_GNTDEV_DMABUF_EXP_WAIT_RELEASED,
                ioc(NONE, b'G', 10, size_of::<gd::ioctl_gntdev_dmabuf_exp_wait_released>()),
            ),
            ("IOCTL_GNTDEV_DMABUF_IMP_TO_REFS", gd::IOCTL_GNTDEV_DMABUF_IMP_TO_REFS, ioc(NONE, b'G', 11, size_of::<gd::ioctl_gntdev_dmabuf_imp_to_refs>())),
            ("IOCTL_GNTDEV_DMABUF_IMP_RELEASE", gd::IOCTL_GNTDEV_DMABUF_IMP_RELEASE, ioc(NONE, b'G', 12, size_of::<gd::ioctl_gntdev_dmabuf_imp_release>())),
            ("IOCTL_PRIVCMD_HYPERCALL", pc::IOCTL_PRIVCMD_HYPERCALL, ioc(NONE, b'P', 0, size_of::<pc::privcmd_hypercall>())),
            ("IOCTL_PRIVCMD_MMAP", pc::IOCTL_PRIVCMD_MMAP, ioc(NONE, b'P', 2, size_of::<pc::privcmd_mmap>())),
            ("IOCTL_PRIVCMD_MMAPBATCH", pc::IOCTL_PRIVCMD_MMAPBATCH, ioc(NONE, b'P', 3, size_of::<pc::privcmd_mmapbatch>())),
            ("IOCTL_PRIVCMD_MMAPBATCH_V2", pc::IOCTL_PRIVCMD_MMAPBATCH_V2, ioc(NONE, b'P', 4, size_of::<pc::privcmd_mmapbatch_v2>())),
            ("IOCTL_PRIVCMD_DM_OP", pc::IOCTL_PRIVCMD_DM_OP, ioc(NONE, b'P', 5, size_of::<pc::privcmd_dm_op>())),
            ("IOCTL_PRIVCMD_RESTRICT", pc::IOCTL_PRIVCMD_RESTRICT, ioc(NONE, b'P', 6, size_of::<domid_t>())),
            ("IOCTL_PRIVCMD_MMAP_RESOURCE", pc::IOCTL_PRIVCMD_MMAP_RESOURCE, ioc(NONE, b'P', 7, size_of::<pc::privcmd_mmap_resource>())),
            ("IOCTL_PRIVCMD_IRQFD", pc::IOCTL_PRIVCMD_IRQFD, ioc(WRITE, b'P', 8, size_of::<pc::privcmd_irqfd>())),
            ("IOCTL_PRIVCMD_IOEVENTFD", pc::IOCTL_PRIVCMD_IOEVENTFD, ioc(WRITE, b'P', 9, size_of::<pc::privcmd_ioeventfd>())),
            ("IOCTL_PRIVCMD_PCIDEV_GET_GSI", pc::IOCTL_PRIVCMD_PCIDEV_GET_GSI, ioc(NONE, b'P', 10, size_of::<pc::privcmd_pcidev_get_gsi>())),
            ("IOCTL_XENBUS_BACKEND_EVTCHN", xb::IOCTL_XENBUS_BACKEND_EVTCHN, ioc(NONE, b'B', 0, 0)),
            ("IOCTL_XENBUS_BACKEND_SETUP", xb::IOCTL_XENBUS_BACKEND_SETUP, ioc(NONE, b'B', 1, 0)),
        ];
        let wrong: Vec<String> =
            table.iter().filter(|(_, ours, linux)| ours != linux).map(|(name, ours, linux)| format!("{name}: {ours:#x}, _IOC gives {linux:#x}")).collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
        // The check can fail: a size off by one is another number.
        assert_ne!(pc::IOCTL_PRIVCMD_DM_OP, ioc(NONE, b'P', 5, size_of::<pc::privcmd_dm_op>() + 1));
    }
}
