/* SPDX-License-Identifier: MIT
 * syscope step test: a signal handler that runs in the middle of the loop.
 * The program sends itself SIGUSR1 (kill) at iteration N/2; the handler
 * (nop, nop, ret) returns through its own restorer (rt_sigreturn).
 *   setup 7 + loop 4N + kill block 6 + handler 3 + restorer 2 + exit 3
 *   = 4N + 21  with N = 1000  ->  4021.
 * Syscalls met: rt_sigaction, getpid, kill, rt_sigreturn, exit = 5.
 */
#define N 1000
	.text
	.globl _start
	.type _start, @function
_start:
	lea	act(%rip), %rsi		/* 1 */
	mov	$10, %edi		/* 1: SIGUSR1 */
	xor	%edx, %edx		/* 1 */
	mov	$8, %r10d		/* 1: sizeof(sigset) */
	mov	$13, %eax		/* 1: rt_sigaction */
	syscall				/* 1 */
	mov	$N, %ebx		/* 1 */
1:	cmp	$N/2, %ebx		/* N */
	jne	2f			/* N */
	mov	$39, %eax		/* 1: getpid */
	syscall				/* 1 */
	mov	%eax, %edi		/* 1 */
	mov	$10, %esi		/* 1 */
	mov	$62, %eax		/* 1: kill */
	syscall				/* 1: the handler runs after this */
2:	dec	%ebx			/* N */
	jnz	1b			/* N */
	mov	$60, %eax		/* 1 */
	xor	%edi, %edi		/* 1 */
	syscall				/* 1 */
	.size _start, .-_start

	.globl handler
	.type handler, @function
handler:
	nop				/* 1 */
	nop				/* 1 */
	ret				/* 1 */
	.size handler, .-handler

	.globl restorer
	.type restorer, @function
restorer:
	mov	$15, %eax		/* 1: rt_sigreturn */
	syscall				/* 1 */
	.size restorer, .-restorer

	.data
act:	.quad	handler, 0x04000000 /* SA_RESTORER */, restorer, 0
	.section .note.GNU-stack,"",@progbits
