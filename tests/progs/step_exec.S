/* SPDX-License-Identifier: MIT
 * syscope step test: execve(argv[1], &argv[1], NULL) (no libc).
 *   5 instructions up to and including the execve syscall, then the new
 *   program (step_loop: 20004)  ->  20009 in one process.
 */
	.text
	.globl _start
	.type _start, @function
_start:
	mov	16(%rsp), %rdi		/* argv[1] */
	lea	16(%rsp), %rsi		/* &argv[1] */
	xor	%edx, %edx
	mov	$59, %eax		/* execve */
	syscall
	mov	$60, %eax		/* exec failed: exit(127) */
	mov	$127, %edi
	syscall
	.size _start, .-_start
	.section .note.GNU-stack,"",@progbits
