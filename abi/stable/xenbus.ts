/**
 * The states of a paravirtual device's two ends, as each publishes its own in xenstore
 * (`<device path>/state`) for the other to watch. A frontend and its backend step through
 * them together: Initialising, InitWait (the backend waits for the frontend's details),
 * Initialised (the frontend has published its rings), Connected, then Closing and Closed.
 * Reconfiguring and Reconfigured bracket a change of a connected device. Xen declares them as
 * an enum; here they are integer constants and `XenbusState` is a 32-bit integer.
 */
import { abiModule, constant, typedef, u32, valueSet } from 'xenabi/dsl';

const state = (name: string, value: number, doc: string) => constant(name, value, { since: '4.6', doc });

export const xenbus_state = valueSet('xenbus_state', {
  since: '4.6',
  doc: "The states of a device end (Xen's enum xenbus_state), written as decimal text to its `state` node.",
  values: [
    state('XenbusStateUnknown', 0, 'Not yet set: the node is missing or unreadable.'),
    state('XenbusStateInitialising', 1, 'Starting up.'),
    state('XenbusStateInitWait', 2, 'Early set-up done; waiting for the other end, or for hotplug scripts.'),
    state('XenbusStateInitialised', 3, 'Ready, and waiting for the other end to connect.'),
    state('XenbusStateConnected', 4, 'Connected: the device is in use.'),
    state('XenbusStateClosing', 5, 'Going away, after an error or an unplug request.'),
    state('XenbusStateClosed', 6, 'Gone; the other end may tear down its side.'),
    state('XenbusStateReconfiguring', 7, 'Being reconfigured while connected.'),
    state('XenbusStateReconfigured', 8, 'Reconfiguration done.'),
  ],
});

export const XenbusState = typedef('XenbusState', u32, {
  since: '4.6',
  doc: 'A device state (xenbus_state); an enum, so 4 bytes, in C.',
});

export default abiModule({
  name: 'xenbus',
  xenHeader: 'io/xenbus.h',
  xenGuard: '_XEN_PUBLIC_IO_XENBUS_H',
  coverage: 'full',
  doc: 'The states a paravirtual device and its backend publish in xenstore.',
  items: [xenbus_state, XenbusState],
});
