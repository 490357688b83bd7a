/* SPDX-License-Identifier: MIT
 * syscope step test: a deterministic C program that spends most of its
 * instructions in libc (formatting, sorting, string and memory functions),
 * calling back into its own code from qsort.
 *
 *   step_libc [ROUNDS]     (default 20)
 *
 * Prints one checksum line; exit status 0.  Its instruction count is the same
 * on every run (with the same arguments and environment size, and the stack
 * at the same alignment: `syscope step --no-aslr`).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int table[512];
static char text[8192];

static int cmp(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

static unsigned mix(unsigned h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = h * 31 + (unsigned char)s[i];
	return h;
}

int main(int argc, char **argv)
{
	int rounds = argc > 1 ? atoi(argv[1]) : 20;
	unsigned seed = 12345, h = 0;
	for (int r = 0; r < rounds; r++) {
		for (int i = 0; i < 16; i++) {
			seed = seed * 1103515245u + 12345u;
			table[i] = (int)((seed >> 8) % 100000);
		}
		qsort(table, 16, sizeof table[0], cmp);
		size_t len = 0;
		for (int i = 0; i < 32; i++)
			len += (size_t)snprintf(text + len, sizeof text - len, "%d:%.9f;", table[i % 16], table[i % 16] / 7.0);
		memset(text + len, 'x', 4096);
		text[len + 4096] = 0;
		h = mix(h, text, 8) + (unsigned)strlen(text);
	}
	printf("%u %d\n", h, table[0]);
	return 0;
}
