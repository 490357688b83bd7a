/* SPDX-License-Identifier: MIT
 * syscope step test: calls and returns, no libc.
 *   _start: 1 + N*(call, dec, jnz) + exit(3)
 *   outer:  N*(call inner, ret)      inner: N*(nop, ret)
 *   total = 1 + 3N + 2N + 2N + 3 = 7N + 4  with N = 1000  ->  7004.
 * Per function: _start 3N+4 = 3004, outer 2N = 2000, inner 2N = 2000.
 */
#define N 1000
	.text
	.globl _start
	.type _start, @function
_start:
	mov	$N, %ebx		/* 1 */
1:	call	outer			/* N */
	dec	%ebx			/* N */
	jnz	1b			/* N */
	mov	$60, %eax		/* 1 */
	xor	%edi, %edi		/* 1 */
	syscall				/* 1 */
	.size _start, .-_start

	.globl outer
	.type outer, @function
outer:
	call	inner			/* N */
	ret				/* N */
	.size outer, .-outer

	.globl inner
	.type inner, @function
inner:
	nop				/* N */
	ret				/* N */
	.size inner, .-inner
	.section .note.GNU-stack,"",@progbits
