#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""`syscope step --trace`: one line per instruction with the thread, the
address, symbol+offset and capstone's disassembly, checked line by line
against objdump; signals, exec (new symbols) and a dynamically linked
program (libc symbols)."""

import re
import shutil
import subprocess

from steptest import TRACE_RE, StepTest

t = StepTest(__doc__)


def objdump(path):
    """address -> (symbol+offset as syscope prints it, objdump's instruction text)."""
    out = subprocess.run(["objdump", "-d", "-M", "intel", "--no-show-raw-insn", path],
                         capture_output=True, text=True, check=True).stdout
    insns = {}
    func, base = None, 0
    for line in out.splitlines():
        m = re.match(r"^([0-9a-f]+) <([^>]+)>:$", line)
        if m:
            base, func = int(m.group(1), 16), m.group(2)
            continue
        m = re.match(r"^\s+([0-9a-f]+):\s+(.*)$", line)
        if m and func:
            a = int(m.group(1), 16)
            sym = func if a == base else "%s+0x%x" % (func, a - base)
            insns[a] = (sym, m.group(2).strip())
    return insns


def norm(text):
    return re.sub(r"\s+", "", text.split("#")[0]).replace("QWORDPTR", "qwordptr")


def read_trace(path):
    with open(path) as f:
        return f.read().splitlines()


# 1. step_calls: every line against objdump.
prog = t.asm("step_calls")
out_file = t.path("calls.trace")
rc, out, err, _, _ = t.step(["--trace", "-o", out_file, prog])
lines = read_trace(out_file)
t.check(rc == 0 and len(lines) == 7004, "step_calls: 7004 trace lines in -o FILE (%d)" % len(lines), err[-500:])
ref = objdump(prog) if shutil.which("objdump") else None
parsed = [TRACE_RE.match(l) for l in lines]
t.check(all(parsed), "step_calls: every line is [tid] 0xADDR <sym+off> insn",
        "\n".join(l for l, m in zip(lines, parsed) if not m)[:1000])
tids = {m.group(1) for m in parsed if m}
t.check(len(tids) == 1, "step_calls: one thread id in the lines")
bad = []
if ref:
    for l, m in zip(lines, parsed):
        if not m:
            continue
        addr = int(m.group(2), 16)
        sym, text = m.group(3), m.group(4)
        if addr not in ref:
            bad.append("not an instruction boundary: " + l)
            continue
        rsym, rtext = ref[addr]
        mnem, rmnem = text.split()[0], rtext.split()[0]
        if sym != rsym:
            bad.append("symbol %s, objdump %s: %s" % (sym, rsym, l))
        elif mnem != rmnem:
            bad.append("mnemonic %s, objdump %s: %s" % (mnem, rmnem, l))
        elif mnem not in ("call", "jmp", "jne", "ret", "syscall") and norm(text.split(";")[0]) != norm(rtext):
            bad.append("operands '%s', objdump '%s'" % (text, rtext))
    t.check(not bad, "step_calls: symbols, offsets and disassembly match objdump on all lines",
            "\n".join(bad[:10]))
expect_head = [
    "<_start> mov ebx, 0x3e8",
    "<_start+0x5> call 0x401017",
    "<outer> call 0x40101d",
    "<inner> nop",
    "<inner+0x1> ret",
    "<outer+0x5> ret",
    "<_start+0xa> dec ebx",
    "<_start+0xc> jne 0x401005",
]
head = [l.split(" ", 2)[2] for l in lines[:8]]
t.check(head == expect_head, "step_calls: the first 8 lines in execution order",
        "\n".join(head))
t.check(lines[-1].endswith("<_start+0x15> syscall  ; exit"),
        "step_calls: the last line is the exit syscall", lines[-1] if lines else "")

# 2. a signal handler in the trace.
out_file = t.path("signal.trace")
rc, out, err, _, _ = t.step(["--trace", "-o", out_file, t.asm("step_signal")])
lines = read_trace(out_file)
idx = [i for i, l in enumerate(lines) if l.endswith("--- SIGUSR1 ---")]
ok = len(idx) == 1 and lines[idx[0] - 1].endswith("syscall  ; kill = 0") and \
    lines[idx[0] + 1].split(" ", 2)[2] == "<handler> nop" and \
    "<restorer+0x5> syscall  ; rt_sigreturn" in lines[idx[0] + 5]
t.check(rc == 0 and ok, "step_signal: kill, --- SIGUSR1 ---, the handler, rt_sigreturn",
        "\n".join(lines[idx[0] - 2: idx[0] + 8]) if idx else "no signal line")
t.check(len(lines) == 4021 + 1, "step_signal: 4021 instruction lines + 1 signal line (%d)" % len(lines))

# 3. exec: symbols of the new program after the execve line.
out_file = t.path("exec.trace")
rc, out, err, _, _ = t.step(["--trace", "-o", out_file, t.asm("step_exec"), t.asm("step_loop")])
lines = read_trace(out_file)
ex = [i for i, l in enumerate(lines) if "; execve = 0" in l]
t.check(rc == 0 and len(ex) == 1 and ex[0] == 4 and "<_start+0x11> syscall" in lines[4] and
        lines[5].split(" ", 2)[2] == "<_start> mov ecx, 0x2710" and len(lines) == 20009,
        "step_exec: execve line, then step_loop's _start (re-symbolized)",
        "\n".join(lines[:8]))

# 4. --folded: call stacks with instruction counts (flamegraph.pl input).
folded = t.path("calls.folded")
rc, out, err, _, _ = t.step(["--folded", folded, t.asm("step_calls")])
with open(folded) as f:
    got = sorted(f.read().splitlines())
t.check(rc == 0 and got == ["_start 3004", "_start;outer 2000", "_start;outer;inner 2000"],
        "step_calls --folded: _start 3004, _start;outer 2000, _start;outer;inner 2000", "\n".join(got))
rc, out, err, _, _ = t.step(["--folded", folded, t.asm("step_signal")])
with open(folded) as f:
    got = sorted(f.read().splitlines())
t.check(rc == 0 and got == ["_start 4016", "_start;handler 3", "_start;restorer 2"],
        "step_signal --folded: the handler and its restorer on top of the interrupted _start", "\n".join(got))

# 5. a dynamically linked program: main, the loader and libc by name.
out_file = t.path("libc.trace")
rc, out, err, _, _ = t.step(["--trace", "-o", out_file, "--start-at", "main", "--max", "20000",
                             t.prog("step_libc"), "1"])
lines = read_trace(out_file)
syms = [TRACE_RE.match(l).group(3) for l in lines if TRACE_RE.match(l)]
t.check(rc == 0 and len(lines) == 20000 and syms and syms[0] == "main",
        "step_libc --start-at main --max 20000: 20000 lines from <main>", "\n".join(lines[:3]))
names = {s.split("+")[0] for s in syms}
t.check(any(n in names for n in ("qsort", "qsort_r", "__qsort_r", "msort_with_tmp", "msort_with_tmp.part.0")),
        "step_libc: libc's qsort by name", " ".join(sorted(names))[:1500])
t.check("cmp" in names, "step_libc: the qsort callback cmp by name")
# capstone 4.0 does not know some AVX-512 instructions of libc's string
# functions: those lines show "(bad)" and the instruction's bytes.
bad = [l for l in lines if not TRACE_RE.match(l) or "<?>" in l or
       ("(bad)" in l and not re.search(r"\(bad\)( [0-9a-f]{2})+$", l))]
t.check(not bad, "step_libc: every line symbolized, and disassembled or shown as bytes", "\n".join(bad[:5]))

t.done()
