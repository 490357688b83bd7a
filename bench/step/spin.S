/* SPDX-License-Identifier: MIT
 * Benchmark workload for single-stepping: `spin N` runs a two-instruction
 * loop N times (no libc): 2N + 12 + 3*digits(N) instructions... the exact
 * count does not matter here; syscope step and step_floor must agree.
 */
	.text
	.globl _start
	.type _start, @function
_start:
	mov	16(%rsp), %rsi		/* argv[1] or NULL */
	xor	%ecx, %ecx
	test	%rsi, %rsi
	jz	3f
2:	movzbl	(%rsi), %eax
	sub	$48, %eax
	cmp	$9, %eax
	ja	3f
	imul	$10, %rcx, %rcx
	add	%rax, %rcx
	inc	%rsi
	jmp	2b
3:	test	%rcx, %rcx
	jz	5f
4:	dec	%rcx
	jnz	4b
5:	mov	$60, %eax
	xor	%edi, %edi
	syscall
	.size _start, .-_start
	.section .note.GNU-stack,"",@progbits
