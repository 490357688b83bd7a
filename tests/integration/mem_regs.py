#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""syscope regs against tests/progs/mem_regs, which spins in assembly with
known register values and waits for registers to be changed from outside:
reading general-purpose and AVX registers; --set of a general-purpose
register, of a full ymm register (the upper half matters: setting only the
low 128 bits is not enough), of zmm/k (AVX-512, when present) and of rip
(the program then runs escape() and exits 7). Debug registers: a hardware
watchpoint set with --set dr0=SYMBOL dr7=... fires in tests/progs/mem_target.
--all-threads and --tid select threads."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itest import Test  # noqa: E402
from mem_common import Target  # noqa: E402

t = Test(__doc__)


def regs(pid, *args):
    return t.run([t.tracer, "regs", "-p", str(pid), *map(str, args)], timeout=60)


def phase(pid):
    rc, out, err, _ = t.run([t.tracer, "mem", "-p", str(pid), "read", "phase", "4"], timeout=60)
    return int(out.split()[1], 16) if rc == 0 and out else None


def reg_lines(out):
    d = {}
    for ln in out.splitlines():
        parts = ln.split()
        if len(parts) >= 2 and parts[1].startswith("0x"):
            d[parts[0]] = parts[1]
    return d


PATTERN_A = "0x" + "".join("%02x" % i for i in range(31, -1, -1))
PATTERN_B = "0x" + "22" * 16 + "11" * 16

tg = Target(t.prog("mem_regs"))
try:
    rc, out, err, _ = regs(tg.pid)
    r = reg_lines(out)
    t.check(rc == 0 and re.match(r"thread %d \(interrupted\) at 0x[0-9a-f]+ spin\+0x[0-9a-f]+ " % tg.pid, out) is not None,
            "the header names the thread, its stop and rip as SYMBOL+OFF", out[:300])
    t.check(r.get("r14") == "0xfeedfacecafebeef" and r.get("r13") == "0x1234567890abcdef" and r.get("r12") == "0x0000000000000000",
            "general-purpose registers hold the known values", out[:1500])
    for name in ("rax", "rip", "eflags", "cs", "fs_base", "orig_rax", "dr7", "st0", "xmm15", "ymm15"):
        t.check(name in r, "register %s is shown" % name)
    t.check(r.get("ymm8") == PATTERN_A and r.get("ymm10") == PATTERN_B and r.get("xmm8") == "0x" + PATTERN_A[34:],
            "AVX: ymm8/ymm10 hold the patterns (upper halves from NT_X86_XSTATE), xmm8 the low half",
            "ymm8=%s ymm10=%s xmm8=%s" % (r.get("ymm8"), r.get("ymm10"), r.get("xmm8")))
    t.check(phase(tg.pid) == 0, "phase 0 before any change")

    rc, out, err, _ = regs(tg.pid, "--set", "r12=0x1234567890abcdef")
    t.check(rc == 0 and out.strip() == "r12: 0x0 -> 0x1234567890abcdef", "--set r12 reports the change", out + err)
    t.check(t.wait_for(lambda: phase(tg.pid) == 1, 5), "the program saw r12 == r13: phase 1")

    rc, out, err, _ = regs(tg.pid, "--set", "ymm9=0x" + "11" * 16)
    t.check(rc == 0, "--set ymm9 (low half only)", out + err)
    t.check(not t.wait_for(lambda: phase(tg.pid) == 2, 0.5), "low half alone is not enough: still phase 1")
    rc, out, err, _ = regs(tg.pid, "--set", "ymm9=" + PATTERN_B)
    t.check(rc == 0 and out.strip().endswith("-> " + PATTERN_B), "--set ymm9 (all 256 bits)", out + err)
    t.check(t.wait_for(lambda: phase(tg.pid) == 2, 5), "the program saw ymm9 == ymm10: phase 2")

    rc, out, err, _ = regs(tg.pid)
    if "zmm0" in out:
        z = "0x" + "ab" * 8 + "00" * 48 + "cd" * 8
        rc, out, err, _ = regs(tg.pid, "--set", "zmm20=" + z, "k3=0x55", "xmm3=0x77")
        rc2, out2, err2, _ = regs(tg.pid)
        r = reg_lines(out2)
        t.check(rc == 0 and r.get("zmm20") == z and r.get("k3") == "0x0000000000000055" and
                r.get("xmm3") == "0x" + "0" * 30 + "77", "AVX-512 zmm20, k3 and xmm3 set and read back",
                out + err + str({k: r.get(k) for k in ("zmm20", "k3", "xmm3")}))
    else:
        print("skip AVX-512 checks: no zmm registers on this CPU")

    rc, out, err, _ = regs(tg.pid, "--set", "rip=escape")
    t.check(rc == 0 and out.startswith("rip: "), "--set rip=escape (SYMBOL as value)", out + err)
    t.check(tg.readline(5) == "escaped", "the program continues at escape()")
    tg.p.wait(5)
    t.check(tg.p.returncode == 7, "and exits 7", str(tg.p.returncode))
finally:
    tg.close()

# Debug registers: a write watchpoint on g_watched in mem_target.
tg = Target(t.prog("mem_target"), [1])
try:
    rc, out, err, _ = regs(tg.pid, "--set", "dr0=g_watched", "dr7=0x90001")  # L0, RW0=write, LEN0=8
    t.check(rc == 0 and "dr0: 0x0 -> 0x%x" % tg.addr["watched"] in out and "dr7: 0x0 -> 0x90001" in out,
            "--set dr0=g_watched dr7=0x90001", out + err)
    t.check(tg.ask("poke") == "trap code=4" and tg.readline(5) == "poked",
            "the watchpoint fires on the write (SIGTRAP, si_code TRAP_HWBKPT)")
    rc, out, err, _ = regs(tg.pid)
    t.check(re.search(r"^dr6 +0x[0-9a-f]*[13579bdf]$", out, re.M) is not None, "dr6 says breakpoint 0 hit", out[-800:])
    rc, out, err, _ = regs(tg.pid, "--set", "dr7=0", "dr0=0")
    t.check(rc == 0 and tg.ask("poke") == "poked", "cleared: the next write does not trap", out + err)

    rc, out, err, _ = regs(tg.pid, "--all-threads")
    tids = sorted(int(x) for x in os.listdir("/proc/%d/task" % tg.pid))
    shown = sorted(int(m) for m in re.findall(r"^thread (\d+) ", out, re.M))
    t.check(rc == 0 and shown == tids and len(tids) == 2, "--all-threads shows every thread", "%s %s" % (shown, tids))
    other = [x for x in tids if x != tg.pid][0]
    rc, out, err, _ = regs(tg.pid, "--tid", other)
    t.check(rc == 0 and out.startswith("thread %d " % other), "--tid selects a thread", out[:200])
    ok, detail = tg.untraced_and_running()
    t.check(ok, "the program runs on, untraced", detail)
finally:
    tg.close()
t.finish()
