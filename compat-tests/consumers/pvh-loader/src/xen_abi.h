/*
 * Where the Xen ABI comes from: one switch, CONSUMER_XEN_HEADERS.
 *
 * By default the loader uses xenabi's stable C headers and nothing else. Built with
 * -DCONSUMER_XEN_HEADERS it uses Xen's own public headers instead: that build is the twin
 * whose bytes must equal ours.
 *
 * Availability is tested with xenabi's XENABI_HAS_<item> macros, never by comparing version
 * numbers. Xen's headers have no such macros, so the twin derives the ones the loader uses
 * from constants Xen's headers define exactly when they have the item.
 */
#ifndef PVH_XEN_ABI_H
#define PVH_XEN_ABI_H

#include <stdint.h>

#if defined(CONSUMER_XEN_HEADERS)

#include <xen/xen.h>
#include <xen/elfnote.h>
#include <xen/features.h>
#include <xen/arch-x86/hvm/start_info.h>

#ifdef XEN_ELFNOTE_PHYS32_RELOC
#define XENABI_HAS_XEN_ELFNOTE_PHYS32_RELOC 1
#endif
#ifdef XEN_HVM_MEMMAP_TYPE_RAM
#define XENABI_HAS_hvm_memmap_table_entry 1
#endif

#define PVH_ABI_SOURCE "xen"

#else

#include <xenabi/stable/xen.h>
#include <xenabi/stable/elfnote.h>
#include <xenabi/stable/features.h>
#include <xenabi/stable/start_info.h>

#define PVH_ABI_SOURCE "xenabi"

#endif

#endif /* PVH_XEN_ABI_H */
