/**
 * Type tests of the branded numbers, checked by `brands.test.ts` with the TypeScript compiler:
 * every line marked `@ts-expect-error` must fail to compile (else tsc reports the directive as
 * unused), every other line must compile.
 */
import { DOMID_SELF, domId, encodeDmOp, encodeEvtchnOp, evtchnPort, evtchn_alloc_unbound, gfn, grantRef, ioServId, mfn, unstable } from '@xenabi/ts-bindings';
import type { DomId, EvtchnPort, FrameNumber, Gfn, GrantRef, IoServId } from '@xenabi/ts-bindings';

const arch = 'x86_64';

// A branded value where its brand is asked for compiles; so does reading one as a number.
export const self: DomId = DOMID_SELF;
export const asNumber: number = domId(3);
encodeEvtchnOp({ op: 'alloc_unbound', dom: DOMID_SELF, remote_dom: domId(1), port: evtchnPort(0) }, { arch });
encodeEvtchnOp({ op: 'send', port: evtchnPort(5) }, { arch });
encodeDmOp({ op: 'set_ioreq_server_state', id: ioServId(1), enabled: 1 }, { arch });
evtchn_alloc_unbound.encode({ dom: domId(0), remote_dom: domId(1), port: evtchnPort(0) }, { arch });
export const frame: FrameNumber = gfn(0xfeffen);
export const ref: GrantRef = grantRef(8);
unstable.encodeDomctlOp({ op: 'max_mem', interface_version: 0, domain: domId(1), arg: { max_memkb: 1n } }, { arch });

// A decoded record gives the brands back.
const decoded = evtchn_alloc_unbound.decode(new Uint8Array(8), { arch });
export const port: EvtchnPort = decoded.port;
export const dom: DomId = decoded.dom;

// A plain number where a brand is asked for does not compile.
// @ts-expect-error: a plain number is no domain id
export const plainDom: DomId = 1;
// @ts-expect-error: an op builder's domain id must be a DomId
encodeEvtchnOp({ op: 'alloc_unbound', dom: 0, remote_dom: domId(1), port: evtchnPort(0) }, { arch });
// @ts-expect-error: a port must be an EvtchnPort
encodeEvtchnOp({ op: 'send', port: 5 }, { arch });
// @ts-expect-error: an ioreq server id must be an IoServId
encodeDmOp({ op: 'set_ioreq_server_state', id: 1, enabled: 1 }, { arch });
// @ts-expect-error: the header's domain of an unstable op set is a DomId too
unstable.encodeDomctlOp({ op: 'max_mem', interface_version: 0, domain: 1, arg: { max_memkb: 1n } }, { arch });
// @ts-expect-error: a plain bigint is no frame number
export const plainFrame: FrameNumber = 0xfeffen;

// One brand is not another.
// @ts-expect-error: a port is not a domain id
export const portAsDom: DomId = evtchnPort(1);
// @ts-expect-error: a grant reference is not a port
encodeEvtchnOp({ op: 'send', port: grantRef(5) }, { arch });
// @ts-expect-error: an ioreq server id is not a domain id
export const serverAsDom: DomId = ioServId(1);
// @ts-expect-error: a machine frame is not a guest frame
export const mfnAsGfn: Gfn = mfn(1n);
// @ts-expect-error: a decoded domain id is not an ioreq server id
export const domAsServer: IoServId = decoded.dom;
