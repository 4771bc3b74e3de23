//! A xenstore client over a connection to xenstored: its Unix socket or Linux's
//! `/dev/xen/xenbus`. Requests carry their own id, so threads may have several in flight; a
//! reader thread matches replies to requests by id and routes watch events by token to their
//! [`Watch`]. Transactions run their body again when the commit fails with `EAGAIN`.

use std::collections::HashMap;
use std::fs::OpenOptions;
use std::io;
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::fs::FileTypeExt;
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, SyncSender};
use std::sync::{Arc, Mutex, MutexGuard, Weak};
use std::thread::JoinHandle;
use std::time::Duration;

use rustix::event::{poll, PollFd, PollFlags};
use xenabi::stable::xs_wire::{
    XS_DIRECTORY, XS_GET_DOMAIN_PATH, XS_GET_PERMS, XS_MKDIR, XS_READ, XS_RM, XS_SET_PERMS, XS_TRANSACTION_END, XS_TRANSACTION_START, XS_UNWATCH, XS_WATCH,
    XS_WATCH_EVENT, XS_WRITE,
};

use super::wire::{reply_error, strings, terminated, text, write_payload, Message, MessageReader, Permission, XenStoreError, HEADER_SIZE, PAYLOAD_MAX};
use crate::error::DeviceError;

/// Where xenstored is reached, in the order [`XenStore::connect`] tries them.
pub const XENSTORE_PATHS: [&str; 3] = ["/run/xenstored/socket", "/var/run/xenstored/socket", "/dev/xen/xenbus"];

/// What provides `/dev/xen/xenbus`, for the error when nothing is there.
const XENBUS_MODULE: &str = "xenfs";

/// How many times [`XenStore::transaction`] runs its body when commits keep failing with EAGAIN.
pub const TRANSACTION_ATTEMPTS: u32 = 8;

/// A change a watch saw: the path that changed (at or below the watched one) and the token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WatchEvent {
    /// The path that changed.
    pub path: String,
    /// The watch's token.
    pub token: String,
}

/// Where a reply or a watch event goes.
#[derive(Default)]
struct Routes {
    pending: HashMap<u32, SyncSender<io::Result<Message>>>,
    watches: HashMap<String, Sender<io::Result<WatchEvent>>>,
    /// Why the connection ended, once it has.
    failure: Option<(io::ErrorKind, String)>,
}

struct Inner {
    conn: OwnedFd,
    writing: Mutex<()>,
    routes: Mutex<Routes>,
    next_id: AtomicU32,
    next_token: AtomicU32,
    /// Written to stop the reader thread.
    wake: OwnedFd,
}

/// A connection to xenstored.
pub struct XenStore {
    inner: Arc<Inner>,
    reader: Option<JoinHandle<()>>,
}

impl XenStore {
    /// Connects to xenstored: the path in `XENSTORED_PATH` if set, else the first of
    /// [`XENSTORE_PATHS`] that exists. With none there, the error names the paths tried and
    /// what to do.
    pub fn connect() -> io::Result<Self> {
        if let Some(path) = std::env::var_os("XENSTORED_PATH") {
            return Self::connect_path(path);
        }
        match XENSTORE_PATHS.iter().find(|p| Path::new(p).exists()) {
            Some(path) => Self::connect_path(path),
            None => Err(DeviceError::io(XENSTORE_PATHS.iter().map(|p| (*p).to_owned()).collect(), XENBUS_MODULE, io::ErrorKind::NotFound.into())),
        }
    }

    /// Connects through `path`: xenstored's Unix socket, or the xenbus device.
    pub fn connect_path(path: impl AsRef<Path>) -> io::Result<Self> {
        let path = path.as_ref();
        let fail = |e: io::Error| DeviceError::io(vec![path.display().to_string()], XENBUS_MODULE, e);
        let conn: OwnedFd = if std::fs::metadata(path).map_err(fail)?.file_type().is_socket() {
            UnixStream::connect(path).map_err(fail)?.into()
        } else {
            // One open file for both directions: two opens would be two connections.
            OpenOptions::new().read(true).write(true).open(path).map_err(fail)?.into()
        };
        Self::from_fd(conn)
    }

    /// A client over an open, blocking connection to xenstored (a socket or the xenbus device).
    pub fn from_fd(conn: OwnedFd) -> io::Result<Self> {
        let (wake_read, wake) = rustix::pipe::pipe_with(rustix::pipe::PipeFlags::CLOEXEC)?;
        let inner = Arc::new(Inner {
            conn,
            writing: Mutex::new(()),
            routes: Mutex::new(Routes::default()),
            next_id: AtomicU32::new(1),
            next_token: AtomicU32::new(1),
            wake,
        });
        let reading = Arc::clone(&inner);
        let reader = std::thread::Builder::new().name("xenstore-reader".into()).spawn(move || read_replies(&reading, &wake_read))?;
        Ok(Self { inner, reader: Some(reader) })
    }

    /// xenstored's home path of a domain: `/local/domain/<domid>`.
    pub fn get_domain_path(&self, domid: u16) -> io::Result<String> {
        Ok(text(&self.request(XS_GET_DOMAIN_PATH, terminated(&[domid.to_string()]), &format!("get-domain-path {domid}"))?))
    }

    /// Watches `path` and everything below it, with a token of this client's choosing.
    /// xenstored reports the watch once at once, then at each change. Iterate the result for
    /// events; dropping it removes the watch.
    pub fn watch(&self, path: &str) -> io::Result<Watch> {
        let token = format!("xenabi-{}", self.inner.next_token.fetch_add(1, Ordering::Relaxed));
        self.watch_with_token(path, &token)
    }

    /// Watches `path` with the token `token`.
    pub fn watch_with_token(&self, path: &str, token: &str) -> io::Result<Watch> {
        let (tx, rx) = mpsc::channel();
        {
            let mut routes = self.inner.routes();
            if routes.watches.contains_key(token) {
                return Err(io::Error::new(io::ErrorKind::AlreadyExists, format!("xenstore: a watch with token {token} exists")));
            }
            routes.watches.insert(token.to_owned(), tx);
        }
        if let Err(e) = self.request(XS_WATCH, terminated(&[path, token]), &format!("watch {path}")) {
            self.inner.routes().watches.remove(token);
            return Err(e);
        }
        Ok(Watch { path: path.to_owned(), token: token.to_owned(), events: rx, store: Arc::downgrade(&self.inner), open: true })
    }

    /// Runs `body` in a transaction and commits it; when the commit fails with EAGAIN (another
    /// client changed what the transaction read), runs it again, up to
    /// [`TRANSACTION_ATTEMPTS`] times. An error from `body` aborts the transaction.
    pub fn transaction<T>(&self, body: impl FnMut(&Transaction<'_>) -> io::Result<T>) -> io::Result<T> {
        self.transaction_with_attempts(TRANSACTION_ATTEMPTS, body)
    }

    /// [`XenStore::transaction`] with another number of attempts.
    pub fn transaction_with_attempts<T>(&self, attempts: u32, mut body: impl FnMut(&Transaction<'_>) -> io::Result<T>) -> io::Result<T> {
        let mut attempt = 1;
        loop {
            let id = text(&self.request(XS_TRANSACTION_START, terminated(&[""]), "transaction start")?);
            let id = id
                .parse::<u32>()
                .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, format!("xenstore sent a transaction id that is not a number: {id:?}")))?;
            let tx = Transaction { store: self, id };
            let result = match body(&tx) {
                Ok(result) => result,
                Err(e) => {
                    let _ = self.inner.send(XS_TRANSACTION_END, id, terminated(&["F"]), "transaction abort");
                    return Err(e);
                }
            };
            match self.inner.send(XS_TRANSACTION_END, id, terminated(&["T"]), "transaction commit") {
                Ok(_) => return Ok(result),
                Err(e) if attempt < attempts && is_eagain(&e) => attempt += 1,
                Err(e) => return Err(e),
            }
        }
    }

    fn request(&self, kind: u32, payload: Vec<u8>, what: &str) -> io::Result<Vec<u8>> {
        self.inner.send(kind, 0, payload, what)
    }
}

fn is_eagain(e: &io::Error) -> bool {
    e.get_ref().and_then(|e| e.downcast_ref::<XenStoreError>()).is_some_and(|e| e.code() == "EAGAIN")
}

impl Drop for XenStore {
    fn drop(&mut self) {
        let _ = rustix::io::write(&self.inner.wake, &[1]);
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
    }
}

impl std::fmt::Debug for XenStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("XenStore").field("conn", &self.inner.conn).finish_non_exhaustive()
    }
}

/// A transaction: the same calls as [`XenStore`], seen by others only if it commits.
#[derive(Debug)]
pub struct Transaction<'a> {
    store: &'a XenStore,
    id: u32,
}

impl Transaction<'_> {
    /// xenstored's id of the transaction.
    pub fn id(&self) -> u32 {
        self.id
    }

    fn request(&self, kind: u32, payload: Vec<u8>, what: &str) -> io::Result<Vec<u8>> {
        self.store.inner.send(kind, self.id, payload, what)
    }
}

/// The calls both a connection and a transaction offer, over their own `request`.
macro_rules! operations {
    ($t:ty) => {
        impl $t {
            /// The value of `path`, as UTF-8 text (invalid sequences replaced).
            pub fn read(&self, path: &str) -> io::Result<String> {
                Ok(String::from_utf8_lossy(&self.read_bytes(path)?).into_owned())
            }

            /// The value of `path`, as bytes.
            pub fn read_bytes(&self, path: &str) -> io::Result<Vec<u8>> {
                self.request(XS_READ, terminated(&[path]), &format!("read {path}"))
            }

            /// Writes `value` to `path`, creating it and its parents.
            pub fn write(&self, path: &str, value: impl AsRef<[u8]>) -> io::Result<()> {
                self.request(XS_WRITE, write_payload(path, value.as_ref()), &format!("write {path}")).map(drop)
            }

            /// Creates `path` with an empty value, if it does not exist.
            pub fn mkdir(&self, path: &str) -> io::Result<()> {
                self.request(XS_MKDIR, terminated(&[path]), &format!("mkdir {path}")).map(drop)
            }

            /// Removes `path` and everything below it.
            pub fn rm(&self, path: &str) -> io::Result<()> {
                self.request(XS_RM, terminated(&[path]), &format!("rm {path}")).map(drop)
            }

            /// The names of the children of `path`.
            pub fn directory(&self, path: &str) -> io::Result<Vec<String>> {
                Ok(strings(&self.request(XS_DIRECTORY, terminated(&[path]), &format!("directory {path}"))?))
            }

            /// The permissions of `path`: the owner first.
            pub fn get_permissions(&self, path: &str) -> io::Result<Vec<Permission>> {
                strings(&self.request(XS_GET_PERMS, terminated(&[path]), &format!("get-perms {path}"))?).iter().map(|w| w.parse()).collect()
            }

            /// Sets the permissions of `path`: the owner first, whose access is every other domain's default.
            pub fn set_permissions(&self, path: &str, permissions: &[Permission]) -> io::Result<()> {
                let mut words = vec![path.to_owned()];
                words.extend(permissions.iter().map(Permission::to_string));
                self.request(XS_SET_PERMS, terminated(&words), &format!("set-perms {path}")).map(drop)
            }
        }
    };
}

operations!(XenStore);
operations!(Transaction<'_>);

/// A watch: an iterator of its events, until the connection ends. Dropping it removes the watch.
#[derive(Debug)]
pub struct Watch {
    path: String,
    token: String,
    events: Receiver<io::Result<WatchEvent>>,
    store: Weak<Inner>,
    open: bool,
}

impl Watch {
    /// The watched path.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The token xenstored reports its events with.
    pub fn token(&self) -> &str {
        &self.token
    }

    /// The next event, waiting at most `timeout`: `Ok(None)` if none came, an error if the
    /// connection ended.
    pub fn recv_timeout(&self, timeout: Duration) -> io::Result<Option<WatchEvent>> {
        match self.events.recv_timeout(timeout) {
            Ok(event) => event.map(Some),
            Err(mpsc::RecvTimeoutError::Timeout) => Ok(None),
            Err(mpsc::RecvTimeoutError::Disconnected) => Err(closed("the connection closed")),
        }
    }

    /// Removes the watch (XS_UNWATCH) and waits for xenstored to confirm.
    pub fn close(mut self) -> io::Result<()> {
        self.open = false;
        let Some(inner) = self.store.upgrade() else { return Ok(()) };
        inner.routes().watches.remove(&self.token);
        inner.send(XS_UNWATCH, 0, terminated(&[&self.path, &self.token]), &format!("unwatch {}", self.path)).map(drop)
    }
}

impl Iterator for Watch {
    type Item = io::Result<WatchEvent>;

    /// The next event, waiting for it; `None` once the connection ended and its error was given.
    fn next(&mut self) -> Option<Self::Item> {
        self.events.recv().ok()
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        if !self.open {
            return;
        }
        if let Some(inner) = self.store.upgrade() {
            inner.routes().watches.remove(&self.token);
            // Not waiting for the reply: it is dropped when it comes.
            let _ = inner.post(XS_UNWATCH, 0, terminated(&[&self.path, &self.token]));
        }
    }
}

fn closed(why: &str) -> io::Error {
    io::Error::new(io::ErrorKind::ConnectionAborted, format!("xenstore: {why}"))
}

impl Inner {
    fn routes(&self) -> MutexGuard<'_, Routes> {
        // A thread that panicked while routing left nothing half-done that matters here.
        self.routes.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Sends one request and waits for its reply; an XS_ERROR reply is a [`XenStoreError`].
    fn send(&self, kind: u32, tx_id: u32, payload: Vec<u8>, what: &str) -> io::Result<Vec<u8>> {
        let (tx, rx) = mpsc::sync_channel(1);
        let req_id = {
            let mut routes = self.routes();
            if let Some((kind, why)) = &routes.failure {
                return Err(io::Error::new(*kind, why.clone()));
            }
            let id = self.fresh_id();
            routes.pending.insert(id, tx);
            id
        };
        if let Err(e) = self.write_message(&Message { kind, req_id, tx_id, payload }) {
            self.routes().pending.remove(&req_id);
            return Err(e);
        }
        let reply = rx.recv().map_err(|_| closed("the connection closed"))??;
        match reply_error(&reply, what) {
            Some(e) => Err(e),
            None => Ok(reply.payload),
        }
    }

    /// Sends a request whose reply nobody waits for.
    fn post(&self, kind: u32, tx_id: u32, payload: Vec<u8>) -> io::Result<()> {
        self.write_message(&Message { kind, req_id: self.fresh_id(), tx_id, payload })
    }

    /// A request id: never 0, which xenstored uses for watch events.
    fn fresh_id(&self) -> u32 {
        loop {
            let id = self.next_id.fetch_add(1, Ordering::Relaxed);
            if id != 0 {
                return id;
            }
        }
    }

    fn write_message(&self, message: &Message) -> io::Result<()> {
        let bytes = message.encode()?;
        let _writing = self.writing.lock().unwrap_or_else(|e| e.into_inner());
        let mut rest = &bytes[..];
        while !rest.is_empty() {
            match rustix::io::write(&self.conn, rest) {
                Ok(0) => return Err(closed("the connection closed")),
                Ok(n) => rest = &rest[n..],
                Err(rustix::io::Errno::INTR) => {}
                Err(e) => return Err(io::Error::new(io::Error::from(e).kind(), format!("xenstore: write to xenstored failed: {e}"))),
            }
        }
        Ok(())
    }

    /// Ends the connection: pending requests and watches get `why`.
    fn fail(&self, kind: io::ErrorKind, why: String) {
        let mut routes = self.routes();
        if routes.failure.is_some() {
            return;
        }
        for (_, reply) in routes.pending.drain() {
            let _ = reply.send(Err(io::Error::new(kind, why.clone())));
        }
        for (_, watch) in routes.watches.drain() {
            let _ = watch.send(Err(io::Error::new(kind, why.clone())));
        }
        routes.failure = Some((kind, why));
    }

    fn route(&self, message: Message) {
        let mut routes = self.routes();
        if message.kind == XS_WATCH_EVENT {
            let words = strings(&message.payload);
            let (path, token) = (words.first().cloned().unwrap_or_default(), words.get(1).cloned().unwrap_or_default());
            if let Some(watch) = routes.watches.get(&token) {
                let _ = watch.send(Ok(WatchEvent { path, token }));
            }
        } else if let Some(reply) = routes.pending.remove(&message.req_id) {
            let _ = reply.send(Ok(message));
        }
    }
}

/// The reader thread: reads until the connection ends or `wake` is written, routing each message.
fn read_replies(inner: &Inner, wake: &OwnedFd) {
    let mut reader = MessageReader::new();
    let mut buffer = vec![0u8; HEADER_SIZE + PAYLOAD_MAX];
    let (kind, why) = loop {
        let mut fds = [PollFd::new(&inner.conn, PollFlags::IN), PollFd::new(wake, PollFlags::IN)];
        match poll(&mut fds, None) {
            Ok(_) => {}
            Err(rustix::io::Errno::INTR) => continue,
            Err(e) => break (io::ErrorKind::Other, format!("xenstore: poll failed: {e}")),
        }
        if !fds[1].revents().is_empty() {
            break (io::ErrorKind::ConnectionAborted, "xenstore: the client was closed".to_owned());
        }
        let n = match rustix::io::read(inner.conn.as_fd(), &mut buffer) {
            Ok(0) => break (io::ErrorKind::ConnectionAborted, "xenstore: the connection closed".to_owned()),
            Ok(n) => n,
            Err(rustix::io::Errno::INTR | rustix::io::Errno::AGAIN) => continue,
            Err(e) => break (io::Error::from(e).kind(), format!("xenstore: read from xenstored failed: {e}")),
        };
        match reader.push(&buffer[..n]) {
            Ok(messages) => messages.into_iter().for_each(|m| inner.route(m)),
            Err(e) => break (e.kind(), e.to_string()),
        }
    };
    inner.fail(kind, why);
}
