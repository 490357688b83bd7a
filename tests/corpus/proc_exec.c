/* execve/execveat: success, ENOENT, ENOEXEC-ish, long argv (abbreviation),
 * long strings, empty env */
#include "corpus.h"

int main(void)
{
	corpus_block_sigchld();
	pid_t c = fork();
	if (c == 0) {
		char *argv[] = { "/bin/true", NULL };
		char *envp[] = { NULL };
		execve("/nonexistent", argv, envp); /* ENOENT */
		execve("/etc/hostname", argv, envp); /* EACCES (not executable) */
		execve("/bin", argv, envp);          /* EACCES (dir) */
		char *many[48];
		static char names[46][16];
		many[0] = "/bin/true";
		for (int i = 1; i < 46; i++) {
			names[i][0] = 'a';
			names[i][1] = '0' + i / 10;
			names[i][2] = '0' + i % 10;
			names[i][3] = 0;
			many[i] = names[i];
		}
		many[3] = "a-rather-long-argument-that-exceeds-the-default-string-limit-of-32";
		many[46] = NULL;
		char *env2[] = { "A=1", "B=two", "LONG=0123456789012345678901234567890123456789", NULL };
		execve("/bin/true", many, env2);
		_exit(127);
	}
	corpus_wait(c);
	c = fork();
	if (c == 0) {
		int dfd = S(SYS_openat, AT_FDCWD, "/bin", O_RDONLY | O_DIRECTORY);
		char *argv[] = { "true", "via-execveat", NULL };
		char *envp[] = { "X=y", NULL };
		S(SYS_execveat, dfd, "nonexistent", argv, envp, 0);
		S(SYS_execveat, dfd, "true", argv, envp, 0x12345); /* EINVAL */
		S(SYS_execveat, dfd, "true", argv, envp, 0);
		_exit(127);
	}
	corpus_wait(c);
	c = fork();
	if (c == 0) {
		S(SYS_execve, "/bin/true", NULL, NULL); /* NULL argv is accepted */
		_exit(127);
	}
	corpus_wait(c);
	c = fork();
	if (c == 0) {
		S(SYS_execve, "/bin/true", (char **)1, NULL); /* EFAULT */
		S(SYS_execve, (char *)1, NULL, NULL);          /* EFAULT */
		_exit(9);
	}
	corpus_wait(c);
	return 0;
}
