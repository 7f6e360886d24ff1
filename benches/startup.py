#!/usr/bin/env python3
"""Start-up, memory and binary size of the app beside a bare eframe window (issue 15).

Start: from exec until the window is mapped (eframe maps it right after painting the first
frame, so this is "first frame on screen"), seen as a MapNotify event on the X server's root
window (`xev -root -event substructure`: no polling). Memory: PSS of the process 3 s after the
window was mapped. Processor time: what the process used until that reading, all threads; in
brackets the part in Mesa's software-rendering threads (llvmpipe), which draw the frames here.
Each round runs every program once, in an order shuffled per round (seeded by the round's
number, so a run can be repeated): a program that always followed another would inherit its
after-effects. The table gives medians. Sizes are of the stripped release binaries (the
release profile strips).

Run it (an X server of its own, so nothing else maps windows there; needs x11-utils for xev):

    export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}
    cargo build --release --bin study-companion --example bare_window --example class_bench
    cargo build --release --manifest-path benches/bare-default/Cargo.toml
    Xvfb :96 -screen 0 1280x800x24 -nolisten tcp &  export DISPLAY=:96
    mkdir -p /tmp/xdg && chmod 700 /tmp/xdg && export XDG_RUNTIME_DIR=/tmp/xdg
    python3 benches/startup.py                # ROUNDS=5 by default; ROUNDS=9 for more

The release profile links with fat LTO (Cargo.toml), so the first build of these three takes a
while; build them with `cargo build`, not after a `cargo bench`: benches unify the
dev-dependencies' features into the binary built beside them (27.3 MB instead of the 27.1 MB
shipped).

Rows:
- bare eframe window, eframe's default features (benches/bare-default: examples/bare_window.rs)
- bare eframe window, the app's eframe features (examples/bare_window.rs built in this crate)
- study-companion, empty data folder
- study-companion, a student's progress: every item done with a 10 KB note on each, and an
  attached 1200x1600 drawing (made once by examples/class_bench.rs, imported with the CLI)

Set BEFORE=path/to/an/older/study-companion to measure it in the same rounds (two more rows).
Set TRACE=1 to also print the app's own start-up trace (`--trace-startup`) of each run.
"""
import os, queue, random, shutil, statistics, subprocess, sys, tempfile, threading, time

ROUNDS = int(os.environ.get("ROUNDS", "5"))
SETTLE = float(os.environ.get("SETTLE", "3"))  # seconds from mapped to the PSS reading
TARGET = os.environ.get("CARGO_TARGET_DIR", "target")
RELEASE = os.path.join(TARGET, "release")
APP = os.path.join(RELEASE, "study-companion")
BARE_OURS = os.path.join(RELEASE, "examples", "bare_window")
BARE_DEFAULT = os.path.join(RELEASE, "bare-window-default")
CLASS_BENCH = os.path.join(RELEASE, "examples", "class_bench")


class MapWatcher:
    """Lines of `xev -root -event substructure`, each MapNotify timestamped when read."""

    def __init__(self):
        self.proc = subprocess.Popen(
            ["stdbuf", "-oL", "xev", "-root", "-event", "substructure"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1)
        self.maps = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        time.sleep(0.5)  # xev selects its events

    def _read(self):
        for line in self.proc.stdout:
            if line.startswith("MapNotify"):
                self.maps.put(time.perf_counter())

    def drain(self):
        while not self.maps.empty():
            self.maps.get_nowait()

    def wait(self, proc, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                return self.maps.get(timeout=0.05)
            except queue.Empty:
                if proc.poll() is not None:
                    return None
        return None

    def close(self):
        self.proc.terminate()
        self.proc.wait()


def pss_kib(pid):
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            if line.startswith("Pss:"):
                return int(line.split()[1])
    return 0


def peak_rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def cpu_ms(pid):
    """Processor time of the process so far, all threads, and of its software-rendering threads
    (Mesa's llvmpipe, which lavapipe draws with), in milliseconds."""
    tick = 1000 / os.sysconf("SC_CLK_TCK")
    total = render = 0
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                stat = f.read()
        except FileNotFoundError:
            continue  # the thread ended
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        ms = (int(fields[11]) + int(fields[12])) * tick  # utime + stime
        total += ms
        if name.startswith("llvmpipe"):
            render += ms
    return total, render


def make_progress_folder():
    """A data folder holding a student's progress (kept as a template, copied per run)."""
    work = tempfile.mkdtemp(prefix="sc-progress-")
    files = os.path.join(work, "files")
    subprocess.run([CLASS_BENCH, "1", files], check=True, stdout=subprocess.DEVNULL)
    progress = [f for f in os.listdir(files) if f.endswith(".scprogress")][0]
    data = os.path.join(work, "data")
    subprocess.run([APP, "--data-dir", data, "import", "--replace",
                    os.path.join(files, progress)], check=True, stdout=subprocess.DEVNULL)
    return work, data


def run_once(watcher, cmd, template, trace):
    home = tempfile.mkdtemp(prefix="sc-start-")
    data = os.path.join(home, "data")
    if template:
        shutil.copytree(template, data)
    else:
        os.mkdir(data)
    env = dict(os.environ, STUDY_COMPANION_DATA_DIR=data, XDG_DATA_HOME=home,
               XDG_CONFIG_HOME=home)
    if trace:
        env["STUDY_COMPANION_TRACE_STARTUP"] = "1"
    watcher.drain()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)
    mapped = watcher.wait(proc)
    if mapped is None:
        proc.kill()
        sys.exit(f"{cmd[0]}: no window mapped: {proc.stderr.read()[-600:]}")
    time.sleep(SETTLE)
    pss, hwm = pss_kib(proc.pid) / 1024, peak_rss_kib(proc.pid) / 1024
    cpu, render = cpu_ms(proc.pid)
    proc.terminate()
    _, err = proc.communicate()
    if trace:
        print("\n".join(l for l in err.splitlines() if l.startswith("startup:")), flush=True)
    shutil.rmtree(home, ignore_errors=True)
    return (mapped - start) * 1000, pss, hwm, cpu, render


def main():
    for path in (APP, BARE_OURS, BARE_DEFAULT, CLASS_BENCH):
        if not os.path.exists(path):
            sys.exit(f"{path} is missing: build it first (see the top of this file)")
    work, progress = make_progress_folder()
    rows = [
        ("bare eframe window, eframe's default features", [BARE_DEFAULT], None, BARE_DEFAULT),
        ("bare eframe window, our eframe features", [BARE_OURS], None, BARE_OURS),
        ("study-companion, empty data folder", [APP], None, APP),
        ("study-companion, a student's progress", [APP], progress, None),
    ]
    before = os.environ.get("BEFORE")  # another build of the app, measured in the same rounds
    if before:
        rows += [
            ("study-companion BEFORE, empty data folder", [before], None, before),
            ("study-companion BEFORE, a student's progress", [before], progress, None),
        ]
    trace = os.environ.get("TRACE") == "1"
    watcher = MapWatcher()
    results = {label: [] for label, *_ in rows}
    try:
        for round_ in range(ROUNDS):
            order = list(rows)
            random.Random(round_).shuffle(order)
            for label, cmd, template, _ in order:
                result = run_once(watcher, cmd, template if template else None, trace)
                results[label].append(result)
                print(f"round {round_ + 1} {label}: {result[0]:.0f} ms, "
                      f"PSS {result[1]:.1f} MiB, peak RSS {result[2]:.1f} MiB, "
                      f"CPU {result[3]:.0f} ms (rendering {result[4]:.0f} ms)",
                      file=sys.stderr, flush=True)
    finally:
        watcher.close()
        shutil.rmtree(work, ignore_errors=True)

    base = results[rows[0][0]]
    base_t = statistics.median(r[0] for r in base)
    base_p = statistics.median(r[1] for r in base)
    base_s = os.path.getsize(BARE_DEFAULT) / 1e6
    load = os.getloadavg()
    print(f"{ROUNDS} rounds in shuffled order, medians; load average at the end {load[0]:.1f}")
    print("| program | start (exec → mapped) | memory (PSS 3 s later) | peak RSS "
          "| processor time until then (of it rendering) | binary (stripped) |")
    print("|---|---|---|---|---|---|")
    for label, _, _, binary in rows:
        t = statistics.median(r[0] for r in results[label])
        p = statistics.median(r[1] for r in results[label])
        h = statistics.median(r[2] for r in results[label])
        cpu = statistics.median(r[3] for r in results[label])
        render = statistics.median(r[4] for r in results[label])
        size = ""
        if binary:
            s = os.path.getsize(binary) / 1e6
            size = f"{s:.1f} MB ({s / base_s:.2f}×)"
        print(f"| {label} | {t:.0f} ms ({t / base_t:.2f}×) | {p:.1f} MiB ({p / base_p:.2f}×) "
              f"| {h:.0f} MiB | {cpu:.0f} ms ({render:.0f} ms) | {size} |")


if __name__ == "__main__":
    main()
