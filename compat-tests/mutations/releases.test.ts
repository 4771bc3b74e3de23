/**
 * `xenabi check` over Xen's own history: for every consecutive pair of releases in the
 * registry (4.6 → 4.7 … 4.21 → 4.22), the view of the model at V against the view at V+1,
 * with the committed waivers. The stable namespace must show no break but the ones Xen
 * really made, each waived in abi/waivers.json under the release it happened in; every such
 * waiver must be used exactly there; and a normal check (both sides at the newest release)
 * must leave every release waiver dormant, never unused. Unstable (domctl) changes are
 * expected between releases; the one error the checker gives there, an interface version
 * Xen did not bump, is pinned below as what Xen did.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAbi, DEFAULT_WAIVERS_PATH, parseWaivers, sideFromLoadedModel, type CheckResult, type Waiver } from '../../generators/src/check/index.js';
import { loadAbi } from '../../generators/src/load/index.js';
import { NEWEST_RELEASE, XEN_RELEASES } from '../../generators/src/model/releases.js';
import type { AbiModel } from '../../generators/src/model/types.js';
import { REPO_ROOT } from './lib/paths.js';

let model: AbiModel;
let waivers: Waiver[];
const pairs = XEN_RELEASES.slice(1).map((to, i) => [XEN_RELEASES[i] as string, to] as const);
const results = new Map<string, CheckResult>();

const side = (release: string) => sideFromLoadedModel(model, { release, label: `abi/ at Xen ${release}` });
const show = (f: CheckResult['findings'][number]) => `${f.severity} ${f.rule} ${f.item}`;

beforeAll(async () => {
  model = (await loadAbi(`${REPO_ROOT}/abi`, REPO_ROOT)).model;
  waivers = parseWaivers(readFileSync(`${REPO_ROOT}/${DEFAULT_WAIVERS_PATH}`, 'utf8'), DEFAULT_WAIVERS_PATH);
  for (const [from, to] of pairs) results.set(`${from}→${to}`, checkAbi(side(from), side(to), { waivers }));
});

describe('xenabi check across consecutive Xen releases', () => {
  it('reports no stable break but the waived ones Xen made, each waiver used in its own release', () => {
    const lines: string[] = [];
    const stableLive: string[] = [];
    const waived: string[] = [];
    for (const [pair, r] of results) {
      const stable = r.findings.filter((f) => f.namespace === 'stable' && f.severity !== 'note');
      const unstable = r.findings.filter((f) => f.namespace === 'unstable');
      stableLive.push(...stable.filter((f) => !f.waived).map((f) => `${pair} ${show(f)}`));
      waived.push(...stable.filter((f) => f.waived).map((f) => `${pair} ${f.rule} ${f.item}`));
      const ownFindings = r.findings.filter((f) => f.category === 'waiver').map((f) => `${pair} ${show(f)}`);
      stableLive.push(...ownFindings);
      lines.push(
        `${pair.padEnd(11)} stable: ${stable.filter((f) => !f.waived).length} unwaived, ${stable.filter((f) => f.waived).length} waived (${stable.filter((f) => f.waived).map((f) => f.item).join(', ') || '-'}), ` +
          `${r.findings.filter((f) => f.namespace === 'stable' && f.severity === 'note').length} compatible notes; ` +
          `unstable: ${unstable.filter((f) => f.severity === 'error').map((f) => f.rule).join(', ') || 'no error'}, ${unstable.filter((f) => f.severity === 'note').length} notes`,
      );
    }
    console.log(lines.join('\n'));
    expect(stableLive).toEqual([]);
    expect(waived.sort()).toEqual(
      [
        '4.9→4.10 CONSTANT_VALUE_CHANGED GNTTAB_CACHE_SOURCE_GREF',
        '4.9→4.10 CONSTANT_TYPE_CHANGED GNTTAB_CACHE_CLEAN',
        '4.9→4.10 CONSTANT_TYPE_CHANGED GNTTAB_CACHE_INVAL',
        '4.9→4.10 CONSTANT_TYPE_CHANGED GNTTAB_CACHE_SOURCE_GREF',
        '4.9→4.10 FIELD_RENAMED xen_dm_op_get_ioreq_server_info.bufioreq_gfn',
        '4.9→4.10 FIELD_RENAMED xen_dm_op_get_ioreq_server_info.ioreq_gfn',
        '4.10→4.11 PADDING_GIVEN_MEANING xen_dm_op_get_ioreq_server_info.flags',
        '4.15→4.16 CONSTANT_REMOVED GNTMAP_can_fail',
        '4.15→4.16 CONSTANT_REMOVED _GNTMAP_can_fail',
        '4.6→4.7 CONSTANT_VALUE_CHANGED SHUTDOWN_MAX',
        '4.6→4.7 CONSTANT_VALUE_CHANGED XEN_NETIF_EXTRA_TYPE_MAX',
        '4.20→4.21 RECORD_SIZE_CHANGED xencons_interface',
        '4.13→4.14 RECORD_SIZE_CHANGED xen_pvcalls_socket',
        '4.13→4.14 FIELD_WIDTH_CHANGED xen_pvcalls_request.u.socket',
        '4.13→4.14 PADDING_GIVEN_MEANING xen_pvcalls_socket.pad',
        '4.13→4.14 RECORD_SIZE_CHANGED xen_pvcalls_connect',
        '4.13→4.14 FIELD_WIDTH_CHANGED xen_pvcalls_request.u.connect',
        '4.13→4.14 PADDING_GIVEN_MEANING xen_pvcalls_connect.pad',
        '4.13→4.14 RECORD_SIZE_CHANGED xen_pvcalls_release',
        '4.13→4.14 FIELD_WIDTH_CHANGED xen_pvcalls_request.u.release',
        '4.13→4.14 PADDING_GIVEN_MEANING xen_pvcalls_release.pad',
        '4.13→4.14 RECORD_SIZE_CHANGED xen_pvcalls_listen',
        '4.13→4.14 FIELD_WIDTH_CHANGED xen_pvcalls_request.u.listen',
        '4.13→4.14 PADDING_GIVEN_MEANING xen_pvcalls_listen.pad',
        '4.6→4.7 CONSTANT_VALUE_CHANGED XEN_ELFNOTE_MAX',
        '4.6→4.7 PADDING_GIVEN_MEANING vcpu_time_info.flags',
        '4.12→4.13 RECORD_SIZE_CHANGED dom0_vga_console_info',
        '4.12→4.13 FIELD_WIDTH_CHANGED dom0_vga_console_info.u',
        '4.12→4.13 RECORD_SIZE_CHANGED dom0_vga_console_info.u',
        '4.12→4.13 FIELD_WIDTH_CHANGED dom0_vga_console_info.u.vesa_lfb',
        '4.12→4.13 RECORD_SIZE_CHANGED dom0_vga_console_info.u.vesa_lfb',
        '4.18→4.19 CONSTANT_VALUE_CHANGED XEN_ELFNOTE_MAX',
        // trace.h: the VMX exit events renamed when the SVM ones came
        '4.18→4.19 CONSTANT_REMOVED TRC_HVM_VMEXIT',
        '4.18→4.19 CONSTANT_REMOVED TRC_HVM_VMEXIT64',
        '4.11→4.12 CONSTANT_REMOVED __HYPERVISOR_xc_reserved_op',
        '4.11→4.12 CONSTANT_REMOVED VIRQ_XC_RESERVED',
        '4.21→4.22 CONSTANT_REMOVED VGCF_I387_VALID',
        '4.21→4.22 CONSTANT_REMOVED VGCF_IN_KERNEL',
        '4.21→4.22 CONSTANT_REMOVED VGCF_IN_SYSCALL',
        '4.20→4.21 CONSTANT_VALUE_CHANGED XS_TYPE_COUNT',
        '4.8→4.9 CONSTANT_REMOVED XS_RESTRICT',
        '4.20→4.21 CONSTANT_REMOVED XS_WRITE_NONE',
        '4.20→4.21 CONSTANT_REMOVED XS_WRITE_CREATE',
        '4.20→4.21 CONSTANT_REMOVED XS_WRITE_CREATE_EXCL',
        // arch-arm.h (tools-only on Arm): the guest memory map and the vCPU register context
        '4.6→4.7 CONSTANT_VALUE_CHANGED GUEST_GICC_SIZE',
        '4.10→4.11 CONSTANT_REMOVED GUEST_GICV3_RDIST_STRIDE',
        '4.12→4.13 FIELD_WIDTH_CHANGED vcpu_guest_context.sctlr',
        '4.15→4.16 RECORD_SIZE_CHANGED vcpu_guest_core_regs',
        '4.15→4.16 FIELD_WIDTH_CHANGED vcpu_guest_core_regs.cpsr',
        '4.15→4.16 FIELD_WIDTH_CHANGED vcpu_guest_core_regs.spsr_el1',
        '4.15→4.16 FIELD_OFFSET_CHANGED vcpu_guest_core_regs.spsr_el1',
        '4.15→4.16 FIELD_OFFSET_CHANGED vcpu_guest_core_regs.spsr_fiq',
        '4.15→4.16 FIELD_OFFSET_CHANGED vcpu_guest_core_regs.spsr_irq',
        '4.15→4.16 FIELD_OFFSET_CHANGED vcpu_guest_core_regs.spsr_und',
        '4.15→4.16 FIELD_OFFSET_CHANGED vcpu_guest_core_regs.spsr_abt',
        '4.15→4.16 FIELD_OFFSET_CHANGED vcpu_guest_core_regs.sp_el0',
        '4.15→4.16 FIELD_OFFSET_CHANGED vcpu_guest_core_regs.sp_el1',
        '4.15→4.16 FIELD_OFFSET_CHANGED vcpu_guest_core_regs.elr_el1',
        '4.15→4.16 RECORD_SIZE_CHANGED vcpu_guest_context',
        '4.15→4.16 FIELD_WIDTH_CHANGED vcpu_guest_context.user_regs',
        '4.15→4.16 FIELD_OFFSET_CHANGED vcpu_guest_context.sctlr',
        '4.15→4.16 FIELD_OFFSET_CHANGED vcpu_guest_context.ttbcr',
        '4.15→4.16 FIELD_OFFSET_CHANGED vcpu_guest_context.ttbr0',
        '4.15→4.16 FIELD_OFFSET_CHANGED vcpu_guest_context.ttbr1',
        '4.18→4.19 CONSTANT_VALUE_CHANGED GUEST_VPCI_ADDR_TYPE_PREFETCH_MEM',
        // hvm/hvm_op.h, hvm/params.h, memory.h
        '4.6→4.7 CONSTANT_REMOVED HVMMEM_mmio_write_dm',
        '4.6→4.7 FIELD_RENAMED xen_add_to_physmap_batch.u',
        '4.6→4.7 FIELD_TYPE_CHANGED xen_add_to_physmap_batch.u',
        '4.6→4.7 CONSTANT_VALUE_CHANGED HVM_NR_PARAMS',
        '4.6→4.7 CONSTANT_VALUE_CHANGED HVMPV_feature_mask',
        '4.8→4.9 RECORD_REMOVED xen_hvm_set_pci_intx_level',
        '4.8→4.9 RECORD_REMOVED xen_hvm_set_isa_irq_level',
        '4.8→4.9 RECORD_REMOVED xen_hvm_set_pci_link_route',
        '4.8→4.9 OP_REMOVED HVMOP_set_pci_intx_level',
        '4.8→4.9 OP_REMOVED HVMOP_set_isa_irq_level',
        '4.8→4.9 OP_REMOVED HVMOP_set_pci_link_route',
        '4.8→4.9 CONSTANT_VALUE_CHANGED HVM_NR_PARAMS',
        '4.8→4.9 CONSTANT_VALUE_CHANGED HVMPV_feature_mask',
        '4.9→4.10 CONSTANT_VALUE_CHANGED HVM_NR_PARAMS',
        '4.11→4.12 RECORD_REMOVED xen_hvm_altp2m_set_mem_access',
        '4.11→4.12 FIELD_RENAMED xen_hvm_altp2m_op.u.mem_access',
        '4.11→4.12 FIELD_TYPE_CHANGED xen_hvm_altp2m_op.u.mem_access',
        '4.12→4.13 FIELD_RENAMED xen_mem_acquire_resource.pad',
        '4.12→4.13 CONSTANT_REMOVED XENMEM_rsrc_acq_caller_owned',
        '4.12→4.13 CONSTANT_REMOVED _XENMEM_rsrc_acq_caller_owned',
        '4.12→4.13 CONSTANT_VALUE_CHANGED HVMPV_feature_mask',
        '4.13→4.14 RECORD_ALIGNMENT_CHANGED xen_mem_acquire_resource',
        '4.13→4.14 RECORD_SIZE_CHANGED xen_mem_acquire_resource',
        '4.13→4.14 PADDING_GIVEN_MEANING xen_hvm_param.pad',
        '4.14→4.15 CONSTANT_VALUE_CHANGED HVMPV_feature_mask',
        // io/displif.h: protocol version 2 (the EDID request, data_ofs, the response union)
        '4.14→4.15 CONSTANT_VALUE_CHANGED XENDISPL_PROTOCOL_VERSION',
        '4.14→4.15 RECORD_SIZE_CHANGED xendispl_dbuf_create_req',
        '4.14→4.15 RECORD_SIZE_CHANGED xendispl_dbuf_create_req',
        '4.14→4.15 FIELD_WIDTH_CHANGED xendispl_req.op.dbuf_create',
        '4.14→4.15 FIELD_WIDTH_CHANGED xendispl_req.op.dbuf_create',
        '4.14→4.15 FIELD_RENAMED xendispl_resp.op',
        '4.14→4.15 FIELD_TYPE_CHANGED xendispl_resp.op',
        // io/displif.h, io/cameraif.h, io/sndif.h: the page directory's grant array made flexible
        '4.18→4.19 RECORD_SIZE_CHANGED xencamera_page_directory',
        '4.18→4.19 FLEXIBLE_ARRAY_CHANGED xencamera_page_directory.gref',
        '4.18→4.19 RECORD_SIZE_CHANGED xendispl_page_directory',
        '4.18→4.19 FLEXIBLE_ARRAY_CHANGED xendispl_page_directory.gref',
        '4.18→4.19 RECORD_SIZE_CHANGED xensnd_page_directory',
        '4.18→4.19 FLEXIBLE_ARRAY_CHANGED xensnd_page_directory.gref',
        // io/sndif.h: protocol version 2 (64-byte requests and responses, period_sz, the result union)
        '4.10→4.11 RECORD_SIZE_CHANGED xensnd_open_req',
        '4.10→4.11 RECORD_ALIGNMENT_CHANGED xensnd_req',
        '4.10→4.11 RECORD_SIZE_CHANGED xensnd_req',
        '4.10→4.11 FIELD_WIDTH_CHANGED xensnd_req.op',
        '4.10→4.11 RECORD_ALIGNMENT_CHANGED xensnd_req.op',
        '4.10→4.11 RECORD_SIZE_CHANGED xensnd_req.op',
        '4.10→4.11 FIELD_WIDTH_CHANGED xensnd_req.op.open',
        '4.10→4.11 ARRAY_LENGTH_CHANGED xensnd_req.op.reserved',
        '4.10→4.11 RECORD_ALIGNMENT_CHANGED xensnd_resp',
        '4.10→4.11 RECORD_SIZE_CHANGED xensnd_resp',
        '4.10→4.11 FIELD_REMOVED xensnd_resp.reserved1',
        '4.10→4.11 FIELD_WIDTH_CHANGED xen_sndif_sring_entry.req',
        '4.10→4.11 FIELD_WIDTH_CHANGED xen_sndif_sring_entry.rsp',
        '4.10→4.11 RECORD_ALIGNMENT_CHANGED xen_sndif_sring',
        '4.10→4.11 RECORD_ALIGNMENT_CHANGED xen_sndif_sring_entry',
        '4.10→4.11 RECORD_SIZE_CHANGED xen_sndif_sring_entry',
      ].sort(),
    );
    // Each waiver names the release of its break, and is used in the pair that reaches it.
    for (const w of waivers) expect(waived, `${w.rule} ${w.item}`).toContainEqual(expect.stringMatching(new RegExp(`→${w.release?.replace('.', '\\.')} ${w.rule} ${w.item}$`)));
  });

  // Xen 4.8 hid FLASK_USER's record from new guests (an interface-version guard in xsm/flask_op.h)
  // and left XEN_FLASK_INTERFACE_VERSION at 1. sysctl.h changed incompatibly five times under
  // an unchanged XEN_SYSCTL_INTERFACE_VERSION (in 4.22, for one, it dropped
  // XEN_SYSCTL_get_cpu_levelling_caps and stayed at 0x16).
  it('pins the unstable errors: XEN_DOMCTL_INTERFACE_VERSION not bumped in 4.7 and in 4.21, XEN_FLASK_INTERFACE_VERSION in 4.8, XEN_SYSCTL_INTERFACE_VERSION in 4.13, 4.15, 4.18, 4.19 and 4.22, VM_EVENT_INTERFACE_VERSION in 4.16 (Arm cpsr widened), HVM_FILE_VERSION whenever a save record changed (it has stayed 1), as in Xen', () => {
    const errors = [...results].flatMap(([pair, r]) => r.findings.filter((f) => f.namespace === 'unstable' && f.severity === 'error').map((f) => `${pair} ${f.rule} ${f.item} ${f.base}`));
    expect(errors).toEqual([
      '4.6→4.7 UNSTABLE_VERSION_NOT_BUMPED domctl 11',
      '4.6→4.7 UNSTABLE_VERSION_NOT_BUMPED hvm_save 1',
      '4.7→4.8 UNSTABLE_VERSION_NOT_BUMPED flask_op 1',
      '4.8→4.9 UNSTABLE_VERSION_NOT_BUMPED hvm_save 1',
      '4.9→4.10 UNSTABLE_VERSION_NOT_BUMPED hvm_save 1',
      '4.10→4.11 UNSTABLE_VERSION_NOT_BUMPED hvm_save 1',
      '4.11→4.12 UNSTABLE_VERSION_NOT_BUMPED hvm_save 1',
      '4.12→4.13 UNSTABLE_VERSION_NOT_BUMPED hvm_save 1',
      '4.12→4.13 UNSTABLE_VERSION_NOT_BUMPED sysctl 18',
      '4.13→4.14 UNSTABLE_VERSION_NOT_BUMPED hvm_save 1',
      '4.14→4.15 UNSTABLE_VERSION_NOT_BUMPED sysctl 19',
      '4.15→4.16 UNSTABLE_VERSION_NOT_BUMPED vm_event 7',
      '4.17→4.18 UNSTABLE_VERSION_NOT_BUMPED sysctl 21',
      '4.18→4.19 UNSTABLE_VERSION_NOT_BUMPED sysctl 21',
      '4.20→4.21 UNSTABLE_VERSION_NOT_BUMPED domctl 23',
      '4.20→4.21 UNSTABLE_VERSION_NOT_BUMPED hvm_save 1',
      '4.21→4.22 UNSTABLE_VERSION_NOT_BUMPED sysctl 22',
    ]);
  });

  it('keeps every release waiver dormant in a normal check, where both sides are the newest release', () => {
    const normal = checkAbi(side(NEWEST_RELEASE), side(NEWEST_RELEASE), { waivers });
    expect(normal.findings.map(show)).toEqual([]);
    expect(waivers.every((w) => w.release)).toBe(true);
  });
});
