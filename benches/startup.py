#!/usr/bin/env python3
"""Time to first painted frame and memory of the app against a bare eframe window.

Needs an X server (Xvfb) in $DISPLAY and xdotool. eframe keeps a window hidden until its
first frame is painted, so "the window became visible" is "the first frame was painted".

    cargo build --release --bin study-companion --example bare_window
    Xvfb :99 -screen 0 1280x800x24 & export DISPLAY=:99
    python3 benches/startup.py            # 10 runs of each, prints medians
"""
import os, shutil, statistics, subprocess, sys, tempfile, time

RUNS = int(os.environ.get("RUNS", "10"))


def visible(name):
    r = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", name],
                       capture_output=True)
    return r.returncode == 0 and r.stdout.strip() != b""


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


def measure(cmd, name):
    times, pss, hwm = [], [], []
    for _ in range(RUNS):
        data = tempfile.mkdtemp()
        env = dict(os.environ, STUDY_COMPANION_DATA_DIR=data)
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
        while not visible(name):
            if proc.poll() is not None:
                sys.exit(f"{cmd[0]} exited early: {proc.stderr.read().decode()[-400:]}")
            time.sleep(0.01)
        times.append((time.perf_counter() - start) * 1000)
        time.sleep(2)
        pss.append(pss_kib(proc.pid) / 1024)
        hwm.append(peak_rss_kib(proc.pid) / 1024)
        proc.terminate()
        proc.wait()
        shutil.rmtree(data, ignore_errors=True)
    return statistics.median(times), statistics.median(pss), statistics.median(hwm)


def main():
    rows = [
        ("study-companion", ["target/release/study-companion"], "Study Companion"),
        ("bare eframe window", ["target/release/examples/bare_window"], "bare eframe window"),
    ]
    print(f"{RUNS} runs each; medians")
    print("| program | first frame (ms) | PSS after 2 s (MiB) | peak RSS (MiB) |")
    print("|---|---|---|---|")
    for label, cmd, name in rows:
        t, p, h = measure(cmd, name)
        print(f"| {label} | {t:.0f} | {p:.0f} | {h:.0f} |")


if __name__ == "__main__":
    main()
