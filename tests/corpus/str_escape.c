/* string escaping and truncation (-s) on write buffers */
#include "corpus.h"

int main(void)
{
	int fd = S(SYS_openat, AT_FDCWD, "/dev/null", O_WRONLY);
	unsigned char all[256];
	for (int i = 0; i < 256; i++)
		all[i] = (unsigned char)i;
	S(SYS_write, fd, all, 256);
	S(SYS_write, fd, all + 32, 96);
	S(SYS_write, fd, all + 120, 16);
	S(SYS_write, fd, all + 200, 56);
	WLIT(fd, "\t\n\v\f\r\"\\ quotes and escapes");
	WLIT(fd, "\0" "012\n\1a\t\177"); /* octal escape followed by digits */
	WLIT(fd, "\0\1\2\3\4\5\6\7\10\11\12\13\14\15\16\17\20\37");
	WLIT(fd, "0123456789abcdef0123456789abcde");   /* 31 */
	WLIT(fd, "0123456789abcdef0123456789abcdef");  /* 32 */
	WLIT(fd, "0123456789abcdef0123456789abcdefX"); /* 33 */
	WLIT(fd, "");
	WLIT(fd, "utf8: \xe2\x82\xac \xc3\xa9 \xf0\x9f\x98\x80");
	WLIT(fd, "\x1b]0;title\x07\x1b[2J\x9b""31m");
	WLIT(fd, "hello\0binary\1\2\0");
	char big[300];
	for (int i = 0; i < 300; i++)
		big[i] = 'A' + i % 26;
	S(SYS_write, fd, big, 300);
	S(SYS_write, fd, big, 64);
	S(SYS_write, fd, big, 65);
	/* NUL-terminated string arguments, not counted buffers */
	S(SYS_prctl, 15 /* PR_SET_NAME */, "name\twith\ttabs", 0, 0, 0);
	S(SYS_chdir, "a \"quoted\" dir\\with\nnewline"); /* ENOENT */
	S(SYS_close, fd);
	return 0;
}
