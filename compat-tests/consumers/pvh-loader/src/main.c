/*
 * A PVH loader in miniature, written as a VMM or boot-loader author would write it against
 * xenabi's stable headers alone (xen_abi.h has the one switch to Xen's own headers).
 *
 * It does what a real PVH loader does with the ABI, on fixed inputs:
 *   1. reads the "Xen" ELF notes of a guest kernel (here a note segment it builds the way a
 *      kernel's linker script lays one out) and finds XEN_ELFNOTE_PHYS32_ENTRY and, where
 *      the headers have it, XEN_ELFNOTE_PHYS32_RELOC;
 *   2. fills the start-of-day page: hvm_start_info, the module list, the memory map and the
 *      command lines, at the guest physical address it will hand over in %ebx;
 *   3. prints every buffer as `label<TAB>bytes<TAB>hex`: the note segment, what it read from
 *      it, the page, and the entry registers.
 *
 * Every value is fixed and every buffer zeroed first, so every build prints the same bytes
 * when, and only when, the headers give the same numbers and layouts. All four targets are
 * little-endian, as the x86 guest is; the loader writes guest memory in host order.
 */
#include <stdio.h>
#include <string.h>

#include "xen_abi.h"

/* Where the loader puts things in guest physical memory. */
#define KERNEL_PADDR 0x01000000u
#define KERNEL_ENTRY_OFFSET 0x1f0u
#define START_INFO_PADDR 0x00006000u
#define INITRD_PADDR 0x02000000u
#define INITRD_SIZE 0x00345678u
#define PAGE_SIZE 4096u

static const char XEN_NOTE_NAME[] = "Xen";

/* ---- Output ------------------------------------------------------------------------------ */

static void print_buffer(const char *label, const void *data, size_t size) {
    const unsigned char *bytes = data;
    size_t i;
    printf("%s\t%zu\t", label, size);
    for (i = 0; i < size; i++)
        printf("%02x", bytes[i]);
    printf("\n");
}

/* ---- ELF notes --------------------------------------------------------------------------- */

/* A note segment under construction: header words, then name and descriptor, each 4-aligned. */
struct note_buffer {
    unsigned char bytes[512];
    size_t used;
};

static void put_u32(unsigned char *at, uint32_t value) {
    at[0] = (unsigned char)value;
    at[1] = (unsigned char)(value >> 8);
    at[2] = (unsigned char)(value >> 16);
    at[3] = (unsigned char)(value >> 24);
}

static uint32_t get_u32(const unsigned char *at) {
    return (uint32_t)at[0] | (uint32_t)at[1] << 8 | (uint32_t)at[2] << 16 | (uint32_t)at[3] << 24;
}

static size_t align4(size_t n) {
    return (n + 3u) & ~(size_t)3u;
}

static void add_note(struct note_buffer *notes, uint32_t type, const void *desc, uint32_t desc_size) {
    unsigned char *at = notes->bytes + notes->used;
    put_u32(at, sizeof XEN_NOTE_NAME);
    put_u32(at + 4, desc_size);
    put_u32(at + 8, type);
    memcpy(at + 12, XEN_NOTE_NAME, sizeof XEN_NOTE_NAME);
    memcpy(at + 12 + align4(sizeof XEN_NOTE_NAME), desc, desc_size);
    notes->used += 12 + align4(sizeof XEN_NOTE_NAME) + align4(desc_size);
}

static void add_string_note(struct note_buffer *notes, uint32_t type, const char *text) {
    add_note(notes, type, text, (uint32_t)strlen(text) + 1);
}

static void add_u32_note(struct note_buffer *notes, uint32_t type, uint32_t value) {
    unsigned char desc[4];
    put_u32(desc, value);
    add_note(notes, type, desc, sizeof desc);
}

/* The descriptor of the first "Xen" note of `type`, or NULL; its size goes to *size. */
static const unsigned char *find_note(const unsigned char *segment, size_t length, uint32_t type, uint32_t *size) {
    size_t at = 0;
    while (at + 12 <= length) {
        uint32_t name_size = get_u32(segment + at);
        uint32_t desc_size = get_u32(segment + at + 4);
        uint32_t note_type = get_u32(segment + at + 8);
        const unsigned char *name = segment + at + 12;
        const unsigned char *desc = name + align4(name_size);
        if (note_type == type && name_size == sizeof XEN_NOTE_NAME && memcmp(name, XEN_NOTE_NAME, name_size) == 0) {
            *size = desc_size;
            return desc;
        }
        at += 12 + align4(name_size) + align4(desc_size);
    }
    return NULL;
}

/* ---- The start-of-day page ---------------------------------------------------------------- */

struct guest_page {
    unsigned char bytes[PAGE_SIZE];
    size_t used;
};

/* Reserves `size` bytes aligned to `align` and returns their guest physical address. */
static uint32_t reserve(struct guest_page *page, size_t size, size_t align, size_t *offset) {
    page->used = (page->used + align - 1) & ~(align - 1);
    *offset = page->used;
    page->used += size;
    return START_INFO_PADDR + (uint32_t)*offset;
}

static uint64_t place_string(struct guest_page *page, const char *text) {
    size_t offset;
    uint64_t paddr = reserve(page, strlen(text) + 1, 1, &offset);
    memcpy(page->bytes + offset, text, strlen(text) + 1);
    return paddr;
}

int main(void) {
    struct note_buffer notes, reloc_notes;
    struct guest_page page;
    struct hvm_start_info info;
    struct hvm_modlist_entry modules[1];
    size_t info_offset, modules_offset;
    uint32_t entry_size = 0, entry;
    const unsigned char *found;
    unsigned char regs[8];

    memset(&notes, 0, sizeof notes);
    memset(&reloc_notes, 0, sizeof reloc_notes);
    memset(&page, 0, sizeof page);
    memset(&info, 0, sizeof info);
    memset(modules, 0, sizeof modules);

    /* 1. The kernel's notes, as its linker script emits them. */
    add_string_note(&notes, XEN_ELFNOTE_GUEST_OS, "linux");
    add_string_note(&notes, XEN_ELFNOTE_GUEST_VERSION, "2.6");
    add_string_note(&notes, XEN_ELFNOTE_XEN_VERSION, "xen-3.0");
    add_string_note(&notes, XEN_ELFNOTE_LOADER, "generic");
    add_u32_note(&notes, XEN_ELFNOTE_SUPPORTED_FEATURES, 1u << XENFEAT_dom0);
    add_u32_note(&notes, XEN_ELFNOTE_PHYS32_ENTRY, KERNEL_PADDR + KERNEL_ENTRY_OFFSET);
    print_buffer("notes", notes.bytes, notes.used);

    found = find_note(notes.bytes, notes.used, XEN_ELFNOTE_PHYS32_ENTRY, &entry_size);
    if (!found || entry_size != 4) {
        fprintf(stderr, "no 32-bit PHYS32_ENTRY note\n");
        return 1;
    }
    entry = get_u32(found);
    print_buffer("entry", found, entry_size);

#ifdef XENABI_HAS_XEN_ELFNOTE_PHYS32_RELOC
    {
        unsigned char window[12];
        uint32_t window_size = 0;
        put_u32(window, 0x00200000u);
        put_u32(window + 4, 0x01000000u);
        put_u32(window + 8, 0x3fffffffu);
        add_note(&reloc_notes, XEN_ELFNOTE_PHYS32_RELOC, window, sizeof window);
        print_buffer("reloc.note", reloc_notes.bytes, reloc_notes.used);
        found = find_note(reloc_notes.bytes, reloc_notes.used, XEN_ELFNOTE_PHYS32_RELOC, &window_size);
        if (!found || window_size != sizeof window) {
            fprintf(stderr, "PHYS32_RELOC note not read back\n");
            return 1;
        }
        print_buffer("reloc.window", found, window_size);
    }
#endif

    /* 2. The start-of-day page: the record first, then what it points to. */
    reserve(&page, sizeof info, 8, &info_offset);
    info.magic = XEN_HVM_START_MAGIC_VALUE;
    info.flags = SIF_PRIVILEGED | SIF_INITDOMAIN;
    info.cmdline_paddr = place_string(&page, "console=hvc0 root=/dev/xvda1 ro");
    info.rsdp_paddr = 0x000f5a40u;

    info.modlist_paddr = reserve(&page, sizeof modules, 8, &modules_offset);
    info.nr_modules = 1;
    modules[0].paddr = INITRD_PADDR;
    modules[0].size = INITRD_SIZE;
    modules[0].cmdline_paddr = place_string(&page, "initrd");
    memcpy(page.bytes + modules_offset, modules, sizeof modules);
    print_buffer("modlist", modules, sizeof modules);

#ifdef XENABI_HAS_hvm_memmap_table_entry
    {
        struct hvm_memmap_table_entry map[4];
        size_t map_offset;
        memset(map, 0, sizeof map);
        map[0].addr = 0;
        map[0].size = 0x0009fc00u;
        map[0].type = XEN_HVM_MEMMAP_TYPE_RAM;
        map[1].addr = 0x000f0000u;
        map[1].size = 0x00010000u;
        map[1].type = XEN_HVM_MEMMAP_TYPE_RESERVED;
        map[2].addr = 0x00100000u;
        map[2].size = 0x3fe00000u;
        map[2].type = XEN_HVM_MEMMAP_TYPE_RAM;
        map[3].addr = 0x3ff00000u;
        map[3].size = 0x00100000u;
        map[3].type = XEN_HVM_MEMMAP_TYPE_ACPI;
        info.version = 1;
        info.memmap_paddr = reserve(&page, sizeof map, 8, &map_offset);
        info.memmap_entries = 4;
        memcpy(page.bytes + map_offset, map, sizeof map);
        print_buffer("memmap", map, sizeof map);
    }
#endif

    memcpy(page.bytes + info_offset, &info, sizeof info);
    print_buffer("start_info", &info, sizeof info);
    print_buffer("page", page.bytes, page.used);

    /* 3. The entry state: %eip at the entry point, %ebx at the start info. */
    put_u32(regs, entry);
    put_u32(regs + 4, START_INFO_PADDR + (uint32_t)info_offset);
    print_buffer("regs", regs, sizeof regs);
    printf("# built on %s headers\n", PVH_ABI_SOURCE);
    return 0;
}
