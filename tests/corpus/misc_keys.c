/* Key management syscalls on paths whose results do not depend on the
 * machine (key serial numbers are random, so no key is created). */
#include "corpus.h"
#include <linux/keyctl.h>

int main(void)
{
	char buf[32];
	S(SYS_add_key, "syscope_no_type", "desc", "payload", 7, KEY_SPEC_PROCESS_KEYRING);
	S(SYS_add_key, "user", "", "p", 1, 12345);
	S(SYS_request_key, "user", "syscope:none", NULL, KEY_SPEC_THREAD_KEYRING);
	S(SYS_request_key, "syscope_no_type", "x", "info", 0);
	S(SYS_keyctl, KEYCTL_REVOKE, 12345);
	S(SYS_keyctl, KEYCTL_READ, 12345, buf, sizeof buf);
	S(SYS_keyctl, KEYCTL_DESCRIBE, 12345, buf, sizeof buf);
	S(SYS_keyctl, KEYCTL_SETPERM, 12345, 0x3f000000 | 0x00010000 | 0x40 /* KEY_POS_ALL|KEY_USR_VIEW|0x40 */);
	S(SYS_keyctl, KEYCTL_CHOWN, 12345, -1, 0);
	S(SYS_keyctl, KEYCTL_UPDATE, 12345, "new", 3);
	S(SYS_keyctl, KEYCTL_LINK, 12345, KEY_SPEC_USER_KEYRING);
	S(SYS_keyctl, KEYCTL_SEARCH, 12345, "user", "name", 0);
	S(SYS_keyctl, KEYCTL_SET_TIMEOUT, 12345, 60);
	S(SYS_keyctl, KEYCTL_INVALIDATE, 12345);
	S(SYS_keyctl, KEYCTL_REJECT, 12345, 10, EKEYREJECTED, 0);
	S(SYS_keyctl, KEYCTL_NEGATE, 12345, 10, KEY_SPEC_SESSION_KEYRING);
	S(SYS_keyctl, KEYCTL_INSTANTIATE, 12345, "data", 4, 0);
	S(SYS_keyctl, KEYCTL_SET_REQKEY_KEYRING, KEY_REQKEY_DEFL_NO_CHANGE);
	S(SYS_keyctl, KEYCTL_JOIN_SESSION_KEYRING + 1000, 1, 2, 3, 4); /* EOPNOTSUPP */
	S(SYS_keyctl, KEYCTL_RESTRICT_KEYRING, 12345, "asymmetric", NULL);
	S(SYS_keyctl, KEYCTL_MOVE, 12345, 1, 2, KEYCTL_MOVE_EXCL);
	return 0;
}
