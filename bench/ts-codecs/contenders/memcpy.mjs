// The memory limit: Uint8Array.prototype.set copying the same bytes in one call.
const copy = { workload: 'copy', run: ({ buf, out, n, size }) => out.set(buf.subarray(0, n * size)) };

export default {
  name: 'memcpy',
  label: 'Uint8Array.set (memory limit)',
  records: { range: [copy], argo: [copy], dmop: [copy] },
};
