/* SPDX-License-Identifier: MIT
 * syscope step test: two threads (raw clone, no libc).  Each thread ends
 * with exit(2) (thread exit); the process ends when both have.
 *   main thread: clone setup 7 + test/jz 2 + 1 + 2N + exit 3 = 2N + 13
 *                N = 3000  ->  6013     (syscalls: clone, exit)
 *   new thread:  test/jz 2 + 1 + 2M + exit 3 = 2M + 6
 *                M = 5000  ->  10006    (syscalls: exit)
 *   both: 16019 instructions, 3 syscalls.
 */
#define N 3000
#define M 5000
#define CLONE_THREAD_FLAGS 0x50f00 /* VM|FS|FILES|SIGHAND|THREAD|SYSVSEM */
	.text
	.globl _start
	.type _start, @function
_start:
	mov	$CLONE_THREAD_FLAGS, %edi	/* 1 */
	lea	stack_top(%rip), %rsi		/* 1 */
	xor	%edx, %edx			/* 1 */
	xor	%r10d, %r10d			/* 1 */
	xor	%r8d, %r8d			/* 1 */
	mov	$56, %eax			/* 1: clone */
	syscall					/* 1 */
	test	%rax, %rax			/* both */
	jz	thread				/* both */
	mov	$N, %ecx
1:	dec	%ecx
	jnz	1b
	mov	$60, %eax
	xor	%edi, %edi
	syscall
	.size _start, .-_start

	.globl thread
	.type thread, @function
thread:
	mov	$M, %ecx
2:	dec	%ecx
	jnz	2b
	mov	$60, %eax
	xor	%edi, %edi
	syscall
	.size thread, .-thread

	.bss
	.balign 16
stack:	.space	65536
stack_top:
	.section .note.GNU-stack,"",@progbits
