/**
 * The FLASK security module's control interface (`__HYPERVISOR_xsm_op` on a Xen built with
 * XSM/FLASK): load a policy, switch enforcement, translate between security identifiers
 * (SIDs) and context strings, ask access decisions, read and set policy booleans, label
 * devices and domains.
 *
 * Versioned by XEN_FLASK_INTERFACE_VERSION, which every request carries and which has been 1
 * in every release from 4.6 to 4.22; the request layout changed once all the same, when 4.8
 * dropped the user-enumeration payload (`xen_flask_userlist`) that FLASK_USER had used. Xen's
 * header shows it to guests too, but only the toolstack (libxc's flask calls, `xl`, `flask-*`
 * tools) uses it.
 */
import { abiModule, constant, field, handle, inlineUnion, op, opSet, struct, u32, u64, u8 } from 'xenabi/dsl';
import { evtchn_port_t } from '../stable/event_channel.ts';

export const XEN_FLASK_INTERFACE_VERSION = constant('XEN_FLASK_INTERFACE_VERSION', 1, {
  since: '4.6',
  doc: 'The version of this interface a caller writes into xen_flask_op.interface_version; Xen refuses any other. 1 in every release 4.6–4.22.',
});

export const xen_flask_load = struct('xen_flask_load', {
  typedef: 'xen_flask_load_t',
  since: '4.6',
  doc: 'Payload of FLASK_LOAD: a compiled policy to load in place of the current one.',
  fields: [
    field('buffer', handle('char', 'char'), { doc: 'IN: the binary policy.' }),
    field('size', u32, { doc: 'IN: its length in bytes. Example: 1048576.' }),
  ],
  holes: [{ after: 'size', archs: ['x86_64', 'arm32', 'arm64'], reason: 'tail padding: the handle makes the record 8-byte aligned' }],
});

export const xen_flask_setenforce = struct('xen_flask_setenforce', {
  typedef: 'xen_flask_setenforce_t',
  since: '4.6',
  doc: 'Payload of FLASK_SETENFORCE.',
  fields: [field('enforcing', u32, { doc: 'IN: 1 to deny what the policy forbids, 0 to only log it (permissive mode). Example: 1.' })],
});

export const xen_flask_sid_context = struct('xen_flask_sid_context', {
  typedef: 'xen_flask_sid_context_t',
  since: '4.6',
  doc: 'Payload of FLASK_CONTEXT_TO_SID and FLASK_SID_TO_CONTEXT: a security identifier and its context string.',
  fields: [
    field('sid', u32, { doc: 'OUT (context to SID) or IN (SID to context): the security identifier. Example: 12.' }),
    field('size', u32, { doc: 'IN: the size of the `context` buffer. OUT: the length of the context string. Example: 40.' }),
    field('context', handle('char', 'char'), { doc: 'IN or OUT: the context string, such as `system_u:system_r:domU_t`, not NUL-terminated.' }),
  ],
});

export const xen_flask_access = struct('xen_flask_access', {
  typedef: 'xen_flask_access_t',
  since: '4.6',
  doc: 'Payload of FLASK_ACCESS: may the source SID do these things to the target SID, and what the access vector cache says about it.',
  fields: [
    field('ssid', u32, { doc: 'IN: the source (subject) SID.' }),
    field('tsid', u32, { doc: 'IN: the target (object) SID.' }),
    field('tclass', u32, { doc: 'IN: the target\'s security class, a number from the loaded policy.' }),
    field('req', u32, { doc: 'IN: the permissions asked, a bit mask of that class\'s permissions.' }),
    field('allowed', u32, { doc: 'OUT: the permissions the policy grants, of all the class has.' }),
    field('audit_allow', u32, { doc: 'OUT: which granted permissions are logged.' }),
    field('audit_deny', u32, { doc: 'OUT: which denied permissions are logged.' }),
    field('seqno', u32, { doc: 'OUT: the policy\'s sequence number the answer is valid for.' }),
  ],
});

export const xen_flask_transition = struct('xen_flask_transition', {
  typedef: 'xen_flask_transition_t',
  since: '4.6',
  doc: 'Payload of FLASK_CREATE, FLASK_RELABEL and FLASK_MEMBER: the SID an object gets from a source, a target and a class under the policy\'s rules.',
  fields: [
    field('ssid', u32, { doc: 'IN: the source SID.' }),
    field('tsid', u32, { doc: 'IN: the target SID.' }),
    field('tclass', u32, { doc: 'IN: the security class.' }),
    field('newsid', u32, { doc: 'OUT: the SID the rule gives.' }),
  ],
});

export const xen_flask_userlist = struct('xen_flask_userlist', {
  since: '4.6',
  until: '4.8',
  doc: 'Payload of FLASK_USER until 4.8, which removed the operation: the SIDs a user may reach from a starting SID.',
  fields: [
    field('start_sid', u32, { doc: 'IN: the SID to start from.' }),
    field('size', u32, { doc: 'IN: the length of the user name and the capacity of the SID list. OUT: the number of SIDs returned.' }),
    field(
      'u',
      inlineUnion({
        doc: 'The user name going in, the SID list coming out, in the same handle.',
        fields: [
          field('user', handle('char', 'char'), { doc: 'IN: the user name.' }),
          field('sids', handle('uint32', 'uint32_t'), { doc: 'OUT: the reachable SIDs.' }),
        ],
      }),
      { doc: 'IN: the user; OUT: the SIDs.' },
    ),
  ],
});

export const xen_flask_boolean = struct('xen_flask_boolean', {
  typedef: 'xen_flask_boolean_t',
  since: '4.6',
  doc: 'Payload of FLASK_GETBOOL and FLASK_SETBOOL: one policy boolean, by number or by name.',
  fields: [
    field('bool_id', u32, { doc: 'IN/OUT: the boolean\'s number; 0xffffffff to look it up by `name`, and Xen fills the number in.' }),
    field('enforcing', u8, { doc: 'OUT: the value in force.' }),
    field('pending', u8, { doc: 'OUT: the value set but not yet committed.' }),
    field('new_value', u8, { doc: 'IN (set): the value to set.' }),
    field('commit', u8, { doc: 'IN (set): 1 to put it in force at once, 0 to leave it pending until FLASK_COMMITBOOLS.' }),
    field('size', u32, { doc: 'IN: the size of the `name` buffer. OUT (get): the length of the name.' }),
    field('name', handle('char', 'char'), { doc: 'IN: the name, when `bool_id` is 0xffffffff. OUT (get): the name.' }),
  ],
  holes: [{ after: 'size', archs: ['x86_64', 'arm32', 'arm64'], reason: '`name`, a handle, is 8-byte aligned' }],
});

export const xen_flask_setavc_threshold = struct('xen_flask_setavc_threshold', {
  typedef: 'xen_flask_setavc_threshold_t',
  since: '4.6',
  doc: 'Payload of FLASK_SETAVC_THRESHOLD.',
  fields: [field('threshold', u32, { doc: 'IN: how many entries the access vector cache keeps before it reclaims. Example: 512.' })],
});

export const xen_flask_hash_stats = struct('xen_flask_hash_stats', {
  typedef: 'xen_flask_hash_stats_t',
  since: '4.6',
  doc: 'Payload of FLASK_AVC_HASHSTATS: how full the access vector cache\'s hash table is.',
  fields: [
    field('entries', u32, { doc: 'OUT: entries cached.' }),
    field('buckets_used', u32, { doc: 'OUT: buckets holding at least one entry.' }),
    field('buckets_total', u32, { doc: 'OUT: buckets in all.' }),
    field('max_chain_len', u32, { doc: 'OUT: the longest bucket chain.' }),
  ],
});

export const xen_flask_cache_stats = struct('xen_flask_cache_stats', {
  typedef: 'xen_flask_cache_stats_t',
  since: '4.6',
  doc: 'Payload of FLASK_AVC_CACHESTATS: one physical CPU\'s access vector cache counters.',
  fields: [
    field('cpu', u32, { doc: 'IN: the physical CPU. Example: 0.' }),
    field('lookups', u32, { doc: 'OUT: lookups made.' }),
    field('hits', u32, { doc: 'OUT: lookups answered from the cache.' }),
    field('misses', u32, { doc: 'OUT: lookups that went to the policy.' }),
    field('allocations', u32, { doc: 'OUT: entries allocated.' }),
    field('reclaims', u32, { doc: 'OUT: entries reclaimed.' }),
    field('frees', u32, { doc: 'OUT: entries freed.' }),
  ],
});

export const xen_flask_ocontext = struct('xen_flask_ocontext', {
  typedef: 'xen_flask_ocontext_t',
  since: '4.6',
  doc: 'Payload of FLASK_ADD_OCONTEXT and FLASK_DEL_OCONTEXT: label a range of a machine resource (IRQs, I/O ports, MMIO, PCI devices).',
  fields: [
    field('ocon', u32, { doc: 'IN: the kind of resource, one of the policy\'s object-context kinds.' }),
    field('sid', u32, { doc: 'IN: the SID to give the range.' }),
    field('low', u64, { doc: 'IN: the first number of the range. Example: 0xfe000000.' }),
    field('high', u64, { doc: 'IN: the last number of the range. Example: 0xfe0fffff.' }),
  ],
});

export const xen_flask_peersid = struct('xen_flask_peersid', {
  typedef: 'xen_flask_peersid_t',
  since: '4.6',
  doc: 'Payload of FLASK_GET_PEER_SID: the SID of the domain at the other end of an event channel.',
  fields: [
    field('evtchn', evtchn_port_t, { doc: 'IN: the caller\'s port of an interdomain channel.' }),
    field('sid', u32, { doc: 'OUT: the remote domain\'s SID.' }),
  ],
});

export const xen_flask_relabel = struct('xen_flask_relabel', {
  typedef: 'xen_flask_relabel_t',
  since: '4.6',
  doc: 'Payload of FLASK_RELABEL_DOMAIN: give a domain a new SID, as the policy allows.',
  fields: [
    field('domid', u32, { doc: 'IN: the domain, widened to 32 bits; DOMID_SELF for the caller. Example: 5.' }),
    field('sid', u32, { doc: 'IN: its new SID.' }),
  ],
});

export const xen_flask_devicetree_label = struct('xen_flask_devicetree_label', {
  typedef: 'xen_flask_devicetree_label_t',
  since: '4.6',
  doc: 'Payload of FLASK_DEVICETREE_LABEL: label a device by its path in the host device tree (Arm).',
  fields: [
    field('sid', u32, { doc: 'IN: the SID to give the device.' }),
    field('length', u32, { doc: 'IN: the length of the path. Example: 24.' }),
    field('path', handle('char', 'char'), { doc: 'IN: the device-tree path, such as `/soc/ethernet@e0000000`, not NUL-terminated.' }),
  ],
});

export const xen_flask_op = struct('xen_flask_op', {
  typedef: 'xen_flask_op_t',
  since: '4.6',
  doc: 'The argument of __HYPERVISOR_xsm_op on a FLASK hypervisor: the operation, the interface version, and the operation\'s payload.',
  fields: [
    field('cmd', u32, { doc: 'IN: a FLASK_* operation. Example: 6 (FLASK_ACCESS).' }),
    field('interface_version', u32, { doc: 'IN: XEN_FLASK_INTERFACE_VERSION. Example: 1.' }),
    field(
      'u',
      inlineUnion({
        doc: 'The payload; `cmd` says which member.',
        fields: [
          field('load', xen_flask_load, { doc: 'FLASK_LOAD.' }),
          field('enforce', xen_flask_setenforce, { doc: 'FLASK_SETENFORCE.' }),
          field('sid_context', xen_flask_sid_context, { doc: 'FLASK_CONTEXT_TO_SID, FLASK_SID_TO_CONTEXT.' }),
          field('access', xen_flask_access, { doc: 'FLASK_ACCESS.' }),
          field('transition', xen_flask_transition, { doc: 'FLASK_CREATE, FLASK_RELABEL, FLASK_MEMBER.' }),
          field('userlist', xen_flask_userlist, { until: '4.8', doc: 'FLASK_USER, until 4.8.' }),
          field('boolean', xen_flask_boolean, { doc: 'FLASK_GETBOOL, FLASK_SETBOOL.' }),
          field('setavc_threshold', xen_flask_setavc_threshold, { doc: 'FLASK_SETAVC_THRESHOLD.' }),
          field('hash_stats', xen_flask_hash_stats, { doc: 'FLASK_AVC_HASHSTATS.' }),
          field('cache_stats', xen_flask_cache_stats, { doc: 'FLASK_AVC_CACHESTATS.' }),
          field('ocontext', xen_flask_ocontext, { doc: 'FLASK_ADD_OCONTEXT, FLASK_DEL_OCONTEXT.' }),
          field('peersid', xen_flask_peersid, { doc: 'FLASK_GET_PEER_SID.' }),
          field('relabel', xen_flask_relabel, { doc: 'FLASK_RELABEL_DOMAIN.' }),
          field('devicetree_label', xen_flask_devicetree_label, { doc: 'FLASK_DEVICETREE_LABEL.' }),
        ],
      }),
      { doc: 'IN/OUT: the payload of `cmd`; unused by the operations that have none.' },
    ),
  ],
});

const flaskOp = (name: string, value: number, doc: string) => constant(name, value, { since: '4.6', doc });

export const FLASK = opSet('FLASK', {
  since: '4.6',
  field: 'xen_flask_op.cmd',
  doc: 'The FLASK operations, each with the member of `xen_flask_op.u` that carries its payload; those without one answer in the return value.',
  dispatch: { record: xen_flask_op, opField: 'cmd', payloadField: 'u' },
  ops: [
    op(flaskOp('FLASK_LOAD', 1, 'Load a policy.'), { member: 'load', record: xen_flask_load }),
    op(flaskOp('FLASK_GETENFORCE', 2, 'Whether FLASK enforces (1) or only logs (0): the return value.')),
    op(flaskOp('FLASK_SETENFORCE', 3, 'Switch between enforcing and permissive.'), { member: 'enforce', record: xen_flask_setenforce }),
    op(flaskOp('FLASK_CONTEXT_TO_SID', 4, 'The SID of a context string.'), { member: 'sid_context', record: xen_flask_sid_context }),
    op(flaskOp('FLASK_SID_TO_CONTEXT', 5, 'The context string of a SID.'), { member: 'sid_context', record: xen_flask_sid_context }),
    op(flaskOp('FLASK_ACCESS', 6, 'An access decision.'), { member: 'access', record: xen_flask_access }),
    op(flaskOp('FLASK_CREATE', 7, 'The SID a new object gets.'), { member: 'transition', record: xen_flask_transition }),
    op(flaskOp('FLASK_RELABEL', 8, 'The SID an object gets when relabelled.'), { member: 'transition', record: xen_flask_transition }),
    op(flaskOp('FLASK_USER', 9, 'The SIDs a user may reach; Xen refuses it since 4.8, which removed its payload.')),
    op(flaskOp('FLASK_POLICYVERS', 10, 'The policy format version Xen supports: the return value.')),
    op(flaskOp('FLASK_GETBOOL', 11, 'Read a policy boolean.'), { member: 'boolean', record: xen_flask_boolean }),
    op(flaskOp('FLASK_SETBOOL', 12, 'Set a policy boolean.'), { member: 'boolean', record: xen_flask_boolean }),
    op(flaskOp('FLASK_COMMITBOOLS', 13, 'Put every pending boolean value in force.')),
    op(flaskOp('FLASK_MLS', 14, 'Whether the policy uses multi-level security: the return value.')),
    op(flaskOp('FLASK_DISABLE', 15, 'Once turned FLASK off until reboot; Xen refuses it in current releases.')),
    op(flaskOp('FLASK_GETAVC_THRESHOLD', 16, 'The access vector cache threshold: the return value.')),
    op(flaskOp('FLASK_SETAVC_THRESHOLD', 17, 'Set that threshold.'), { member: 'setavc_threshold', record: xen_flask_setavc_threshold }),
    op(flaskOp('FLASK_AVC_HASHSTATS', 18, 'The cache\'s hash table statistics.'), { member: 'hash_stats', record: xen_flask_hash_stats }),
    op(flaskOp('FLASK_AVC_CACHESTATS', 19, 'One CPU\'s cache counters.'), { member: 'cache_stats', record: xen_flask_cache_stats }),
    op(flaskOp('FLASK_MEMBER', 20, 'The SID of a member object (polyinstantiation).'), { member: 'transition', record: xen_flask_transition }),
    op(flaskOp('FLASK_ADD_OCONTEXT', 21, 'Label a resource range.'), { member: 'ocontext', record: xen_flask_ocontext }),
    op(flaskOp('FLASK_DEL_OCONTEXT', 22, 'Remove a resource range\'s label.'), { member: 'ocontext', record: xen_flask_ocontext }),
    op(flaskOp('FLASK_GET_PEER_SID', 23, 'The SID at the far end of an event channel.'), { member: 'peersid', record: xen_flask_peersid }),
    op(flaskOp('FLASK_RELABEL_DOMAIN', 24, 'Give a domain a new SID.'), { member: 'relabel', record: xen_flask_relabel }),
    op(flaskOp('FLASK_DEVICETREE_LABEL', 25, 'Label a device-tree device.'), { member: 'devicetree_label', record: xen_flask_devicetree_label }),
  ],
});

export default abiModule({
  name: 'flask_op',
  xenHeader: 'xsm/flask_op.h',
  xenGuard: '__FLASK_OP_H__',
  coverage: 'full',
  doc: 'The FLASK security module\'s control operations (xsm_op), versioned by XEN_FLASK_INTERFACE_VERSION.',
  interfaceVersion: XEN_FLASK_INTERFACE_VERSION,
  items: [
    XEN_FLASK_INTERFACE_VERSION,
    xen_flask_load,
    xen_flask_setenforce,
    xen_flask_sid_context,
    xen_flask_access,
    xen_flask_transition,
    xen_flask_userlist,
    xen_flask_boolean,
    xen_flask_setavc_threshold,
    xen_flask_hash_stats,
    xen_flask_cache_stats,
    xen_flask_ocontext,
    xen_flask_peersid,
    xen_flask_relabel,
    xen_flask_devicetree_label,
    xen_flask_op,
    FLASK,
  ],
});
