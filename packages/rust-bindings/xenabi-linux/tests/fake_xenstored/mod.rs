//! A small xenstored for the tests, on a Unix socket, speaking the wire format itself (its
//! own framing, not the client's): a tree of nodes with values and permissions, directory,
//! mkdir, rm, watches that fire on registration and on every change below them, and
//! transactions — the first commit fails with EAGAIN when `conflict_once` is set, as xenstored
//! does when another client wrote what the transaction read. The same daemon as the
//! TypeScript tests' fake-xenstored.ts.

use std::collections::{BTreeMap, HashMap};
use std::io::{Read, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread;

const DIRECTORY: u32 = 1;
const READ: u32 = 2;
const GET_PERMS: u32 = 3;
const WATCH: u32 = 4;
const UNWATCH: u32 = 5;
const TRANSACTION_START: u32 = 6;
const TRANSACTION_END: u32 = 7;
const GET_DOMAIN_PATH: u32 = 10;
const WRITE: u32 = 11;
const MKDIR: u32 = 12;
const RM: u32 = 13;
const SET_PERMS: u32 = 14;
const WATCH_EVENT: u32 = 15;
const ERROR: u32 = 16;

/// A message as the daemon received it.
#[derive(Clone, Debug)]
pub struct Received {
    pub kind: u32,
    pub req_id: u32,
    pub tx_id: u32,
    pub payload: Vec<u8>,
}

struct Node {
    value: Vec<u8>,
    perms: Vec<String>,
}

struct Watch {
    client: usize,
    path: String,
    token: String,
}

#[derive(Default)]
struct State {
    nodes: BTreeMap<String, Node>,
    clients: HashMap<usize, UnixStream>,
    watches: Vec<Watch>,
    transactions: HashMap<u32, Vec<(String, Vec<u8>)>>,
    next_tx: u32,
    received: Vec<Received>,
    conflict_once: bool,
}

/// The daemon: a listener thread and a thread per client.
pub struct FakeXenstored {
    pub path: PathBuf,
    state: Arc<Mutex<State>>,
}

impl FakeXenstored {
    pub fn start(dir: &Path) -> Self {
        let path = dir.join("socket");
        let listener = UnixListener::bind(&path).unwrap();
        let mut state = State { next_tx: 1, ..Default::default() };
        state.nodes.insert("/".into(), Node { value: vec![], perms: vec!["n0".into()] });
        let state = Arc::new(Mutex::new(state));
        let shared = Arc::clone(&state);
        thread::spawn(move || {
            for (client, stream) in listener.incoming().enumerate() {
                let Ok(stream) = stream else { return };
                shared.lock().unwrap().clients.insert(client, stream.try_clone().unwrap());
                let state = Arc::clone(&shared);
                thread::spawn(move || serve(&state, client, stream));
            }
        });
        Self { path, state }
    }

    /// Every message received so far.
    pub fn received(&self) -> Vec<Received> {
        self.state.lock().unwrap().received.clone()
    }

    /// Makes the next commit fail with EAGAIN.
    pub fn conflict_once(&self) {
        self.state.lock().unwrap().conflict_once = true;
    }

    /// Closes every client's connection.
    pub fn disconnect_all(&self) {
        for (_, c) in self.state.lock().unwrap().clients.drain() {
            let _ = c.shutdown(std::net::Shutdown::Both);
        }
    }
}

fn word(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap())
}

fn serve(state: &Mutex<State>, client: usize, mut stream: UnixStream) {
    let mut header = [0u8; 16];
    while stream.read_exact(&mut header).is_ok() {
        let mut payload = vec![0u8; word(&header, 12) as usize];
        if stream.read_exact(&mut payload).is_err() {
            break;
        }
        let m = Received { kind: word(&header, 0), req_id: word(&header, 4), tx_id: word(&header, 8), payload };
        let mut state = state.lock().unwrap();
        state.received.push(m.clone());
        answer(&mut state, client, &m);
    }
    let mut state = state.lock().unwrap();
    state.clients.remove(&client);
    state.watches.retain(|w| w.client != client);
}

fn send(state: &mut State, client: usize, kind: u32, req_id: u32, tx_id: u32, payload: &[u8]) {
    let mut bytes = Vec::new();
    for w in [kind, req_id, tx_id, payload.len() as u32] {
        bytes.extend_from_slice(&w.to_le_bytes());
    }
    bytes.extend_from_slice(payload);
    if let Some(c) = state.clients.get_mut(&client) {
        let _ = c.write_all(&bytes);
    }
}

fn terminated(words: &[&str]) -> Vec<u8> {
    words.iter().flat_map(|w| w.bytes().chain([0])).collect()
}

fn answer(state: &mut State, client: usize, m: &Received) {
    let text = String::from_utf8_lossy(&m.payload).into_owned();
    let args: Vec<&str> = text.split('\0').collect();
    let path = args[0].to_owned();
    let reply = |state: &mut State, payload: &[u8]| send(state, client, m.kind, m.req_id, m.tx_id, payload);
    let fail = |state: &mut State, code: &str| send(state, client, ERROR, m.req_id, m.tx_id, &terminated(&[code]));
    match m.kind {
        READ => {
            let written = state.transactions.get(&m.tx_id).and_then(|w| w.iter().rev().find(|(p, _)| *p == path)).map(|(_, v)| v.clone());
            match written.or_else(|| state.nodes.get(&path).map(|n| n.value.clone())) {
                Some(value) => reply(state, &value),
                None => fail(state, "ENOENT"),
            }
        }
        WRITE => {
            let at = m.payload.iter().position(|&b| b == 0).unwrap();
            let value = m.payload[at + 1..].to_vec();
            if m.tx_id != 0 {
                state.transactions.get_mut(&m.tx_id).unwrap().push((path, value));
            } else {
                set(state, &path, value);
            }
            reply(state, b"OK\0");
        }
        MKDIR => {
            if !state.nodes.contains_key(&path) {
                set(state, &path, vec![]);
            }
            reply(state, b"OK\0");
        }
        RM => {
            if !state.nodes.contains_key(&path) {
                return fail(state, "ENOENT");
            }
            let below = format!("{path}/");
            state.nodes.retain(|k, _| *k != path && !k.starts_with(&below));
            fire(state, &path);
            reply(state, b"OK\0");
        }
        DIRECTORY => {
            if !state.nodes.contains_key(&path) {
                return fail(state, "ENOENT");
            }
            let prefix = if path == "/" { "/".to_owned() } else { format!("{path}/") };
            let children: Vec<&str> = state.nodes.keys().filter_map(|k| k.strip_prefix(&prefix)).filter(|c| !c.is_empty() && !c.contains('/')).collect();
            let payload = terminated(&children);
            reply(state, &payload);
        }
        GET_PERMS => match state.nodes.get(&path) {
            Some(node) => {
                let payload = terminated(&node.perms.iter().map(String::as_str).collect::<Vec<_>>());
                reply(state, &payload);
            }
            None => fail(state, "ENOENT"),
        },
        SET_PERMS => match state.nodes.get_mut(&path) {
            Some(node) => {
                node.perms = args[1..args.len() - 1].iter().map(|s| (*s).to_owned()).collect();
                reply(state, b"OK\0");
            }
            None => fail(state, "ENOENT"),
        },
        WATCH => {
            let token = args[1].to_owned();
            state.watches.push(Watch { client, path: path.clone(), token: token.clone() });
            reply(state, b"OK\0");
            send(state, client, WATCH_EVENT, 0, 0, &terminated(&[&path, &token]));
        }
        UNWATCH => {
            state.watches.retain(|w| !(w.client == client && w.path == path && w.token == args[1]));
            reply(state, b"OK\0");
        }
        TRANSACTION_START => {
            let id = state.next_tx;
            state.next_tx += 1;
            state.transactions.insert(id, vec![]);
            reply(state, &terminated(&[&id.to_string()]));
        }
        TRANSACTION_END => {
            let Some(writes) = state.transactions.remove(&m.tx_id) else { return fail(state, "ENOENT") };
            if path == "T" && state.conflict_once {
                state.conflict_once = false;
                return fail(state, "EAGAIN");
            }
            if path == "T" {
                for (p, v) in writes {
                    set(state, &p, v);
                }
            }
            reply(state, b"OK\0");
        }
        GET_DOMAIN_PATH => reply(state, &terminated(&[&format!("/local/domain/{path}")])),
        _ => fail(state, "EINVAL"),
    }
}

fn set(state: &mut State, path: &str, value: Vec<u8>) {
    let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    for i in 1..parts.len() {
        let parent = format!("/{}", parts[..i].join("/"));
        state.nodes.entry(parent).or_insert_with(|| Node { value: vec![], perms: vec!["n0".into()] });
    }
    let perms = state.nodes.get(path).map_or_else(|| vec!["n0".to_owned()], |n| n.perms.clone());
    state.nodes.insert(path.to_owned(), Node { value, perms });
    fire(state, path);
}

fn fire(state: &mut State, path: &str) {
    let hits: Vec<(usize, String)> =
        state.watches.iter().filter(|w| path == w.path || path.starts_with(&format!("{}/", w.path))).map(|w| (w.client, w.token.clone())).collect();
    for (client, token) in hits {
        send(state, client, WATCH_EVENT, 0, 0, &terminated(&[path, &token]));
    }
}
