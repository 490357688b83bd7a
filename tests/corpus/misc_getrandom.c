/* getrandom (buffer contents are random: the harness normalises them) */
#include "corpus.h"
#include <sys/random.h>

int main(void)
{
	unsigned char b[64];
	S(SYS_getrandom, b, 16, 0);
	S(SYS_getrandom, b, 8, GRND_NONBLOCK);
	S(SYS_getrandom, b, 4, GRND_RANDOM | GRND_NONBLOCK);
	S(SYS_getrandom, b, 0, 0);
	S(SYS_getrandom, b, 64, GRND_INSECURE);
	S(SYS_getrandom, b, 4, 0x100); /* EINVAL */
	S(SYS_getrandom, NULL, 4, 0);  /* EFAULT */
	return 0;
}
