/**
 * The scheduler hypercall (`__HYPERVISOR_sched_op`): a guest yields or blocks its vCPU,
 * polls event channels, shuts itself (or, as a device model, another domain) down, and arms
 * a watchdog. Each `SCHEDOP_*` sub-op takes the record listed with it; `SHUTDOWN_*` are the
 * reasons a shutdown carries.
 */
import { ARM, X86, abiModule, c_uint, constant, field, handle, i32, op, opSet, struct, u32, u64, valueSet } from 'xenabi/dsl';
import { evtchn_port_t } from './event_channel.ts';
import { domid_t } from './xen.ts';

const ALL = [...X86, ...ARM];

export const sched_shutdown = struct('sched_shutdown', {
  typedef: 'sched_shutdown_t',
  since: '4.6',
  doc: 'SCHEDOP_shutdown and SCHEDOP_shutdown_code: why the calling domain stops.',
  fields: [field('reason', c_uint, { doc: 'A SHUTDOWN_* reason. Example: 0 (SHUTDOWN_poweroff).' })],
});

export const sched_poll = struct('sched_poll', {
  typedef: 'sched_poll_t',
  since: '4.6',
  doc: 'SCHEDOP_poll: block the vCPU until one of some ports is pending, or until a deadline.',
  fields: [
    field('ports', handle(evtchn_port_t), { doc: 'The array of local ports to watch.' }),
    field('nr_ports', c_uint, { doc: 'How many ports the array holds. Example: 1.' }),
    field('timeout', u64, { doc: 'Deadline in nanoseconds of system time; 0 waits without one. Example: 0.' }),
  ],
  holes: [{ after: 'nr_ports', archs: ['x86_64', 'arm32', 'arm64'], reason: 'timeout is 8-byte aligned' }],
});

export const sched_remote_shutdown = struct('sched_remote_shutdown', {
  typedef: 'sched_remote_shutdown_t',
  since: '4.6',
  doc: 'SCHEDOP_remote_shutdown: shut another domain down, as a device model does when its HVM guest asks to.',
  fields: [
    field('domain_id', domid_t, { doc: 'The domain to shut down. Example: 5.' }),
    field('reason', c_uint, { doc: 'A SHUTDOWN_* reason. Example: 1 (SHUTDOWN_reboot).' }),
  ],
  holes: [{ after: 'domain_id', archs: ALL, reason: 'reason is 4-byte aligned' }],
});

export const sched_watchdog = struct('sched_watchdog', {
  typedef: 'sched_watchdog_t',
  since: '4.6',
  doc: 'SCHEDOP_watchdog: create, kick or remove a watchdog that shuts the domain down (SHUTDOWN_watchdog) when it is not kicked in time.',
  fields: [
    field('id', u32, { doc: '0 to create a watchdog (Xen returns its id), else the watchdog to kick or remove. Example: 1.' }),
    field('timeout', u32, { doc: 'Seconds until it fires; 0 with a non-zero id removes the watchdog. Example: 30.' }),
  ],
});

export const sched_pin_override = struct('sched_pin_override', {
  typedef: 'sched_pin_override_t',
  since: '4.7',
  doc: 'SCHEDOP_pin_override: the hardware domain pins its vCPU to one physical CPU, or undoes that.',
  fields: [field('pcpu', i32, { doc: 'The physical CPU, in the domain\'s CPU pool; a negative value restores the affinity the vCPU had. Example: 0.' })],
});

export const SCHEDOP = opSet('SCHEDOP', {
  since: '4.6',
  doc: 'Sub-ops of the scheduler hypercall, each with the record its argument points to.',
  ops: [
    op(constant('SCHEDOP_yield', 0, { since: '4.6', doc: 'Give up the physical CPU for now; the argument is null.' })),
    op(
      constant('SCHEDOP_block', 1, {
        since: '4.6',
        doc: 'Sleep until an event arrives; the argument is null. With events masked, Xen unmasks them and checks for pending ones first, so no wake-up is lost.',
      }),
    ),
    op(
      constant('SCHEDOP_shutdown', 2, {
        since: '4.6',
        doc: 'Stop every vCPU of the calling domain and tell the toolstack why. A PV x86 guest suspending passes its start-info frame as a third argument; the call returns 1 when the suspend was cancelled and 0 in the resumed domain.',
      }),
      { record: sched_shutdown },
    ),
    op(constant('SCHEDOP_poll', 3, { since: '4.6', doc: 'Wait until one of some event-channel ports is pending, or a deadline passes.' }), { record: sched_poll }),
    op(constant('SCHEDOP_remote_shutdown', 4, { since: '4.6', doc: 'Shut another domain down with a reason.' }), { record: sched_remote_shutdown }),
    op(constant('SCHEDOP_shutdown_code', 5, { since: '4.6', doc: 'Record the reason the domain will report when it later shuts down, without stopping it now.' }), {
      record: sched_shutdown,
    }),
    op(constant('SCHEDOP_watchdog', 6, { since: '4.6', doc: 'Create, kick or remove a domain watchdog.' }), { record: sched_watchdog }),
    op(constant('SCHEDOP_pin_override', 7, { since: '4.7', doc: 'Hardware domain only: pin the calling vCPU to a physical CPU, or lift the pin.' }), {
      record: sched_pin_override,
    }),
  ],
});

export const SHUTDOWN = valueSet('SHUTDOWN', {
  since: '4.6',
  field: 'sched_shutdown.reason',
  doc: 'Why a domain shut down. The toolstack acts on the reason (destroy, restart, save, keep for debugging); Xen itself mostly does not look at it.',
  values: [
    constant('SHUTDOWN_poweroff', 0, { since: '4.6', doc: 'A clean exit: tear the domain down.' }),
    constant('SHUTDOWN_reboot', 1, { since: '4.6', doc: 'Tear the domain down and start it again.' }),
    constant('SHUTDOWN_suspend', 2, { since: '4.6', doc: 'The domain suspended itself to be saved, migrated or checkpointed.' }),
    constant('SHUTDOWN_crash', 3, { since: '4.6', doc: 'The domain crashed.' }),
    constant('SHUTDOWN_watchdog', 4, { since: '4.6', doc: 'A domain watchdog fired.' }),
    constant('SHUTDOWN_soft_reset', 5, { since: '4.7', doc: 'Reset the domain in place, keeping its memory, as for a kexec of the guest kernel.' }),
  ],
});

export const SHUTDOWN_MAX = constant('SHUTDOWN_MAX', 4, {
  since: '4.6',
  history: [{ since: '4.7', value: 5 }],
  doc: 'The highest SHUTDOWN_* reason of the release: 4 until 4.6, 5 from 4.7.',
});

export default abiModule({
  name: 'sched',
  xenHeader: 'sched.h',
  xenGuard: '__XEN_PUBLIC_SCHED_H__',
  coverage: 'full',
  doc: 'Scheduler operations: yield, block, poll, shut down, watchdogs.',
  items: [SCHEDOP, sched_shutdown, sched_poll, sched_remote_shutdown, sched_watchdog, sched_pin_override, SHUTDOWN, SHUTDOWN_MAX],
});
