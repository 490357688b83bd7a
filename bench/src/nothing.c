// SPDX-License-Identifier: MIT
// A program that does nothing: execve and exit_group, no dynamic loader, no
// libc start-up (built -static -nostdlib). Tracing it measures a tracer's
// fixed start-up and tear-down cost.
void _start(void) {
  __asm__ volatile("mov $231, %eax\n\txor %edi, %edi\n\tsyscall");
}
