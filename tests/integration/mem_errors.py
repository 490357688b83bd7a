#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Bad input to syscope mem / regs gives one clear line on stderr and a
non-zero exit, and the program is left running and untraced: a pid that does
not exist, an unmapped address, unparsable values, unknown symbols and
registers, permission denied (as another user), a process already traced.
Ctrl-C (SIGINT) or SIGTERM while the program is held detaches it before
syscope exits; a signal sent meanwhile is delivered afterwards; a program
stopped by SIGSTOP stays stopped."""
import os
import shutil
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itest import Test  # noqa: E402
from mem_common import Target, free_pid  # noqa: E402

t = Test(__doc__)
tg = Target(t.prog("mem_target"))
A = tg.addr
pid = tg.pid


def run(*args, env=None, prefix=()):
    return t.run([*prefix, t.tracer, *map(str, args)], timeout=60, env=env)


def one_line_error(rc, err, want, what):
    lines = err.strip().splitlines()
    t.check(rc not in (0, None) and len(lines) == 1 and lines[0] == want, what,
            "rc=%s stderr=%r want %r" % (rc, err, want))


def left_alone(what):
    ok, detail = tg.untraced_and_running()
    t.check(ok, "%s: the program runs on, untraced" % what, detail)


try:
    nopid = free_pid()
    rc, out, err, _ = run("mem", "-p", nopid, "read", "0x1000", 4)
    one_line_error(rc, err, "syscope mem: no such process: %d" % nopid, "non-existent pid (read)")
    rc, out, err, _ = run("mem", "-p", nopid, "maps")
    one_line_error(rc, err, "syscope mem: no such process: %d" % nopid, "non-existent pid (maps)")
    rc, out, err, _ = run("regs", "-p", nopid)
    one_line_error(rc, err, "syscope regs: no such process: %d" % nopid, "non-existent pid (regs)")
    rc, out, err, _ = run("mem", "-p", "12ab", "maps")
    one_line_error(rc, err, "syscope mem: invalid process id: '12ab'", "unparsable pid")

    rc, out, err, _ = run("mem", "-p", pid, "read", "0x1000", 16)
    one_line_error(rc, err, "syscope mem: cannot read 0x1000: Input/output error (unmapped)", "unmapped read")
    rc, out, err, _ = run("mem", "-p", pid, "write", "0x1000", "--u32", 1)
    one_line_error(rc, err, "syscope mem: cannot write 0x1000: Input/output error (unmapped)", "unmapped write")
    left_alone("unmapped access")

    for opt, val in (("--u32", "abc"), ("--u32", "4294967296"), ("--u32", "-2147483649"), ("--u64", "1x"),
                     ("--f64", "pi"), ("--hex", "zz"), ("--hex", "abc")):
        rc, out, err, _ = run("mem", "-p", pid, "write", "g_u32", opt, val)
        one_line_error(rc, err, "syscope mem: invalid value for %s: '%s'" % (opt, val), "unparsable %s %s" % (opt, val))
    rc, out, err, _ = run("mem", "-p", pid, "search", "--u64", "0x1g")
    one_line_error(rc, err, "syscope mem: invalid value for --u64: '0x1g'", "unparsable search value")
    rc, out, err, _ = run("mem", "-p", pid, "read", "nosuch+0x10", 4)
    one_line_error(rc, err, "syscope mem: unknown symbol or region: 'nosuch'", "unknown symbol")
    rc, out, err, _ = run("mem", "-p", pid, "read", "g_u32", "12q")
    one_line_error(rc, err, "syscope mem: invalid length: '12q'", "unparsable length")
    rc, out, err, _ = run("mem", "-p", pid, "frobnicate")
    one_line_error(rc, err, "syscope mem: unknown command: 'frobnicate' (maps, read, dump, all, write, search)",
                   "unknown command")
    rc, out, err, _ = run("regs", "-p", pid, "--set", "rax=zz")
    one_line_error(rc, err, "syscope regs: invalid value for rax: 'zz'", "unparsable register value")
    rc, out, err, _ = run("regs", "-p", pid, "--set", "al=0x100")
    one_line_error(rc, err, "syscope regs: invalid value for al: '0x100' (does not fit 8 bits)", "register value too wide")
    rc, out, err, _ = run("regs", "-p", pid, "--set", "foo=1")
    one_line_error(rc, err, "syscope regs: unknown register: 'foo'", "unknown register")
    rc, out, err, _ = run("regs", "-p", pid, "--tid", 1)
    one_line_error(rc, err, "syscope regs: no thread 1 in process %d" % pid, "thread of another process")
    left_alone("bad values")

    # Permission denied: another (unprivileged) user.
    setpriv = shutil.which("setpriv")
    if os.geteuid() == 0 and setpriv:
        nobody = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
        rc, out, err, _ = run("mem", "-p", pid, "read", "g_u32", 4, prefix=nobody)
        one_line_error(rc, err, "syscope mem: cannot attach to %d: Operation not permitted" % pid,
                       "permission denied (read as another user)")
        rc, out, err, _ = run("mem", "-p", pid, "maps", prefix=nobody)
        one_line_error(rc, err, "syscope mem: cannot read /proc/%d/maps: Permission denied" % pid,
                       "permission denied (maps as another user)")
        rc, out, err, _ = run("regs", "-p", pid, prefix=nobody)
        one_line_error(rc, err, "syscope regs: cannot attach to %d: Operation not permitted" % pid,
                       "permission denied (regs as another user)")
        left_alone("permission denied")
    else:
        print("skip permission checks: not root or no setpriv")

    # Held by one syscope: a second one says who holds it.
    env = dict(os.environ, SYSCOPE_MEM_HOLD_MS="3000")
    holder = subprocess.Popen([t.tracer, "mem", "-p", str(pid), "read", "g_u32", "4"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=Test._pre())
    t.wait_for(lambda: tg.status().get("TracerPid") == str(holder.pid), 10)
    rc, out, err, _ = run("mem", "-p", pid, "read", "g_u32", 4)
    one_line_error(rc, err, "syscope mem: cannot attach to %d: already traced by process %d" % (pid, holder.pid),
                   "already traced")
    holder.wait(20)
    t.check(holder.returncode == 0, "the holder finished normally")
    left_alone("already traced")

    # Ctrl-C / SIGTERM while held.
    for sig, argv in ((signal.SIGINT, ["mem", "-p", str(pid), "search", "--u32", "1"]),
                      (signal.SIGTERM, ["regs", "-p", str(pid)]),
                      (signal.SIGINT, ["mem", "-p", str(pid), "write", "g_u32", "--u32", "7"])):
        env = dict(os.environ, SYSCOPE_MEM_HOLD_MS="30000")
        p = subprocess.Popen([t.tracer, *argv], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             preexec_fn=Test._pre())
        held = t.wait_for(lambda: tg.status().get("TracerPid") == str(p.pid) and
                          tg.status().get("State", "")[:1] == "t", 10)
        t.check(held, "%s: the program is held (traced, stopped)" % argv[0])
        os.kill(pid, signal.SIGTRAP)  # handled by the program: must arrive after the detach
        t0 = time.monotonic()
        p.send_signal(sig)
        try:
            p.wait(5)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
        err = p.stderr.read().decode()
        name = signal.Signals(sig).name
        t.check(p.returncode == 128 + sig and time.monotonic() - t0 < 3,
                "syscope %s exits with %d on %s, promptly" % (argv[0], 128 + sig, name), "rc=%s" % p.returncode)
        t.check("interrupted; detached" in err, "it says it detached", err)
        t.check(tg.readline(5) == "trap code=0", "the signal sent while held is delivered after the detach")
        left_alone("%s on %s" % (argv[0], name))
    t.check(tg.values().get("u32") == "0x11223344", "the interrupted write did not happen")

    # A program stopped by SIGSTOP stays stopped.
    os.kill(pid, signal.SIGSTOP)
    t.wait_for(lambda: tg.status().get("State", "")[:1] == "T", 5)
    rc, out, err, _ = run("mem", "-p", pid, "read", "g_u32", 4)
    t.check(rc == 0 and "44 33 22 11" in out, "a stopped program can be read", out + err)
    # Detach wakes the tracee, which re-enters the group-stop: wait for it.
    restopped = t.wait_for(lambda: tg.status().get("State", "")[:1] == "T", 2)
    st = tg.status()
    t.check(restopped and st.get("TracerPid") == "0", "it is still stopped, untraced afterwards", str(st.get("State")))
    t.check(tg.ask("print", 0.5) is None, "and makes no progress while stopped")
    os.kill(pid, signal.SIGCONT)
    t.check("u32=" in (tg.readline(5) or ""), "SIGCONT resumes it (it answers)")
    t.wait_for(lambda: tg.status().get("State", "")[:1] == "S", 5)
    left_alone("SIGSTOP/SIGCONT")
finally:
    tg.close()
t.finish()
