//! The xenstore client: the golden packets shared with the TypeScript tests, framing across
//! chunks, and every call against an in-process xenstored (fake_xenstored) on a Unix socket:
//! values, trees, permissions, errors by name and errno, watches as iterators, transactions
//! retried on EAGAIN, and a missing xenstored reported with what to do.

mod fake_xenstored;

use std::io;
use std::path::PathBuf;
use std::time::Duration;

use fake_xenstored::FakeXenstored;
use xenabi_linux::xenstore::wire::{strings, Message, MessageReader, XSD_ERRORS};
use xenabi_linux::xenstore::{Access, Permission, WatchEvent, XenStore, XenStoreError};

/// The shared golden packets: name, type, req_id, tx_id, payload, bytes.
const GOLDEN: &str = include_str!("../../../../compat-tests/xenstore/golden-packets.txt");

fn unescape(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, false) => out.extend_from_slice(c.to_string().as_bytes()),
            (_, true) => match chars.next() {
                Some('0') => out.push(0),
                Some('\\') => out.push(b'\\'),
                Some('x') => out.push(u8::from_str_radix(&chars.by_ref().take(2).collect::<String>(), 16).unwrap()),
                other => panic!("unknown escape \\{other:?} in the golden packets"),
            },
        }
    }
    out
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn golden() -> Vec<(String, Message, String)> {
    GOLDEN
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), 6, "golden packet line {line:?}");
            let message = Message { kind: f[1].parse().unwrap(), req_id: f[2].parse().unwrap(), tx_id: f[3].parse().unwrap(), payload: unescape(f[4]) };
            (f[0].to_owned(), message, f[5].to_owned())
        })
        .collect()
}

#[test]
fn encodes_and_decodes_the_golden_packets() {
    let packets = golden();
    assert!(packets.len() >= 9);
    let mut stream = Vec::new();
    for (name, message, bytes) in &packets {
        assert_eq!(hex(&message.encode().unwrap()), *bytes, "packet {name}");
        stream.extend(message.encode().unwrap());
    }
    // However the stream is cut, the reader finds every packet.
    for cut in [1, 15, 16, 17, 40, stream.len() - 1] {
        let mut reader = MessageReader::new();
        let mut got = reader.push(&stream[..cut]).unwrap();
        got.extend(reader.push(&stream[cut..]).unwrap());
        assert_eq!(got, packets.iter().map(|(_, m, _)| m.clone()).collect::<Vec<_>>(), "cut at {cut}");
    }
}

#[test]
fn refuses_an_oversized_payload_either_way() {
    let big = Message { kind: 11, req_id: 1, tx_id: 0, payload: vec![0; 4097] };
    assert!(big.encode().unwrap_err().to_string().contains("at most 4096 bytes"));
    let mut header = [0u8; 16];
    header[12..].copy_from_slice(&5000u32.to_le_bytes());
    assert!(MessageReader::new().push(&header).unwrap_err().to_string().contains("more than XENSTORE_PAYLOAD_MAX"));
}

#[test]
fn splits_payloads_into_strings() {
    assert_eq!(strings(b"a\0b\0"), ["a", "b"]);
    assert_eq!(strings(b"a\0b"), ["a", "b"]);
    assert_eq!(strings(b""), Vec::<String>::new());
    assert_eq!(strings(b"\0"), [""]);
}

struct Fixture {
    dir: PathBuf,
    daemon: FakeXenstored,
    store: XenStore,
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn fixture(name: &str) -> Fixture {
    let dir = std::env::temp_dir().join(format!("xenabi-linux-xs-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let daemon = FakeXenstored::start(&dir);
    let store = XenStore::connect_path(&daemon.path).unwrap();
    Fixture { dir, daemon, store }
}

#[test]
fn writes_reads_lists_makes_and_removes_nodes() {
    let f = fixture("nodes");
    let store = &f.store;
    store.write("/local/domain/1/name", "guest").unwrap();
    store.write("/local/domain/1/data", [0u8, 1, 255]).unwrap();
    store.mkdir("/local/domain/1/device").unwrap();
    assert_eq!(store.read("/local/domain/1/name").unwrap(), "guest");
    assert_eq!(store.read_bytes("/local/domain/1/data").unwrap(), [0, 1, 255]);
    let mut children = store.directory("/local/domain/1").unwrap();
    children.sort();
    assert_eq!(children, ["data", "device", "name"]);
    store.rm("/local/domain/1/device").unwrap();
    assert_eq!(store.directory("/local/domain/1").unwrap().len(), 2);
    assert_eq!(store.get_domain_path(3).unwrap(), "/local/domain/3");
    // Requests from several threads at once are matched to their replies by id.
    std::thread::scope(|s| {
        let readers: Vec<_> = (0..4).map(|_| s.spawn(|| store.read("/local/domain/1/name").unwrap())).collect();
        for r in readers {
            assert_eq!(r.join().unwrap(), "guest");
        }
    });
    let ids: Vec<u32> = f.daemon.received().iter().map(|m| m.req_id).collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len());
}

#[test]
fn maps_xenstoreds_error_strings_to_errors_with_the_name_and_errno() {
    let f = fixture("errors");
    let error = f.store.read("/nowhere").unwrap_err();
    assert_eq!(error.kind(), io::ErrorKind::NotFound);
    assert_eq!(error.to_string(), "xenstore read /nowhere: ENOENT");
    assert_eq!(xenabi_linux::errno(&error), Some(2));
    let refusal = error.get_ref().and_then(|e| e.downcast_ref::<XenStoreError>()).unwrap();
    assert_eq!((refusal.code(), refusal.errno(), refusal.request()), ("ENOENT", Some(2), "read /nowhere"));
}

#[test]
fn maps_every_error_name_xenstored_sends_as_the_shared_table_does() {
    let shared: Vec<String> = include_str!("../../../../compat-tests/xenstore/error-strings.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split('\t').take(2).collect::<Vec<_>>().join("\t"))
        .collect();
    let ours: Vec<String> = XSD_ERRORS.iter().map(|(name, errno)| format!("{name}\t{errno}")).collect();
    assert_eq!(ours, shared);
    // The kind follows the errno: EAGAIN is WouldBlock, EACCES PermissionDenied.
    assert_eq!(XenStoreError::io("EAGAIN".into(), "x".into()).kind(), io::ErrorKind::WouldBlock);
    assert_eq!(XenStoreError::io("EACCES".into(), "x".into()).kind(), io::ErrorKind::PermissionDenied);
    assert_eq!(XenStoreError::io("EWHATEVER".into(), "x".into()).kind(), io::ErrorKind::Other);
}

#[test]
fn gets_and_sets_permissions() {
    let f = fixture("perms");
    f.store.write("/shared", "x").unwrap();
    let perms = [Permission { domid: 0, access: Access::None }, Permission { domid: 5, access: Access::Read }, Permission { domid: 6, access: Access::Both }];
    f.store.set_permissions("/shared", &perms).unwrap();
    assert_eq!(f.daemon.received().last().unwrap().payload, b"/shared\0n0\0r5\0b6\0");
    assert_eq!(f.store.get_permissions("/shared").unwrap(), perms);
    assert!("x5".parse::<Permission>().is_err() && "r".parse::<Permission>().is_err() && "r-1".parse::<Permission>().is_err());
}

#[test]
fn watches_a_path_as_an_iterator_until_the_watch_is_dropped() {
    let f = fixture("watch");
    let mut watch = f.store.watch_with_token("/local/domain/2", "tok").unwrap();
    let event = |path: &str| WatchEvent { path: path.into(), token: "tok".into() };
    assert_eq!(watch.next().unwrap().unwrap(), event("/local/domain/2"));
    f.store.write("/local/domain/2/state", "4").unwrap();
    f.store.write("/elsewhere", "1").unwrap();
    f.store.write("/local/domain/2/backend", "x").unwrap();
    assert_eq!(watch.next().unwrap().unwrap(), event("/local/domain/2/state"));
    assert_eq!(watch.recv_timeout(Duration::from_secs(5)).unwrap(), Some(event("/local/domain/2/backend")));
    assert_eq!(watch.recv_timeout(Duration::from_millis(20)).unwrap(), None);
    assert!(f.store.watch_with_token("/x", "tok").is_err());
    drop(watch);
    // Dropping it removed the watch: a request the daemon got after the writes.
    f.store.get_domain_path(0).unwrap();
    let unwatch = f.daemon.received().into_iter().find(|m| m.kind == 5).unwrap();
    assert_eq!(unwatch.payload, b"/local/domain/2\0tok\0");
    let closed = f.store.watch("/y").unwrap();
    assert!(closed.token().starts_with("xenabi-"));
    closed.close().unwrap();
}

#[test]
fn runs_a_transaction_retrying_its_body_on_eagain_and_aborts_on_an_error() {
    let f = fixture("transaction");
    f.store.write("/counter", "1").unwrap();
    f.daemon.conflict_once();
    let mut runs = 0;
    let result = f
        .store
        .transaction(|tx| {
            runs += 1;
            let n: u32 = tx.read("/counter")?.parse().unwrap();
            tx.write("/counter", (n + 1).to_string())?;
            Ok(n + 1)
        })
        .unwrap();
    assert_eq!((result, runs), (2, 2));
    let received = f.daemon.received();
    let ends: Vec<(u32, Vec<u8>)> = received.iter().filter(|m| m.kind == 7).map(|m| (m.tx_id, m.payload.clone())).collect();
    assert_eq!(ends, [(1, b"T\0".to_vec()), (2, b"T\0".to_vec())]);
    assert_eq!(received.iter().filter(|m| m.kind == 2).map(|m| m.tx_id).collect::<Vec<_>>(), [1, 2]);
    assert_eq!(f.store.read("/counter").unwrap(), "2");
    let failed: io::Result<()> = f.store.transaction(|_| Err(io::Error::other("stop")));
    assert_eq!(failed.unwrap_err().to_string(), "stop");
    assert_eq!(f.daemon.received().last().unwrap().payload, b"F\0");
}

#[test]
fn fails_pending_requests_and_ends_watches_when_the_connection_drops() {
    let f = fixture("drop");
    let mut watch = f.store.watch("/a").unwrap();
    watch.next().unwrap().unwrap();
    f.daemon.disconnect_all();
    let ended = watch.next().unwrap().unwrap_err();
    assert!(ended.to_string().contains("connection closed"), "{ended}");
    assert!(watch.next().is_none());
    let error = f.store.read("/a").unwrap_err();
    assert!(error.to_string().contains("connection closed"), "{error}");
}

#[test]
fn connecting_without_xenstored_names_the_path_and_what_to_do() {
    let error = XenStore::connect_path("/nonexistent/xenstored/socket").unwrap_err();
    assert_eq!(error.kind(), io::ErrorKind::NotFound);
    let message = error.to_string();
    assert!(message.starts_with("cannot open /nonexistent/xenstored/socket: "), "{message}");
    assert!(message.contains("xenfs kernel module loaded") && message.contains("modprobe xenfs"), "{message}");
}
