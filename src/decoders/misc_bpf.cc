// SPDX-License-Identifier: MIT
// bpf(cmd, attr, size): the attribute union decoded for the map and object
// commands and BPF_PROG_LOAD as strace 6.1 prints them; other commands print
// the attribute address. The program (insns) is printed only with -v.
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <vector>

#include "decoders/misc_bpf_filter.h"
#include "decoders/misc_common.h"
#include "decoders/net_internal.h"
#include "syscalls/xlat/tables.h"

namespace syscope {
namespace {

using nim::print_flags;
using nim::print_xval;

const xlat::Entry kMapTypes[] = {
    {0, "BPF_MAP_TYPE_UNSPEC"}, {1, "BPF_MAP_TYPE_HASH"}, {2, "BPF_MAP_TYPE_ARRAY"},
    {3, "BPF_MAP_TYPE_PROG_ARRAY"}, {4, "BPF_MAP_TYPE_PERF_EVENT_ARRAY"},
    {5, "BPF_MAP_TYPE_PERCPU_HASH"}, {6, "BPF_MAP_TYPE_PERCPU_ARRAY"},
    {7, "BPF_MAP_TYPE_STACK_TRACE"}, {8, "BPF_MAP_TYPE_CGROUP_ARRAY"},
    {9, "BPF_MAP_TYPE_LRU_HASH"}, {10, "BPF_MAP_TYPE_LRU_PERCPU_HASH"},
    {11, "BPF_MAP_TYPE_LPM_TRIE"}, {12, "BPF_MAP_TYPE_ARRAY_OF_MAPS"},
    {13, "BPF_MAP_TYPE_HASH_OF_MAPS"}, {14, "BPF_MAP_TYPE_DEVMAP"}, {15, "BPF_MAP_TYPE_SOCKMAP"},
    {16, "BPF_MAP_TYPE_CPUMAP"}, {17, "BPF_MAP_TYPE_XSKMAP"}, {18, "BPF_MAP_TYPE_SOCKHASH"},
    {19, "BPF_MAP_TYPE_CGROUP_STORAGE"}, {20, "BPF_MAP_TYPE_REUSEPORT_SOCKARRAY"},
    {21, "BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE"}, {22, "BPF_MAP_TYPE_QUEUE"},
    {23, "BPF_MAP_TYPE_STACK"}, {24, "BPF_MAP_TYPE_SK_STORAGE"},
    {25, "BPF_MAP_TYPE_DEVMAP_HASH"}, {26, "BPF_MAP_TYPE_STRUCT_OPS"},
    {27, "BPF_MAP_TYPE_RINGBUF"}, {28, "BPF_MAP_TYPE_INODE_STORAGE"},
    {29, "BPF_MAP_TYPE_TASK_STORAGE"}, {30, "BPF_MAP_TYPE_BLOOM_FILTER"},
    {31, "BPF_MAP_TYPE_USER_RINGBUF"},
};
const xlat::Table kMapTypesTable{kMapTypes, std::size(kMapTypes), "BPF_MAP_TYPE_???"};

const xlat::Entry kMapFlags[] = {
    {1u << 0, "BPF_F_NO_PREALLOC"}, {1u << 1, "BPF_F_NO_COMMON_LRU"}, {1u << 2, "BPF_F_NUMA_NODE"},
    {1u << 3, "BPF_F_RDONLY"}, {1u << 4, "BPF_F_WRONLY"}, {1u << 5, "BPF_F_STACK_BUILD_ID"},
    {1u << 6, "BPF_F_ZERO_SEED"}, {1u << 7, "BPF_F_RDONLY_PROG"}, {1u << 8, "BPF_F_WRONLY_PROG"},
    {1u << 9, "BPF_F_CLONE"}, {1u << 10, "BPF_F_MMAPABLE"}, {1u << 11, "BPF_F_PRESERVE_ELEMS"},
    {1u << 12, "BPF_F_INNER_MAP"},
};
const xlat::Table kMapFlagsTable{kMapFlags, std::size(kMapFlags), "BPF_F_???"};

const xlat::Entry kProgTypes[] = {
    {0, "BPF_PROG_TYPE_UNSPEC"}, {1, "BPF_PROG_TYPE_SOCKET_FILTER"}, {2, "BPF_PROG_TYPE_KPROBE"},
    {3, "BPF_PROG_TYPE_SCHED_CLS"}, {4, "BPF_PROG_TYPE_SCHED_ACT"},
    {5, "BPF_PROG_TYPE_TRACEPOINT"}, {6, "BPF_PROG_TYPE_XDP"}, {7, "BPF_PROG_TYPE_PERF_EVENT"},
    {8, "BPF_PROG_TYPE_CGROUP_SKB"}, {9, "BPF_PROG_TYPE_CGROUP_SOCK"},
    {10, "BPF_PROG_TYPE_LWT_IN"}, {11, "BPF_PROG_TYPE_LWT_OUT"}, {12, "BPF_PROG_TYPE_LWT_XMIT"},
    {13, "BPF_PROG_TYPE_SOCK_OPS"}, {14, "BPF_PROG_TYPE_SK_SKB"},
    {15, "BPF_PROG_TYPE_CGROUP_DEVICE"}, {16, "BPF_PROG_TYPE_SK_MSG"},
    {17, "BPF_PROG_TYPE_RAW_TRACEPOINT"}, {18, "BPF_PROG_TYPE_CGROUP_SOCK_ADDR"},
    {19, "BPF_PROG_TYPE_LWT_SEG6LOCAL"}, {20, "BPF_PROG_TYPE_LIRC_MODE2"},
    {21, "BPF_PROG_TYPE_SK_REUSEPORT"}, {22, "BPF_PROG_TYPE_FLOW_DISSECTOR"},
    {23, "BPF_PROG_TYPE_CGROUP_SYSCTL"}, {24, "BPF_PROG_TYPE_RAW_TRACEPOINT_WRITABLE"},
    {25, "BPF_PROG_TYPE_CGROUP_SOCKOPT"}, {26, "BPF_PROG_TYPE_TRACING"},
    {27, "BPF_PROG_TYPE_STRUCT_OPS"}, {28, "BPF_PROG_TYPE_EXT"}, {29, "BPF_PROG_TYPE_LSM"},
    {30, "BPF_PROG_TYPE_SK_LOOKUP"}, {31, "BPF_PROG_TYPE_SYSCALL"},
};
const xlat::Table kProgTypesTable{kProgTypes, std::size(kProgTypes), "BPF_PROG_TYPE_???"};

const xlat::Entry kProgFlags[] = {
    {1u << 0, "BPF_F_STRICT_ALIGNMENT"}, {1u << 1, "BPF_F_ANY_ALIGNMENT"},
    {1u << 2, "BPF_F_TEST_RND_HI32"}, {1u << 3, "BPF_F_TEST_STATE_FREQ"},
    {1u << 4, "BPF_F_SLEEPABLE"},
};
const xlat::Table kProgFlagsTable{kProgFlags, std::size(kProgFlags), "BPF_F_???"};

const xlat::Entry kLookupFlags[] = {{0, "BPF_ANY"}, {4, "BPF_F_LOCK"}};
const xlat::Table kLookupFlagsTable{kLookupFlags, std::size(kLookupFlags), "BPF_???"};
const xlat::Entry kUpdateFlags[] = {{0, "BPF_ANY"}, {1, "BPF_NOEXIST"}, {2, "BPF_EXIST"},
                                    {4, "BPF_F_LOCK"}};
const xlat::Table kUpdateFlagsTable{kUpdateFlags, std::size(kUpdateFlags), "BPF_???"};
const xlat::Entry kFileModeFlags[] = {{1u << 3, "BPF_F_RDONLY"}, {1u << 4, "BPF_F_WRONLY"}};
const xlat::Table kFileModeFlagsTable{kFileModeFlags, std::size(kFileModeFlags), "BPF_F_???"};

const xlat::Entry kAttachTypes[] = {
    {0, "BPF_CGROUP_INET_INGRESS"}, {1, "BPF_CGROUP_INET_EGRESS"},
    {2, "BPF_CGROUP_INET_SOCK_CREATE"}, {3, "BPF_CGROUP_SOCK_OPS"},
    {4, "BPF_SK_SKB_STREAM_PARSER"}, {5, "BPF_SK_SKB_STREAM_VERDICT"}, {6, "BPF_CGROUP_DEVICE"},
    {7, "BPF_SK_MSG_VERDICT"}, {8, "BPF_CGROUP_INET4_BIND"}, {9, "BPF_CGROUP_INET6_BIND"},
    {10, "BPF_CGROUP_INET4_CONNECT"}, {11, "BPF_CGROUP_INET6_CONNECT"},
    {12, "BPF_CGROUP_INET4_POST_BIND"}, {13, "BPF_CGROUP_INET6_POST_BIND"},
    {14, "BPF_CGROUP_UDP4_SENDMSG"}, {15, "BPF_CGROUP_UDP6_SENDMSG"}, {16, "BPF_LIRC_MODE2"},
    {17, "BPF_FLOW_DISSECTOR"}, {18, "BPF_CGROUP_SYSCTL"}, {19, "BPF_CGROUP_UDP4_RECVMSG"},
    {20, "BPF_CGROUP_UDP6_RECVMSG"}, {21, "BPF_CGROUP_GETSOCKOPT"},
    {22, "BPF_CGROUP_SETSOCKOPT"}, {23, "BPF_TRACE_RAW_TP"}, {24, "BPF_TRACE_FENTRY"},
    {25, "BPF_TRACE_FEXIT"}, {26, "BPF_MODIFY_RETURN"}, {27, "BPF_LSM_MAC"},
    {28, "BPF_TRACE_ITER"}, {29, "BPF_CGROUP_INET4_GETPEERNAME"},
    {30, "BPF_CGROUP_INET6_GETPEERNAME"}, {31, "BPF_CGROUP_INET4_GETSOCKNAME"},
    {32, "BPF_CGROUP_INET6_GETSOCKNAME"}, {33, "BPF_XDP_DEVMAP"},
    {34, "BPF_CGROUP_INET_SOCK_RELEASE"}, {35, "BPF_XDP_CPUMAP"}, {36, "BPF_SK_LOOKUP"},
    {37, "BPF_XDP"}, {38, "BPF_SK_SKB_VERDICT"}, {39, "BPF_SK_REUSEPORT_SELECT"},
    {40, "BPF_SK_REUSEPORT_SELECT_OR_MIGRATE"}, {41, "BPF_PERF_EVENT"},
    {42, "BPF_TRACE_KPROBE_MULTI"}, {43, "BPF_LSM_CGROUP"},
};
const xlat::Table kAttachTypesTable{kAttachTypes, std::size(kAttachTypes), "BPF_???"};
const xlat::Entry kAttachFlags[] = {{1u << 0, "BPF_F_ALLOW_OVERRIDE"},
                                    {1u << 1, "BPF_F_ALLOW_MULTI"},
                                    {1u << 2, "BPF_F_REPLACE"}};
const xlat::Table kAttachFlagsTable{kAttachFlags, std::size(kAttachFlags), "BPF_F_???"};

constexpr unsigned kObjNameLen = 16;

void field(Printer& p, const char* name) { p.lit(name).ch('='); }

uint32_t u32(const unsigned char* a, size_t off) {
  uint32_t v;
  memcpy(&v, a + off, 4);
  return v;
}
uint64_t u64(const unsigned char* a, size_t off) {
  uint64_t v;
  memcpy(&v, a + off, 8);
  return v;
}

// print_quoted_cstring() of an in-struct name of at most size bytes.
void print_name(Printer& p, const unsigned char* s, size_t size) {
  unsigned char buf[kObjNameLen + 1] = {};
  memcpy(buf, s, size);
  nim::print_quoted_cstring(p, buf, size);
}

void print_kernel_version(Printer& p, uint32_t v) {
  if (!nim::style_abbrev(p)) p.hex(v);
  if (nim::style_raw(p)) return;
  char b[64];
  snprintf(b, sizeof b, "KERNEL_VERSION(%u, %u, %u)", v >> 16, (v >> 8) & 0xff, v & 0xff);
  if (nim::style_verbose(p))
    nim::print_comment(p, b);
  else
    p.lit(b);
}

// Prints ", ..." (or the extra bytes with -v) when the attribute is larger
// than what we know and the rest is not all zero.
void print_extra_data(Call& c, const unsigned char* data, unsigned size, size_t attr_size) {
  if (size <= attr_size) return;
  for (unsigned i = attr_size; i < size; ++i) {
    if (!data[i]) continue;
    Printer& p = *c.p;
    p.sep();
    if (nim::abbrev(c)) {
      p.lit("...");
    } else {
      field(p, "extra_data");
      nim::print_quoted(p, data + attr_size, size - attr_size, nim::kQuoteForceHex);
      char b[64];
      snprintf(b, sizeof b, "bytes %zu..%zu", attr_size, static_cast<size_t>(size) - 1);
      nim::print_comment(p, b);
    }
    return;
  }
}

// Each decoder gets the attribute bytes (zero-padded to its own size) and
// the length the caller passed; returns true when done (size printed now).
void map_create(Call& c, const unsigned char* a, unsigned len) {
  Printer& p = *c.p;
  p.lit("{map_type=");
  print_xval(p, u32(a, 0), kMapTypesTable, "BPF_MAP_TYPE_???");
  p.lit(", key_size=");
  p.udec(u32(a, 4));
  p.lit(", value_size=");
  p.udec(u32(a, 8));
  p.lit(", max_entries=");
  p.udec(u32(a, 12));
  do {
    if (len <= 16) break;
    const uint32_t flags = u32(a, 16);
    p.lit(", map_flags=");
    print_flags(p, flags, kMapFlagsTable, "BPF_F_???");
    if (len <= 20) break;
    p.lit(", inner_map_fd=");
    p.fd(static_cast<int32_t>(u32(a, 20)));
    if (len <= 24) break;
    if (flags & 4 /* BPF_F_NUMA_NODE */) {
      p.lit(", numa_node=");
      const uint32_t node = u32(a, 24);
      if (nim::style_raw(p)) {
        p.udec(node);
      } else {
        p.udec(node);
        if (node == UINT32_MAX) nim::print_comment(p, "NUMA_NO_NODE");
      }
    }
    if (len <= 28) break;
    p.lit(", map_name=");
    print_name(p, a + 28, std::min<size_t>(kObjNameLen, len - 28));
    if (len <= 44) break;
    p.lit(", map_ifindex=");
    net::print_ifindex(p, u32(a, 44));
    if (len <= 48) break;
    p.lit(", btf_fd=");
    p.fd(static_cast<int32_t>(u32(a, 48)));
    p.lit(", btf_key_type_id=");
    p.udec(u32(a, 52));
    p.lit(", btf_value_type_id=");
    p.udec(u32(a, 56));
    if (len <= 60) break;
    p.lit(", btf_vmlinux_value_type_id=");
    p.udec(u32(a, 60));
    if (len <= 64) break;
    p.lit(", map_extra=");
    if (u64(a, 64) == UINT64_MAX)
      nim::print_xlat(p, UINT64_MAX, "UINT64_MAX", nim::XFmt::kUDec);
    else
      p.udec(u64(a, 64));
  } while (false);
}

void prog_load(Call& c, const unsigned char* a, unsigned len) {
  Printer& p = *c.p;
  p.lit("{prog_type=");
  print_xval(p, u32(a, 0), kProgTypesTable, "BPF_PROG_TYPE_???");
  p.lit(", insn_cnt=");
  p.udec(u32(a, 4));
  p.lit(", insns=");
  nim::print_ebpf_prog(c, u64(a, 8), u32(a, 4));
  p.lit(", license=");
  nim::print_cstr(c, u64(a, 16));
  do {
    if (len <= 24) break;
    p.lit(", log_level=");
    p.udec(u32(a, 24));
    p.lit(", log_size=");
    p.udec(u32(a, 28));
    p.lit(", log_buf=");
    nim::print_str(c, u64(a, 32), u32(a, 28), nim::kQuote0Terminated);
    if (len <= 40) break;
    p.lit(", kern_version=");
    print_kernel_version(p, u32(a, 40));
    if (len <= 44) break;
    p.lit(", prog_flags=");
    print_flags(p, u32(a, 44), kProgFlagsTable, "BPF_F_???");
    if (len <= 48) break;
    p.lit(", prog_name=");
    print_name(p, a + 48, std::min<size_t>(kObjNameLen, len - 48));
    if (len <= 64) break;
    p.lit(", prog_ifindex=");
    net::print_ifindex(p, u32(a, 64));
    if (len <= 68) break;
    p.lit(", expected_attach_type=");
    print_xval(p, u32(a, 68), kAttachTypesTable, "BPF_???");
    if (len <= 72) break;
    p.lit(", prog_btf_fd=");
    p.fd(static_cast<int32_t>(u32(a, 72)));
    p.lit(", func_info_rec_size=");
    p.udec(u32(a, 76));
    p.lit(", func_info=");
    p.addr(u64(a, 80));
    p.lit(", func_info_cnt=");
    p.udec(u32(a, 88));
    p.lit(", line_info_rec_size=");
    p.udec(u32(a, 92));
    p.lit(", line_info=");
    p.addr(u64(a, 96));
    p.lit(", line_info_cnt=");
    p.udec(u32(a, 104));
    if (len <= 108) break;
    p.lit(", attach_btf_id=");
    p.udec(u32(a, 108));
    if (len <= 112) break;
    p.lit(", attach_prog_fd=");
    p.fd(static_cast<int32_t>(u32(a, 112)));
    if (len <= 120) break;
    p.lit(", fd_array=");
    p.addr(u64(a, 120));
  } while (false);
}

enum Cmd : unsigned {
  kMapCreate = 0, kMapLookupElem, kMapUpdateElem, kMapDeleteElem, kMapGetNextKey, kProgLoad,
  kObjPin, kObjGet, kProgAttach, kProgDetach, kProgTestRun, kProgGetNextId, kMapGetNextId,
  kProgGetFdById, kMapGetFdById, kObjGetInfoByFd, kProgQuery, kRawTracepointOpen, kBtfLoad,
  kBtfGetFdById, kTaskFdQuery, kMapLookupAndDeleteElem, kMapFreeze, kBtfGetNextId,
};

// Size of strace's per-command attribute struct, 0 if we do not decode it.
size_t attr_size(unsigned cmd) {
  switch (cmd) {
    case kMapCreate: return 72;
    case kMapLookupElem:
    case kMapLookupAndDeleteElem:
    case kMapUpdateElem: return 32;
    case kMapDeleteElem: return 16;
    case kMapGetNextKey: return 24;
    case kMapFreeze: return 4;
    case kProgLoad: return 128;
    case kObjPin:
    case kObjGet: return 16;
    case kProgAttach: return 20;
    case kProgDetach: return 12;
    case kProgGetNextId:
    case kMapGetNextId:
    case kBtfGetNextId: return 12;
    case kProgGetFdById:
    case kMapGetFdById: return 12;
    case kBtfGetFdById: return 4;
    case kBtfLoad: return 28;
    case kRawTracepointOpen: return 12;
    default: return 0;
  }
}

// Returns false when the command is decoded again at exit.
bool decode_cmd(Call& c, unsigned cmd, const unsigned char* data, unsigned size) {
  const size_t asz = attr_size(cmd);
  std::vector<unsigned char> attr(std::max<size_t>(asz, 8), 0);
  const unsigned len = std::min<unsigned>(size, static_cast<unsigned>(asz));
  memcpy(attr.data(), data, len);
  const unsigned char* a = attr.data();
  Printer& p = *c.p;
  bool done = true;
  switch (cmd) {
    case kMapCreate:
      map_create(c, a, len);
      c.ret = RetFmt::kFd;
      break;
    case kMapLookupElem:
    case kMapLookupAndDeleteElem:
      p.lit("{map_fd=");
      p.fd(static_cast<int32_t>(u32(a, 0)));
      p.lit(", key=");
      p.addr(u64(a, 8));
      p.lit(", value=");
      p.addr(u64(a, 16));
      if (len > 24) {
        p.lit(", flags=");
        print_flags(p, u64(a, 24), kLookupFlagsTable, "BPF_???");
      }
      break;
    case kMapUpdateElem:
      p.lit("{map_fd=");
      p.fd(static_cast<int32_t>(u32(a, 0)));
      p.lit(", key=");
      p.addr(u64(a, 8));
      p.lit(", value=");
      p.addr(u64(a, 16));
      p.lit(", flags=");
      print_xval(p, u64(a, 24), kUpdateFlagsTable, "BPF_???");
      break;
    case kMapDeleteElem:
      p.lit("{map_fd=");
      p.fd(static_cast<int32_t>(u32(a, 0)));
      p.lit(", key=");
      p.addr(u64(a, 8));
      break;
    case kMapGetNextKey:
      p.lit("{map_fd=");
      p.fd(static_cast<int32_t>(u32(a, 0)));
      p.lit(", key=");
      p.addr(u64(a, 8));
      p.lit(", next_key=");
      p.addr(u64(a, 16));
      break;
    case kMapFreeze:
      p.lit("{map_fd=");
      p.fd(static_cast<int32_t>(u32(a, 0)));
      break;
    case kProgLoad:
      prog_load(c, a, len);
      c.ret = RetFmt::kFd;
      break;
    case kObjPin:
    case kObjGet:
      p.lit("{pathname=");
      p.path(u64(a, 0));
      p.lit(", bpf_fd=");
      p.fd(static_cast<int32_t>(u32(a, 8)));
      if (len > 12) {
        p.lit(", file_flags=");
        print_flags(p, u32(a, 12), kFileModeFlagsTable, "BPF_F_???");
      }
      c.ret = RetFmt::kFd;
      break;
    case kProgAttach:
      p.lit("{target_fd=");
      p.fd(static_cast<int32_t>(u32(a, 0)));
      p.lit(", attach_bpf_fd=");
      p.fd(static_cast<int32_t>(u32(a, 4)));
      p.lit(", attach_type=");
      print_xval(p, u32(a, 8), kAttachTypesTable, "BPF_???");
      p.lit(", attach_flags=");
      print_flags(p, u32(a, 12), kAttachFlagsTable, "BPF_F_???");
      if (len > 16) {
        p.lit(", replace_bpf_fd=");
        p.fd(static_cast<int32_t>(u32(a, 16)));
      }
      break;
    case kProgDetach:
      p.lit("{target_fd=");
      p.fd(static_cast<int32_t>(u32(a, 0)));
      p.lit(", attach_type=");
      print_xval(p, u32(a, 8), kAttachTypesTable, "BPF_???");
      break;
    case kProgGetNextId:
    case kMapGetNextId:
    case kBtfGetNextId:
      if (!c.exiting) {
        c.saved[1] = u32(a, 4);
        p.lit("{start_id=");
        p.udec(u32(a, 0));
        p.lit(", next_id=");
        p.udec(u32(a, 4));
        return false;
      }
      if (c.saved[1] != u32(a, 4)) {
        p.lit(" => ");
        p.udec(u32(a, 4));
      }
      if (len > 8) {
        p.lit(", open_flags=");
        print_flags(p, u32(a, 8), kFileModeFlagsTable, "BPF_F_???");
      }
      break;
    case kProgGetFdById:
    case kMapGetFdById:
      p.lit(cmd == kProgGetFdById ? "{prog_id=" : "{map_id=");
      p.udec(u32(a, 0));
      p.lit(", next_id=");
      p.udec(u32(a, 4));
      if (len > 8) {
        p.lit(", open_flags=");
        print_flags(p, u32(a, 8), kFileModeFlagsTable, "BPF_F_???");
      }
      c.ret = RetFmt::kFd;
      break;
    case kBtfGetFdById:
      p.lit("{btf_id=");
      p.udec(u32(a, 0));
      c.ret = RetFmt::kFd;
      break;
    case kBtfLoad:
      p.lit("{btf=");
      nim::print_strn(c, u64(a, 0), u32(a, 16));
      p.lit(", btf_log_buf=");
      p.addr(u64(a, 8));
      p.lit(", btf_size=");
      p.udec(u32(a, 16));
      p.lit(", btf_log_size=");
      p.udec(u32(a, 20));
      p.lit(", btf_log_level=");
      p.udec(u32(a, 24));
      c.ret = RetFmt::kFd;
      break;
    case kRawTracepointOpen:
      p.lit("{raw_tracepoint={name=");
      nim::print_str(c, u64(a, 0), 128, nim::kQuote0Terminated);
      p.lit(", prog_fd=");
      p.fd(static_cast<int32_t>(u32(a, 8)));
      p.ch('}');
      break;
    default: break;
  }
  print_extra_data(c, data, size, asz);
  p.ch('}');
  return done;
}

}  // namespace

bool misc_dec_bpf(Call& c) {
  Printer& p = *c.p;
  const unsigned cmd = static_cast<uint32_t>(c.arg(0));
  const uint64_t addr = c.arg(1);
  const unsigned size = static_cast<uint32_t>(c.arg(2));
  bool done = true;
  if (!c.exiting) {
    print_xval(p, cmd, xlat::bpf_cmds, "BPF_???");
    p.sep();
  }
  if (size > 0 && size <= 4096 && attr_size(cmd)) {
    std::vector<unsigned char> buf(size);
    if (nim::fetch_or_addr_ignore_error(c, addr, buf.data(), size))
      done = decode_cmd(c, cmd, buf.data(), size);
  } else {
    p.addr(addr);
  }
  if (c.exiting || done) {
    p.sep();
    p.udec(size);
  }
  return done;
}

}  // namespace syscope
