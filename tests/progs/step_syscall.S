/* SPDX-License-Identifier: MIT
 * syscope step test: a `syscall` instruction inside the loop, no libc.
 *   1 + N*(mov, syscall, dec, jnz) + exit(3) = 4N + 4  with N = 1000 -> 4004.
 * Syscalls met: N getppid + 1 exit = 1001.
 */
#define N 1000
	.text
	.globl _start
	.type _start, @function
_start:
	mov	$N, %ebx		/* 1 */
1:	mov	$110, %eax		/* N: getppid */
	syscall				/* N */
	dec	%ebx			/* N */
	jnz	1b			/* N */
	mov	$60, %eax		/* 1 */
	xor	%edi, %edi		/* 1 */
	syscall				/* 1 */
	.size _start, .-_start
	.section .note.GNU-stack,"",@progbits
