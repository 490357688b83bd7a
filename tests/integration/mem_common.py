# SPDX-License-Identifier: MIT
"""Shared pieces of the tests/integration/mem_*.py tests (syscope mem/regs).

Target runs a tests/progs helper (mem_target, mem_regs) with pipes, parses the
NAME=0xADDR lines it prints before "ready", and talks to it line by line.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import time


class Target:
    def __init__(self, prog: str, args=(), env=None):
        self.p = subprocess.Popen([prog, *map(str, args)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL, env=env, start_new_session=True)
        self.pid = self.p.pid
        self._buf = b""
        self.addr: dict[str, int] = {}
        self.lists: dict[str, list[int]] = {}
        while True:
            line = self.readline(10)
            if line is None:
                raise RuntimeError("%s did not get ready" % prog)
            if line == "ready":
                break
            k, _, v = line.partition("=")
            if v.startswith("0x") or v.startswith("(nil)"):
                n = int(v, 16) if v.startswith("0x") else 0
                self.lists.setdefault(k, []).append(n)
                self.addr[k] = n
            elif k == "pid":
                pass

    def readline(self, timeout: float = 5) -> str | None:
        end = time.monotonic() + timeout
        while b"\n" not in self._buf:
            left = end - time.monotonic()
            if left <= 0:
                return None
            r, _, _ = select.select([self.p.stdout], [], [], left)
            if not r:
                return None
            chunk = os.read(self.p.stdout.fileno(), 65536)
            if not chunk:
                if not self._buf:
                    return None
                self._buf += b"\n"
            self._buf += chunk
        line, _, self._buf = self._buf.partition(b"\n")
        return line.decode("utf-8", "replace")

    def send(self, line: str) -> None:
        self.p.stdin.write((line + "\n").encode())
        self.p.stdin.flush()

    def ask(self, line: str, timeout: float = 5) -> str | None:
        self.send(line)
        return self.readline(timeout)

    def values(self) -> dict[str, str]:
        out = self.ask("print") or ""
        d = {}
        for kv in out.split():
            k, _, v = kv.partition("=")
            d[k] = v
        return d

    def status(self) -> dict[str, str]:
        d = {}
        try:
            with open("/proc/%d/status" % self.pid) as f:
                for ln in f:
                    k, _, v = ln.partition(":")
                    d[k] = v.strip()
        except OSError:
            pass
        return d

    def untraced_and_running(self) -> tuple[bool, str]:
        """Not traced, not stopped, and it still answers."""
        st = self.status()
        state = st.get("State", "?")[:1]
        ok = st.get("TracerPid") == "0" and state in ("S", "R")
        if ok and self.p.poll() is None and "u32" in (self.ask("print") or ""):
            return True, ""
        return False, "State=%s TracerPid=%s alive=%s" % (st.get("State"), st.get("TracerPid"), self.p.poll() is None)

    def close(self) -> None:
        if self.p.poll() is None:
            try:
                os.killpg(self.p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.p.wait()


def maps_of(pid: int) -> list[tuple[int, int, str, str]]:
    out = []
    with open("/proc/%d/maps" % pid) as f:
        for ln in f:
            parts = ln.split(None, 5)
            lo, hi = (int(x, 16) for x in parts[0].split("-"))
            out.append((lo, hi, parts[1], parts[5].strip() if len(parts) > 5 else ""))
    return out


def hexdump_bytes(text: str) -> bytes:
    """The bytes of `syscope mem read` hexdump lines."""
    out = bytearray()
    for ln in text.splitlines():
        if "|" not in ln:
            continue
        hexpart = ln.split("|")[0].split(None, 1)[1] if len(ln.split()) > 1 else ""
        out += bytes(int(h, 16) for h in hexpart.split())
    return bytes(out)


def free_pid() -> int:
    with open("/proc/sys/kernel/pid_max") as f:
        pid_max = int(f.read())
    for pid in range(pid_max - 1, 1, -1):
        if not os.path.exists("/proc/%d" % pid):
            return pid
    raise RuntimeError("no free pid")
