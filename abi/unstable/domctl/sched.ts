/**
 * Scheduler parameters through XEN_DOMCTL_scheduler_op: the per-domain and per-vCPU settings of
 * the credit, credit2 and RTDS schedulers.
 */
import { constant, field, flag, flagSet, handle64, inlineStruct, inlineUnion, struct, u16, u32, valueSet } from 'xenabi/dsl';

export const xen_domctl_sched_credit = struct('xen_domctl_sched_credit', {
  since: '4.6',
  doc: 'Parameters of the credit scheduler for a domain or a vCPU.',
  fields: [
    field('weight', u16, { doc: 'IN/OUT: the relative share of CPU time. Example: 256.' }),
    field('cap', u16, { doc: 'IN/OUT: the most CPU time, in percent of one CPU; 0 for no cap. Example: 50.' }),
  ]
});

export const xen_domctl_sched_credit2 = struct('xen_domctl_sched_credit2', {
  since: '4.6',
  doc: 'Parameters of the credit2 scheduler for a domain or a vCPU.',
  fields: [
    field('weight', u16, { doc: 'IN/OUT: the relative share of CPU time. Example: 256.' }),
    field('cap', u16, { since: '4.10', doc: 'IN/OUT: the most CPU time, in percent of one CPU; 0 for no cap. Example: 0.' }),
  ]
});

export const xen_domctl_sched_rtds = struct('xen_domctl_sched_rtds', {
  since: '4.6',
  doc: 'Parameters of the RTDS real-time scheduler for a domain or a vCPU.',
  fields: [
    field('period', u32, { doc: 'IN/OUT: the period in microseconds. Example: 10000.' }),
    field('budget', u32, { doc: 'IN/OUT: the CPU time per period in microseconds. Example: 4000.' }),
    field('flags', u32, { since: '4.10', doc: 'IN/OUT: XEN_DOMCTL_SCHEDRT_* bits.' }),
  ]
});

export const XEN_DOMCTL_SCHEDRT = flagSet('XEN_DOMCTL_SCHEDRT', {
  since: '4.10',
  doc: 'Flags of xen_domctl_sched_rtds.flags.',
  flags: [
    flag('XEN_DOMCTL_SCHEDRT_extra', 0, { since: '4.10', bitConstant: '_XEN_DOMCTL_SCHEDRT_extra', doc: 'Let the vCPU use idle time beyond its budget.' }),
  ],
});

export const xen_domctl_schedparam_vcpu = struct('xen_domctl_schedparam_vcpu', {
  typedef: 'xen_domctl_schedparam_vcpu_t',
  since: '4.7',
  doc: 'One vCPU\'s scheduler parameters, in the list of a per-vCPU XEN_DOMCTL_scheduler_op.',
  fields: [
    field('u', inlineUnion({
      doc: 'IN/OUT: the parameters of the domain\'s scheduler.',
      fields: [
        field('credit', xen_domctl_sched_credit, { doc: 'Credit scheduler parameters.' }),
        field('credit2', xen_domctl_sched_credit2, { doc: 'Credit2 scheduler parameters.' }),
        field('rtds', xen_domctl_sched_rtds, { doc: 'RTDS scheduler parameters.' }),
      ]
    }), { doc: 'IN/OUT: the parameters of the domain\'s scheduler.' }),
    field('vcpuid', u32, { doc: 'IN: the vCPU. Example: 1.' }),
  ]
});

export const xen_domctl_scheduler_op = struct('xen_domctl_scheduler_op', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_scheduler_op: read or set a domain\'s scheduler parameters, for the whole domain or per vCPU.',
  fields: [
    field('sched_id', u32, { doc: 'IN: the XEN_SCHEDULER_* the domain\'s CPU pool runs; Xen refuses another.' }),
    field('cmd', u32, { doc: 'IN: a XEN_DOMCTL_SCHEDOP_* command.' }),
    field('u', inlineUnion({
      doc: 'IN/OUT: the parameters; `cmd` and `sched_id` say which member.',
      fields: [
        field('credit', xen_domctl_sched_credit, { doc: 'Domain-wide credit parameters (putinfo, getinfo).' }),
        field('credit2', xen_domctl_sched_credit2, { doc: 'Domain-wide credit2 parameters (putinfo, getinfo).' }),
        field('rtds', xen_domctl_sched_rtds, { doc: 'Domain-wide RTDS parameters (putinfo, getinfo).' }),
        field('v', inlineStruct({
      since: '4.7',
      doc: 'Per-vCPU parameters (putvcpuinfo, getvcpuinfo).',
      fields: [
        field('vcpus', handle64(xen_domctl_schedparam_vcpu), { doc: 'IN/OUT: the list of vCPUs and their parameters.' }),
        field('nr_vcpus', u32, { doc: 'IN: the length of the list. OUT: the entries Xen handled before it stopped. Example: 4.' }),
        field('padding', u32, { doc: 'Reserved; must be zero.' }),
      ]
    }), { since: '4.7', doc: 'Per-vCPU parameters (putvcpuinfo, getvcpuinfo).' }),
      ]
    }), { doc: 'IN/OUT: the parameters; `cmd` and `sched_id` say which member.' }),
  ]
});

export const XEN_SCHEDULER = valueSet('XEN_SCHEDULER', {
  since: '4.6',
  field: 'xen_domctl_scheduler_op.sched_id',
  doc: 'Scheduler identifiers, as in xen_domctl_scheduler_op.sched_id.',
  values: [
    constant('XEN_SCHEDULER_CREDIT', 5, { since: '4.6', doc: 'The credit scheduler.' }),
    constant('XEN_SCHEDULER_CREDIT2', 6, { since: '4.6', doc: 'The credit2 scheduler.' }),
    constant('XEN_SCHEDULER_ARINC653', 7, { since: '4.6', doc: 'The ARINC 653 scheduler.' }),
    constant('XEN_SCHEDULER_RTDS', 8, { since: '4.6', doc: 'The RTDS real-time scheduler.' }),
    constant('XEN_SCHEDULER_NULL', 9, { since: '4.9', doc: 'The null scheduler (one vCPU per CPU).' }),
  ],
});

export const XEN_DOMCTL_SCHEDOP = valueSet('XEN_DOMCTL_SCHEDOP', {
  since: '4.6',
  field: 'xen_domctl_scheduler_op.cmd',
  doc: 'The commands of XEN_DOMCTL_scheduler_op.',
  values: [
    constant('XEN_DOMCTL_SCHEDOP_putinfo', 0, { since: '4.6', doc: 'Set the domain-wide parameters.' }),
    constant('XEN_DOMCTL_SCHEDOP_getinfo', 1, { since: '4.6', doc: 'Read the domain-wide parameters.' }),
    constant('XEN_DOMCTL_SCHEDOP_putvcpuinfo', 2, { since: '4.7', doc: 'Set per-vCPU parameters.' }),
    constant('XEN_DOMCTL_SCHEDOP_getvcpuinfo', 3, { since: '4.7', doc: 'Read per-vCPU parameters.' }),
  ],
});
