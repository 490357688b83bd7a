// SPDX-License-Identifier: MIT
// Memory management flag sets: mmap(2), madvise(2), mremap(2), NUMA, ...
// Names and their order follow strace 6.1 (its src/xlat/*.in lists); values come
// from the Linux uapi headers, or are literals where those headers lack the name.
// Only uapi headers here: glibc's own headers clash with them.
#include <linux/fadvise.h>
#include <linux/fcntl.h>
#include <linux/membarrier.h>
#include <linux/memfd.h>
#include <linux/mempolicy.h>
#include <linux/mman.h>

#include "syscalls/xlat/tables.h"

namespace syscope::xlat {
namespace {

// clang-format off
#define E(name) Entry{static_cast<uint64_t>(name), #name}
// clang-format on

constexpr Entry kProtFlags[] = {
    E(PROT_NONE), E(PROT_READ),      E(PROT_WRITE),   E(PROT_EXEC),
    E(PROT_SEM),  E(PROT_GROWSDOWN), E(PROT_GROWSUP),
};
constexpr Entry kMmapTypes[] = {
    E(MAP_SHARED),
    E(MAP_PRIVATE),
    E(MAP_SHARED_VALIDATE),
    E(MAP_FILE),
};
constexpr Entry kMmapFlags[] = {
    E(MAP_FIXED),      E(MAP_ANONYMOUS),     E(MAP_32BIT),           E(MAP_NORESERVE),
    E(MAP_POPULATE),   E(MAP_NONBLOCK),      E(MAP_GROWSDOWN),       E(MAP_DENYWRITE),
    E(MAP_EXECUTABLE), E(MAP_LOCKED),        E(MAP_STACK),           E(MAP_HUGETLB),
    E(MAP_SYNC),       E(MAP_UNINITIALIZED), E(MAP_FIXED_NOREPLACE),
};
constexpr Entry kMadviseAdvice[] = {
    E(MADV_NORMAL),          E(MADV_RANDOM),        E(MADV_SEQUENTIAL),
    E(MADV_WILLNEED),        E(MADV_DONTNEED),      E(MADV_FREE),
    E(MADV_REMOVE),          E(MADV_DONTFORK),      E(MADV_DOFORK),
    E(MADV_MERGEABLE),       E(MADV_UNMERGEABLE),   E(MADV_HUGEPAGE),
    E(MADV_NOHUGEPAGE),      E(MADV_DONTDUMP),      E(MADV_DODUMP),
    E(MADV_WIPEONFORK),      E(MADV_KEEPONFORK),    E(MADV_COLD),
    E(MADV_PAGEOUT),         E(MADV_POPULATE_READ), E(MADV_POPULATE_WRITE),
    E(MADV_DONTNEED_LOCKED), E(MADV_COLLAPSE),      E(MADV_HWPOISON),
    E(MADV_SOFT_OFFLINE),
};
constexpr Entry kMremapFlags[] = {
    E(MREMAP_MAYMOVE),
    E(MREMAP_FIXED),
    E(MREMAP_DONTUNMAP),
};
constexpr Entry kMsyncFlags[] = {
    E(MS_SYNC),
    E(MS_ASYNC),
    E(MS_INVALIDATE),
};
constexpr Entry kMlockFlags[] = {
    E(MLOCK_ONFAULT),
};
constexpr Entry kMlockallFlags[] = {
    E(MCL_CURRENT),
    E(MCL_FUTURE),
    E(MCL_ONFAULT),
};
constexpr Entry kMemfdFlags[] = {
    E(MFD_CLOEXEC),
    E(MFD_ALLOW_SEALING),
    E(MFD_HUGETLB),
};
constexpr Entry kMemfdSecretFlags[] = {
    E(O_CLOEXEC),
};
constexpr Entry kMembarrierCmds[] = {
    E(MEMBARRIER_CMD_QUERY),
    E(MEMBARRIER_CMD_GLOBAL),
    E(MEMBARRIER_CMD_GLOBAL_EXPEDITED),
    E(MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED),
    E(MEMBARRIER_CMD_PRIVATE_EXPEDITED),
    E(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED),
    E(MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE),
    E(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE),
    E(MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ),
    E(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ),
};
constexpr Entry kMembarrierFlags[] = {
    E(MEMBARRIER_CMD_FLAG_CPU),
};
constexpr Entry kMpolModes[] = {
    E(MPOL_DEFAULT),    E(MPOL_PREFERRED), E(MPOL_BIND),
    E(MPOL_INTERLEAVE), E(MPOL_LOCAL),     E(MPOL_PREFERRED_MANY),
};
constexpr Entry kMpolModeFlags[] = {
    E(MPOL_F_STATIC_NODES),
    E(MPOL_F_RELATIVE_NODES),
    E(MPOL_F_NUMA_BALANCING),
};
constexpr Entry kGetMempolicyFlags[] = {
    E(MPOL_F_NODE),
    E(MPOL_F_ADDR),
    E(MPOL_F_MEMS_ALLOWED),
};
constexpr Entry kMbindFlags[] = {
    E(MPOL_MF_STRICT),
    E(MPOL_MF_MOVE),
    E(MPOL_MF_MOVE_ALL),
};
constexpr Entry kMovePagesFlags[] = {
    E(MPOL_MF_MOVE),
    E(MPOL_MF_MOVE_ALL),
};
constexpr Entry kPkeyAccess[] = {
    E(PKEY_DISABLE_ACCESS),
    E(PKEY_DISABLE_WRITE),
    Entry{0x4, "PKEY_DISABLE_EXECUTE"},
};
constexpr Entry kFadviseAdvice[] = {
    E(POSIX_FADV_NORMAL),   E(POSIX_FADV_RANDOM),   E(POSIX_FADV_SEQUENTIAL),
    E(POSIX_FADV_WILLNEED), E(POSIX_FADV_DONTNEED), E(POSIX_FADV_NOREUSE),
};
constexpr Entry kSwapFlags[] = {
    Entry{0x8000, "SWAP_FLAG_PREFER"},
    Entry{0x10000, "SWAP_FLAG_DISCARD"},
    Entry{0x20000, "SWAP_FLAG_DISCARD_ONCE"},
    Entry{0x40000, "SWAP_FLAG_DISCARD_PAGES"},
};

#undef E

}  // namespace

const Table prot_flags{kProtFlags, std::size(kProtFlags), "PROT_???"};
const Table mmap_types{kMmapTypes, std::size(kMmapTypes), "MAP_???"};
const Table mmap_flags{kMmapFlags, std::size(kMmapFlags), "MAP_???"};
const Table madvise_advice{kMadviseAdvice, std::size(kMadviseAdvice), "MADV_???"};
const Table mremap_flags{kMremapFlags, std::size(kMremapFlags), "MREMAP_???"};
const Table msync_flags{kMsyncFlags, std::size(kMsyncFlags), "MS_???"};
const Table mlock_flags{kMlockFlags, std::size(kMlockFlags), "MLOCK_???"};
const Table mlockall_flags{kMlockallFlags, std::size(kMlockallFlags), "MCL_???"};
const Table memfd_flags{kMemfdFlags, std::size(kMemfdFlags), "MFD_???"};
const Table memfd_secret_flags{kMemfdSecretFlags, std::size(kMemfdSecretFlags), "O_???"};
const Table membarrier_cmds{kMembarrierCmds, std::size(kMembarrierCmds), "MEMBARRIER_CMD_???"};
const Table membarrier_flags{kMembarrierFlags, std::size(kMembarrierFlags),
                             "MEMBARRIER_CMD_FLAG_???"};
const Table mpol_modes{kMpolModes, std::size(kMpolModes), "MPOL_???"};
const Table mpol_mode_flags{kMpolModeFlags, std::size(kMpolModeFlags), "MPOL_???"};
const Table get_mempolicy_flags{kGetMempolicyFlags, std::size(kGetMempolicyFlags), "MPOL_???"};
const Table mbind_flags{kMbindFlags, std::size(kMbindFlags), "MPOL_???"};
const Table move_pages_flags{kMovePagesFlags, std::size(kMovePagesFlags), "MPOL_???"};
const Table pkey_access{kPkeyAccess, std::size(kPkeyAccess), "PKEY_???"};
const Table fadvise_advice{kFadviseAdvice, std::size(kFadviseAdvice), "POSIX_FADV_???"};
const Table swap_flags{kSwapFlags, std::size(kSwapFlags), "SWAP_FLAG_???"};

}  // namespace syscope::xlat
