// SPDX-License-Identifier: MIT
// perf_event_open(attr, pid, cpu, group_fd, flags). Like strace, the whole
// line is printed at exit (the kernel may rewrite attr->size), unless attr
// cannot be read at entry.
#include <linux/hw_breakpoint.h>
#include <linux/perf_event.h>

#include <cstddef>
#include <cstdio>
#include <cstring>

#include "decoders/misc_common.h"
#include "syscalls/xlat/tables.h"

namespace syscope {
namespace {

using nim::print_flags;
using nim::print_xval;

const xlat::Entry kTypeIds[] = {
    {0, "PERF_TYPE_HARDWARE"}, {1, "PERF_TYPE_SOFTWARE"}, {2, "PERF_TYPE_TRACEPOINT"},
    {3, "PERF_TYPE_HW_CACHE"}, {4, "PERF_TYPE_RAW"},      {5, "PERF_TYPE_BREAKPOINT"},
};
const xlat::Table kTypeIdsTable{kTypeIds, std::size(kTypeIds), "PERF_TYPE_???"};
const xlat::Entry kAttrSizes[] = {
    {64, "PERF_ATTR_SIZE_VER0"}, {72, "PERF_ATTR_SIZE_VER1"},  {80, "PERF_ATTR_SIZE_VER2"},
    {96, "PERF_ATTR_SIZE_VER3"}, {104, "PERF_ATTR_SIZE_VER4"}, {112, "PERF_ATTR_SIZE_VER5"},
    {120, "PERF_ATTR_SIZE_VER6"}, {128, "PERF_ATTR_SIZE_VER7"},
};
const xlat::Table kAttrSizesTable{kAttrSizes, std::size(kAttrSizes), "PERF_ATTR_SIZE_???"};
const xlat::Entry kHwIds[] = {
    {0, "PERF_COUNT_HW_CPU_CYCLES"}, {1, "PERF_COUNT_HW_INSTRUCTIONS"},
    {2, "PERF_COUNT_HW_CACHE_REFERENCES"}, {3, "PERF_COUNT_HW_CACHE_MISSES"},
    {4, "PERF_COUNT_HW_BRANCH_INSTRUCTIONS"}, {5, "PERF_COUNT_HW_BRANCH_MISSES"},
    {6, "PERF_COUNT_HW_BUS_CYCLES"}, {7, "PERF_COUNT_HW_STALLED_CYCLES_FRONTEND"},
    {8, "PERF_COUNT_HW_STALLED_CYCLES_BACKEND"}, {9, "PERF_COUNT_HW_REF_CPU_CYCLES"},
};
const xlat::Table kHwIdsTable{kHwIds, std::size(kHwIds), "PERF_COUNT_HW_???"};
const xlat::Entry kSwIds[] = {
    {0, "PERF_COUNT_SW_CPU_CLOCK"}, {1, "PERF_COUNT_SW_TASK_CLOCK"},
    {2, "PERF_COUNT_SW_PAGE_FAULTS"}, {3, "PERF_COUNT_SW_CONTEXT_SWITCHES"},
    {4, "PERF_COUNT_SW_CPU_MIGRATIONS"}, {5, "PERF_COUNT_SW_PAGE_FAULTS_MIN"},
    {6, "PERF_COUNT_SW_PAGE_FAULTS_MAJ"}, {7, "PERF_COUNT_SW_ALIGNMENT_FAULTS"},
    {8, "PERF_COUNT_SW_EMULATION_FAULTS"}, {9, "PERF_COUNT_SW_DUMMY"},
    {10, "PERF_COUNT_SW_BPF_OUTPUT"}, {11, "PERF_COUNT_SW_CGROUP_SWITCHES"},
};
const xlat::Table kSwIdsTable{kSwIds, std::size(kSwIds), "PERF_COUNT_SW_???"};
const xlat::Entry kCacheIds[] = {
    {0, "PERF_COUNT_HW_CACHE_L1D"}, {1, "PERF_COUNT_HW_CACHE_L1I"}, {2, "PERF_COUNT_HW_CACHE_LL"},
    {3, "PERF_COUNT_HW_CACHE_DTLB"}, {4, "PERF_COUNT_HW_CACHE_ITLB"},
    {5, "PERF_COUNT_HW_CACHE_BPU"}, {6, "PERF_COUNT_HW_CACHE_NODE"},
};
const xlat::Table kCacheIdsTable{kCacheIds, std::size(kCacheIds), "PERF_COUNT_HW_CACHE_???"};
const xlat::Entry kCacheOps[] = {{0, "PERF_COUNT_HW_CACHE_OP_READ"},
                                 {1, "PERF_COUNT_HW_CACHE_OP_WRITE"},
                                 {2, "PERF_COUNT_HW_CACHE_OP_PREFETCH"}};
const xlat::Table kCacheOpsTable{kCacheOps, std::size(kCacheOps), "PERF_COUNT_HW_CACHE_OP_???"};
const xlat::Entry kCacheResults[] = {{0, "PERF_COUNT_HW_CACHE_RESULT_ACCESS"},
                                     {1, "PERF_COUNT_HW_CACHE_RESULT_MISS"}};
const xlat::Table kCacheResultsTable{kCacheResults, std::size(kCacheResults),
                                     "PERF_COUNT_HW_CACHE_RESULT_???"};
const xlat::Entry kSampleFormat[] = {
    {1u << 0, "PERF_SAMPLE_IP"}, {1u << 1, "PERF_SAMPLE_TID"}, {1u << 2, "PERF_SAMPLE_TIME"},
    {1u << 3, "PERF_SAMPLE_ADDR"}, {1u << 4, "PERF_SAMPLE_READ"},
    {1u << 5, "PERF_SAMPLE_CALLCHAIN"}, {1u << 6, "PERF_SAMPLE_ID"}, {1u << 7, "PERF_SAMPLE_CPU"},
    {1u << 8, "PERF_SAMPLE_PERIOD"}, {1u << 9, "PERF_SAMPLE_STREAM_ID"},
    {1u << 10, "PERF_SAMPLE_RAW"}, {1u << 11, "PERF_SAMPLE_BRANCH_STACK"},
    {1u << 12, "PERF_SAMPLE_REGS_USER"}, {1u << 13, "PERF_SAMPLE_STACK_USER"},
    {1u << 14, "PERF_SAMPLE_WEIGHT"}, {1u << 15, "PERF_SAMPLE_DATA_SRC"},
    {1u << 16, "PERF_SAMPLE_IDENTIFIER"}, {1u << 17, "PERF_SAMPLE_TRANSACTION"},
    {1u << 18, "PERF_SAMPLE_REGS_INTR"}, {1u << 19, "PERF_SAMPLE_PHYS_ADDR"},
    {1u << 20, "PERF_SAMPLE_AUX"}, {1u << 21, "PERF_SAMPLE_CGROUP"},
    {1u << 22, "PERF_SAMPLE_DATA_PAGE_SIZE"}, {1u << 23, "PERF_SAMPLE_CODE_PAGE_SIZE"},
    {1u << 24, "PERF_SAMPLE_WEIGHT_STRUCT"},
};
const xlat::Table kSampleFormatTable{kSampleFormat, std::size(kSampleFormat), "PERF_SAMPLE_???"};
const xlat::Entry kReadFormat[] = {
    {1u << 0, "PERF_FORMAT_TOTAL_TIME_ENABLED"}, {1u << 1, "PERF_FORMAT_TOTAL_TIME_RUNNING"},
    {1u << 2, "PERF_FORMAT_ID"}, {1u << 3, "PERF_FORMAT_GROUP"}, {1u << 4, "PERF_FORMAT_LOST"},
};
const xlat::Table kReadFormatTable{kReadFormat, std::size(kReadFormat), "PERF_FORMAT_???"};

constexpr unsigned kSizeVer0 = 64;

struct PerfSaved {
  perf_event_attr attr;
  uint32_t size;
};

void field(Printer& p, const char* name) { p.lit(name).ch('='); }

void print_attr(Call& c, const perf_event_attr& a, uint32_t size) {
  Printer& p = *c.p;
  static const char* const kPreciseIp[] = {"arbitrary skid", "constant skid",
                                           "requested to have 0 skid", "must have 0 skid"};
  int use_new_size = 0;
  uint32_t new_size = 0;
  if (c.failed() && c.rval == -7 /* E2BIG */) {
    use_new_size = p.ctx().read(c.arg(0) + offsetof(perf_event_attr, size), &new_size,
                                sizeof new_size) == sizeof new_size
                       ? 1
                       : -1;
  }
  p.lit("{type=");
  print_xval(p, a.type, kTypeIdsTable, "PERF_TYPE_???");
  p.lit(", size=");
  print_xval(p, a.size, kAttrSizesTable, "PERF_ATTR_SIZE_???");
  if (use_new_size) {
    p.lit(" => ");
    if (use_new_size > 0)
      print_xval(p, new_size, kAttrSizesTable, "PERF_ATTR_SIZE_???");
    else
      p.lit("???");
  }
  p.lit(", config=");
  switch (a.type) {
    case PERF_TYPE_HARDWARE:
      if (a.config >> 32) {
        p.hex(a.config >> 32);
        p.lit("<<32|");
      }
      print_xval(p, a.config & PERF_HW_EVENT_MASK, kHwIdsTable, "PERF_COUNT_HW_???");
      break;
    case PERF_TYPE_SOFTWARE: print_xval(p, a.config, kSwIdsTable, "PERF_COUNT_SW_???"); break;
    case PERF_TYPE_TRACEPOINT: p.udec(a.config); break;
    case PERF_TYPE_HW_CACHE:
      if (a.config >> 32) {
        p.hex(a.config >> 32);
        p.lit("<<32|");
      }
      if ((a.config & PERF_HW_EVENT_MASK) >> 24) {
        p.hex((a.config & PERF_HW_EVENT_MASK) >> 24);
        p.lit("<<24|");
      }
      print_xval(p, (a.config >> 16) & 0xff, kCacheResultsTable, "PERF_COUNT_HW_CACHE_RESULT_???");
      p.lit("<<16|");
      print_xval(p, (a.config >> 8) & 0xff, kCacheOpsTable, "PERF_COUNT_HW_CACHE_OP_???");
      p.lit("<<8|");
      print_xval(p, a.config & 0xff, kCacheIdsTable, "PERF_COUNT_HW_CACHE_???");
      break;
    default: p.hex(a.config); break;
  }
  if (a.freq) {
    p.lit(", sample_freq=");
    p.udec(a.sample_freq);
  } else {
    p.lit(", sample_period=");
    p.udec(a.sample_period);
  }
  p.lit(", sample_type=");
  print_flags(p, a.sample_type, kSampleFormatTable, "PERF_SAMPLE_???");
  p.lit(", read_format=");
  print_flags(p, a.read_format, kReadFormatTable, "PERF_FORMAT_???");
  const bool abbr = nim::abbrev(c);
  auto flag = [&](const char* name, unsigned v) {
    if (!abbr || v) {
      p.sep();
      field(p, name);
      p.udec(v);
    }
  };
  flag("disabled", a.disabled);
  flag("inherit", a.inherit);
  flag("pinned", a.pinned);
  flag("exclusive", a.exclusive);
  flag("exclude_user", a.exclude_user);
  flag("exclude_kernel", a.exclude_kernel);
  flag("exclude_hv", a.exclude_hv);
  flag("exclude_idle", a.exclude_idle);
  flag("mmap", a.mmap);
  flag("comm", a.comm);
  flag("freq", a.freq);
  flag("inherit_stat", a.inherit_stat);
  flag("enable_on_exec", a.enable_on_exec);
  flag("task", a.task);
  flag("watermark", a.watermark);
  p.lit(", precise_ip=");
  p.udec(a.precise_ip);
  nim::print_comment(p, kPreciseIp[a.precise_ip]);
  flag("mmap_data", a.mmap_data);
  flag("sample_id_all", a.sample_id_all);
  flag("exclude_host", a.exclude_host);
  flag("exclude_guest", a.exclude_guest);
  flag("exclude_callchain_kernel", a.exclude_callchain_kernel);
  flag("exclude_callchain_user", a.exclude_callchain_user);
  flag("mmap2", a.mmap2);
  flag("comm_exec", a.comm_exec);
  flag("use_clockid", a.use_clockid);
  flag("context_switch", a.context_switch);
  flag("write_backward", a.write_backward);
  flag("namespaces", a.namespaces);
  flag("ksymbol", a.ksymbol);
  flag("bpf_event", a.bpf_event);
  flag("aux_output", a.aux_output);
  flag("cgroup", a.cgroup);
  flag("text_poke", a.text_poke);
  flag("build_id", a.build_id);
  flag("inherit_thread", a.inherit_thread);
  flag("remove_on_exec", a.remove_on_exec);
  flag("sigtrap", a.sigtrap);
  if (a.__reserved_1) {
    p.lit(", __reserved_1=");
    p.hex(static_cast<uint64_t>(a.__reserved_1));
    nim::print_comment(p, "Bits 63..38");
  }
  auto past = [&](size_t off) { return off >= size; };
  do {
    if (abbr) break;
    if (a.watermark) {
      p.lit(", wakeup_watermark=");
      p.udec(a.wakeup_watermark);
    } else {
      p.lit(", wakeup_events=");
      p.udec(a.wakeup_events);
    }
    if (a.type == PERF_TYPE_BREAKPOINT) {
      static const xlat::Entry kBp[] = {{0, "HW_BREAKPOINT_EMPTY"}, {1, "HW_BREAKPOINT_R"},
                                        {2, "HW_BREAKPOINT_W"},     {3, "HW_BREAKPOINT_RW"},
                                        {4, "HW_BREAKPOINT_X"},     {7, "HW_BREAKPOINT_INVALID"}};
      static const xlat::Table kBpTable{kBp, std::size(kBp), nullptr};
      p.lit(", bp_type=");
      print_xval(p, a.bp_type, kBpTable,
                 a.bp_type <= 7 ? "HW_BREAKPOINT_INVALID" : "HW_BREAKPOINT_???");
      p.lit(", bp_addr=");
      p.hex(a.bp_addr);
    } else {
      p.lit(", config1=");
      p.hex(a.config1);
    }
    if (past(offsetof(perf_event_attr, bp_len))) break;
    if (a.type == PERF_TYPE_BREAKPOINT) {
      p.lit(", bp_len=");
      p.udec(a.bp_len);
    } else {
      p.lit(", config2=");
      p.hex(a.config2);
    }
    if (past(offsetof(perf_event_attr, branch_sample_type))) break;
    if (a.sample_type & PERF_SAMPLE_BRANCH_STACK) {
      p.lit(", branch_sample_type=");
      p.hex(a.branch_sample_type);
    }
    if (past(offsetof(perf_event_attr, sample_regs_user))) break;
    p.lit(", sample_regs_user=");
    p.hex(a.sample_regs_user);
    if (past(offsetof(perf_event_attr, sample_stack_user))) break;
    if (a.sample_type & PERF_SAMPLE_STACK_USER) {
      p.lit(", sample_stack_user=");
      p.hex(a.sample_stack_user);
    }
    if (a.use_clockid) {
      if (past(offsetof(perf_event_attr, clockid))) break;
      p.lit(", clockid=");
      print_xval(p, static_cast<uint32_t>(a.clockid), xlat::clock_ids, "CLOCK_???");
    }
    if (past(offsetof(perf_event_attr, sample_regs_intr))) break;
    p.lit(", sample_regs_intr=");
    p.hex(a.sample_regs_intr);
    if (past(offsetof(perf_event_attr, aux_watermark))) break;
    p.lit(", aux_watermark=");
    p.udec(a.aux_watermark);
    if (past(offsetof(perf_event_attr, sample_max_stack))) break;
    p.lit(", sample_max_stack=");
    p.udec(a.sample_max_stack);
    if (past(offsetof(perf_event_attr, __reserved_2))) break;
    if (a.__reserved_2) {
      char b[48];
      snprintf(b, sizeof b, "bytes 110..111: %#hx", a.__reserved_2);
      nim::print_comment(p, b);
    }
    if (past(offsetof(perf_event_attr, aux_sample_size))) break;
    p.lit(", aux_sample_size=");
    p.udec(a.aux_sample_size);
    if (past(offsetof(perf_event_attr, __reserved_3))) break;
    if (a.__reserved_3) {
      char b[48];
      snprintf(b, sizeof b, "bytes 116..119: %#x", a.__reserved_3);
      nim::print_comment(p, b);
    }
    if (past(offsetof(perf_event_attr, sig_data))) break;
    p.lit(", sig_data=");
    p.hex(a.sig_data);
  } while (false);
  if ((a.size && a.size > size) || (!a.size && size < kSizeVer0)) p.lit(", ...");
  p.ch('}');
}

// Reads attr at entry as strace does; false (address printed) if unreadable.
bool fetch_attr(Call& c, PerfSaved* s) {
  const uint64_t addr = c.arg(0);
  Printer& p = *c.p;
  uint32_t size;
  if (p.ctx().read(addr + offsetof(perf_event_attr, size), &size, sizeof size) != sizeof size) {
    p.addr(addr);
    return false;
  }
  if (size > sizeof(perf_event_attr)) size = sizeof(perf_event_attr);
  if (!size) size = kSizeVer0;
  if (size < kSizeVer0) {
    p.addr(addr);
    return false;
  }
  if (nim::abbrev(c)) size = offsetof(perf_event_attr, wakeup_events);
  memset(&s->attr, 0, sizeof s->attr);
  if (!nim::fetch_or_addr(c, addr, &s->attr, size)) return false;
  s->size = size;
  return true;
}

void print_rest(Call& c) {
  Printer& p = *c.p;
  p.sep();
  p.dec(c.iarg(1));
  p.sep();
  p.dec(c.iarg(2));
  p.sep();
  p.fd(c.iarg(3));
  p.sep();
  print_flags(p, c.arg(4), xlat::perf_event_open_flags, "PERF_FLAG_???");
}

}  // namespace

bool misc_dec_perf_event_open(Call& c) {
  if (!c.exiting) {
    PerfSaved s;
    if (!fetch_attr(c, &s)) {
      print_rest(c);
      return true;
    }
    c.saved_text.assign(reinterpret_cast<const char*>(&s), sizeof s);
    return false;
  }
  PerfSaved s;
  memcpy(&s, c.saved_text.data(), std::min(sizeof s, c.saved_text.size()));
  print_attr(c, s.attr, s.size);
  print_rest(c);
  return true;
}

}  // namespace syscope
