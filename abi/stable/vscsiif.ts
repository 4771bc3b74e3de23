/**
 * Paravirtual SCSI: a guest's front end sends SCSI commands (a CDB and the data pages it
 * grants) to a back end in a driver domain that passes them to real or emulated logical units,
 * addressed by channel, target id and LUN. Requests and responses share the `vscsiif` ring;
 * a request lists its data pages directly (up to VSCSIIF_SG_TABLESIZE) or, when the back end
 * offers feature-sg-grant, through granted pages of segment lists. Besides running commands,
 * a request can abort one or reset a unit. Xen's two function-like macros that split a
 * response's rslt into its status and host bytes are code, not ABI, and are not declared.
 */
import { abiModule, array, constant, field, flag, flagSet, i32, ring, struct, u16, u32, u8, valueSet } from 'xenabi/dsl';
import { grant_ref_t } from './grant_table.ts';
import { RING_IDX } from './ring.ts';

const VSCSIIF_ACT = valueSet('VSCSIIF_ACT', {
  since: '4.6',
  field: 'vscsiif_request.act',
  doc: 'What a request asks of the back end.',
  values: [
    constant('VSCSIIF_ACT_SCSI_CDB', 1, { since: '4.6', doc: 'Run the command in cmnd on the unit named by channel, id and lun.' }),
    constant('VSCSIIF_ACT_SCSI_ABORT', 2, { since: '4.6', doc: 'Abort the running command whose rqid is in ref_rqid.' }),
    constant('VSCSIIF_ACT_SCSI_RESET', 3, { since: '4.6', doc: 'Reset the unit.' }),
    constant('VSCSIIF_ACT_SCSI_SG_PRESET', 4, { since: '4.6', doc: 'Reserved: once a way to pass a long segment list ahead of its command; back ends do not support it.' }),
  ],
});

export const VSCSIIF_SG_TABLESIZE = constant('VSCSIIF_SG_TABLESIZE', 26, {
  since: '4.6',
  doc: 'Segments a request carries in its own seg array.',
});

export const VSCSIIF_MAX_COMMAND_SIZE = constant('VSCSIIF_MAX_COMMAND_SIZE', 16, {
  since: '4.6',
  doc: 'Longest command descriptor block a request carries, in bytes.',
});

export const VSCSIIF_SENSE_BUFFERSIZE = constant('VSCSIIF_SENSE_BUFFERSIZE', 96, {
  since: '4.6',
  doc: 'Bytes of sense data a response carries.',
});

export const VSCSIIF_PAGE_SIZE = constant('VSCSIIF_PAGE_SIZE', 4096, {
  since: '4.8',
  doc: 'The page size the protocol counts segment-list pages in, whatever the guest\'s own page size.',
});

export const scsiif_request_segment = struct('scsiif_request_segment', {
  typedef: 'vscsiif_segment_t',
  since: '4.6',
  doc: 'A piece of the data buffer: part of one granted page; or, in a request with VSCSIIF_SG_GRANT, a granted page holding more segments.',
  fields: [
    field('gref', grant_ref_t, { doc: 'The grant of the page.' }),
    field('offset', u16, { doc: 'Where in the page the piece starts.' }),
    field('length', u16, { doc: 'Bytes in the piece.' }),
  ],
});

export const VSCSIIF_SG_PER_PAGE = constant('VSCSIIF_SG_PER_PAGE', 512, {
  since: '4.8',
  cType: 'unsigned long',
  doc: 'Segments one segment-list page holds: VSCSIIF_PAGE_SIZE over the size of a segment. Xen 4.6 and 4.7 computed it over the includer\'s PAGE_SIZE.',
});

const VSCSIIF_SG = flagSet('VSCSIIF_SG', {
  since: '4.6',
  field: 'vscsiif_request.nr_segments',
  doc: 'Bits of a request\'s segment count.',
  flags: [flag('VSCSIIF_SG_GRANT', 7, { since: '4.6', spelling: 'hex', doc: 'The seg entries grant pages that list the data segments, rather than the data itself (feature-sg-grant).' })],
});

export const vscsiif_request = struct('vscsiif_request', {
  typedef: 'vscsiif_request_t',
  since: '4.6',
  doc: 'A request: a SCSI command for one logical unit with its data segments, or an abort or reset.',
  fields: [
    field('rqid', u16, { doc: 'The front end\'s own tag; the response carries it back.' }),
    field('act', u8, { doc: 'A VSCSIIF_ACT_* value.' }),
    field('cmd_len', u8, { doc: 'Bytes of cmnd in use.' }),
    field('cmnd', array(u8, 16, VSCSIIF_MAX_COMMAND_SIZE), { doc: 'The command descriptor block.' }),
    field('timeout_per_command', u16, { doc: 'Deprecated: a timeout in seconds, 0 for the back end\'s default.' }),
    field('channel', u16, { doc: 'The unit\'s channel.' }),
    field('id', u16, { doc: 'The unit\'s target id.' }),
    field('lun', u16, { doc: 'The unit\'s logical unit number.' }),
    field('ref_rqid', u16, { doc: 'For VSCSIIF_ACT_SCSI_ABORT: the rqid of the command to abort.' }),
    field('sc_data_direction', u8, { doc: 'Which way data moves, as Linux numbers DMA directions: 1 to the device, 2 from it, 3 none.' }),
    field('nr_segments', u8, { doc: 'Entries of seg in use, with VSCSIIF_SG_GRANT set when they grant segment-list pages.' }),
    field('seg', array(scsiif_request_segment, 26, VSCSIIF_SG_TABLESIZE), { doc: 'The data buffer, in order.' }),
    field('reserved', array(u32, 3), { doc: 'Zero.' }),
  ],
});

export const VSCSIIF_SG_LIST_SIZE = constant('VSCSIIF_SG_LIST_SIZE', 31, {
  since: '4.6',
  cType: 'unsigned long',
  doc: 'Segments a vscsiif_sg_list holds: what fits a request\'s size after its 4-byte head.',
});

export const vscsiif_sg_list = struct('vscsiif_sg_list', {
  typedef: 'vscsiif_sg_list_t',
  since: '4.6',
  doc: 'The slot layout of the retired VSCSIIF_ACT_SCSI_SG_PRESET request: more segments for the command that follows. Its head matches vscsiif_request\'s.',
  fields: [
    field('rqid', u16, { doc: 'The rqid of the command the segments belong to.' }),
    field('act', u8, { doc: 'VSCSIIF_ACT_SCSI_SG_PRESET.' }),
    field('nr_segments', u8, { doc: 'Entries of seg in use.' }),
    field('seg', array(scsiif_request_segment, 31, VSCSIIF_SG_LIST_SIZE), { doc: 'The segments.' }),
  ],
});

export const vscsiif_response = struct('vscsiif_response', {
  typedef: 'vscsiif_response_t',
  since: '4.6',
  doc: 'The answer to one request: the SCSI result, sense data and how much of the buffer was not transferred.',
  fields: [
    field('rqid', u16, { doc: 'The rqid of the request answered.' }),
    field('act', u8, { doc: 'Deprecated: the act of the request answered.' }),
    field('sense_len', u8, { doc: 'Bytes of sense_buffer in use.' }),
    field('sense_buffer', array(u8, 96, VSCSIIF_SENSE_BUFFERSIZE), { doc: 'The sense data the unit returned.' }),
    field('rslt', i32, { doc: 'The result: the SCSI status in the low byte and a XEN_VSCSIIF_RSLT_HOST_* value in bits 16 to 23; for a reset, XEN_VSCSIIF_RSLT_RESET_*.' }),
    field('residual_len', u32, { doc: 'Bytes of the buffer the command did not transfer.' }),
    field('reserved', array(u32, 36), { doc: 'Zero.' }),
  ],
});

const host = (name: string, value: number, doc: string) => constant(`XEN_VSCSIIF_RSLT_HOST_${name}`, value, { since: '4.17', doc });

const XEN_VSCSIIF_RSLT_HOST = valueSet('XEN_VSCSIIF_RSLT_HOST', {
  since: '4.17',
  doc: 'What the host side reports in bits 16 to 23 of a response\'s rslt; the names follow Linux\'s host byte codes.',
  values: [
    host('OK', 0, 'No error on the host side.'),
    host('NO_CONNECT', 1, 'The unit could not be reached.'),
    host('BUS_BUSY', 2, 'The bus stayed busy for the whole timeout.'),
    host('TIME_OUT', 3, 'The command timed out.'),
    host('BAD_TARGET', 4, 'The target does not exist.'),
    host('ABORT', 5, 'The command was aborted.'),
    host('PARITY', 6, 'A parity error.'),
    host('ERROR', 7, 'Another host-side error.'),
    host('RESET', 8, 'The command was lost to a reset.'),
    host('BAD_INTR', 9, 'An unexpected interrupt.'),
    host('PASSTHROUGH', 10, 'Failed on the host, passed through as it was.'),
    host('SOFT_ERROR', 11, 'A soft error: retry it.'),
    host('IMM_RETRY', 12, 'Retry at once.'),
    host('REQUEUE', 13, 'Queue the command again.'),
    host('TRANSPORT_DISRUPTED', 14, 'The transport was disrupted; retry when it is back.'),
    host('TRANSPORT_FAILFAST', 15, 'The transport failed and fast failure was asked for.'),
    host('TARGET_FAILURE', 16, 'A permanent target failure: do not retry on another path.'),
    host('NEXUS_FAILURE', 17, 'A permanent failure of this initiator-target path: retry on another.'),
    host('ALLOC_FAILURE', 18, 'Space allocation failed on the device.'),
    host('MEDIUM_ERROR', 19, 'A medium error: do not retry.'),
    host('TRANSPORT_MARGINAL', 20, 'The transport is marginal: retry with care.'),
  ],
});

const XEN_VSCSIIF_RSLT_RESET = valueSet('XEN_VSCSIIF_RSLT_RESET', {
  since: '4.17',
  field: 'vscsiif_response.rslt',
  doc: 'The rslt of a VSCSIIF_ACT_SCSI_RESET request.',
  values: [
    constant('XEN_VSCSIIF_RSLT_RESET_SUCCESS', 0x2002, { since: '4.17', spelling: 'hex', doc: 'The reset succeeded.' }),
    constant('XEN_VSCSIIF_RSLT_RESET_FAILED', 0x2003, { since: '4.17', spelling: 'hex', doc: 'The reset failed.' }),
  ],
});

export const [vscsiif_sring_entry, vscsiif_sring] = ring('vscsiif', {
  index: RING_IDX,
  request: vscsiif_request,
  response: vscsiif_response,
  since: '4.6',
  doc: 'The SCSI ring: the front end queues requests, the back end answers each in its slot.',
});

export default abiModule({
  name: 'vscsiif',
  xenHeader: 'io/vscsiif.h',
  xenGuard: '__XEN__PUBLIC_IO_SCSI_H__',
  coverage: 'full',
  doc: 'Paravirtual SCSI: command requests and responses, their segments, the result codes and the vscsiif ring.',
  items: [
    VSCSIIF_ACT,
    VSCSIIF_SG_TABLESIZE,
    VSCSIIF_MAX_COMMAND_SIZE,
    VSCSIIF_SENSE_BUFFERSIZE,
    VSCSIIF_PAGE_SIZE,
    scsiif_request_segment,
    VSCSIIF_SG_PER_PAGE,
    VSCSIIF_SG,
    vscsiif_request,
    VSCSIIF_SG_LIST_SIZE,
    vscsiif_sg_list,
    vscsiif_response,
    XEN_VSCSIIF_RSLT_HOST,
    XEN_VSCSIIF_RSLT_RESET,
    vscsiif_sring_entry,
    vscsiif_sring,
  ],
});
