/* synchronous signals caught by handlers: SIGSEGV (MAPERR/ACCERR), SIGBUS,
 * SIGFPE, SIGILL, SIGTRAP (int3), SIGABRT; recovery via siglongjmp */
#include "corpus.h"
#include <setjmp.h>
#include <sys/mman.h>

static sigjmp_buf jb;
static void h(int sig, siginfo_t *si, void *uc)
{
	(void)si; (void)uc;
	char c = 'A' + sig;
	syscall(SYS_write, 1, &c, 1);
	siglongjmp(jb, 1);
}

int main(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = h;
	sa.sa_flags = SA_SIGINFO;
	int sigs[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGABRT };
	for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);

	if (!sigsetjmp(jb, 1))
		*(volatile int *)0x10 = 1; /* MAPERR at a small address */
	char *ro = (char *)S(SYS_mmap, NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (!sigsetjmp(jb, 1))
		*(volatile char *)ro = 1; /* ACCERR */
	int fd = S(SYS_openat, AT_FDCWD, "bus.bin", O_RDWR | O_CREAT | O_TRUNC, 0644);
	char *m = (char *)S(SYS_mmap, NULL, 8192, PROT_READ, MAP_SHARED, fd, 0);
	if (!sigsetjmp(jb, 1))
		(void)*(volatile char *)m; /* SIGBUS: beyond EOF */
	S(SYS_close, fd);
	S(SYS_unlink, "bus.bin");
	volatile int zero = 0;
	if (!sigsetjmp(jb, 1))
		zero = 10 / zero; /* SIGFPE */
	if (!sigsetjmp(jb, 1))
		__asm__ volatile("ud2");
	if (!sigsetjmp(jb, 1))
		__asm__ volatile("int3");
	if (!sigsetjmp(jb, 1))
		S(SYS_tgkill, S(SYS_getpid), S(SYS_gettid), SIGABRT);
	return 0;
}
