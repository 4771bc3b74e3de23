//! xenstore's wire format: an `xsd_sockmsg` header (type, request id, transaction id,
//! payload length, in the machine's byte order) and at most `XENSTORE_PAYLOAD_MAX` bytes of
//! payload, mostly NUL-terminated strings. Pure functions over bytes, pinned by golden packets
//! that the TypeScript client's tests share.

use std::error::Error;
use std::fmt;
use std::io;
use std::mem::size_of;

use xenabi::stable::xs_wire::{xsd_sockmsg, XENSTORE_PAYLOAD_MAX, XS_ERROR};
use zerocopy::{FromBytes, IntoBytes};

/// The header's size: 16 bytes on every architecture.
pub const HEADER_SIZE: usize = size_of::<xsd_sockmsg>();

/// The largest payload xenstored accepts or sends.
pub const PAYLOAD_MAX: usize = XENSTORE_PAYLOAD_MAX as usize;

/// One message, either way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// `XS_*`.
    pub kind: u32,
    /// Chosen by the client; echoed by the reply.
    pub req_id: u32,
    /// The transaction, or 0.
    pub tx_id: u32,
    /// What follows the header.
    pub payload: Vec<u8>,
}

impl Message {
    /// The message's bytes: header, then payload. A payload over `XENSTORE_PAYLOAD_MAX` is an error.
    pub fn encode(&self) -> io::Result<Vec<u8>> {
        if self.payload.len() > PAYLOAD_MAX {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("a xenstore payload holds at most {PAYLOAD_MAX} bytes, not {}", self.payload.len()),
            ));
        }
        let header = xsd_sockmsg { r#type: self.kind, req_id: self.req_id, tx_id: self.tx_id, len: self.payload.len() as u32 };
        let mut out = Vec::with_capacity(HEADER_SIZE + self.payload.len());
        out.extend_from_slice(header.as_bytes());
        out.extend_from_slice(&self.payload);
        Ok(out)
    }
}

/// Splits a byte stream into messages, keeping what is incomplete for the next chunk.
#[derive(Debug, Default)]
pub struct MessageReader {
    pending: Vec<u8>,
}

impl MessageReader {
    /// A reader with nothing pending.
    pub fn new() -> Self {
        Self::default()
    }

    /// The messages `chunk` completes, in order. A header announcing more than
    /// `XENSTORE_PAYLOAD_MAX` bytes is an error: the stream cannot be trusted after it.
    pub fn push(&mut self, chunk: &[u8]) -> io::Result<Vec<Message>> {
        self.pending.extend_from_slice(chunk);
        let mut out = Vec::new();
        let mut at = 0;
        while self.pending.len() - at >= HEADER_SIZE {
            let header = xsd_sockmsg::read_from_bytes(&self.pending[at..at + HEADER_SIZE]).expect("a header's bytes");
            let len = header.len as usize;
            if len > PAYLOAD_MAX {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("xenstore sent a payload of {len} bytes, more than XENSTORE_PAYLOAD_MAX ({PAYLOAD_MAX})"),
                ));
            }
            if self.pending.len() - at - HEADER_SIZE < len {
                break;
            }
            let start = at + HEADER_SIZE;
            out.push(Message { kind: header.r#type, req_id: header.req_id, tx_id: header.tx_id, payload: self.pending[start..start + len].to_vec() });
            at = start + len;
        }
        self.pending.drain(..at);
        Ok(out)
    }
}

/// Strings, each NUL-terminated: `["a", "b"]` → `a\0b\0`.
pub fn terminated<S: AsRef<[u8]>>(strings: &[S]) -> Vec<u8> {
    let mut out = Vec::new();
    for s in strings {
        out.extend_from_slice(s.as_ref());
        out.push(0);
    }
    out
}

/// The NUL-terminated strings of a payload; a last string without its NUL counts too.
pub fn strings(payload: &[u8]) -> Vec<String> {
    let mut parts: Vec<&[u8]> = payload.split(|&b| b == 0).collect();
    if parts.last().is_some_and(|p| p.is_empty()) {
        parts.pop();
    }
    parts.into_iter().map(|s| String::from_utf8_lossy(s).into_owned()).collect()
}

/// A payload as text, without a trailing NUL.
pub fn text(payload: &[u8]) -> String {
    String::from_utf8_lossy(payload.strip_suffix(&[0]).unwrap_or(payload)).into_owned()
}

/// `XS_WRITE`'s payload: the path, NUL, then the value as is.
pub fn write_payload(path: &str, value: &[u8]) -> Vec<u8> {
    let mut out = terminated(&[path]);
    out.extend_from_slice(value);
    out
}

/// What a domain may do with a node.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Access {
    /// Nothing.
    None,
    /// Read it.
    Read,
    /// Write it.
    Write,
    /// Read and write it.
    Both,
}

/// One entry of a node's permissions; the first names the owner, whose access is every other
/// domain's default.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Permission {
    /// The domain.
    pub domid: u16,
    /// What it may do.
    pub access: Access,
}

const ACCESS_LETTERS: [(Access, char); 4] = [(Access::None, 'n'), (Access::Read, 'r'), (Access::Write, 'w'), (Access::Both, 'b')];

impl fmt::Display for Permission {
    /// `r5` for read access of domain 5, as xenstore writes it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let letter = ACCESS_LETTERS.iter().find(|(a, _)| *a == self.access).map_or('n', |(_, l)| *l);
        write!(f, "{letter}{}", self.domid)
    }
}

impl std::str::FromStr for Permission {
    type Err = io::Error;

    fn from_str(word: &str) -> io::Result<Self> {
        let mut chars = word.chars();
        let access = chars.next().and_then(|c| ACCESS_LETTERS.iter().find(|(_, l)| *l == c)).map(|(a, _)| *a);
        let domid = chars.as_str().parse::<u16>().ok().filter(|_| chars.as_str().bytes().all(|b| b.is_ascii_digit()));
        match (access, domid) {
            (Some(access), Some(domid)) => Ok(Self { domid, access }),
            _ => Err(io::Error::new(io::ErrorKind::InvalidData, format!("xenstore sent a permission it does not define: {word:?}"))),
        }
    }
}

/// A request xenstored refused: the error name it sent (`ENOENT`) and the request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct XenStoreError {
    code: String,
    request: String,
}

impl XenStoreError {
    /// An `io::Error` of the errno's kind, carrying the refusal.
    pub fn io(code: String, request: String) -> io::Error {
        let kind = errno_of(&code).map_or(io::ErrorKind::Other, |n| io::Error::from_raw_os_error(n).kind());
        io::Error::new(kind, XenStoreError { code, request })
    }

    /// The error xenstored named: `ENOENT`.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// Linux's number for it, when [`XSD_ERRORS`] names it.
    pub fn errno(&self) -> Option<i32> {
        errno_of(&self.code)
    }

    /// What was asked: `read /local/domain/1/name`.
    pub fn request(&self) -> &str {
        &self.request
    }
}

impl fmt::Display for XenStoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "xenstore {}: {}", self.request, self.code)
    }
}

impl Error for XenStoreError {}

/// The error names xenstored sends in an `XS_ERROR` reply, in the order of Xen's table
/// (`xsd_errors` in `io/xs_wire.h`), with the errno Linux gives each on x86, x86_64, arm and
/// aarch64 alike. `EPERM` is sent from Xen 4.17 on. Tested against
/// `compat-tests/xenstore/error-strings.txt`, which is tested against Xen's headers.
pub const XSD_ERRORS: [(&str, i32); 16] = [
    ("EINVAL", 22),
    ("EACCES", 13),
    ("EEXIST", 17),
    ("EISDIR", 21),
    ("ENOENT", 2),
    ("ENOMEM", 12),
    ("ENOSPC", 28),
    ("EIO", 5),
    ("ENOTEMPTY", 39),
    ("ENOSYS", 38),
    ("EROFS", 30),
    ("EBUSY", 16),
    ("EAGAIN", 11),
    ("EISCONN", 106),
    ("E2BIG", 7),
    ("EPERM", 1),
];

fn errno_of(code: &str) -> Option<i32> {
    XSD_ERRORS.iter().find(|(name, _)| *name == code).map(|(_, n)| *n)
}

/// The error a reply carries, when it is `XS_ERROR`.
pub fn reply_error(reply: &Message, request: &str) -> Option<io::Error> {
    (reply.kind == XS_ERROR).then(|| XenStoreError::io(text(&reply.payload), request.to_owned()))
}
