// SPDX-License-Identifier: MIT
// System V IPC: shm*, sem*, msg*. POSIX message queues are in ipc_mqueue.cc.
#include <linux/ipc.h>
#include <linux/msg.h>
#include <linux/sem.h>
#include <linux/shm.h>

#include <cinttypes>
#include <cstdio>
#include <cstring>

#include "decoders/families.h"
#include "decoders/misc_common.h"
#include "syscalls/xlat/tables.h"

namespace syscope {

// ipc_mqueue.cc
bool ipc_dec_mq_open(Call& c);
bool ipc_dec_mq_unlink(Call& c);
bool ipc_dec_mq_timedsend(Call& c);
bool ipc_dec_mq_timedreceive(Call& c);
bool ipc_dec_mq_notify(Call& c);
bool ipc_dec_mq_getsetattr(Call& c);

namespace {

using nim::print_flags;
using nim::print_xval;

const xlat::Entry kIpcPrivate[] = {{0, "IPC_PRIVATE"}};
const xlat::Table kIpcPrivateTable{kIpcPrivate, std::size(kIpcPrivate), nullptr};

constexpr unsigned kIpc64 = 0x100;
constexpr unsigned kShmHugeShift = 26;
constexpr unsigned kShmHugeMask = 0x3f;

void field(Printer& p, const char* name) { p.lit(name).ch('='); }

void print_mode(Printer& p, uint64_t mode) {
  char b[32];
  snprintf(b, sizeof b, "%#03" PRIo64, mode);
  p.lit(b);
}

void print_key(Printer& p, uint64_t key) {
  print_xval(p, static_cast<uint32_t>(key), kIpcPrivateTable, nullptr);
}

// PRINTCTL: IPC_64|IPC_STAT
void print_ctl(Printer& p, uint64_t arg, const xlat::Table& t, const char* dflt) {
  const uint32_t v = static_cast<uint32_t>(arg);
  if (v & kIpc64) {
    nim::print_xlat(p, kIpc64, "IPC_64");
    p.ch('|');
  }
  print_xval(p, v & ~kIpc64, t, dflt);
}

// x86_64 layouts of the kernel's ipc64 structures (linux/ipcbuf.h et al.).
struct Ipc64Perm {
  int32_t key;
  uint32_t uid, gid, cuid, cgid;
  uint32_t mode;
  uint16_t seq, pad2;
  uint64_t unused1, unused2;
};

void print_ipc_perm(Printer& p, const Ipc64Perm& perm, unsigned cmd) {
  p.ch('{');
  field(p, "uid");
  nim::print_id(p, perm.uid);
  p.sep();
  field(p, "gid");
  nim::print_id(p, perm.gid);
  p.sep();
  field(p, "mode");
  print_mode(p, perm.mode);
  if (cmd != IPC_SET) {
    p.sep();
    field(p, "key");
    p.udec(static_cast<uint32_t>(perm.key));
    p.sep();
    field(p, "cuid");
    nim::print_id(p, perm.cuid);
    p.sep();
    field(p, "cgid");
    nim::print_id(p, perm.cgid);
  }
  p.ch('}');
}

// ---- shared memory ----

bool dec_shmget(Call& c) {
  Printer& p = *c.p;
  print_key(p, c.arg(0));
  p.sep();
  p.udec(c.arg(1));
  p.sep();
  unsigned flags = static_cast<uint32_t>(c.arg(2)) & ~0777u;
  const unsigned mask = kShmHugeMask << kShmHugeShift;
  const unsigned huge = flags & mask;
  flags &= ~mask;
  if (flags || !huge) print_flags(p, flags, xlat::shm_resource_flags, nullptr);
  if (huge) {
    if (flags) p.ch('|');
    p.udec(huge >> kShmHugeShift);
    p.lit("<<");
    nim::print_xlat(p, kShmHugeShift, "SHM_HUGE_SHIFT", nim::XFmt::kUDec);
  }
  if (flags || huge) p.ch('|');
  print_mode(p, c.arg(2) & 0777);
  return true;
}

bool dec_shmat(Call& c) {
  Printer& p = *c.p;
  if (!c.exiting) {
    p.dec(c.iarg(0));
    p.sep();
    p.addr(c.arg(1));
    p.sep();
    print_flags(p, static_cast<uint32_t>(c.arg(2)), xlat::shm_flags, "SHM_???");
    return false;
  }
  return true;
}

bool dec_shmdt(Call& c) {
  c.p->addr(c.arg(0));
  return true;
}

// The ipc64 structures below have the x86_64 layout; for i386 tracees the
// address is printed instead.
bool ipc_struct_layout_known(Call& c, uint64_t addr) {
  if (c.abi != Abi::kI386) return true;
  c.p->addr(addr);
  return false;
}

void print_shmid_ds(Call& c, uint64_t addr, unsigned cmd) {
  if (!ipc_struct_layout_known(c, addr)) return;
  struct {
    Ipc64Perm perm;
    uint64_t segsz;
    int64_t atime, dtime, ctime;
    int32_t cpid, lpid;
    uint64_t nattch, unused4, unused5;
  } ds;
  static_assert(sizeof ds == sizeof(struct shmid64_ds));
  if (!nim::fetch_or_addr(c, addr, &ds)) return;
  Printer& p = *c.p;
  p.ch('{');
  field(p, "shm_perm");
  print_ipc_perm(p, ds.perm, cmd);
  if (cmd != IPC_SET) {
    p.lit(", shm_segsz=");
    p.udec(ds.segsz);
    p.lit(", shm_cpid=");
    p.dec(ds.cpid);
    p.lit(", shm_lpid=");
    p.dec(ds.lpid);
    p.lit(", shm_nattch=");
    p.udec(ds.nattch);
    p.lit(", shm_atime=");
    p.udec(static_cast<uint64_t>(ds.atime));
    p.lit(", shm_dtime=");
    p.udec(static_cast<uint64_t>(ds.dtime));
    p.lit(", shm_ctime=");
    p.udec(static_cast<uint64_t>(ds.ctime));
  }
  p.ch('}');
}

bool dec_shmctl(Call& c) {
  Printer& p = *c.p;
  const uint64_t addr = c.arg(2);
  const unsigned cmd = static_cast<uint32_t>(c.arg(1)) & ~kIpc64;
  if (!c.exiting) {
    p.dec(c.iarg(0));
    p.sep();
    print_ctl(p, c.arg(1), xlat::shmctl_cmds, "SHM_???");
    p.sep();
    switch (cmd) {
      case IPC_SET: print_shmid_ds(c, addr, cmd); return true;
      case IPC_STAT:
      case SHM_STAT:
      case SHM_STAT_ANY:
      case IPC_INFO:
      case SHM_INFO: return false;
      default: p.addr(addr); return true;
    }
  }
  switch (cmd) {
    case IPC_STAT:
    case SHM_STAT:
    case SHM_STAT_ANY: print_shmid_ds(c, addr, cmd); break;
    case IPC_INFO: {
      if (!ipc_struct_layout_known(c, addr)) break;
      uint64_t info[9];  // struct shminfo64
      if (!nim::fetch_or_addr(c, addr, info, sizeof info)) break;
      p.lit("{shmmax=");
      p.udec(info[0]);
      p.lit(", shmmin=");
      p.udec(info[1]);
      p.lit(", shmmni=");
      p.udec(info[2]);
      p.lit(", shmseg=");
      p.udec(info[3]);
      p.lit(", shmall=");
      p.udec(info[4]);
      p.ch('}');
      break;
    }
    case SHM_INFO: {
      if (!ipc_struct_layout_known(c, addr)) break;
      struct {
        int32_t used_ids;
        int32_t pad;
        uint64_t shm_tot, shm_rss, shm_swp, swap_attempts, swap_successes;
      } info;
      if (!nim::fetch_or_addr(c, addr, &info)) break;
      p.lit("{used_ids=");
      p.dec(info.used_ids);
      p.lit(", shm_tot=");
      p.udec(info.shm_tot);
      p.lit(", shm_rss=");
      p.udec(info.shm_rss);
      p.lit(", shm_swp=");
      p.udec(info.shm_swp);
      p.lit(", swap_attempts=");
      p.udec(info.swap_attempts);
      p.lit(", swap_successes=");
      p.udec(info.swap_successes);
      p.ch('}');
      break;
    }
    default: break;
  }
  return true;
}

// ---- semaphores ----

void print_resource_flags_mode(Printer& p, uint64_t v) {
  if (nim::print_flags_tables(p, v & ~0777ull, {&xlat::ipc_flags}, nullptr)) p.ch('|');
  print_mode(p, v & 0777);
}

bool dec_semget(Call& c) {
  Printer& p = *c.p;
  print_key(p, c.arg(0));
  p.sep();
  p.dec(c.iarg(1));
  p.sep();
  print_resource_flags_mode(p, static_cast<uint32_t>(c.arg(2)));
  return true;
}

void print_sembuf_array(Call& c, uint64_t addr, unsigned count) {
  Printer& p = *c.p;
  nim::print_array(c, addr, count, 6, [&](const void* e) {
    struct {
      uint16_t num;
      int16_t op;
      int16_t flg;
    } sb;
    memcpy(&sb, e, sizeof sb);
    p.lit("{sem_num=");
    p.udec(sb.num);
    p.lit(", sem_op=");
    p.dec(sb.op);
    p.lit(", sem_flg=");
    print_flags(p, static_cast<uint16_t>(sb.flg), xlat::semop_flags, "SEM_???");
    p.ch('}');
    return true;
  });
  p.sep();
  p.udec(count);
}

bool dec_semop(Call& c) {
  c.p->dec(c.iarg(0));
  c.p->sep();
  print_sembuf_array(c, c.arg(1), static_cast<uint32_t>(c.arg(2)));
  return true;
}

bool dec_semtimedop(Call& c) {
  c.p->dec(c.iarg(0));
  c.p->sep();
  print_sembuf_array(c, c.arg(1), static_cast<uint32_t>(c.arg(2)));
  c.p->sep();
  nim::print_timespec(c, c.arg(3));
  return true;
}

void print_semid_ds(Call& c, uint64_t addr, unsigned cmd) {
  if (!ipc_struct_layout_known(c, addr)) return;
  struct {
    Ipc64Perm perm;
    int64_t otime;
    uint64_t unused1;
    int64_t ctime;
    uint64_t unused2, nsems, unused3, unused4;
  } ds;
  static_assert(sizeof ds == sizeof(struct semid64_ds));
  Printer& p = *c.p;
  if (!nim::fetch_mem(c, addr, &ds, sizeof ds)) {
    p.addr(addr);
    return;
  }
  p.ch('{');
  field(p, "sem_perm");
  print_ipc_perm(p, ds.perm, cmd);
  if (cmd != IPC_SET) {
    p.lit(", sem_otime=");
    p.udec(static_cast<uint64_t>(ds.otime));
    p.lit(", sem_ctime=");
    p.udec(static_cast<uint64_t>(ds.ctime));
    p.lit(", sem_nsems=");
    p.udec(ds.nsems);
  }
  p.ch('}');
}

bool dec_semctl(Call& c) {
  Printer& p = *c.p;
  const unsigned cmd = static_cast<uint32_t>(c.arg(2)) & ~kIpc64;
  const uint64_t addr = c.arg(3);
  if (!c.exiting) {
    p.dec(c.iarg(0));
    p.sep();
    p.dec(c.iarg(1));
    p.sep();
    print_ctl(p, c.arg(2), xlat::semctl_cmds, "SEM_???");
    p.sep();
    switch (cmd) {
      case IPC_SET: print_semid_ds(c, addr, cmd); return true;
      case IPC_STAT:
      case SEM_STAT:
      case SEM_STAT_ANY:
      case IPC_INFO:
      case SEM_INFO: return false;
      default: p.addr(addr); return true;
    }
  }
  switch (cmd) {
    case IPC_STAT:
    case SEM_STAT:
    case SEM_STAT_ANY: print_semid_ds(c, addr, cmd); break;
    case IPC_INFO:
    case SEM_INFO: {
      int32_t info[10];
      if (!nim::fetch_or_addr(c, addr, info, sizeof info)) break;
      static const char* const kNames[] = {"semmap", "semmni", "semmns", "semmnu", "semmsl",
                                           "semopm", "semume", "semusz", "semvmx", "semaem"};
      p.ch('{');
      for (int i = 0; i < 10; ++i) {
        if (i) p.sep();
        field(p, kNames[i]);
        p.dec(info[i]);
      }
      p.ch('}');
      break;
    }
    default: break;
  }
  return true;
}

// ---- message queues ----

bool dec_msgget(Call& c) {
  print_key(*c.p, c.arg(0));
  c.p->sep();
  print_resource_flags_mode(*c.p, static_cast<uint32_t>(c.arg(1)));
  return true;
}

void print_msgbuf(Call& c, uint64_t addr, uint64_t count) {
  // struct msgbuf { long mtype; char mtext[1]; }, read whole as strace does.
  const bool m32 = c.abi == Abi::kI386;
  unsigned char msg[16];
  if (!nim::fetch_or_addr(c, addr, msg, m32 ? 8 : 16)) return;
  int64_t mtype;
  if (m32) {
    int32_t t;
    memcpy(&t, msg, 4);
    mtype = t;
  } else {
    memcpy(&mtype, msg, 8);
  }
  Printer& p = *c.p;
  p.lit("{mtype=");
  p.dec(mtype);
  p.lit(", mtext=");
  nim::print_strn(c, addr + (m32 ? 4 : 8), count);
  p.ch('}');
}

bool dec_msgsnd(Call& c) {
  Printer& p = *c.p;
  p.dec(c.iarg(0));
  p.sep();
  print_msgbuf(c, c.arg(1), c.arg(2));
  p.sep();
  p.udec(c.arg(2));
  p.sep();
  print_flags(p, static_cast<uint32_t>(c.arg(3)), xlat::ipc_msg_flags, "MSG_???");
  return true;
}

bool dec_msgrcv(Call& c) {
  Printer& p = *c.p;
  if (!c.exiting) {
    p.dec(c.iarg(0));
    p.sep();
    return false;
  }
  print_msgbuf(c, c.arg(1), c.arg(2));
  p.sep();
  p.udec(c.arg(2));
  p.sep();
  p.dec(static_cast<int64_t>(c.arg(3)));
  p.sep();
  print_flags(p, static_cast<uint32_t>(c.arg(4)), xlat::ipc_msg_flags, "MSG_???");
  return true;
}

void print_msqid_ds(Call& c, uint64_t addr, unsigned cmd) {
  if (!ipc_struct_layout_known(c, addr)) return;
  struct {
    Ipc64Perm perm;
    int64_t stime, rtime, ctime;
    uint64_t cbytes, qnum, qbytes;
    int32_t lspid, lrpid;
    uint64_t unused4, unused5;
  } ds;
  static_assert(sizeof ds == sizeof(struct msqid64_ds));
  if (!nim::fetch_or_addr(c, addr, &ds)) return;
  Printer& p = *c.p;
  p.ch('{');
  field(p, "msg_perm");
  print_ipc_perm(p, ds.perm, cmd);
  if (cmd != IPC_SET) {
    p.lit(", msg_stime=");
    p.udec(static_cast<uint64_t>(ds.stime));
    p.lit(", msg_rtime=");
    p.udec(static_cast<uint64_t>(ds.rtime));
    p.lit(", msg_ctime=");
    p.udec(static_cast<uint64_t>(ds.ctime));
    p.lit(", msg_qnum=");
    p.udec(ds.qnum);
  }
  p.lit(", msg_qbytes=");
  p.udec(ds.qbytes);
  if (cmd != IPC_SET) {
    p.lit(", msg_lspid=");
    p.dec(ds.lspid);
    p.lit(", msg_lrpid=");
    p.dec(ds.lrpid);
  }
  p.ch('}');
}

bool dec_msgctl(Call& c) {
  Printer& p = *c.p;
  const uint64_t addr = c.arg(2);
  const unsigned cmd = static_cast<uint32_t>(c.arg(1)) & ~kIpc64;
  if (!c.exiting) {
    p.dec(c.iarg(0));
    p.sep();
    print_ctl(p, c.arg(1), xlat::msgctl_cmds, "MSG_???");
    p.sep();
    switch (cmd) {
      case IPC_SET: print_msqid_ds(c, addr, cmd); return true;
      case IPC_STAT:
      case MSG_STAT:
      case MSG_STAT_ANY:
      case IPC_INFO:
      case MSG_INFO: return false;
      default: p.addr(addr); return true;
    }
  }
  switch (cmd) {
    case IPC_STAT:
    case MSG_STAT:
    case MSG_STAT_ANY: print_msqid_ds(c, addr, cmd); break;
    case IPC_INFO:
    case MSG_INFO: {
      struct {
        int32_t msgpool, msgmap, msgmax, msgmnb, msgmni, msgssz, msgtql;
        uint16_t msgseg;
      } info;
      if (!nim::fetch_or_addr(c, addr, &info)) break;
      p.lit("{msgpool=");
      p.dec(info.msgpool);
      p.lit(", msgmap=");
      p.dec(info.msgmap);
      p.lit(", msgmax=");
      p.dec(info.msgmax);
      p.lit(", msgmnb=");
      p.dec(info.msgmnb);
      p.lit(", msgmni=");
      p.dec(info.msgmni);
      p.lit(", msgssz=");
      p.dec(info.msgssz);
      p.lit(", msgtql=");
      p.dec(info.msgtql);
      p.lit(", msgseg=");
      p.udec(info.msgseg);
      p.ch('}');
      break;
    }
    default: break;
  }
  return true;
}

const DecoderEntry kTable[] = {
    {"shmget", dec_shmget, RetFmt::kDec},
    {"shmat", dec_shmat, RetFmt::kHex},
    {"shmdt", dec_shmdt, RetFmt::kDec},
    {"shmctl", dec_shmctl, RetFmt::kDec},
    {"semget", dec_semget, RetFmt::kDec},
    {"semop", dec_semop, RetFmt::kDec},
    {"semtimedop", dec_semtimedop, RetFmt::kDec},
    {"semctl", dec_semctl, RetFmt::kDec},
    {"msgget", dec_msgget, RetFmt::kDec},
    {"msgsnd", dec_msgsnd, RetFmt::kDec},
    {"msgrcv", dec_msgrcv, RetFmt::kDec},
    {"msgctl", dec_msgctl, RetFmt::kDec},
    {"mq_open", ipc_dec_mq_open, RetFmt::kFd},
    {"mq_unlink", ipc_dec_mq_unlink, RetFmt::kDec},
    {"mq_timedsend", ipc_dec_mq_timedsend, RetFmt::kDec},
    {"mq_timedreceive", ipc_dec_mq_timedreceive, RetFmt::kDec},
    // i386 names of the 64-bit time variants.
    {"semtimedop_time64", dec_semtimedop, RetFmt::kDec},
    {"mq_timedsend_time64", ipc_dec_mq_timedsend, RetFmt::kDec},
    {"mq_timedreceive_time64", ipc_dec_mq_timedreceive, RetFmt::kDec},
    {"mq_notify", ipc_dec_mq_notify, RetFmt::kDec},
    {"mq_getsetattr", ipc_dec_mq_getsetattr, RetFmt::kDec},
};

}  // namespace

namespace families {
std::span<const DecoderEntry> ipc() { return kTable; }
}  // namespace families

}  // namespace syscope
