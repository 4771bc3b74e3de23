/**
 * The xenstore wire protocol: how a client (a toolstack, a guest kernel, a device model)
 * talks to the xenstore daemon, over a socket, Linux's `/dev/xen/xenbus`, or the shared ring
 * page a guest has. Every message is a 16-byte header (`xsd_sockmsg`) followed by `len` bytes
 * of payload, mostly NUL-terminated strings; a reply echoes the request's type and id, or is
 * `XS_ERROR` with the name of an errno value (`"ENOENT"`) as its payload. Watch events arrive
 * unasked, as `XS_WATCH_EVENT`.
 *
 * Since 4.9, `XS_CONTROL` is the name of type 0 (`XS_DEBUG` stays as its alias) and
 * `XS_RESTRICT` is gone, its number left unused. The error strings xenstored may send are a
 * table of C strings in Xen's header, which this module does not declare (the xenstore clients
 * of `@xenabi/linux` and `xenabi-linux` carry it as `XSD_ERRORS`, tested against Xen's
 * headers). The `XS_WRITE_*` strings, an obsolete flag word of XS_WRITE, lasted until 4.21.
 */
import { abiModule, array, byteRing, constant, field, flag, flagSet, macro, stringConstant, struct, typedef, u32, u8, valueSet } from 'xenabi/dsl';

// ---- Message types ------------------------------------------------------------------------

const XS_DEBUG = constant('XS_DEBUG', 0, { since: '4.6', doc: 'The old name of XS_CONTROL; an alias of it since 4.9.' });
const XS_CONTROL = constant('XS_CONTROL', 0, { since: '4.9', doc: 'A command to xenstored itself (logging, quotas, live update); dom0 only.' });
const XS_DIRECTORY = constant('XS_DIRECTORY', 1, { since: '4.6', doc: 'List the children of a node: each name NUL-terminated.' });
const XS_READ = constant('XS_READ', 2, { since: '4.6', doc: "Read a node's value." });
const XS_GET_PERMS = constant('XS_GET_PERMS', 3, { since: '4.6', doc: "Read a node's permissions: one NUL-terminated string per domain, `r5`, `w0`, `b7` or `n1`." });
const XS_WATCH = constant('XS_WATCH', 4, { since: '4.6', doc: 'Ask for an XS_WATCH_EVENT whenever a path or anything below it changes; payload path and token.' });
const XS_UNWATCH = constant('XS_UNWATCH', 5, { since: '4.6', doc: 'Remove a watch set with the same path and token.' });
const XS_TRANSACTION_START = constant('XS_TRANSACTION_START', 6, { since: '4.6', doc: 'Start a transaction; the reply is its id, as decimal text.' });
const XS_TRANSACTION_END = constant('XS_TRANSACTION_END', 7, { since: '4.6', doc: 'End the transaction named in the header: payload `T` to commit, `F` to abort; EAGAIN means a conflict, retry it.' });
const XS_INTRODUCE = constant('XS_INTRODUCE', 8, { since: '4.6', doc: "Tell xenstored about a new domain's ring: domain id, frame and event channel." });
const XS_RELEASE = constant('XS_RELEASE', 9, { since: '4.6', doc: 'Tell xenstored a domain has gone.' });
const XS_GET_DOMAIN_PATH = constant('XS_GET_DOMAIN_PATH', 10, { since: '4.6', doc: "The home path of a domain (`/local/domain/<id>`)." });
const XS_WRITE = constant('XS_WRITE', 11, { since: '4.6', doc: "Write a node's value, creating it and its parents as needed; payload path, NUL, then the value (not terminated)." });
const XS_MKDIR = constant('XS_MKDIR', 12, { since: '4.6', doc: 'Create a node with an empty value, if it does not exist.' });
const XS_RM = constant('XS_RM', 13, { since: '4.6', doc: 'Remove a node and everything below it.' });
const XS_SET_PERMS = constant('XS_SET_PERMS', 14, { since: '4.6', doc: "Set a node's permissions: the path, then one string per domain as XS_GET_PERMS returns them." });
const XS_WATCH_EVENT = constant('XS_WATCH_EVENT', 15, { since: '4.6', doc: 'Unasked: a watched path changed; payload the path that changed and the watch token.' });
const XS_ERROR = constant('XS_ERROR', 16, { since: '4.6', doc: 'The reply to a failed request: the name of an errno value, such as `ENOENT`.' });
const XS_IS_DOMAIN_INTRODUCED = constant('XS_IS_DOMAIN_INTRODUCED', 17, { since: '4.6', doc: 'Ask whether xenstored knows a domain: reply `T` or `F`.' });
const XS_RESUME = constant('XS_RESUME', 18, { since: '4.6', doc: "Reconnect a domain's ring after it resumed." });
const XS_SET_TARGET = constant('XS_SET_TARGET', 19, { since: '4.6', doc: 'Let a device-model domain act with the permissions of the domain it serves.' });
const XS_RESTRICT = constant('XS_RESTRICT', 20, { since: '4.6', until: '4.9', doc: 'Restrict a connection to one domain; removed in 4.9, its number left unused.' });
const XS_RESET_WATCHES = constant('XS_RESET_WATCHES', 21, { since: '4.6', doc: "Remove every watch of the connection." });
const XS_DIRECTORY_PART = constant('XS_DIRECTORY_PART', 22, { since: '4.9', doc: 'List a large directory in parts: payload path and offset; the reply starts with the generation count.' });
const XS_GET_FEATURE = constant('XS_GET_FEATURE', 23, { since: '4.21', doc: 'Read the features xenstored offers a domain (XENSTORE_SERVER_FEATURE_*).' });
const XS_SET_FEATURE = constant('XS_SET_FEATURE', 24, { since: '4.21', doc: 'Set the features xenstored offers a domain.' });
const XS_GET_QUOTA = constant('XS_GET_QUOTA', 25, { since: '4.21', doc: "Read a quota, globally or of one domain." });
const XS_SET_QUOTA = constant('XS_SET_QUOTA', 26, { since: '4.21', doc: 'Set a quota, globally or of one domain.' });
const XS_INVALID = constant('XS_INVALID', 0xffff, { since: '4.6', spelling: 'hex', doc: 'Never a valid type.' });

export const xsd_sockmsg_type = valueSet('xsd_sockmsg_type', {
  since: '4.6',
  field: 'xsd_sockmsg.type',
  doc: "The message types (Xen's enum xsd_sockmsg_type).",
  values: [
    XS_DEBUG, XS_CONTROL, XS_DIRECTORY, XS_READ, XS_GET_PERMS, XS_WATCH, XS_UNWATCH, XS_TRANSACTION_START, XS_TRANSACTION_END,
    XS_INTRODUCE, XS_RELEASE, XS_GET_DOMAIN_PATH, XS_WRITE, XS_MKDIR, XS_RM, XS_SET_PERMS, XS_WATCH_EVENT, XS_ERROR,
    XS_IS_DOMAIN_INTRODUCED, XS_RESUME, XS_SET_TARGET, XS_RESTRICT, XS_RESET_WATCHES, XS_DIRECTORY_PART,
    XS_GET_FEATURE, XS_SET_FEATURE, XS_GET_QUOTA, XS_SET_QUOTA, XS_INVALID,
  ],
});

export const XS_TYPE_COUNT = constant('XS_TYPE_COUNT', 23, {
  since: '4.9',
  history: [{ since: '4.21', value: 27 }],
  doc: 'One more than the highest message type: the number of types xenstored knows.',
});

// ---- Write flags --------------------------------------------------------------------------

const WRITE_FLAG = 'A flag word an early form of XS_WRITE carried; neither xenstored Xen ships (C or OCaml) reads it in 4.6 or later, and Xen removed the names in 4.21.';
export const XS_WRITE_NONE = stringConstant('XS_WRITE_NONE', 'NONE', { since: '4.6', until: '4.21', doc: `${WRITE_FLAG} Write whether or not the node exists.` });
export const XS_WRITE_CREATE = stringConstant('XS_WRITE_CREATE', 'CREATE', { since: '4.6', until: '4.21', doc: `${WRITE_FLAG} Create the node if it does not exist.` });
export const XS_WRITE_CREATE_EXCL = stringConstant('XS_WRITE_CREATE_EXCL', 'CREATE|EXCL', { since: '4.6', until: '4.21', doc: `${WRITE_FLAG} Create the node; fail if it exists.` });

// ---- Messages -----------------------------------------------------------------------------

export const xsd_sockmsg = struct('xsd_sockmsg', {
  since: '4.6',
  doc: 'The header of every message, in the byte order of the machine; `len` bytes of payload follow.',
  fields: [
    field('type', u32, { doc: 'XS_* (xsd_sockmsg_type).' }),
    field('req_id', u32, { doc: 'Chosen by the client; the reply carries the same.' }),
    field('tx_id', u32, { doc: 'The transaction the request belongs to; 0 for none.' }),
    field('len', u32, { doc: 'Bytes of payload after the header, at most XENSTORE_PAYLOAD_MAX.' }),
  ],
});

const XS_WATCH_PATH = constant('XS_WATCH_PATH', 0, { since: '4.6', doc: 'The changed path: the first string of an XS_WATCH_EVENT payload.' });
const XS_WATCH_TOKEN = constant('XS_WATCH_TOKEN', 1, { since: '4.6', doc: 'The watch token: the second string.' });

export const xs_watch_type = valueSet('xs_watch_type', {
  since: '4.6',
  doc: "Which string of an XS_WATCH_EVENT payload is which (Xen's enum xs_watch_type).",
  values: [XS_WATCH_PATH, XS_WATCH_TOKEN],
});

// ---- The ring page ------------------------------------------------------------------------

export const XENSTORE_RING_SIZE = constant('XENSTORE_RING_SIZE', 1024, { since: '4.6', doc: 'Bytes in each ring of the page; a power of two.' });

export const MASK_XENSTORE_IDX = macro('MASK_XENSTORE_IDX', ['idx'], 'idx & (XENSTORE_RING_SIZE - 1)', {
  since: '4.6',
  samples: [[0], [1025], [4294967295]],
  doc: 'The byte of a ring that free-running index idx names.',
});

export const XENSTORE_RING_IDX = typedef('XENSTORE_RING_IDX', u32, {
  since: '4.6',
  doc: 'A free-running ring index: it only grows (wrapping at 2^32); the byte is at `idx & (XENSTORE_RING_SIZE - 1)`.',
});

export const xenstore_domain_interface = struct('xenstore_domain_interface', {
  since: '4.6',
  doc: "The page a domain shares with xenstored: a request ring the domain produces into, a reply ring xenstored produces into, each with a consumer and a producer index, and the connection's state.",
  fields: [
    field('req', array(u8, 1024, XENSTORE_RING_SIZE), { doc: 'Requests to xenstored.' }),
    field('rsp', array(u8, 1024, XENSTORE_RING_SIZE), { doc: 'Replies and watch events.' }),
    field('req_cons', XENSTORE_RING_IDX, { doc: 'How far xenstored has read `req`.' }),
    field('req_prod', XENSTORE_RING_IDX, { doc: 'How far the domain has written `req`.' }),
    field('rsp_cons', XENSTORE_RING_IDX, { doc: 'How far the domain has read `rsp`.' }),
    field('rsp_prod', XENSTORE_RING_IDX, { doc: 'How far xenstored has written `rsp`.' }),
    field('server_features', u32, { doc: 'XENSTORE_SERVER_FEATURE_* bits xenstored supports.' }),
    field('connection', u32, { doc: 'XENSTORE_CONNECTED or XENSTORE_RECONNECT.' }),
    field('error', u32, { since: '4.17', doc: 'XENSTORE_ERROR_*, when xenstored offers XENSTORE_SERVER_FEATURE_ERROR.' }),
    field('evtchn_port', u32, { since: '4.21', doc: "The domain's event channel for xenstored, filled in by Xen for domains it builds at boot; 0 when XS_INTRODUCE gave it." }),
  ],
  byteRings: [
    byteRing('req', { cons: 'req_cons', prod: 'req_prod', producer: 'front' }),
    byteRing('rsp', { cons: 'rsp_cons', prod: 'rsp_prod', producer: 'back' }),
  ],
  growable: {
    versionField: 'server_features',
    doc: 'The record fills the start of a whole shared page, so members are appended at its end: `error` (4.17) when `server_features` has XENSTORE_SERVER_FEATURE_ERROR, `evtchn_port` (4.21), which is zero when unused.',
  },
});

export const XENSTORE_PAYLOAD_MAX = constant('XENSTORE_PAYLOAD_MAX', 4096, { since: '4.6', doc: 'The most payload bytes one message may carry; more breaks the connection.' });
export const XENSTORE_ABS_PATH_MAX = constant('XENSTORE_ABS_PATH_MAX', 3072, { since: '4.6', doc: 'The longest absolute path xenstored accepts (else EINVAL).' });
export const XENSTORE_REL_PATH_MAX = constant('XENSTORE_REL_PATH_MAX', 2048, { since: '4.6', doc: 'The longest relative path xenstored accepts (else EINVAL).' });

const FEATURE = { spelling: 'dec', cType: 'int' } as const;
const XENSTORE_SERVER_FEATURE_RECONNECTION = flag('XENSTORE_SERVER_FEATURE_RECONNECTION', 0, { ...FEATURE, since: '4.6', doc: 'The ring can be reconnected (the `connection` field).' });
const XENSTORE_SERVER_FEATURE_ERROR = flag('XENSTORE_SERVER_FEATURE_ERROR', 1, { ...FEATURE, since: '4.17', doc: 'The page has the `error` field.' });
const XENSTORE_SERVER_FEATURE_WATCHDEPTH = flag('XENSTORE_SERVER_FEATURE_WATCHDEPTH', 2, { ...FEATURE, since: '4.22', doc: 'XS_WATCH takes a depth after the token.' });
const XENSTORE_SERVER_FEATURE_DOMID_ANY = flag('XENSTORE_SERVER_FEATURE_DOMID_ANY', 3, { ...FEATURE, since: '4.22', doc: 'Permissions may name DOMID_ANY.' });

export const XENSTORE_SERVER_FEATURE = flagSet('XENSTORE_SERVER_FEATURE', {
  since: '4.6',
  field: 'xenstore_domain_interface.server_features',
  doc: 'Features xenstored offers (bits of `server_features`).',
  flags: [XENSTORE_SERVER_FEATURE_RECONNECTION, XENSTORE_SERVER_FEATURE_ERROR, XENSTORE_SERVER_FEATURE_WATCHDEPTH, XENSTORE_SERVER_FEATURE_DOMID_ANY],
});

const XENSTORE_CONNECTED = constant('XENSTORE_CONNECTED', 0, { since: '4.6', doc: 'The ring is in use.' });
const XENSTORE_RECONNECT = constant('XENSTORE_RECONNECT', 1, { since: '4.6', doc: 'A reconnection is under way.' });

export const XENSTORE_CONNECTION = valueSet('XENSTORE_CONNECTION', {
  since: '4.6',
  field: 'xenstore_domain_interface.connection',
  doc: 'Values of `connection`.',
  values: [XENSTORE_CONNECTED, XENSTORE_RECONNECT],
});

const XENSTORE_ERROR_NONE = constant('XENSTORE_ERROR_NONE', 0, { since: '4.17', doc: 'No error.' });
const XENSTORE_ERROR_COMM = constant('XENSTORE_ERROR_COMM', 1, { since: '4.17', doc: 'The ring could not be used.' });
const XENSTORE_ERROR_RINGIDX = constant('XENSTORE_ERROR_RINGIDX', 2, { since: '4.17', doc: 'A ring index was out of bounds.' });
const XENSTORE_ERROR_PROTO = constant('XENSTORE_ERROR_PROTO', 3, { since: '4.17', doc: 'A message broke the protocol (too long a payload).' });

export const XENSTORE_ERROR = valueSet('XENSTORE_ERROR', {
  since: '4.17',
  field: 'xenstore_domain_interface.error',
  doc: 'Values of `error`: why xenstored stopped serving the ring.',
  values: [XENSTORE_ERROR_NONE, XENSTORE_ERROR_COMM, XENSTORE_ERROR_RINGIDX, XENSTORE_ERROR_PROTO],
});

export default abiModule({
  name: 'xs_wire',
  xenHeader: 'io/xs_wire.h',
  xenGuard: '_XS_WIRE_H',
  coverage: 'full',
  doc: "The xenstore wire protocol: message types, the message header, and the ring page a domain shares with xenstored. Xen declares the types as an enum; here they are integer constants.",
  items: [
    xsd_sockmsg_type,
    XS_TYPE_COUNT,
    XS_WRITE_NONE,
    XS_WRITE_CREATE,
    XS_WRITE_CREATE_EXCL,
    xsd_sockmsg,
    xs_watch_type,
    XENSTORE_RING_SIZE,
    MASK_XENSTORE_IDX,
    XENSTORE_RING_IDX,
    xenstore_domain_interface,
    XENSTORE_PAYLOAD_MAX,
    XENSTORE_ABS_PATH_MAX,
    XENSTORE_REL_PATH_MAX,
    XENSTORE_SERVER_FEATURE,
    XENSTORE_CONNECTION,
    XENSTORE_ERROR,
  ],
});
