/**
 * The paravirtual TPM: a guest's front end hands TPM commands to a back end (a vTPM stub
 * domain, or a driver domain in front of a hardware TPM) on one shared page. Version 2 of the
 * protocol, the one in use: the front end writes a command after the page's head, sets the
 * state to SUBMIT and notifies; the back end answers in place and sets FINISH (or IDLE when
 * it cancelled). A command too long for the page continues in extra granted pages, whose
 * grants follow the head. The version-1 records that come first in Xen's header are kept for
 * old code only.
 */
import { abiModule, array, c_ulong, constant, field, flex, pad, struct, typedef, u16, u32, u8, valueSet } from 'xenabi/dsl';
import { grant_ref_t } from './grant_table.ts';

export const tpmif_tx_request = struct('tpmif_tx_request', {
  typedef: 'tpmif_tx_request_t',
  since: '4.6',
  doc: 'Version 1 of the protocol: one packet the front end lends to the back end.',
  fields: [
    field('addr', c_ulong, { doc: 'The machine address of the packet.' }),
    field('ref', grant_ref_t, { doc: 'The grant of the packet\'s page.' }),
    pad('unused', u16, { doc: 'Unused.' }),
    field('size', u16, { doc: 'Bytes in the packet.' }),
  ],
});

export const TPMIF_RING_IDX = typedef('TPMIF_RING_IDX', u32, {
  since: '4.6',
  doc: 'Version 1 of the protocol: an index of its ring.',
});

export const TPMIF_TX_RING_SIZE = constant('TPMIF_TX_RING_SIZE', 1, {
  since: '4.6',
  doc: 'Version 1 of the protocol: how many packets the two ends exchange at once.',
});

export const tpmif_ring = struct('tpmif_ring', {
  typedef: 'tpmif_ring_t',
  since: '4.6',
  doc: 'Version 1 of the protocol: one slot of its ring.',
  fields: [field('req', tpmif_tx_request, { doc: 'The packet.' })],
});

export const tpmif_tx_interface = struct('tpmif_tx_interface', {
  typedef: 'tpmif_tx_interface_t',
  since: '4.6',
  doc: 'Version 1 of the protocol: its shared page.',
  fields: [field('ring', array(tpmif_ring, 1, TPMIF_TX_RING_SIZE), { doc: 'The slots.' })],
});

const TPMIF_STATE = valueSet('TPMIF_STATE', {
  since: '4.6',
  field: 'tpmif_shared_page.state',
  doc: "Where the command on the shared page is (Xen's enum tpmif_state). The front end only sets SUBMIT and CANCEL, the back end only IDLE and FINISH; no atomic operations are needed.",
  values: [
    constant('TPMIF_STATE_IDLE', 0, { since: '4.6', doc: 'Nothing on the page: the TPM is idle, or finished cancelling.' }),
    constant('TPMIF_STATE_SUBMIT', 1, { since: '4.6', doc: 'The front end has written a command; the TPM is working on it.' }),
    constant('TPMIF_STATE_FINISH', 2, { since: '4.6', doc: 'The response is on the page; the TPM is idle.' }),
    constant('TPMIF_STATE_CANCEL', 3, { since: '4.6', doc: 'The front end asked to cancel the command; the TPM is still working.' }),
  ],
});

export const tpmif_shared_page = struct('tpmif_shared_page', {
  typedef: 'tpmif_shared_page_t',
  since: '4.6',
  doc: 'The head of the shared page of version 2: the packet\'s length and state, then the grants of any extra pages; the packet follows them, running on into the extra pages as if they were mapped right after this one.',
  fields: [
    field('length', u32, { doc: 'Bytes of the command or response.' }),
    field('state', u8, { doc: 'A TPMIF_STATE_* value.' }),
    field('locality', u8, { doc: 'The TPM locality of the command.' }),
    field('pad', u8, { doc: 'Zero.' }),
    field('nr_extra_pages', u8, { doc: 'Extra pages for a long packet; often 0.' }),
    flex('extra_pages', u32, { doc: 'Their grants, nr_extra_pages of them. Xen declares it with length 0.' }),
  ],
});

export default abiModule({
  name: 'tpmif',
  xenHeader: 'io/tpmif.h',
  xenGuard: '__XEN_PUBLIC_IO_TPMIF_H__',
  coverage: 'full',
  doc: 'The paravirtual TPM: the version-2 shared page and its states, and the version-1 records.',
  items: [tpmif_tx_request, TPMIF_RING_IDX, TPMIF_TX_RING_SIZE, tpmif_ring, tpmif_tx_interface, TPMIF_STATE, tpmif_shared_page],
});
