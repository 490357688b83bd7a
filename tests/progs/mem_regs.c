/* SPDX-License-Identifier: MIT
 * Target of tests/integration/mem_regs.py: spins in assembly with known
 * register values and waits for the test to change registers from outside.
 *
 *   mem_regs
 *
 * Prints "pid=N", "phase=0xADDR" and "ready", then runs spin():
 *   r14 = 0xfeedfacecafebeef, ymm8 = PATTERN_A (known values to read)
 *   phase 0: loops until r12 == r13 (r13 = 0x1234567890abcdef)  -> phase = 1
 *   phase 1: loops until ymm9 == ymm10 (all 256 bits; ymm10 = PATTERN_B,
 *            whose upper half differs from its lower half)       -> phase = 2
 *   phase 2: loops forever; the test sets rip = escape, which prints
 *            "escaped" and exits 7.
 * The phase variable (a u32) is read by the test with syscope mem.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

volatile uint32_t phase;

/* PATTERN_A: bytes 0x00..0x1f; PATTERN_B: 0x11 x16 then 0x22 x16. */
__attribute__((aligned(32))) const uint8_t pattern_a[32] = {
	0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
	0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f};
__attribute__((aligned(32))) const uint8_t pattern_b[32] = {
	0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11,
	0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22};

void spin(void);
__asm__(".text\n"
	".globl spin\n"
	".type spin, @function\n"
	"spin:\n"
	"  push %r12\n push %r13\n push %r14\n"
	"  movabs $0xfeedfacecafebeef, %r14\n"
	"  movabs $0x1234567890abcdef, %r13\n"
	"  xor %r12, %r12\n"
	"  vmovdqu pattern_a(%rip), %ymm8\n"
	"  vmovdqu pattern_b(%rip), %ymm10\n"
	"  vpxor %ymm9, %ymm9, %ymm9\n"
	"1: pause\n"
	"  cmp %r12, %r13\n"
	"  jne 1b\n"
	"  movl $1, phase(%rip)\n"
	"2: pause\n"
	"  vpxor %ymm9, %ymm10, %ymm11\n"
	"  vptest %ymm11, %ymm11\n"
	"  jnz 2b\n"
	"  movl $2, phase(%rip)\n"
	"3: pause\n"
	"  jmp 3b\n"
	".size spin, .-spin\n");

void escape(void)
{
	/* Reached by a rip change at an arbitrary stack alignment: raw calls only. */
	static const char msg[] = "escaped\n";
	write(1, msg, sizeof msg - 1);
	_exit(7);
}

int main(void)
{
	printf("pid=%d\nphase=%p\nready\n", getpid(), (void *)&phase);
	fflush(stdout);
	spin();
	return 0;
}
