/* plain exit status */
#include "corpus.h"

int main(void)
{
	WLIT(1, "exiting with 42\n");
	S(SYS_exit_group, 42);
	return 0;
}
