/**
 * A device model in TypeScript, on @xenabi/ts-bindings and @xenabi/linux alone: it serves
 * a guest's port I/O at 0x5000–0x5003 as one 32-bit register that reads back what was last
 * written. Run in dom0 as root: `node ioreq-server.js <domid> <vcpus>`.
 *
 * The steps are those of every ioreq server: create the server (XEN_DMOP_create_ioreq_server),
 * map its synchronous page (the ioreq_server resource, frame 1), claim the port range, enable
 * the server, bind each vCPU's event channel (Xen writes them into the page at enable), then
 * take requests: when a vCPU's port fires, its slot is STATE_IOREQ_READY; answer it, mark it
 * STATE_IORESP_READY, notify.
 */
import { ioreq, IOREQ_READ, IOREQ_TYPE_PIO, STATE_IOREQ_READY, STATE_IORESP_READY } from '@xenabi/ts-bindings/stable/ioreq';
import { XEN_DMOP_IO_RANGE_PORT } from '@xenabi/ts-bindings/stable/dm_op';
import { domId, type DomId } from '@xenabi/ts-bindings';
import { Evtchn, Privcmd } from '@xenabi/linux';

/**
 * XENMEM_resource_ioreq_server (memory.h): the resource type of an ioreq server's pages.
 * TODO: import it from `@xenabi/ts-bindings/stable/memory` once the registry declares
 * memory.h (module `abi/stable/memory.ts`); until then it is spelled here.
 */
const XENMEM_resource_ioreq_server = 0;
/** Frame 1 of that resource is the synchronous page (frame 0 the buffered one). */
const SYNCHRONOUS_PAGE = 1;

export async function serve(domid: DomId, vcpus: number, requests = Infinity): Promise<number> {
  const privcmd = Privcmd.open();
  const evtchn = Evtchn.open();
  const created = privcmd.dmOp(domid, { op: 'create_ioreq_server', handle_bufioreq: 0 });
  if (created.op !== 'create_ioreq_server') throw new Error('unexpected reply');
  const id = created.id;
  const page = privcmd.mapResource(domid, XENMEM_resource_ioreq_server, id, SYNCHRONOUS_PAGE, 1);
  const slots = Array.from({ length: vcpus }, (_, vcpu) => page.view(ioreq, vcpu * ioreq.size(page.arch)));
  privcmd.dmOp(domid, { op: 'map_io_range_to_ioreq_server', id, type: XEN_DMOP_IO_RANGE_PORT, start: 0x5000n, end: 0x5003n });
  privcmd.dmOp(domid, { op: 'set_ioreq_server_state', id, enabled: 1 });
  // Xen writes each vCPU's event channel into its slot when the server is enabled (before, the
  // slots read 0): bind them now. Start the guest paused, and unpause it after this.
  const ports = new Map<number, number>();
  slots.forEach((slot, vcpu) => ports.set(evtchn.bindInterdomain(domid, slot.vp_eport), vcpu));
  let register = 0n;
  let served = 0;
  try {
    while (served < requests) {
      for (const port of await evtchn.wait()) {
        const vcpu = ports.get(port);
        const slot = vcpu === undefined ? undefined : slots[vcpu];
        if (slot && slot.state === STATE_IOREQ_READY && slot.type === IOREQ_TYPE_PIO) {
          if (slot.dir === IOREQ_READ) slot.data = register;
          else register = slot.data;
          slot.state = STATE_IORESP_READY;
          served++;
          evtchn.notify(port);
        }
        evtchn.unmask(port);
      }
    }
  } finally {
    privcmd.dmOp(domid, { op: 'destroy_ioreq_server', id });
    page.close();
    evtchn.close();
    privcmd.close();
  }
  return served;
}

if (process.argv[1]?.endsWith('ioreq-server.js')) {
  const [domid = '1', vcpus = '1'] = process.argv.slice(2);
  serve(domId(Number(domid)), Number(vcpus)).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
