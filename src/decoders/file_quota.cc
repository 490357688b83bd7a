// SPDX-License-Identifier: MIT
// quotactl and quotactl_fd (strace 6.1's src/quota.c): QCMD(cmd, type), the
// VFS quota structures and the XFS ones; the XFS statistics structures
// (Q_XGETQSTAT, Q_XGETQSTATV) print as their address.
#include <linux/dqblk_xfs.h>

#include <cinttypes>
#include <cstdio>

#include "decoders/file_common.h"

namespace syscope::filedec {
namespace {

void append_hex(Printer& p, uint64_t v) {
  char b[24];
  snprintf(b, sizeof b, "%#" PRIx64, v);
  p.lit(b);
}

// ---- quotactl ---------------------------------------------------------------------

constexpr uint32_t old_cmd(uint32_t c) { return c << 8; }
constexpr uint32_t new_cmd(uint32_t c) { return c | 0x800000; }
constexpr uint32_t xqm_cmd(uint32_t c) { return ('X' << 8) + c; }

enum : uint32_t {
  kQSync = new_cmd(1), kQQuotaOn = new_cmd(2), kQQuotaOff = new_cmd(3),
  kQGetFmt = new_cmd(4), kQGetInfo = new_cmd(5), kQSetInfo = new_cmd(6),
  kQGetQuota = new_cmd(7), kQSetQuota = new_cmd(8), kQGetNextQuota = new_cmd(9),
  kQXQuotaOn = xqm_cmd(1), kQXQuotaOff = xqm_cmd(2), kQXGetQuota = xqm_cmd(3),
  kQXSetQLim = xqm_cmd(4), kQXGetQStat = xqm_cmd(5), kQXQuotaRm = xqm_cmd(6),
  kQXQuotaSync = xqm_cmd(7), kQXGetQStatV = xqm_cmd(8), kQXGetNextQuota = xqm_cmd(9),
};

const xlat::Entry kQuotaCmds[] = {
    {old_cmd(0x1), "Q_V1_QUOTAON"},  {old_cmd(0x2), "Q_V1_QUOTAOFF"},
    {old_cmd(0x3), "Q_V1_GETQUOTA"}, {old_cmd(0x4), "Q_V1_SETQUOTA"},
    {old_cmd(0x5), "Q_V1_SETUSE"},   {old_cmd(0x6), "Q_V1_SYNC"},
    {old_cmd(0x7), "Q_SETQLIM"},     {old_cmd(0x8), "Q_V1_GETSTATS"},
    {old_cmd(0x10), "Q_V1_RSQUASH"}, {old_cmd(0xD), "Q_V2_GETQUOTA"},
    {old_cmd(0xE), "Q_V2_SETQUOTA"}, {old_cmd(0xF), "Q_V2_SETUSE"},
    {old_cmd(0x9), "Q_V2_GETINFO"},  {old_cmd(0xA), "Q_V2_SETINFO"},
    {old_cmd(0xB), "Q_V2_SETGRACE"}, {old_cmd(0xC), "Q_V2_SETFLAGS"},
    {old_cmd(0x11), "Q_V2_GETSTATS"}, {kQSync, "Q_SYNC"},
    {kQQuotaOn, "Q_QUOTAON"},        {kQQuotaOff, "Q_QUOTAOFF"},
    {kQGetFmt, "Q_GETFMT"},          {kQGetInfo, "Q_GETINFO"},
    {kQSetInfo, "Q_SETINFO"},        {kQGetQuota, "Q_GETQUOTA"},
    {kQSetQuota, "Q_SETQUOTA"},      {kQGetNextQuota, "Q_GETNEXTQUOTA"},
    {kQXQuotaOn, "Q_XQUOTAON"},      {kQXQuotaOff, "Q_XQUOTAOFF"},
    {kQXGetQuota, "Q_XGETQUOTA"},    {kQXSetQLim, "Q_XSETQLIM"},
    {kQXGetQStat, "Q_XGETQSTAT"},    {kQXQuotaRm, "Q_XQUOTARM"},
    {kQXQuotaSync, "Q_XQUOTASYNC"},  {kQXGetQStatV, "Q_XGETQSTATV"},
    {kQXGetNextQuota, "Q_XGETNEXTQUOTA"},
};
const xlat::Table quota_cmds{kQuotaCmds, std::size(kQuotaCmds), "Q_???"};
const xlat::Entry kQuotaTypes[] = {{0, "USRQUOTA"}, {1, "GRPQUOTA"}, {2, "PRJQUOTA"}};
const xlat::Table quota_types{kQuotaTypes, std::size(kQuotaTypes), "???QUOTA"};
const xlat::Entry kQuotaFormats[] = {
    {1, "QFMT_VFS_OLD"}, {2, "QFMT_VFS_V0"}, {3, "QFMT_OCFS2"}, {4, "QFMT_VFS_V1"}, {5, "QFMT_SHMEM"},
};
const xlat::Table quota_formats{kQuotaFormats, std::size(kQuotaFormats), "QFMT_VFS_???"};
const xlat::Entry kDqblkValid[] = {
    {1 << 0, "QIF_BLIMITS"}, {1 << 1, "QIF_SPACE"}, {1 << 2, "QIF_ILIMITS"},
    {1 << 3, "QIF_INODES"},  {1 << 4, "QIF_BTIME"}, {1 << 5, "QIF_ITIME"},
};
const xlat::Table dqblk_valid{kDqblkValid, std::size(kDqblkValid), "QIF_???"};
const xlat::Entry kDqinfoFlags[] = {{1 << 0, "DQF_ROOT_SQUASH"}, {1 << 16, "DQF_SYS_FILE"}};
const xlat::Table dqinfo_flags{kDqinfoFlags, std::size(kDqinfoFlags), "DQF_???"};
const xlat::Entry kDqinfoValid[] = {{1 << 0, "IIF_BGRACE"}, {1 << 1, "IIF_IGRACE"}, {1 << 2, "IIF_FLAGS"}};
const xlat::Table dqinfo_valid{kDqinfoValid, std::size(kDqinfoValid), "IIF_???"};
const xlat::Entry kXfsQuotaFlags[] = {
    {FS_QUOTA_UDQ_ACCT, "FS_QUOTA_UDQ_ACCT"}, {FS_QUOTA_UDQ_ENFD, "FS_QUOTA_UDQ_ENFD"},
    {FS_QUOTA_GDQ_ACCT, "FS_QUOTA_GDQ_ACCT"}, {FS_QUOTA_GDQ_ENFD, "FS_QUOTA_GDQ_ENFD"},
    {FS_QUOTA_PDQ_ACCT, "FS_QUOTA_PDQ_ACCT"}, {FS_QUOTA_PDQ_ENFD, "FS_QUOTA_PDQ_ENFD"},
};
const xlat::Table xfs_quota_flags{kXfsQuotaFlags, std::size(kXfsQuotaFlags), "FS_QUOTA_???"};
const xlat::Entry kXfsDqblkFlags[] = {
    {FS_USER_QUOTA, "FS_USER_QUOTA"}, {FS_PROJ_QUOTA, "FS_PROJ_QUOTA"},
    {FS_GROUP_QUOTA, "FS_GROUP_QUOTA"},
};
const xlat::Table xfs_dqblk_flags{kXfsDqblkFlags, std::size(kXfsDqblkFlags), "FS_???_QUOTA"};

struct IfDqblk {  // struct if_dqblk, packed as strace reads it
  uint64_t bhardlimit, bsoftlimit, curspace, ihardlimit, isoftlimit, curinodes, btime, itime;
  uint32_t valid;
  uint32_t id;  // if_nextdqblk only
};
struct IfDqinfo {
  uint64_t bgrace, igrace;
  uint32_t flags, valid;
};

// Inside QCMD() the names are always abbreviated (printxvals_ex ABBREV).
void print_abbrev_xval(Printer& p, uint64_t v, const xlat::Table& t) {
  if (const char* n = t.name_of(v)) {
    p.lit(n);
    return;
  }
  append_hex(p, v);
  p.lit(" /* ").lit(t.unknown).lit(" */");
}

void print_qcmd(Printer& p, uint32_t qcmd) {
  using S = FormatOptions::ConstStyle;
  S style = p.opt().const_style;
  if (style != S::kAbbrev) p.udec(qcmd);
  if (style == S::kRaw) return;
  if (style == S::kVerbose) p.lit(" /* ");
  p.lit("QCMD(");
  print_abbrev_xval(p, qcmd >> 8, quota_cmds);
  p.sep();
  print_abbrev_xval(p, qcmd & 0xff, quota_types);
  p.ch(')');
  if (style == S::kVerbose) p.lit(" */");
}

void print_dqblk(Call& c, uint64_t addr, bool next) {
  IfDqblk d{};
  if (!fetch_n(c, addr, next ? 72 : 68, &d)) return;
  Printer& p = *c.p;
  p.lit("{dqb_bhardlimit=");
  p.udec(d.bhardlimit);
  p.lit(", dqb_bsoftlimit=");
  p.udec(d.bsoftlimit);
  p.lit(", dqb_curspace=");
  p.udec(d.curspace);
  p.lit(", dqb_ihardlimit=");
  p.udec(d.ihardlimit);
  p.lit(", dqb_isoftlimit=");
  p.udec(d.isoftlimit);
  p.lit(", dqb_curinodes=");
  p.udec(d.curinodes);
  if (!is_abbrev(c)) {
    p.lit(", dqb_btime=");
    p.udec(d.btime);
    p.lit(", dqb_itime=");
    p.udec(d.itime);
    p.lit(", dqb_valid=");
    print_flags(p, d.valid, dqblk_valid, "QIF_???");
    if (next) {
      p.lit(", dqb_id=");
      p.udec(d.id);
    }
  } else {
    if (next) {
      p.lit(", dqb_id=");
      p.udec(d.id);
    }
    p.lit(", ...");
  }
  p.ch('}');
}

void print_xfs_dqblk(Call& c, uint64_t addr) {
  fs_disk_quota d{};
  if (!fetch(c, addr, &d)) return;
  Printer& p = *c.p;
  p.lit("{d_version=");
  p.dec(d.d_version);
  p.lit(", d_flags=");
  print_flags(p, static_cast<uint8_t>(d.d_flags), xfs_dqblk_flags, "FS_???_QUOTA");
  p.lit(", d_fieldmask=");
  p.hex(d.d_fieldmask);
  p.lit(", d_id=");
  p.udec(d.d_id);
  p.lit(", d_blk_hardlimit=");
  p.udec(d.d_blk_hardlimit);
  p.lit(", d_blk_softlimit=");
  p.udec(d.d_blk_softlimit);
  p.lit(", d_ino_hardlimit=");
  p.udec(d.d_ino_hardlimit);
  p.lit(", d_ino_softlimit=");
  p.udec(d.d_ino_softlimit);
  p.lit(", d_bcount=");
  p.udec(d.d_bcount);
  p.lit(", d_icount=");
  p.udec(d.d_icount);
  if (!is_abbrev(c)) {
    p.lit(", d_itimer=");
    p.dec(d.d_itimer);
    p.lit(", d_btimer=");
    p.dec(d.d_btimer);
    p.lit(", d_iwarns=");
    p.udec(d.d_iwarns);
    p.lit(", d_bwarns=");
    p.udec(d.d_bwarns);
    p.lit(", d_rtb_hardlimit=");
    p.udec(d.d_rtb_hardlimit);
    p.lit(", d_rtb_softlimit=");
    p.udec(d.d_rtb_softlimit);
    p.lit(", d_rtbcount=");
    p.udec(d.d_rtbcount);
    p.lit(", d_rtbtimer=");
    p.dec(d.d_rtbtimer);
    p.lit(", d_rtbwarns=");
    p.udec(d.d_rtbwarns);
  } else {
    p.lit(", ...");
  }
  p.ch('}');
}

// strace's decode_cmd_data(): called at entry and, when it returns false,
// again at exit for output structures.
bool decode_quota_data(Call& c, uint32_t id, uint32_t cmd, uint64_t data) {
  Printer& p = *c.p;
  switch (cmd) {
    case kQQuotaOff:
    case kQSync:
    case kQXQuotaSync: return true;
    case kQQuotaOn:
      p.sep();
      print_xval(p, id, quota_formats, "QFMT_VFS_???");
      p.sep();
      print_path(p, data);
      return true;
    case kQGetQuota:
    case kQGetNextQuota:
    case kQXGetQuota:
    case kQXGetNextQuota:
      if (!c.exiting) {
        p.sep();
        print_uid(p, id);
        p.sep();
        return false;
      }
      if (cmd == kQXGetQuota || cmd == kQXGetNextQuota)
        print_xfs_dqblk(c, data);
      else
        print_dqblk(c, data, cmd == kQGetNextQuota);
      return true;
    case kQSetQuota:
      p.sep();
      print_uid(p, id);
      p.sep();
      print_dqblk(c, data, false);
      return true;
    case kQXSetQLim:
      p.sep();
      print_uid(p, id);
      p.sep();
      print_xfs_dqblk(c, data);
      return true;
    case kQGetFmt: {
      if (!c.exiting) {
        p.sep();
        return false;
      }
      uint32_t fmt;
      if (!fetch(c, data, &fmt)) return true;
      p.ch('[');
      print_xval(p, fmt, quota_formats, "QFMT_VFS_???");
      p.ch(']');
      return true;
    }
    case kQGetInfo:
    case kQSetInfo: {
      if (cmd == kQGetInfo && !c.exiting) {
        p.sep();
        return false;
      }
      if (cmd == kQSetInfo) p.sep();
      IfDqinfo d;
      if (!fetch(c, data, &d)) return true;
      p.lit("{dqi_bgrace=");
      p.udec(d.bgrace);
      p.lit(", dqi_igrace=");
      p.udec(d.igrace);
      p.lit(", dqi_flags=");
      print_flags(p, d.flags, dqinfo_flags, "DQF_???");
      p.lit(", dqi_valid=");
      print_flags(p, d.valid, dqinfo_valid, "IIF_???");
      p.ch('}');
      return true;
    }
    case kQXGetQStat:
    case kQXGetQStatV:
      // Not decoded in detail: the statistics structure prints as its address.
      if (!c.exiting) {
        p.sep();
        return false;
      }
      p.addr(data);
      return true;
    case kQXQuotaOn:
    case kQXQuotaOff:
    case kQXQuotaRm: {
      p.sep();
      uint32_t flag;
      if (!fetch(c, data, &flag)) return true;
      p.ch('[');
      if (cmd == kQXQuotaRm)
        print_flags(p, flag, xfs_dqblk_flags, "FS_???_QUOTA");
      else
        print_flags(p, flag, xfs_quota_flags, "FS_QUOTA_???");
      p.ch(']');
      return true;
    }
    default:
      p.sep();
      print_uid(p, id);
      p.sep();
      p.addr(data);
      return true;
  }
}

bool dec_quotactl(Call& c) {
  uint32_t qcmd = static_cast<uint32_t>(c.arg(0));
  if (!c.exiting) {
    print_qcmd(*c.p, qcmd);
    c.p->sep();
    print_path(*c.p, c.arg(1));
  }
  return decode_quota_data(c, static_cast<uint32_t>(c.arg(2)), qcmd >> 8, c.arg(3));
}

bool dec_quotactl_fd(Call& c) {
  uint32_t qcmd = static_cast<uint32_t>(c.arg(1));
  if (!c.exiting) {
    c.p->fd(static_cast<uint32_t>(c.arg(0)));
    c.p->sep();
    print_qcmd(*c.p, qcmd);
  }
  return decode_quota_data(c, static_cast<uint32_t>(c.arg(2)), qcmd >> 8, c.arg(3));
}

const DecoderEntry kTable[] = {
    {"quotactl", dec_quotactl, RetFmt::kDec},
    {"quotactl_fd", dec_quotactl_fd, RetFmt::kDec},
};

}  // namespace

std::span<const DecoderEntry> file_quota_table() { return kTable; }

}  // namespace syscope::filedec
