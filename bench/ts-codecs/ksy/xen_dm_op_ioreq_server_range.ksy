# struct xen_dm_op_ioreq_server_range (xen/include/public/hvm/dm_op.h), x86_64 layout: 24 bytes.
# Written for the xenabi TypeScript codec benchmark; compiled by kaitai_compile.cjs.
meta:
  id: xen_dm_op_ioreq_server_range
  endian: le
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
types:
  fields:
    doc: The two fields the view workload reads, fetched lazily from the record at `base`.
    params:
      - id: base
        type: u4
    instances:
      type:
        pos: base + 4
        type: u4
      start:
        pos: base + 8
        type: u8
