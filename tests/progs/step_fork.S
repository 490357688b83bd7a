/* SPDX-License-Identifier: MIT
 * syscope step test: fork, the parent waits for the child and exits with its
 * wait status (0, or the signal that killed the child), no libc.
 *   parent: fork 2 + test/jz 2 + 1 + 2N + wait4 7 + exit 3 = 2N + 15
 *           N = 2000  ->  4015   (syscalls: fork, wait4, exit_group)
 *   child:  test/jz 2 + 1 + 2M + exit 3 = 2M + 6
 *           M = 3000  ->  6006   (syscalls: exit_group); 6004 of them in `child`
 */
#define N 2000
#define M 3000
	.text
	.globl _start
	.type _start, @function
_start:
	mov	$57, %eax		/* fork */
	syscall
	test	%rax, %rax
	jz	child
	mov	$N, %ecx
1:	dec	%ecx
	jnz	1b
	sub	$16, %rsp
	mov	$-1, %rdi
	mov	%rsp, %rsi
	xor	%edx, %edx
	xor	%r10d, %r10d
	mov	$61, %eax		/* wait4(-1, &status, 0, 0) */
	syscall
	mov	(%rsp), %edi
	mov	$231, %eax		/* exit_group(status) */
	syscall
	.size _start, .-_start

	.globl child
	.type child, @function
child:
	mov	$M, %ecx
2:	dec	%ecx
	jnz	2b
	mov	$231, %eax
	xor	%edi, %edi
	syscall
	.size child, .-child
	.section .note.GNU-stack,"",@progbits
