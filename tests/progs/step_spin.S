/* SPDX-License-Identifier: MIT
 * syscope step test: runs until killed (attach and detach tests).  The loop
 * calls `work` (nop, ret) so that --only work puts breakpoints in its way.
 */
	.text
	.globl _start
	.type _start, @function
_start:
1:	call	work
	jmp	1b
	.size _start, .-_start

	.globl work
	.type work, @function
work:
	nop
	ret
	.size work, .-work
	.section .note.GNU-stack,"",@progbits
