//! The test device every live-Xen device model serves (README.md#the-test-device): an id, a
//! scratch register read back inverted, a request counter and a doorbell in ports
//! 0x5000–0x500f, and a page of memory at 0xf0000000. It knows nothing of Xen's pages: it
//! takes a request and gives back the data of a read.

use xenabi::stable::ioreq::{ioreq, IOREQ_READ, IOREQ_TYPE_COPY, IOREQ_TYPE_PIO};

pub const PORT_BASE: u64 = 0x5000;
pub const PORT_LAST: u64 = 0x500f;
pub const MMIO_BASE: u64 = 0xf000_0000;
pub const MMIO_LAST: u64 = 0xf000_0fff;
/// "XABI".
const DEVICE_ID: u64 = 0x4942_4158;

const REG_ID: u64 = 0;
const REG_SCRATCH: u64 = 4;
const REG_COUNTER: u64 = 8;
const REG_DOORBELL: u64 = 12;

pub struct TestDevice {
    scratch: u32,
    pub served: u32,
    pub port_requests: u32,
    pub mmio_requests: u32,
    pub malformed: u32,
    /// The guest's verdict (its number of failed checks), once it rang the doorbell.
    pub verdict: Option<u32>,
    memory: Vec<u8>,
}

fn width_mask(size: u32) -> u64 {
    if size >= 8 {
        u64::MAX
    } else {
        (1u64 << (size * 8)) - 1
    }
}

impl TestDevice {
    pub fn new() -> Self {
        let len = (MMIO_LAST - MMIO_BASE + 1) as usize;
        Self { scratch: 0, served: 0, port_requests: 0, mmio_requests: 0, malformed: 0, verdict: None, memory: (0..len).map(|i| i as u8).collect() }
    }

    /// Serves one request, updating `req.data` for a read. `Err` says what was wrong with a
    /// request the guest could not have made; it is counted as malformed.
    pub fn serve(&mut self, req: &mut ioreq) -> Result<(), &'static str> {
        let end = req.addr.wrapping_add(u64::from(req.size)).wrapping_sub(1);
        let result = if req.count != 1 || req.data_is_ptr() != 0 || req.df() != 0 {
            Err("a repeated or indirect access (count != 1, data_is_ptr or df)")
        } else if ![1, 2, 4, 8].contains(&req.size) {
            Err("an access width other than 1, 2, 4 or 8")
        } else if req.r#type == IOREQ_TYPE_PIO && req.addr >= PORT_BASE && end <= PORT_LAST {
            self.serve_port(req)
        } else if req.r#type == IOREQ_TYPE_COPY && req.addr >= MMIO_BASE && end <= MMIO_LAST {
            self.serve_mmio(req)
        } else {
            Err("a request outside the ranges this device model claimed")
        };
        if result.is_err() {
            self.malformed += 1;
        }
        self.served += 1;
        result
    }

    fn serve_port(&mut self, req: &mut ioreq) -> Result<(), &'static str> {
        let reg = req.addr - PORT_BASE;
        let read = req.dir() == IOREQ_READ;
        self.port_requests += 1;
        if reg == REG_SCRATCH {
            if read {
                req.data = !u64::from(self.scratch) & width_mask(req.size);
            } else {
                self.scratch = (req.data & width_mask(req.size)) as u32;
            }
            return Ok(());
        }
        if req.size != 4 {
            return Err("a register other than scratch accessed with a width other than 4");
        }
        match (read, reg) {
            (true, REG_ID) => req.data = DEVICE_ID,
            (true, REG_COUNTER) => req.data = u64::from(self.served),
            (false, REG_DOORBELL) => self.verdict = Some(req.data as u32),
            _ => {
                if read {
                    req.data = width_mask(req.size);
                }
                return Err("an access to a register that does not take it");
            }
        }
        Ok(())
    }

    fn serve_mmio(&mut self, req: &mut ioreq) -> Result<(), &'static str> {
        let offset = (req.addr - MMIO_BASE) as usize;
        let bytes = &mut self.memory[offset..offset + req.size as usize];
        self.mmio_requests += 1;
        if req.dir() == IOREQ_READ {
            req.data = bytes.iter().rev().fold(0, |v, &b| v << 8 | u64::from(b));
        } else {
            for (i, b) in bytes.iter_mut().enumerate() {
                *b = (req.data >> (8 * i)) as u8;
            }
        }
        Ok(())
    }
}
