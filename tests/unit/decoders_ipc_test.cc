// SPDX-License-Identifier: MIT
// SysV IPC and POSIX message queue decoders (expected text from strace 6.1).
#include <gtest/gtest.h>
#include <linux/ipc.h>
#include <linux/msg.h>
#include <linux/sem.h>
#include <linux/shm.h>

#include <cstring>

#include "support/fake_tracee.h"

namespace syscope {
namespace {

using testing::decode_line;
using testing::FakeTracee;

constexpr uint64_t kA = 0x10000;
constexpr uint64_t kB = 0x20000;

TEST(DecodersIpc, Shmget) {
  FakeTracee m;
  FormatOptions o;
  EXPECT_EQ(decode_line(m, o, "shmget", {IPC_PRIVATE, 8192, IPC_CREAT | 0600}, 0),
            "shmget(IPC_PRIVATE, 8192, IPC_CREAT|0600) = 0");
  EXPECT_EQ(decode_line(m, o, "shmget", {0x1234, 4096, IPC_CREAT | IPC_EXCL | 010000 | 0640}, 1),
            "shmget(0x1234, 4096, IPC_CREAT|IPC_EXCL|SHM_NORESERVE|0640) = 1");
  EXPECT_EQ(decode_line(m, o, "shmget", {0, 2 << 20, IPC_CREAT | 04000 | (21u << 26) | 0600}, 2),
            "shmget(IPC_PRIVATE, 2097152, IPC_CREAT|SHM_HUGETLB|21<<SHM_HUGE_SHIFT|0600) = 2");
  EXPECT_EQ(decode_line(m, o, "shmget", {0, 4096, 0600}, 3), "shmget(IPC_PRIVATE, 4096, 0600) = 3");
}

TEST(DecodersIpc, ShmatReturnsAddress) {
  FakeTracee m;
  FormatOptions o;
  EXPECT_EQ(decode_line(m, o, "shmat", {0, 0, SHM_RDONLY}, 0x7f1234560000),
            "shmat(0, NULL, SHM_RDONLY) = 0x7f1234560000");
  EXPECT_EQ(decode_line(m, o, "shmat", {9999, 0, 0}, -22),
            "shmat(9999, NULL, 0) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(decode_line(m, o, "shmdt", {0x7f1234560000}, 0), "shmdt(0x7f1234560000) = 0");
}

TEST(DecodersIpc, ShmctlCommands) {
  FakeTracee m;
  FormatOptions o;
  EXPECT_EQ(decode_line(m, o, "shmctl", {0, IPC_RMID, 0}, 0), "shmctl(0, IPC_RMID, NULL) = 0");
  EXPECT_EQ(decode_line(m, o, "shmctl", {0, 77, 0}, -22),
            "shmctl(0, 0x4d /* SHM_??? */, NULL) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(decode_line(m, o, "shmctl", {0, IPC_STAT | 0x100, kA}, -14),
            "shmctl(0, IPC_64|IPC_STAT, 0x10000) = -1 EFAULT (Bad address)");
}

TEST(DecodersIpc, ShmctlStatAtExit) {
  FakeTracee m;
  FormatOptions o;
  struct shmid64_ds ds = {};
  ds.shm_perm.mode = 0600;
  ds.shm_segsz = 8192;
  ds.shm_cpid = 31008;
  ds.shm_lpid = 31008;
  ds.shm_atime = ds.shm_dtime = ds.shm_ctime = 1795811975;
  m.map_struct(kA, ds);
  EXPECT_EQ(decode_line(m, o, "shmctl", {0, IPC_STAT, kA}, 0),
            "shmctl(0, IPC_STAT, {shm_perm={uid=0, gid=0, mode=0600, key=0, cuid=0, cgid=0}, "
            "shm_segsz=8192, shm_cpid=31008, shm_lpid=31008, shm_nattch=0, shm_atime=1795811975, "
            "shm_dtime=1795811975, shm_ctime=1795811975}) = 0");
  EXPECT_EQ(decode_line(m, o, "shmctl", {0, IPC_SET, kA}, 0),
            "shmctl(0, IPC_SET, {shm_perm={uid=0, gid=0, mode=0600}}) = 0");
  struct msqid64_ds q = {};
  q.msg_perm.mode = 0600;
  q.msg_stime = q.msg_rtime = q.msg_ctime = 1795811975;
  q.msg_qbytes = 16384;
  q.msg_lspid = q.msg_lrpid = 31008;
  m.map_struct(kB, q);
  EXPECT_EQ(decode_line(m, o, "msgctl", {0, IPC_STAT, kB}, 0),
            "msgctl(0, IPC_STAT, {msg_perm={uid=0, gid=0, mode=0600, key=0, cuid=0, cgid=0}, "
            "msg_stime=1795811975, msg_rtime=1795811975, msg_ctime=1795811975, msg_qnum=0, "
            "msg_qbytes=16384, msg_lspid=31008, msg_lrpid=31008}) = 0");
  EXPECT_EQ(decode_line(m, o, "msgctl", {0, IPC_SET, kB}, 0),
            "msgctl(0, IPC_SET, {msg_perm={uid=0, gid=0, mode=0600}, msg_qbytes=16384}) = 0");
}

TEST(DecodersIpc, SemopAndSemget) {
  FakeTracee m;
  FormatOptions o;
  struct {
    uint16_t num;
    int16_t op;
    int16_t flg;
  } ops[2] = {{0, 1, 0}, {1, 2, SEM_UNDO | IPC_NOWAIT}};
  m.map(kA, ops, sizeof ops);
  EXPECT_EQ(decode_line(m, o, "semop", {0, kA, 2}, 0),
            "semop(0, [{sem_num=0, sem_op=1, sem_flg=0}, {sem_num=1, sem_op=2, "
            "sem_flg=SEM_UNDO|IPC_NOWAIT}], 2) = 0");
  struct {
    int64_t s, ns;
  } ts = {0, 1000};
  m.map_struct(kB, ts);
  EXPECT_EQ(decode_line(m, o, "semtimedop", {0, kA, 1, kB}, -11),
            "semtimedop(0, [{sem_num=0, sem_op=1, sem_flg=0}], 1, {tv_sec=0, tv_nsec=1000}) = -1 "
            "EAGAIN (Resource temporarily unavailable)");
  EXPECT_EQ(decode_line(m, o, "semget", {0, 2, IPC_CREAT | 0600}, 0),
            "semget(IPC_PRIVATE, 2, IPC_CREAT|0600) = 0");
  EXPECT_EQ(decode_line(m, o, "semctl", {0, 1, GETVAL, 0}, 2), "semctl(0, 1, GETVAL, NULL) = 2");
}

TEST(DecodersIpc, MsgsndMsgrcv) {
  FakeTracee m;
  FormatOptions o;
  struct {
    int64_t mtype;
    char mtext[16];
  } msg = {42, "hello queue"};
  m.map_struct(kA, msg);
  EXPECT_EQ(decode_line(m, o, "msgsnd", {0, kA, 11, 0}, 0),
            "msgsnd(0, {mtype=42, mtext=\"hello queue\"}, 11, 0) = 0");
  EXPECT_EQ(decode_line(m, o, "msgrcv", {0, kA, 2, 42, MSG_NOERROR | IPC_NOWAIT}, 2),
            "msgrcv(0, {mtype=42, mtext=\"he\"}, 2, 42, MSG_NOERROR|IPC_NOWAIT) = 2");
  EXPECT_EQ(decode_line(m, o, "msgrcv", {0, kA, 16, 0, IPC_NOWAIT}, -42),
            "msgrcv(0, 0x10000, 16, 0, IPC_NOWAIT) = -1 ENOMSG (No message of desired type)");
  EXPECT_EQ(decode_line(m, o, "msgget", {0x4321, 0}, -2),
            "msgget(0x4321, 000) = -1 ENOENT (No such file or directory)");
}

TEST(DecodersIpc, MqOpenAndSend) {
  FakeTracee m;
  FormatOptions o;
  m.map_string(kA, "/syscope-mq");
  int64_t attr[8] = {0, 4, 32, 0};
  m.map(kB, attr, sizeof attr);
  EXPECT_EQ(decode_line(m, o, "mq_open", {kA, 02 | 0100 | 0200, 0600, kB}, 3),
            "mq_open(\"/syscope-mq\", O_RDWR|O_CREAT|O_EXCL, 0600, {mq_flags=0, mq_maxmsg=4, "
            "mq_msgsize=32, mq_curmsgs=0}) = 3");
  EXPECT_EQ(decode_line(m, o, "mq_open", {kA, 04000, 0, 0}, 4),
            "mq_open(\"/syscope-mq\", O_RDONLY|O_NONBLOCK) = 4");
  m.map(kA + 0x100, "second", 6);
  EXPECT_EQ(decode_line(m, o, "mq_timedsend", {3, kA + 0x100, 6, 7, 0}, 0),
            "mq_timedsend(3, \"second\", 6, 7, NULL) = 0");
  EXPECT_EQ(decode_line(m, o, "mq_getsetattr", {3, 0, kB}, 0),
            "mq_getsetattr(3, NULL, {mq_flags=0, mq_maxmsg=4, mq_msgsize=32, mq_curmsgs=0}) = 0");
  EXPECT_EQ(decode_line(m, o, "mq_notify", {3, 0}, 0), "mq_notify(3, NULL) = 0");
}

}  // namespace
}  // namespace syscope
