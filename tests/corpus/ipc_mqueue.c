/* POSIX message queues */
#include "corpus.h"
#include <mqueue.h>
#include <time.h>

int main(void)
{
	S(SYS_mq_unlink, "/syscope-mq");
	struct mq_attr at = { 0, 4, 32, 0 };
	int q = S(SYS_mq_open, "/syscope-mq", O_RDWR | O_CREAT | O_EXCL, 0600, &at);
	S(SYS_mq_open, "/syscope-mq", O_RDWR | O_CREAT | O_EXCL, 0600, NULL); /* EEXIST */
	int q2 = S(SYS_mq_open, "/syscope-mq", O_RDONLY | O_NONBLOCK);
	struct timespec ts = { 1, 0 };
	S(SYS_mq_timedsend, q, "first message", 13, 3, NULL);
	S(SYS_mq_timedsend, q, "second", 6, 7, &ts);
	char buf[64];
	unsigned prio = 0;
	S(SYS_mq_timedreceive, q2, buf, sizeof buf, &prio, NULL);
	S(SYS_mq_timedreceive, q2, buf, sizeof buf, NULL, &ts);
	S(SYS_mq_timedreceive, q2, buf, sizeof buf, &prio, NULL); /* EAGAIN */
	S(SYS_mq_timedreceive, q2, buf, 4, &prio, NULL); /* EMSGSIZE */
	struct sigevent sev;
	memset(&sev, 0, sizeof sev);
	sev.sigev_notify = SIGEV_SIGNAL;
	sev.sigev_signo = SIGUSR1;
	S(SYS_mq_notify, q, &sev);
	S(SYS_mq_notify, q, NULL);
	sev.sigev_notify = SIGEV_NONE;
	sev.sigev_value.sival_int = 5;
	S(SYS_mq_notify, q, &sev);
	S(SYS_mq_notify, q, NULL);
	struct mq_attr na = { O_NONBLOCK, 0, 0, 0 }, oa;
	S(SYS_mq_getsetattr, q, &na, &oa);
	S(SYS_mq_getsetattr, q, NULL, &oa);
	S(SYS_close, q2);
	S(SYS_close, q);
	S(SYS_mq_unlink, "/syscope-mq");
	S(SYS_mq_unlink, "/syscope-mq"); /* ENOENT */
	return 0;
}
