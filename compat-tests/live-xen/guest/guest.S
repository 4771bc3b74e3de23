/*
 * The live-Xen test guest: a PVH kernel of a few hundred bytes that exercises the port and
 * MMIO ranges the device models claim, reports every check on Xen's debug console (port 0xe9,
 * which Xen prints as "(dN) ...") and ends with its verdict as its exit reason: SCHEDOP_shutdown
 * with SHUTDOWN_poweroff when every check passed, SHUTDOWN_crash when one failed, `cli; hlt`
 * when it cannot even make a hypercall.
 *
 * The command line picks what the guest expects (its first character):
 *   n  no device model: Xen must drop writes and read all ones, in both ranges;
 *   d  a device model (compat-tests/live-xen/README.md#the-test-device) serves both ranges.
 *
 * Report lines: "@lxg <check> ok|FAIL got=<hex> want=<hex>", then "@lxg verdict pass|fail <n>".
 * Built with the host's assembler: as --32, ld -m elf_i386 (guest.ld).
 */
	.code32

	.set DEBUG_PORT,        0xe9
	.set DEV_PORT,          0x5000        /* 16 ports: id, scratch, counter, doorbell */
	.set DEV_ID,            DEV_PORT + 0
	.set DEV_SCRATCH,       DEV_PORT + 4
	.set DEV_COUNTER,       DEV_PORT + 8
	.set DEV_DOORBELL,      DEV_PORT + 12
	.set DEV_MMIO,          0xf0000000    /* one page of device memory */
	.set DEV_ID_VALUE,      0x49424158    /* "XABI" */

	/* Xen's PVH start info: magic at 0, command line address (low half) at 24. */
	.set START_INFO_MAGIC,  0x336ec578
	.set START_INFO_CMDLINE, 24
	/* CPUID leaves of Xen's signature and of its hypercall-page MSR; "XenV" in EBX. */
	.set XEN_CPUID_BASE,    0x40000000
	.set XEN_SIGNATURE_EBX, 0x566e6558
	/* __HYPERVISOR_sched_op, each hypercall-page entry 32 bytes long. */
	.set HYPERCALL_SCHED_OP, 29
	.set SCHEDOP_SHUTDOWN,  2
	.set SHUTDOWN_POWEROFF, 0
	.set SHUTDOWN_CRASH,    3
	/* XEN_ELFNOTE_PHYS32_ENTRY: the 32-bit physical entry point of a PVH kernel. */
	.set ELFNOTE_PHYS32_ENTRY, 18

	.section .note.Xen, "a", @note
	.balign 4
	.long 4, 4, ELFNOTE_PHYS32_ENTRY   /* name size, descriptor size, type */
	.asciz "Xen"
	.long _start

/* A check: compare EAX (what the guest read) with WANT, report it under NAME. */
.macro CHECK name, want
	.section .rodata
1:	.asciz "\name"
	.previous
	mov $\want, %edx
	mov $1b, %esi
	call check
.endm

.macro PORT_IN width, port
	mov $\port, %dx
	.if \width == 1
	in (%dx), %al
	movzbl %al, %eax
	.elseif \width == 2
	in (%dx), %ax
	movzwl %ax, %eax
	.else
	in (%dx), %eax
	.endif
.endm

.macro PORT_OUT width, port, value
	mov $\port, %dx
	mov $\value, %eax
	.if \width == 1
	out %al, (%dx)
	.elseif \width == 2
	out %ax, (%dx)
	.else
	out %eax, (%dx)
	.endif
.endm

.macro MMIO_IN width, offset
	.if \width == 1
	movzbl DEV_MMIO + \offset, %eax
	.elseif \width == 2
	movzwl DEV_MMIO + \offset, %eax
	.else
	movl DEV_MMIO + \offset, %eax
	.endif
.endm

.macro MMIO_OUT width, offset, value
	.if \width == 1
	movb $\value, DEV_MMIO + \offset
	.elseif \width == 2
	movw $\value, DEV_MMIO + \offset
	.else
	movl $\value, DEV_MMIO + \offset
	.endif
.endm

	.text
	.globl _start
_start:
	cli
	cld
	mov $stack_top, %esp
	mov %ebx, start_info

	mov $XEN_CPUID_BASE, %eax
	cpuid
	cmp $XEN_SIGNATURE_EBX, %ebx
	jne no_xen
	mov $XEN_CPUID_BASE + 2, %eax
	cpuid
	mov %ebx, %ecx                 /* the MSR that installs the hypercall page */
	mov $hypercall_page, %eax
	xor %edx, %edx
	wrmsr

	mov start_info, %ebx
	mov (%ebx), %eax
	CHECK start_info_magic, START_INFO_MAGIC
	mov start_info, %ebx
	mov START_INFO_CMDLINE(%ebx), %ebx
	test %ebx, %ebx
	jz expect_none
	cmpb $'d', (%ebx)
	je expect_device

expect_none:
	mov $mode_none, %esi
	call puts
	PORT_IN 1, DEV_ID
	CHECK port_in8_unclaimed, 0xff
	PORT_IN 2, DEV_ID + 2
	CHECK port_in16_unclaimed, 0xffff
	PORT_IN 4, DEV_SCRATCH
	CHECK port_in32_unclaimed, 0xffffffff
	PORT_OUT 4, DEV_SCRATCH, 0x12345678
	PORT_IN 4, DEV_SCRATCH
	CHECK port_write_dropped, 0xffffffff
	MMIO_IN 1, 0
	CHECK mmio_in8_unclaimed, 0xff
	MMIO_IN 2, 2
	CHECK mmio_in16_unclaimed, 0xffff
	MMIO_IN 4, 4
	CHECK mmio_in32_unclaimed, 0xffffffff
	MMIO_OUT 4, 8, 0x12345678
	MMIO_IN 4, 8
	CHECK mmio_write_dropped, 0xffffffff
	jmp verdict

expect_device:
	mov $mode_device, %esi
	call puts
	PORT_IN 4, DEV_ID                                  /* request 1 */
	CHECK port_id, DEV_ID_VALUE
	PORT_OUT 4, DEV_SCRATCH, 0x12345678                /* 2 */
	PORT_IN 4, DEV_SCRATCH                             /* 3 */
	CHECK port_scratch32, 0xedcba987
	PORT_OUT 2, DEV_SCRATCH, 0xbeef                    /* 4 */
	PORT_IN 2, DEV_SCRATCH                             /* 5 */
	CHECK port_scratch16, 0x4110
	PORT_OUT 1, DEV_SCRATCH, 0x5a                      /* 6 */
	PORT_IN 1, DEV_SCRATCH                             /* 7 */
	CHECK port_scratch8, 0xa5
	PORT_IN 4, DEV_COUNTER                             /* 8: seven served before it */
	CHECK port_counter, 7
	MMIO_IN 4, 0x10                                    /* 9: the initial pattern */
	CHECK mmio_pattern32, 0x13121110
	MMIO_OUT 4, 0x20, 0xcafef00d                       /* 10 */
	MMIO_IN 4, 0x20                                    /* 11 */
	CHECK mmio_echo32, 0xcafef00d
	MMIO_OUT 2, 0x32, 0x1234                           /* 12 */
	MMIO_IN 4, 0x30                                    /* 13: neighbours untouched */
	CHECK mmio_echo16, 0x12343130
	MMIO_OUT 1, 0xfff, 0x99                            /* 14: the page's last byte */
	MMIO_IN 1, 0xfff                                   /* 15 */
	CHECK mmio_echo8, 0x99
	PORT_IN 4, DEV_COUNTER                             /* 16 */
	CHECK port_counter_again, 15

verdict:
	mov failures, %eax
	test %eax, %eax
	jnz failed
	mov $verdict_pass, %esi
	call puts
	call doorbell
	mov $SHUTDOWN_POWEROFF, %eax
	jmp shutdown
failed:
	mov $verdict_fail, %esi
	call puts
	mov failures, %eax
	call puthex
	mov $'\n', %al
	out %al, $DEBUG_PORT
	call doorbell
	mov $SHUTDOWN_CRASH, %eax
shutdown:
	mov %eax, shutdown_reason
	mov $SCHEDOP_SHUTDOWN, %ebx
	mov $shutdown_reason, %ecx
	call hypercall_page + HYPERCALL_SCHED_OP * 32
no_xen:
	cli
	hlt
	jmp no_xen

/* In device mode the last request: the verdict (number of failures) on the doorbell. */
doorbell:
	mov start_info, %ebx
	mov START_INFO_CMDLINE(%ebx), %ebx
	test %ebx, %ebx
	jz 1f
	cmpb $'d', (%ebx)
	jne 1f
	mov $DEV_DOORBELL, %dx
	mov failures, %eax
	out %eax, (%dx)
1:	ret

/* EAX got, EDX want, ESI the check's name: prints its line, counts a failure. */
check:
	push %edx
	push %eax
	push %esi
	mov $prefix, %esi
	call puts
	pop %esi
	call puts
	pop %eax
	pop %edx
	cmp %eax, %edx
	je 1f
	incl failures
	mov $fail_got, %esi
	jmp 2f
1:	mov $ok_got, %esi
2:	push %edx
	push %eax
	call puts
	pop %eax
	call puthex
	mov $want, %esi
	call puts
	pop %eax
	call puthex
	mov $'\n', %al
	out %al, $DEBUG_PORT
	ret

/* Prints the NUL-terminated string at ESI; clobbers AL and ESI. */
puts:
	lodsb
	test %al, %al
	jz 1f
	out %al, $DEBUG_PORT
	jmp puts
1:	ret

/* Prints EAX as eight hex digits; clobbers ECX. */
puthex:
	mov $8, %ecx
1:	rol $4, %eax
	push %eax
	and $0xf, %eax
	mov hex_digits(%eax), %al
	out %al, $DEBUG_PORT
	pop %eax
	loop 1b
	ret

	.section .rodata
prefix:       .asciz "@lxg "
ok_got:       .asciz " ok got="
fail_got:     .asciz " FAIL got="
want:         .asciz " want="
mode_none:    .asciz "@lxg mode none\n"
mode_device:  .asciz "@lxg mode device\n"
verdict_pass: .asciz "@lxg verdict pass 0\n"
verdict_fail: .asciz "@lxg verdict fail "
hex_digits:   .ascii "0123456789abcdef"

	.data
	.balign 4
start_info:      .long 0
failures:        .long 0
shutdown_reason: .long 0

	.bss
	.balign 4096
hypercall_page:  .skip 4096
stack:           .skip 4096
stack_top:
