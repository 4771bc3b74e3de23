# struct xen_argo_ring_message_header (xen/include/public/argo.h), x86_64 layout: 16 bytes
# (the header only; the message bytes that follow are not part of the benchmark).
# Written for the xenabi TypeScript codec benchmark; compiled by kaitai_compile.cjs.
meta:
  id: xen_argo_ring_message_header
  endian: le
seq:
  - id: len
    type: u4
  - id: source
    type: xen_argo_addr
  - id: message_type
    type: u4
types:
  xen_argo_addr:
    seq:
      - id: aport
        type: u4
      - id: domain_id
        type: u2
      - id: pad
        type: u2
  fields:
    doc: The two fields the view workload reads, fetched lazily from the record at `base`.
    params:
      - id: base
        type: u4
    instances:
      len:
        pos: base
        type: u4
      source_domain_id:
        pos: base + 8
        type: u2
