/* SPDX-License-Identifier: MIT
 * syscope step test: a signal sent from outside while the program waits.
 * Installs a SIGUSR1 handler, then pause()s; the test sends SIGUSR1 once it
 * sees the program blocked in pause (syscall 34).  pause returns EINTR after
 * the handler ran; then a short loop and exit.
 *   setup 6 + pause 2 + handler 3 + restorer 2 + 1 + 2N + exit 3
 *   = 2N + 17  with N = 100  ->  217.
 * Syscalls met: rt_sigaction, pause, rt_sigreturn, exit = 4.
 */
#define N 100
	.text
	.globl _start
	.type _start, @function
_start:
	lea	act(%rip), %rsi		/* 1 */
	mov	$10, %edi		/* 1: SIGUSR1 */
	xor	%edx, %edx		/* 1 */
	mov	$8, %r10d		/* 1 */
	mov	$13, %eax		/* 1: rt_sigaction */
	syscall				/* 1 */
	mov	$34, %eax		/* 1: pause */
	syscall				/* 1 */
	mov	$N, %ecx		/* 1 */
1:	dec	%ecx			/* N */
	jnz	1b			/* N */
	mov	$60, %eax		/* 1 */
	xor	%edi, %edi		/* 1 */
	syscall				/* 1 */
	.size _start, .-_start

	.globl handler
	.type handler, @function
handler:
	nop
	nop
	ret
	.size handler, .-handler

	.globl restorer
	.type restorer, @function
restorer:
	mov	$15, %eax
	syscall
	.size restorer, .-restorer

	.data
act:	.quad	handler, 0x04000000, restorer, 0
	.section .note.GNU-stack,"",@progbits
