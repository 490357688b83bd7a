/* SPDX-License-Identifier: MIT
 * syscope step test: a plain counted loop, no libc.
 * Instructions executed (user mode), counting the final exit syscall:
 *   1 + 2*N + 3  with N = 10000  ->  20004.  Syscalls: 1 (exit).
 */
#define N 10000
	.text
	.globl _start
_start:
	mov	$N, %ecx		/* 1 */
1:	dec	%ecx			/* N */
	jnz	1b			/* N */
	mov	$60, %eax		/* 1: exit */
	xor	%edi, %edi		/* 1 */
	syscall				/* 1 */
	.section .note.GNU-stack,"",@progbits
