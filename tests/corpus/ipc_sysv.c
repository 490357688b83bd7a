/* SysV IPC: shared memory, semaphores, message queues. A fresh IPC namespace
 * (when permitted) makes the ids deterministic. */
#include "corpus.h"
#include <sched.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <time.h>

struct mbuf { long mtype; char mtext[16]; };

int main(void)
{
	S(SYS_unshare, CLONE_NEWIPC);

	int shm = S(SYS_shmget, IPC_PRIVATE, 8192, IPC_CREAT | 0600);
	S(SYS_shmget, 0x1234, 4096, IPC_CREAT | IPC_EXCL | SHM_NORESERVE | 0640);
	S(SYS_shmget, 0x1234, 4096, IPC_CREAT | IPC_EXCL | 0640); /* EEXIST */
	S(SYS_shmget, IPC_PRIVATE, 2 << 20, IPC_CREAT | SHM_HUGETLB | (21 << 26) | 0600);
	void *a = (void *)S(SYS_shmat, shm, NULL, SHM_RDONLY);
	S(SYS_shmdt, a);
	S(SYS_shmat, 9999, NULL, 0); /* EINVAL */
	/* IPC_STAT results hold pids and times: only the failing form here */
	S(SYS_shmctl, shm, IPC_STAT, (void *)8);
	struct shmid_ds ds;
	memset(&ds, 0, sizeof ds);
	ds.shm_perm.mode = 0644;
	S(SYS_shmctl, shm, IPC_SET, &ds);
	struct shminfo si;
	S(SYS_shmctl, 0, IPC_INFO, &si);
	struct shm_info sinf;
	S(SYS_shmctl, 0, SHM_INFO, &sinf);
	S(SYS_shmctl, shm, IPC_RMID, NULL);
	S(SYS_shmctl, shm, 77, NULL); /* EINVAL */

	int sem = S(SYS_semget, IPC_PRIVATE, 2, IPC_CREAT | 0600);
	S(SYS_semget, IPC_PRIVATE, 1, 0600);
	struct sembuf ops[2] = { { 0, 1, 0 }, { 1, 2, SEM_UNDO | IPC_NOWAIT } };
	S(SYS_semop, sem, ops, 2);
	struct sembuf dec = { 0, -5, IPC_NOWAIT };
	S(SYS_semop, sem, &dec, 1); /* EAGAIN */
	struct timespec ts = { 0, 1000 };
	dec.sem_flg = 0;
	S(SYS_semtimedop, sem, &dec, 1, &ts); /* EAGAIN after timeout */
	S(SYS_semtimedop, sem, ops, 1, NULL);
	S(SYS_semctl, sem, 0, IPC_STAT, (void *)8);
	S(SYS_semctl, sem, 1, GETVAL, 0);
	S(SYS_semctl, sem, 0, SETVAL, 7);
	struct seminfo sinfo;
	S(SYS_semctl, 0, 0, IPC_INFO, &sinfo);
	S(SYS_semctl, sem, 0, IPC_RMID, 0);

	int q = S(SYS_msgget, IPC_PRIVATE, IPC_CREAT | 0600);
	struct mbuf m = { 42, "hello queue" };
	S(SYS_msgsnd, q, &m, 11, 0);
	S(SYS_msgsnd, q, &m, 5, IPC_NOWAIT);
	struct mbuf r;
	S(SYS_msgrcv, q, &r, sizeof r.mtext, 0, 0);
	S(SYS_msgrcv, q, &r, 2, 42, MSG_NOERROR | IPC_NOWAIT);
	S(SYS_msgrcv, q, &r, sizeof r.mtext, 0, IPC_NOWAIT); /* ENOMSG */
	S(SYS_msgctl, q, IPC_STAT, (void *)8);
	struct msqid_ds qds;
	memset(&qds, 0, sizeof qds);
	qds.msg_perm.mode = 0600;
	qds.msg_qbytes = 8192;
	S(SYS_msgctl, q, IPC_SET, &qds);
	struct msginfo mi;
	S(SYS_msgctl, 0, MSG_INFO, &mi);
	S(SYS_msgctl, q, IPC_RMID, NULL);
	S(SYS_msgget, 0x4321, 0); /* ENOENT */
	return 0;
}
