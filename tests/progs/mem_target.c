/* SPDX-License-Identifier: MIT
 * Target of tests/integration/mem_*.py: holds known values at known places.
 *
 *   mem_target [THREADS]
 *
 * Prints "NAME=0xADDR" lines (where each value lives), then "ready", then
 * serves commands read from stdin, one per line:
 *   print   one line with the current values (u32= u64= f64= str= bytes= ro= watched=)
 *   magic   calls get_magic() (whose code the test may rewrite) and prints magic=N
 *   poke    writes g_watched (a hardware watchpoint set by the test fires)
 *   quit    exits 0
 * Copies of a needle string (built at run time, so it exists nowhere else in
 * memory) are planted in .data, .bss, the heap, the stack, an anonymous
 * mapping (straddling a page boundary) and a 64 MiB mapping (straddling
 * chunk boundaries); their addresses are printed as needle=0xADDR lines.
 * The u32 0xa1b2c3d4 is planted twice (u32needle= lines). A SIGTRAP handler
 * reports watchpoint hits as "trap code=N".
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

volatile uint32_t g_u32 = 0x11223344;
volatile uint64_t g_u64 = 0x0102030405060708ull;
volatile double g_f64 = 3.25;
char g_str[64] = "hello, world";
uint8_t g_bytes[32];
volatile uint64_t g_watched;
char g_needle_data[64] = {1}; /* .data */
char g_needle_bss[64];        /* .bss */
uint32_t g_u32needle[4];
volatile uint32_t g_u32enc = 0xfbe8998eu; /* 0xa1b2c3d4 ^ 0x5a5a5a5a */

/* "SyScOpE-NeEdLe-7f3a" xor 0x5a: the plain text appears only where planted. */
static const unsigned char kEnc[] = {0x09, 0x23, 0x09, 0x39, 0x15, 0x2a, 0x1f, 0x77, 0x14, 0x3f,
                                     0x1f, 0x3e, 0x16, 0x3f, 0x77, 0x6d, 0x3c, 0x69, 0x3b};
#define NEEDLE_LEN sizeof(kEnc)

__attribute__((noinline)) static void plant(volatile char *dst)
{
	for (size_t i = 0; i < NEEDLE_LEN; i++)
		dst[i] = (char)(kEnc[i] ^ 0x5a);
}

__attribute__((noinline)) int get_magic(void)
{
	return 42;
}

static int (*volatile magic_fn)(void) = get_magic;

static void on_trap(int sig, siginfo_t *si, void *uc)
{
	char buf[64];
	int n = snprintf(buf, sizeof buf, "trap code=%d\n", si->si_code);
	write(1, buf, n);
}

static void *idle_thread(void *arg)
{
	for (;;)
		pause();
	return arg;
}

int main(int argc, char **argv)
{
	volatile char stack_copy[64];
	int nthreads = argc > 1 ? atoi(argv[1]) : 0;
	long page = sysconf(_SC_PAGESIZE);

	setvbuf(stdout, NULL, _IOLBF, 0);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_trap;
	sa.sa_flags = SA_SIGINFO | SA_RESTART;
	sigaction(SIGTRAP, &sa, NULL);

	for (int i = 0; i < 32; i++)
		g_bytes[i] = (uint8_t)i;

	/* A read-only data page and a hole (unmapped page between two mapped ones). */
	uint32_t *ro = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	*ro = 0xc0ffee;
	mprotect(ro, page, PROT_READ);
	char *hole = mmap(NULL, 3 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	memset(hole, 'A', page);
	memset(hole + 2 * page, 'C', page);
	munmap(hole + page, page);

	/* Needle copies. */
	char *heap = malloc(256);
	memset(heap, 0, 256);
	char *anon = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	size_t big_len = 64u << 20;
	char *big = mmap(NULL, big_len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	memset(big, 0x11, big_len);
	volatile char *where[] = {g_needle_data + 3, g_needle_bss + 1, heap + 5, stack_copy + 7, anon + page - 3,
				  big + (32u << 20) - 7, big + (8u << 20) - 1, big + big_len - NEEDLE_LEN};
	for (size_t i = 0; i < sizeof where / sizeof where[0]; i++)
		plant(where[i]);
	uint32_t *heap_u32 = (uint32_t *)(heap + 128);
	g_u32needle[1] = g_u32enc ^ 0x5a5a5a5au;
	*heap_u32 = g_u32enc ^ 0x5a5a5a5au;

	pthread_t t;
	for (int i = 0; i < nthreads; i++)
		pthread_create(&t, NULL, idle_thread, NULL);

	printf("pid=%d\n", getpid());
	printf("u32=%p\nu64=%p\nf64=%p\nstr=%p\nbytes=%p\nro=%p\nhole=%p\nmagic_fn=%p\nwatched=%p\n",
	       (void *)&g_u32, (void *)&g_u64, (void *)&g_f64, (void *)g_str, (void *)g_bytes, (void *)ro,
	       (void *)hole, (void *)get_magic, (void *)&g_watched);
	printf("big=%p\n", (void *)big);
	for (size_t i = 0; i < sizeof where / sizeof where[0]; i++)
		printf("needle=%p\n", (void *)where[i]);
	printf("u32needle=%p\nu32needle=%p\n", (void *)&g_u32needle[1], (void *)heap_u32);
	printf("ready\n");

	char line[256];
	while (fgets(line, sizeof line, stdin)) {
		if (strncmp(line, "print", 5) == 0) {
			char hex[3 * 32 + 1];
			for (int i = 0; i < 32; i++)
				sprintf(hex + 2 * i, "%02x", g_bytes[i]);
			printf("u32=0x%x u64=0x%llx f64=%.17g str=%s bytes=%s ro=0x%x watched=%llu\n", g_u32,
			       (unsigned long long)g_u64, g_f64, g_str, hex, *ro, (unsigned long long)g_watched);
		} else if (strncmp(line, "magic", 5) == 0) {
			printf("magic=%d\n", magic_fn());
		} else if (strncmp(line, "poke", 4) == 0) {
			g_watched++;
			printf("poked\n");
		} else if (strncmp(line, "quit", 4) == 0) {
			return 0;
		}
	}
	return 0;
}
