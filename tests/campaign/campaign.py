#!/usr/bin/env python3
"""Robustness campaign against dianjia-cli: kill -9 at random moments, simulator faults,
concurrent writers, fuzzed imports and absurd inputs. See tests/campaign/README.md."""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
NOW = "2026-11-24T13:04:16+08:00"
CRASH_MARKERS = ("std::", "terminate", "Segmentation", "SQLITE_")
BUSY_MARKERS = ("database is locked", "busy", "locked")
SHIPMENT_APIS = {"taobao.logistics.offline.send", "jingdong.pop.order.shipment",
                 "pdd.logistics.online.send", "/order/logisticsAdd", "order.logisticsAdd"}
BIG = 9223372036854775807


# ---------------------------------------------------------------- results ----------------

@dataclass
class Row:
    tries: int = 0
    failures: int = 0
    crashes: int = 0
    lost: int = 0
    duplicated: int = 0
    dup_calls: int | str = "-"   # "-": no platform calls in this scenario; "n/a": no /sim/calls
    notes: list[str] = field(default_factory=list)

    def note(self, kind: str, text: str) -> None:
        self.notes.append(f"{kind}: {text}")

    def bad(self) -> bool:
        dc = self.dup_calls if isinstance(self.dup_calls, int) else 0
        return bool(self.failures or self.crashes or self.lost or self.duplicated or dc)


@dataclass
class Result:
    rc: int | None          # exit code; negative = signal; None = hung (killed by us at timeout)
    out: str
    err: str
    secs: float
    killed: bool = False    # we sent the kill -9 ourselves

    @property
    def crash_text(self) -> str | None:
        for m in CRASH_MARKERS:
            if m in self.out or m in self.err:
                return m
        return None


def short(s: str, n: int = 300) -> str:
    s = s.strip().replace("\n", " | ")
    return s if len(s) <= n else s[:n] + "…"


# ---------------------------------------------------------------- the CLI ----------------

class Cli:
    def __init__(self, path: Path):
        self.path = str(path)
        self.env = dict(os.environ, DIANJIA_NOW=NOW, DIANJIA_LANG="en", LANG="C.UTF-8")
        self.env.pop("LC_ALL", None)
        self.env.pop("DIANJIA_HTTP_LOG", None)

    def popen(self, db: Path | None, args: list[str]) -> subprocess.Popen:
        cmd = [self.path] + (["--db", str(db)] if db else []) + [str(a) for a in args]
        for attempt in (0, 1):  # the binary may be replaced for a few seconds by a build
            try:
                return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        env=self.env, start_new_session=True)
            except OSError:
                if attempt:
                    raise
                time.sleep(5)
        raise AssertionError

    @staticmethod
    def _finish(p: subprocess.Popen, t0: float, timeout: float, killed=False) -> Result:
        try:
            out, err = p.communicate(timeout=timeout)
            rc = p.returncode
        except subprocess.TimeoutExpired:
            os.kill(p.pid, signal.SIGKILL)
            out, err = p.communicate()
            rc = None
        return Result(rc, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"),
                      time.monotonic() - t0, killed)

    def run(self, db: Path | None, *args, timeout: float = 180) -> Result:
        t0 = time.monotonic()
        p = self.popen(db, list(args))
        r = self._finish(p, t0, timeout)
        if r.rc == 127 and not os.path.exists(self.path):  # replaced under us: once more
            time.sleep(5)
            return self.run(db, *args, timeout=timeout)
        return r

    def run_killed(self, db: Path | None, args: list[str], delay: float,
                   timeout: float = 180) -> Result:
        """Start the command and kill -9 it after `delay` seconds unless it ended before."""
        t0 = time.monotonic()
        p = self.popen(db, args)
        deadline = t0 + delay
        while p.poll() is None and time.monotonic() < deadline:
            time.sleep(min(0.002, max(0.0, deadline - time.monotonic())))
        if p.poll() is None:
            os.kill(p.pid, signal.SIGKILL)
            return self._finish(p, t0, timeout, killed=True)
        return self._finish(p, t0, timeout)

    def json(self, db: Path, *args, timeout: float = 180):
        r = self.run(db, "--json", *args, timeout=timeout)
        if r.rc != 0:
            raise RuntimeError(f"{' '.join(map(str, args))} failed ({r.rc}): {short(r.err)}")
        return json.loads(r.out)


def judge(row: Row, r: Result, what: str, ok=(0,), allowed=(0, 1, 2),
          busy_is_failure: bool = False) -> str:
    """Classify one finished (not killed) run: 'ok', 'fail' or 'crash'; count it in row."""
    if r.rc is None:
        row.failures += 1
        row.note("hang", f"{what}: no answer after {r.secs:.0f} s")
        return "fail"
    if r.rc < 0 and not r.killed:
        row.crashes += 1
        row.note("crash", f"{what}: killed by signal {-r.rc}; {short(r.err)}")
        return "crash"
    if r.rc not in allowed:
        row.crashes += 1
        row.note("crash", f"{what}: exit {r.rc}; {short(r.err)}")
        return "crash"
    m = r.crash_text
    if m:
        row.crashes += 1
        row.note("crash", f"{what}: message with {m!r} (exit {r.rc}): {short(r.err or r.out)}")
        return "crash"
    if busy_is_failure and any(b in r.err.lower() for b in BUSY_MARKERS):
        row.failures += 1
        row.note("fail", f"{what}: busy/locked (exit {r.rc}): {short(r.err)}")
        return "fail"
    if r.rc not in ok:
        row.failures += 1
        row.note("fail", f"{what}: exit {r.rc}: {short(r.err or r.out)}")
        return "fail"
    return "ok"


def judge_killed(row: Row, r: Result, what: str, ok=(0,)) -> None:
    """A run we meant to kill: if it ended before the kill, judge it normally."""
    if r.killed:
        m = r.crash_text
        if m:
            row.crashes += 1
            row.note("crash", f"{what}: output before the kill had {m!r}: {short(r.err)}")
        return
    judge(row, r, what, ok=ok)


def check_clean(cli: Cli, row: Row, db: Path, what: str) -> bool:
    r = cli.run(db, "check")
    if r.rc == 0 and not r.crash_text:
        return True
    if r.rc is not None and r.rc < 0 or r.crash_text or r.rc not in (0, 1, None):
        judge(row, r, f"check after {what}", allowed=(0, 1))
    row.lost += 1
    row.note("lost", f"check after {what} exit {r.rc}: {short(r.out + ' ' + r.err, 400)}")
    return False


def copy_db(src: Path, dst: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        d = Path(str(dst) + suffix)
        if d.exists():
            d.unlink()
        s = Path(str(src) + suffix)
        if s.exists():
            shutil.copyfile(s, d)
    return dst


def remove_db(db: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        p = Path(str(db) + suffix)
        if p.exists():
            p.unlink()


def stats(cli: Cli, db: Path) -> dict[str, int]:
    return {x["what"]: x["count"] for x in cli.json(db, "stats")}


# ---------------------------------------------------------------- the simulator ----------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Sim:
    def __init__(self, cli: Cli, orders: int, seed: int, log: Path):
        self.cli = cli
        for _ in range(5):
            self.port = free_port()
            self.logf = open(log, "ab")
            self.proc = subprocess.Popen(
                [cli.path, "simulate", "--port", str(self.port), "--orders", str(orders),
                 "--seed", str(seed)], stdout=self.logf, stderr=self.logf, env=cli.env,
                start_new_session=True)
            if self._wait_ready():
                return
            self.stop()
        raise RuntimeError("the simulator did not start (see " + str(log) + ")")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _wait_ready(self) -> bool:
        t_end = time.monotonic() + 60
        while time.monotonic() < t_end:
            if self.proc.poll() is not None:
                return False
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return True
            except OSError:
                time.sleep(0.05)
        return False

    def _post(self, path: str) -> str:
        req = urllib.request.Request(self.url + path, data=b"", method="POST")
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.read().decode()

    def fault(self, kind: str, times: int = 1, platform: str | None = None) -> None:
        q = f"/sim/fault?kind={kind}&times={times}" + (f"&platform={platform}" if platform else "")
        self._post(q)

    def change(self, count: int) -> None:
        self._post(f"/sim/change?count={count}")

    def calls(self) -> list[dict] | None:
        """The simulator's call log, or None while the binary does not serve it (404)."""
        try:
            with urllib.request.urlopen(self.url + "/sim/calls", timeout=30) as resp:
                return json.loads(resp.read().decode())
        except urllib.error.HTTPError as e:
            if e.code == 404:
                return None
            raise

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        self.logf.close()


def accepted_confirmations(calls: list[dict]) -> collections.Counter:
    """Confirmations per order that reached the platform's shipping logic: accepted ("ok", also
    when the reply was then cut or late) or refused as a second one ("already_shipped"). A call
    a fault stopped before the platform handled it (http_500, throttled...) is a retry, not a
    duplicate."""
    c = collections.Counter()
    for x in calls:
        result = str(x.get("result", ""))
        if x.get("api") in SHIPMENT_APIS and result.startswith(("ok", "already_shipped")):
            c[(x.get("platform"), x.get("order"))] += 1
    return c


def count_dup_calls(row: Row, sim: Sim) -> None:
    calls = sim.calls()
    if calls is None:
        row.dup_calls = "n/a"
        return
    row.dup_calls = row.dup_calls if isinstance(row.dup_calls, int) else 0
    for key, n in accepted_confirmations(calls).items():
        if n > 1:
            row.dup_calls = (row.dup_calls if isinstance(row.dup_calls, int) else 0) + 1
            row.note("dup-call", f"{key} confirmed {n} times")


# ---------------------------------------------------------------- the campaign -----------

class Campaign:
    def __init__(self, args):
        self.args = args
        self.cli = Cli(Path(args.cli))
        self.rng = random.Random(args.seed)
        self.seed = args.seed
        self.quick = args.quick
        self.kills = 3 if args.quick else 30
        self.fuzz_cases = 25 if args.quick else 500
        self.work = Path(args.work)
        self.work.mkdir(parents=True, exist_ok=True)
        self._small: Path | None = None
        self._demo_endpoint: bool | None = None

    # -- shops

    def demo_knows_endpoint(self) -> bool:
        if self._demo_endpoint is None:
            self._demo_endpoint = "--endpoint" in self.cli.run(None, "demo", "--help").out
        return self._demo_endpoint

    def make_shop(self, db: Path, orders: int, sim: Sim | None = None) -> None:
        """A demo shop; with a simulator, its stores connected to it."""
        remove_db(db)
        args = ["demo", "--orders", orders, "--seed", self.seed]
        if sim and self.demo_knows_endpoint():
            args += ["--endpoint", sim.url]
        r = self.cli.run(db, *args)
        if r.rc != 0:
            raise RuntimeError(f"demo failed ({r.rc}): {short(r.err)}")
        if sim and not self.demo_knows_endpoint():
            for s in self.cli.json(db, "store", "list"):
                r = self.cli.run(db, "store", "add", "--platform", s["platform"], "--name",
                                 s["name"], "--code", s["code"], "--warehouse", s["warehouse"],
                                 "--app-key", "sim-app", "--app-secret", "sim-secret",
                                 "--token", "sim-token", "--endpoint", sim.url)
                if r.rc != 0:
                    raise RuntimeError(f"store add failed: {short(r.err)}")

    def small_shop(self) -> Path:
        """A small demo shop (20 orders), made once; scenarios work on copies."""
        if self._small is None:
            self._small = self.work / "small-template.db"
            self.make_shop(self._small, 20)
        return self._small

    def fresh_small(self, path: Path) -> Path:
        return copy_db(self.small_shop(), path)

    def plain_skus(self, db: Path, n: int) -> list[str]:
        """SKUs without a shelf life (received without batch and expiry)."""
        codes = [s["code"] for s in self.cli.json(db, "sku", "list") if not s["shelf_life_days"]]
        return codes[:n]

    def dir(self, name: str) -> Path:
        d = self.work / name
        d.mkdir(parents=True, exist_ok=True)
        return d

    # -- 1. kill_demo

    def kill_demo(self, row: Row) -> None:
        d = self.dir("kill_demo")
        ref = d / "ref.db"
        remove_db(ref)
        r = self.cli.run(ref, "demo", "--orders", 2000, "--seed", self.seed)
        judge(row, r, "reference demo")
        full = r.secs
        want = stats(self.cli, ref)
        for i in range(self.kills):
            db = d / "k.db"
            remove_db(db)
            delay = self.rng.uniform(0, full)
            r = self.cli.run_killed(db, ["demo", "--orders", 2000, "--seed", self.seed], delay)
            row.tries += 1
            what = f"demo killed at {delay:.3f}s"
            judge_killed(row, r, what)
            if not db.exists():
                got = {}                  # killed before it created the file: empty
            elif not check_clean(self.cli, row, db, what):
                continue
            else:
                got = stats(self.cli, db)
            if got.get("skus", 0) == 0:
                r2 = self.cli.run(db, "demo", "--orders", 2000, "--seed", self.seed)
                if judge(row, r2, f"demo again after {what}") == "ok":
                    got = stats(self.cli, db)
                    if got != want:
                        row.lost += 1
                        row.note("lost", f"demo again after {what}: {got} != {want}")
            elif got != want:
                row.lost += 1
                row.note("lost", f"{what}: half a demo: {got} (complete: {want})")

    # -- 2. kill_sync

    @staticmethod
    def order_keys(orders: list[dict]) -> collections.Counter:
        return collections.Counter((o["store"], o["order_id"]) for o in orders)

    def count_dup_orders(self, row: Row, db: Path, what: str) -> collections.Counter:
        keys = self.order_keys(self.cli.json(db, "orders", "list"))
        for k, n in keys.items():
            if n > 1:
                row.duplicated += 1
                row.note("dup", f"{what}: order {k} listed {n} times")
        return keys

    def kill_sync(self, row: Row) -> None:
        d = self.dir("kill_sync")
        sim = Sim(self.cli, 5000, self.seed, d / "sim.log")
        try:
            tpl = d / "template.db"
            self.make_shop(tpl, 300, sim)
            ref = copy_db(tpl, d / "ref.db")
            r = self.cli.run(ref, "sync")
            judge(row, r, "reference sync")
            full = r.secs
            want = self.order_keys(self.cli.json(ref, "orders", "list"))
            per_round = 3
            rounds = max(1, self.kills // per_round)
            for rnd in range(rounds):
                db = copy_db(tpl, d / "k.db")
                for k in range(per_round):
                    delay = self.rng.uniform(0, full * 1.1)
                    r = self.cli.run_killed(db, ["sync"], delay)
                    row.tries += 1
                    what = f"round {rnd} sync killed at {delay:.3f}s"
                    judge_killed(row, r, what)
                    check_clean(self.cli, row, db, what)
                r = self.cli.run(db, "sync")
                judge(row, r, f"round {rnd} final sync")
                check_clean(self.cli, row, db, f"round {rnd} final sync")
                got = self.count_dup_orders(row, db, f"round {rnd}")
                n_got, n_want = sum(got.values()), sum(want.values())
                missing = set(want) - set(got)
                if missing:
                    row.lost += 1
                    row.note("lost", f"round {rnd}: {len(missing)} orders missing, e.g. "
                                     f"{sorted(missing)[:3]} ({n_got} vs {n_want})")
                extra = set(got) - set(want)
                if extra:
                    row.duplicated += 1
                    row.note("dup", f"round {rnd}: {len(extra)} unexpected orders, e.g. "
                                    f"{sorted(extra)[:3]}")
        finally:
            sim.stop()

    # -- 3. kill_import

    def orders_file(self, db: Path, path: Path, n: int, prefix: str) -> None:
        skus = [s["code"] for s in self.cli.json(db, "sku", "list")]
        stores = [s["code"] for s in self.cli.json(db, "store", "list")]
        rng = random.Random(self.seed)
        provinces = [("江苏省", "常州市", "武进区"), ("浙江省", "杭州市", "西湖区"),
                     ("广东省", "广州市", "天河区"), ("上海市", "上海市", "浦东新区")]
        out = []
        for i in range(n):
            p, c, dist = rng.choice(provinces)
            lines = []
            for j in range(rng.randint(1, 3)):
                lines.append({"platform_sku_id": f"{prefix}{i}-{j}",
                              "seller_code": rng.choice(skus), "title": f"商品 {j}",
                              "quantity": rng.randint(1, 3),
                              "unit_price": f"{rng.randint(1, 500)}.{rng.randint(0, 99):02d}"})
            out.append({
                "store": rng.choice(stores), "platform_order_id": f"{prefix}{i:08d}",
                "status": "to_ship", "buyer_nick": f"b**{i % 97}", "buyer_note": "",
                "receiver": {"name": "张**", "phone": "138****5678", "province": p, "city": c,
                             "district": dist, "address": f"测试路{i}号**"},
                "paid_amount": f"{rng.randint(1, 900)}.00", "freight": "0.00",
                "created_at": "2026-11-23T10:00:00+08:00",
                "paid_at": "2026-11-23T10:01:00+08:00",
                "modified_at": "2026-11-23T10:01:00+08:00",
                "lines": lines})
        path.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")

    def skus_file(self, path: Path, n: int, prefix: str) -> None:
        rows = ["code,name,barcode,spec,unit,weight_g,cost,shelf_life_days"]
        for i in range(n):
            rows.append(f"{prefix}-{i:06d},测试商品 {i},{690000000000 + i}{i % 10},"
                        f"{i % 50}g,个,{100 + i % 900},{i % 300}.{i % 100:02d},{(i % 3) * 180}")
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")

    def kill_import(self, row: Row) -> None:
        d = self.dir("kill_import")
        tpl = self.small_shop()
        ojson, scsv = d / "orders.json", d / "skus.csv"
        self.orders_file(tpl, ojson, 3000, "KI")
        self.skus_file(scsv, 20000, "KI")
        kinds = {"orders": (["orders", "import", ojson], "orders", 3000),
                 "skus": (["sku", "import", scsv], "skus", 20000)}
        base = stats(self.cli, tpl)
        full = {}
        for name, (args, what, n) in kinds.items():
            db = self.fresh_small(d / "ref.db")
            r = self.cli.run(db, *args)
            judge(row, r, f"uninterrupted {name} import")
            full[name] = r.secs
            got = stats(self.cli, db)[what]
            if got != base[what] + n:
                row.failures += 1
                row.note("fail", f"uninterrupted {name} import: {got} {what}, "
                                 f"expected {base[what] + n}")
        for i in range(2 * self.kills if not self.quick else self.kills):
            name = "orders" if i % 2 == 0 else "skus"
            args, what, n = kinds[name]
            db = self.fresh_small(d / "k.db")
            delay = self.rng.uniform(0, full[name] * 1.1)
            r = self.cli.run_killed(db, args, delay)
            row.tries += 1
            label = f"{name} import killed at {delay:.3f}s"
            judge_killed(row, r, label)
            if not check_clean(self.cli, row, db, label):
                continue
            got = stats(self.cli, db)[what]
            if got not in (base[what], base[what] + n):
                row.lost += 1
                row.note("lost", f"{label}: {got} {what}, neither {base[what]} nor "
                                 f"{base[what] + n}")
            elif not r.killed and got != base[what] + n:
                row.lost += 1
                row.note("lost", f"{label}: ended with exit 0 but {got} {what}")

    # -- 4. kill_stock

    def kill_stock(self, row: Row) -> None:
        d = self.dir("kill_stock")
        db = self.fresh_small(d / "k.db")
        skus = self.plain_skus(db, 4)
        for s in skus:
            r = self.cli.run(db, "stock", "receive", s, 100000, "--warehouse", "CZ",
                             "--doc", f"KS-INIT-{s}")
            judge(row, r, f"initial receipt of {s}")
        t0 = time.monotonic()
        self.cli.run(db, "stock", "receive", skus[0], 1, "--warehouse", "CZ", "--doc", "KS-T")
        typical = max(0.02, time.monotonic() - t0)
        expected: dict[tuple[str, str], str] = {}   # (doc, kind) -> how it ended
        kinds_of = {"receive": "receive", "ship": "ship", "transfer": "transfer_out",
                    "return": "return"}
        n = kills = 0
        while kills < self.kills and n < 40 * max(self.kills, 1):
            n += 1
            doc = f"KS-{n:05d}"
            sku = self.rng.choice(skus)
            op = self.rng.choice(list(kinds_of))
            if op == "transfer":
                args = ["stock", "transfer", sku, 1, "--from", "CZ", "--to", "GZ", "--doc", doc]
            else:
                args = ["stock", op, sku, 1, "--warehouse", "CZ", "--doc", doc]
            key = (doc, kinds_of[op])
            if self.rng.random() < 0.6:
                delay = self.rng.uniform(0, typical * 1.3)
                r = self.cli.run_killed(db, args, delay)
            else:
                r = self.cli.run(db, *args)
            row.tries += 1
            what = f"stock {op} {doc}" + (" (killed)" if r.killed else "")
            if r.killed:
                kills += 1
                judge_killed(row, r, what)
                check_clean(self.cli, row, db, what)
                # The operator does not know whether it went through and enters it again.
                r2 = self.cli.run(db, *args)
                row.tries += 1
                if judge(row, r2, f"{what}, entered again", ok=(0, 1)) == "ok":
                    expected[key] = "retried-ok" if r2.rc == 0 else "retried-refused"
                    if r2.rc == 1 and "doc" not in r2.err.lower() and doc not in r2.err:
                        row.failures += 1
                        row.note("fail", f"{what}, entered again: refused but not for the "
                                         f"document: {short(r2.err)}")
            else:
                if judge(row, r, what) == "ok":
                    expected[key] = "ok"
                check_clean(self.cli, row, db, what)
        ledger = self.cli.json(db, "ledger", "--since", "2026-11-24")
        seen = collections.Counter((m["doc"], m["kind"]) for m in ledger
                                   if str(m.get("doc", "")).startswith("KS-"))
        for key, c in seen.items():
            if c > 1:
                row.duplicated += 1
                row.note("dup", f"document {key} posted {c} times")
        for key, how in expected.items():
            if seen[key] == 0:
                row.lost += 1
                row.note("lost", f"document {key} ({how}) exited 0 but has no movement")
        if kills < self.kills:
            row.note("info", f"only {kills} kills landed before the commands ended")

    # -- 5. kill_outbox

    def sim_orders_to_ship(self, db: Path, skip: set) -> list[dict]:
        return [o for o in self.cli.json(db, "orders", "list", "--status", "to_ship")
                if o["allocation"] == "allocated" and o["hold_reason"] is None
                and o["order_id"] not in skip and not o.get("split_from")]

    def ship_some(self, row: Row, db: Path, k: int, skip: set, counter: list) -> list[dict]:
        shipped = []
        for o in self.sim_orders_to_ship(db, skip)[:k]:
            counter[0] += 1
            r = self.cli.run(db, "order", "ship", f"#{o['id']}", "--carrier", "SF",
                             "--tracking", f"SF{7000000000000 + counter[0]}")
            if judge(row, r, f"order ship #{o['id']}") == "ok":
                shipped.append(o)
            skip.add(o["order_id"])
        return shipped

    def pending(self, db: Path) -> list[dict]:
        return self.cli.json(db, "outbox", "list", "--pending")

    def drain_outbox(self, row: Row, db: Path, what: str, tries: int = 6) -> None:
        for _ in range(tries):
            self.cli.run(db, "outbox", "retry")
            r = self.cli.run(db, "outbox", "flush")
            judge(row, r, f"{what}: outbox flush", ok=(0, 1))
            if not self.pending(db):
                return
        left = self.pending(db)
        row.failures += 1
        row.note("fail", f"{what}: {len(left)} outbox entries still pending after {tries} "
                         f"flushes: {short(left[0].get('last_error', ''))}")

    def kill_outbox(self, row: Row) -> None:
        d = self.dir("kill_outbox")
        sim = Sim(self.cli, 2000, self.seed, d / "sim.log")
        try:
            db = d / "k.db"
            self.make_shop(db, 300, sim)
            demo_ids = {o["order_id"] for o in self.cli.json(db, "orders", "list")}
            judge(row, self.cli.run(db, "sync"), "sync")
            self.drain_outbox(row, db, "first flush (stock offers)")
            skip, counter, shipped = set(demo_ids), [0], []
            shipped += self.ship_some(row, db, 2, skip, counter)
            r = self.cli.run(db, "outbox", "flush")
            judge(row, r, "timing flush", ok=(0, 1))
            typical = max(0.1, r.secs)
            for i in range(self.kills):
                shipped += self.ship_some(row, db, 2, skip, counter)
                fault = self.rng.choice([None, None, "timeout", "malformed_json"])
                if fault:
                    sim.fault(fault, self.rng.randint(1, 3))
                delay = self.rng.uniform(0, typical * 1.5 + (1.5 if fault == "timeout" else 0))
                r = self.cli.run_killed(db, ["outbox", "flush"], delay)
                row.tries += 1
                what = f"flush #{i} killed at {delay:.3f}s (fault {fault})"
                judge_killed(row, r, what, ok=(0, 1))
                check_clean(self.cli, row, db, what)
                self.cli.run(db, "outbox", "retry")
            self.drain_outbox(row, db, "after the kills")
            check_clean(self.cli, row, db, "the last flush")
            calls = sim.calls()
            if calls is None:
                row.dup_calls = "n/a"
            else:
                acc = accepted_confirmations(calls)
                count_dup_calls(row, sim)
                plat = {"taobao": "taobao", "jd": "jd", "pinduoduo": "pinduoduo",
                        "douyin": "douyin"}
                for o in shipped:
                    if not any(k[1] == o["order_id"] for k in acc):
                        row.lost += 1
                        row.note("lost", f"order {o['store']} {o['order_id']} shipped but "
                                         f"never confirmed to {plat.get(o['platform'])}")
        finally:
            sim.stop()

    # -- 6. kill_close

    def kill_close(self, row: Row) -> None:
        d = self.dir("kill_close")
        ref = self.fresh_small(d / "ref.db")
        r = self.cli.run(ref, "period", "close", "2026-10")
        judge(row, r, "uninterrupted period close")
        full = max(0.02, r.secs)
        for i in range(self.kills):
            db = self.fresh_small(d / "k.db")
            delay = self.rng.uniform(0, full * 1.3)
            r = self.cli.run_killed(db, ["period", "close", "2026-10"], delay)
            row.tries += 1
            what = f"period close killed at {delay:.3f}s"
            judge_killed(row, r, what)
            if not check_clean(self.cli, row, db, what):
                continue
            state = {p["month"]: p["state"] for p in self.cli.json(db, "period", "list")}
            again = self.cli.run(db, "period", "close", "2026-10")
            if state.get("2026-10") == "closed":
                judge(row, again, f"close again after {what} (closed)", ok=(1,))
            else:
                judge(row, again, f"close again after {what} ({state.get('2026-10')})")
            check_clean(self.cli, row, db, f"close again after {what}")
            state = {p["month"]: p["state"] for p in self.cli.json(db, "period", "list")}
            if state.get("2026-10") != "closed":
                row.lost += 1
                row.note("lost", f"{what}: 2026-10 is {state.get('2026-10')} after closing again")

    # -- 7. concurrent

    def concurrent(self, row: Row) -> None:
        d = self.dir("concurrent")
        sim = Sim(self.cli, 3000, self.seed, d / "sim.log")
        try:
            db = d / "c.db"
            self.make_shop(db, 300, sim)
            csv = d / "own.csv"
            csv.write_text("code,name,barcode,spec,unit,weight_g,cost,shelf_life_days\n" +
                           "".join(f"CC-{w},并发 {w},,,个,100,1.00,0\n" for w in range(4)),
                           encoding="utf-8")
            judge(row, self.cli.run(db, "sku", "import", csv), "sku import")
            for w in range(4):
                judge(row, self.cli.run(db, "stock", "receive", f"CC-{w}", 1000, "--warehouse",
                                        "CZ", "--doc", f"CC-INIT-{w}"), f"initial receipt {w}")
            sim.fault("timeout", 2)
            writes = 25 if self.quick else 50
            net = [0] * 4
            lock = threading.Lock()

            def worker(w: int) -> None:
                rng = random.Random(self.seed * 100 + w)
                for i in range(writes):
                    op = rng.choice(["receive", "ship"])
                    q = rng.randint(1, 5)
                    r = self.cli.run(db, "stock", op, f"CC-{w}", q, "--warehouse", "CZ",
                                     "--doc", f"CC-{w}-{i}")
                    with lock:
                        row.tries += 1
                        if judge(row, r, f"worker {w} stock {op} {q}",
                                 busy_is_failure=True) == "ok":
                            net[w] += q if op == "receive" else -q

            def syncer() -> None:
                r = self.cli.run(db, "sync")
                with lock:
                    row.tries += 1
                    judge(row, r, "sync during the writes", ok=(0, 1), busy_is_failure=True)

            threads = [threading.Thread(target=worker, args=(w,)) for w in range(4)]
            threads.append(threading.Thread(target=syncer))
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            check_clean(self.cli, row, db, "the concurrent writes")
            for w in range(4):
                rows = self.cli.json(db, "stock", "list", "--sku", f"CC-{w}")
                on_hand = sum(x.get("on_hand", 0) for x in rows)
                if on_hand != 1000 + net[w]:
                    row.lost += 1
                    row.note("lost", f"CC-{w}: on hand {on_hand}, the commands add up to "
                                     f"{1000 + net[w]}")
            self.count_dup_orders(row, db, "after the concurrent sync")
        finally:
            sim.stop()

    # -- 8. faults

    def faults(self, row: Row) -> None:
        d = self.dir("faults")
        sim = Sim(self.cli, 1000, self.seed, d / "sim.log")
        try:
            db = d / "f.db"
            self.make_shop(db, 300, sim)
            demo_ids = {o["order_id"] for o in self.cli.json(db, "orders", "list")}
            judge(row, self.cli.run(db, "sync"), "first sync")
            self.drain_outbox(row, db, "first flush")
            skip, counter, shipped = set(demo_ids), [0], []
            for kind in ["http_500", "throttle", "timeout", "malformed_json", "duplicate",
                         "expired_token"]:
                sim.change(30)
                sim.fault(kind, 3)
                r = self.cli.run(db, "sync")
                row.tries += 1
                self.clear_message(row, r, f"sync under {kind}")
                check_clean(self.cli, row, db, f"sync under {kind}")
                shipped += self.ship_some(row, db, 2, skip, counter)
                sim.fault(kind, 3)
                self.cli.run(db, "outbox", "retry")
                r = self.cli.run(db, "outbox", "flush")
                row.tries += 1
                self.clear_message(row, r, f"outbox flush under {kind}")
                check_clean(self.cli, row, db, f"outbox flush under {kind}")
                # clear what is left of the faults, then everything must go through
                for _ in range(3):
                    r = self.cli.run(db, "sync")
                    if r.rc == 0:
                        break
                row.tries += 1
                judge(row, r, f"sync after {kind} cleared")
                self.drain_outbox(row, db, f"after {kind}")
                check_clean(self.cli, row, db, f"after {kind}")
                self.count_dup_orders(row, db, f"after {kind}")
            count_dup_calls(row, sim)
        finally:
            sim.stop()

    def clear_message(self, row: Row, r: Result, what: str) -> None:
        if judge(row, r, what, ok=(0, 1)) != "ok" or r.rc == 0:
            return
        if not (r.err.strip() or r.out.strip()):   # flush sums up on stdout
            row.failures += 1
            row.note("fail", f"{what}: exit 1 without a message")

    # -- 9. fuzz

    def fuzz_json(self, row: Row) -> None:
        d = self.dir("fuzz_json")
        tpl = self.small_shop()
        base = d / "base.json"
        self.orders_file(tpl, base, 5, "FZ")
        seeds = [base.read_bytes(), (REPO / "tests/fixtures/orders_good.json").read_bytes(),
                 (REPO / "tests/fixtures/orders_update.json").read_bytes()]
        self.fuzz(row, d, seeds, "json", ["orders", "import"])

    def fuzz_csv(self, row: Row) -> None:
        d = self.dir("fuzz_csv")
        base = d / "base.csv"
        self.skus_file(base, 8, "FZ")
        seeds = [base.read_bytes(), (REPO / "tests/fixtures/skus_good.csv").read_bytes(),
                 (REPO / "tests/fixtures/skus_gbk.csv").read_bytes()]
        self.fuzz(row, d, seeds, "csv", ["sku", "import"])

    def fuzz(self, row: Row, d: Path, seeds: list[bytes], ext: str, cmd: list[str]) -> None:
        for i in range(self.fuzz_cases):
            data, how = mutate(self.rng, self.rng.choice(seeds), ext)
            f = d / f"case.{ext}"
            f.write_bytes(data)
            db = self.fresh_small(d / "f.db")
            r = self.cli.run(db, *cmd, f, timeout=300)
            row.tries += 1
            what = f"case {i} ({how})"
            if judge(row, r, what, ok=(0, 1), allowed=(0, 1)) == "ok" and r.rc == 1:
                msg = r.err.strip()
                if not msg or "\n" in msg:
                    row.failures += 1
                    row.note("fail", f"{what}: not one clear message: {short(msg)}")
            if not check_clean(self.cli, row, db, what):
                keep = d / f"lost-{i}.{ext}"
                shutil.copyfile(f, keep)
            if (row.crashes or row.failures) and not (d / f"bad-{i}.{ext}").exists() \
                    and row.notes and row.notes[-1].startswith(("crash", "fail")) \
                    and what in row.notes[-1]:
                shutil.copyfile(f, d / f"bad-{i}.{ext}")

    # -- 10. absurd

    def absurd(self, row: Row) -> None:
        d = self.dir("absurd")
        db = self.fresh_small(d / "a.db")
        sku = self.plain_skus(db, 1)[0]
        lot = [s["code"] for s in self.cli.json(db, "sku", "list") if s["shelf_life_days"]][0]
        w = ["--warehouse", "CZ"]
        cases = [
            ["stock", "receive", sku, BIG, *w],
            ["stock", "receive", sku, BIG + 1, *w],
            ["stock", "receive", sku, 1000000000000, *w, "--cost", "100000000.00"],
            ["stock", "receive", sku, 4611686018427387904, *w],
            ["stock", "receive", sku, -5, *w],
            ["stock", "receive", sku, 0, *w],
            ["stock", "receive", sku, 1, *w, "--cost", "1.005"],
            ["stock", "receive", sku, 1, *w, "--cost", "-1.00"],
            ["stock", "receive", sku, 1, *w, "--cost", "1e308"],
            ["stock", "receive", sku, 1, *w, "--cost", "nan"],
            ["stock", "receive", sku, 1, *w, "--cost", str(BIG)],
            ["stock", "receive", sku, "1.5", *w],
            ["stock", "receive", sku, 1, *w, "--at", "0001-01-01T00:00:00+08:00"],
            ["stock", "receive", sku, 1, *w, "--at", "9999-12-31T23:59:59+08:00"],
            ["stock", "receive", lot, 1, *w, "--batch", "B1", "--expiry", "0000-00-00"],
            ["stock", "receive", lot, 1, *w, "--batch", "B1", "--expiry", "99999-01-01"],
            ["stock", "receive", "NO-SUCH-SKU", 1, *w],
            ["stock", "receive", sku, 1, "--warehouse", "NOPE"],
            ["stock", "ship", sku, BIG, *w],
            ["stock", "ship", sku, -1, *w],
            ["stock", "count", sku, BIG, *w],
            ["stock", "count", sku, -1, *w],
            ["stock", "transfer", sku, BIG, "--from", "CZ", "--to", "GZ", "--doc", "AB-1"],
            ["stock", "transfer", sku, 1, "--from", "CZ", "--to", "CZ", "--doc", "AB-2"],
            ["stock", "return", sku, -3, *w],
            ["stock", "return", sku, BIG, *w],
            ["stock", "scrap", sku, -3, *w, "--reason", "x"],
            ["stock", "scrap", sku, BIG, *w, "--reason", "x"],
            ["stock", "move", sku, BIG, *w, "--to", "A-01-01"],
            ["sku", "price", sku, "--reference", "-1.00"],
            ["sku", "price", sku, "--reference", str(BIG)],
            ["sku", "min-ship-days", "-1"],
            ["sku", "min-ship-days", str(BIG)],
            ["period", "close", "9999-12"],
            ["period", "close", "0000-01"],
            ["period", "close", "2026-13"],
            ["demo", "--orders", 5],
            ["orders", "import", str(d / "does-not-exist.json")],
            ["order", "ship", "99999999999999999999"],
            ["sync", "--since", "yesterday"],
            ["location", "add", "CZ", ""],
            ["warehouse", "add", "", "空"],
            ["store", "add", "--platform", "mars", "--name", "x"],
            ["store", "add", "--platform", "taobao", "--name", "x", "--stock-share", "101"],
            ["alerts", "snooze", "1", "--until", "0000-00-00"],
        ]
        for args in cases:
            r = self.cli.run(db, *args)
            row.tries += 1
            what = " ".join(map(str, args))
            if judge(row, r, what, ok=(1, 2)) == "ok" and not r.err.strip():
                row.failures += 1
                row.note("fail", f"{what}: refused without a message")
            check_clean(self.cli, row, db, what)


# ---------------------------------------------------------------- fuzzing ----------------

def mutate(rng: random.Random, data: bytes, ext: str) -> tuple[bytes, str]:
    """One to three random mutations of an import file; returns the bytes and what was done."""
    done = []
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        kind = rng.choice(MUTATIONS_JSON if ext == "json" else MUTATIONS_CSV)
        data = kind(rng, data)
        done.append(kind.__name__)
    return data, "+".join(done)


def m_flip(rng, b):
    if not b:
        return b
    a = bytearray(b)
    for _ in range(rng.randint(1, 8)):
        a[rng.randrange(len(a))] = rng.randrange(256)
    return bytes(a)


def m_truncate(rng, b):
    return b[:rng.randrange(len(b) + 1)]


def m_invalid_utf8(rng, b):
    i = rng.randrange(len(b) + 1)
    return b[:i] + rng.choice([b"\xff\xfe", b"\xc3", b"\xed\xa0\x80", b"\xe4\xb8", b"\x00"]) + b[i:]


def m_huge_string(rng, b):
    s = "长" * (10 * 1024 * 1024 // 3) if rng.random() < 0.5 else "x" * (10 * 1024 * 1024)
    return _replace_value(rng, b, s.encode())


NUMBERS = [b"9223372036854775807", b"9223372036854775808", b"-9223372036854775808", b"-1",
           b"0", b"1e308", b"-1e308", b"1e-308", b"NaN", b"Infinity", b"0.001",
           b"99999999999999999999999999", b"-0", b"3.999"]


def _digit_runs(b: bytes) -> list[tuple[int, int]]:
    runs, i = [], 0
    while i < len(b):
        if 48 <= b[i] <= 57:
            j = i
            while j < len(b) and 48 <= b[j] <= 57:
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def m_huge_number(rng, b):
    runs = _digit_runs(b)
    if not runs:
        return b
    i, j = rng.choice(runs)
    return b[:i] + rng.choice(NUMBERS) + b[j:]


def m_year(rng, b):
    for old in (b"2026-", b"2025-"):
        if old in b:
            return b.replace(old, rng.choice([b"0001-", b"9999-", b"0000-", b"1969-", b"2038-"]),
                             rng.choice([1, 1, 5]))
    return b


def _replace_value(rng, b, new: bytes):
    """Replace one quoted string (JSON) or one CSV field with `new`."""
    quoted = [i for i in range(len(b)) if b[i] == 34]
    if len(quoted) >= 2 and rng.random() < 0.7:
        k = rng.randrange(len(quoted) - 1)
        i, j = quoted[k], quoted[k + 1]
        return b[:i + 1] + new + b[j:]
    commas = [i for i in range(len(b)) if b[i] == 44]
    if not commas:
        return b + new
    i = rng.choice(commas)
    return b[:i + 1] + new + b[i + 1:]


def m_json_structure(rng, b):
    try:
        doc = json.loads(b.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return m_flip(rng, b)
    orders = doc if isinstance(doc, list) else doc.get("orders", [doc])
    if not orders:
        return b
    o = rng.choice(orders)
    choice = rng.randrange(9)
    key = rng.choice(list(o))
    if choice == 0:
        del o[key]                                       # a field missing
    elif choice == 1:
        o[key] = rng.choice([None, 1, -1, 1.5, True, [], {}, "", "x" * 300, BIG, -BIG - 1])
    elif choice == 2 and o.get("lines"):
        ln = rng.choice(o["lines"])
        lk = rng.choice(list(ln))
        ln[lk] = rng.choice([None, 0, -1, BIG, 1e308, "9223372036854775807", "-1.00",
                             "12.345", [], {}, "x"])
    elif choice == 3:
        orders.append(json.loads(json.dumps(o)))      # the same order twice
    elif choice == 4 and o.get("lines"):
        o["lines"] = o["lines"] * rng.choice([2, 50, 1000])
    elif choice == 5:
        o["paid_amount_fen"] = rng.choice([BIG, -1, 0, 10 ** 30, 1.5])
    elif choice == 6:
        o[rng.choice(["created_at", "paid_at", "modified_at", "promised_ship_at"])] = \
            rng.choice(["0001-01-01T00:00:00+08:00", "9999-12-31T23:59:59+08:00", "yesterday",
                        "2026-02-30T10:00:00+08:00", "2026-11-20T25:61:61+08:00", 0, BIG])
    elif choice == 7:
        o["lines"] = []
    else:
        orders.extend(json.loads(json.dumps(orders)) * rng.choice([1, 20]))
    return json.dumps(doc, ensure_ascii=rng.random() < 0.3).encode("utf-8")


def m_csv_rows(rng, b):
    lines = b.split(b"\n")
    head, rest = lines[:1], [x for x in lines[1:] if x.strip()]
    if not rest:
        return b
    choice = rng.randrange(6)
    if choice == 0:
        rest.append(rng.choice(rest))                  # a duplicated row
    elif choice == 1:
        rest = rest * rng.choice([2, 100])
    elif choice == 2:
        i = rng.randrange(len(rest))
        fields = rest[i].split(b",")
        del fields[rng.randrange(len(fields))]         # a field missing
        rest[i] = b",".join(fields)
    elif choice == 3:
        i = rng.randrange(len(rest))
        fields = rest[i].split(b",")
        fields[rng.randrange(len(fields))] = rng.choice(
            NUMBERS + [b"", b"abc", b"\"", b"\"a,b\"", b"12.345", b"-0.01", b"1|2|3|" * 50])
        rest[i] = b",".join(fields)
    elif choice == 4:
        head = [rng.choice([b"", b"code,name", head[0] + b",extra", head[0].upper(),
                            b"\xef\xbb\xbf" + head[0], head[0].replace(b",", b";")])]
    else:
        rest = [x.replace(b",", b"\r\n", 1) if rng.random() < 0.3 else x + b"\r" for x in rest]
    return b"\n".join(head + rest) + rng.choice([b"\n", b"", b"\r\n", b"\n\n\n"])


MUTATIONS_JSON = [m_flip, m_truncate, m_invalid_utf8, m_huge_string, m_huge_number, m_year,
                  m_json_structure, m_json_structure, m_json_structure]
MUTATIONS_CSV = [m_flip, m_truncate, m_invalid_utf8, m_huge_string, m_huge_number, m_year,
                 m_csv_rows, m_csv_rows, m_csv_rows]

SCENARIOS = ["kill_demo", "kill_sync", "kill_import", "kill_stock", "kill_outbox", "kill_close",
             "concurrent", "faults", "fuzz_json", "fuzz_csv", "absurd"]


# ---------------------------------------------------------------- main -------------------

def print_table(rows: dict[str, Row], secs: dict[str, float]) -> None:
    cols = ["scenario", "tries", "failures", "crashes", "data lost", "duplicated",
            "platform calls duplicated", "seconds"]
    data = [[name, r.tries, r.failures, r.crashes, r.lost, r.duplicated, r.dup_calls,
             f"{secs.get(name, 0):.0f}"] for name, r in rows.items()]
    widths = [max(len(str(x)) for x in col) for col in zip(cols, *data)]
    line = lambda xs: "  ".join(str(x).ljust(w) if i == 0 else str(x).rjust(w)
                                for i, (x, w) in enumerate(zip(xs, widths)))
    print(line(cols))
    print("  ".join("-" * w for w in widths))
    for x in data:
        print(line(x))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--cli", default=os.environ.get("DJ_CLI") or
                    str(REPO / "build/src/cli/dianjia-cli"))
    ap.add_argument("--quick", action="store_true", help="short form for CI (~3 minutes)")
    ap.add_argument("--seed", type=int, default=20261124)
    ap.add_argument("--work", help="work folder (default: a temporary one)")
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    ap.add_argument("--only", help="comma-separated scenarios: " + ",".join(SCENARIOS))
    args = ap.parse_args()
    if not Path(args.cli).exists():
        time.sleep(5)
        if not Path(args.cli).exists():
            print(f"campaign: no CLI at {args.cli}", file=sys.stderr)
            return 2
    args.cli = str(Path(args.cli).resolve())
    chosen = SCENARIOS if not args.only else [s.strip() for s in args.only.split(",")]
    unknown = [s for s in chosen if s not in SCENARIOS]
    if unknown:
        print(f"campaign: unknown scenario {', '.join(unknown)}", file=sys.stderr)
        return 2
    temp = args.work is None
    if temp:
        args.work = tempfile.mkdtemp(prefix="dj-campaign-")
    c = Campaign(args)
    rows: dict[str, Row] = {}
    secs: dict[str, float] = {}
    print(f"campaign: {'quick' if args.quick else 'full'} form, seed {args.seed}, "
          f"cli {args.cli}, work {args.work}", flush=True)
    try:
        for name in chosen:
            row = rows[name] = Row()
            t0 = time.monotonic()
            print(f"== {name}", flush=True)
            try:
                getattr(c, name)(row)
            except Exception as e:  # a broken scenario is a failure, not the end of the run
                row.failures += 1
                row.note("error", f"scenario stopped: {type(e).__name__}: {short(str(e), 500)}")
            secs[name] = time.monotonic() - t0
            for n in row.notes[:15]:
                print(f"   {n}", flush=True)
            if len(row.notes) > 15:
                print(f"   … and {len(row.notes) - 15} more", flush=True)
    finally:
        if temp and not args.keep:
            shutil.rmtree(args.work, ignore_errors=True)
    print()
    print_table(rows, secs)
    bad = [n for n, r in rows.items() if r.bad()]
    print()
    print("campaign: " + ("FAILED: " + ", ".join(bad) if bad else "all clean"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
