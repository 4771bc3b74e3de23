# struct xen_dm_op (xen/include/public/hvm/dm_op.h), x86_64 layout: 32 bytes, the union
# `u` at 8. Only the members the benchmark's data uses are declared.
# Written for the xenabi TypeScript codec benchmark; compiled by kaitai_compile.cjs.
meta:
  id: xen_dm_op
  endian: le
seq:
  - id: op
    type: u4
  - id: pad
    type: u4
  - id: u
    type:
      switch-on: op
      cases:
        3: ioreq_server_range
        4: ioreq_server_range
        5: set_ioreq_server_state
        13: inject_event
        14: inject_msi
types:
  ioreq_server_range:
    seq:
      - id: id
        type: u2
      - id: pad
        type: u2
      - id: type
        type: u4
      - id: start
        type: u8
      - id: end
        type: u8
  set_ioreq_server_state:
    seq:
      - id: id
        type: u2
      - id: enabled
        type: u1
      - id: pad
        type: u1
  inject_event:
    seq:
      - id: vcpuid
        type: u4
      - id: vector
        type: u1
      - id: type
        type: u1
      - id: insn_len
        type: u1
      - id: pad0
        type: u1
      - id: error_code
        type: u4
      - id: pad1
        type: u4
      - id: cr2
        type: u8
  inject_msi:
    seq:
      - id: data
        type: u4
      - id: pad
        type: u4
      - id: addr
        type: u8
  fields:
    doc: The view workload's reads, fetched lazily from the record at `base` (op, then one field of the member it selects).
    params:
      - id: base
        type: u4
    instances:
      op:
        pos: base
        type: u4
      range_type:
        pos: base + 12
        type: u4
      state_enabled:
        pos: base + 10
        type: u1
      event_vcpuid:
        pos: base + 8
        type: u4
      msi_data:
        pos: base + 8
        type: u4
