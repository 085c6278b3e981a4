#!/usr/bin/env python3
"""Write the mock server's fixtures (web/dev/fixtures/*.json) from the demo council.

Run from anywhere:  python3 web/dev/make-fixtures.py [--hearth PATH] [--store sqlite:PATH]

The scorecard, indicator registry, rules, worklist, timescales and validation findings are the
bodies the `hearth` CLI prints with --format json (the API serves the same bodies). The children
and their journeys are read from the demo store directly, in the shape docs/api.md and the front
end's brief give for GET /api/v1/children and /children/{id}. Everything is trimmed to a few
dozen children so the fixtures stay small (< 300 KB).
"""
import argparse
import datetime as dt
import json
import os
import sqlite3
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures")

# 903 code lists (labels as the front end shows them)
LEGAL_STATUS = {
    "C1": "Interim care order", "C2": "Full care order", "D1": "Freeing order granted",
    "E1": "Placement order granted", "J1": "Remanded to local authority accommodation",
    "J2": "Police protection (PACE)", "J3": "Sentenced to a youth rehabilitation order",
    "L1": "Police protection", "L2": "Emergency protection order", "L3": "Child assessment order",
    "V2": "Single period of accommodation (section 20)", "V3": "Short-term break (single placement)",
    "V4": "Short-term breaks (several placements)",
}
PLACEMENT = {
    "A3": "Placed for adoption with current foster carer (consent)",
    "A4": "Placed for adoption with current foster carer (placement order)",
    "A5": "Placed for adoption (consent), not with current foster carer",
    "A6": "Placed for adoption (placement order), not with current foster carer",
    "H5": "Semi-independent living", "K1": "Secure children's home", "K2": "Children's home",
    "P1": "Placed with parents", "P2": "Independent living", "P3": "Residential employment",
    "R1": "Residential care home", "R2": "NHS or health trust", "R3": "Family centre or mother and baby unit",
    "R5": "Young offender institution", "S1": "All residential schools", "T0": "Temporary: hospital",
    "T1": "Temporary: holiday", "T2": "Temporary: family or friends", "T3": "Temporary: other",
    "T4": "Temporary: other", "U1": "Foster: family or friends, long term",
    "U2": "Foster: family or friends, fostering for adoption", "U3": "Foster: family or friends, other",
    "U4": "Foster: other carer, long term", "U5": "Foster: other carer, fostering for adoption",
    "U6": "Foster: other carer, other", "Z1": "Other placement",
}
REASON_NEW = {
    "S": "Started to be looked after", "L": "Change of legal status only",
    "P": "Change of placement only", "T": "Change of placement and legal status",
    "B": "Change of placement and legal status (to or from adoption)",
    "U": "Change of legal status and placement, same carer",
}
CIN = {
    "N1": "Abuse or neglect", "N2": "Child's disability", "N3": "Parental illness or disability",
    "N4": "Family in acute stress", "N5": "Family dysfunction", "N6": "Socially unacceptable behaviour",
    "N7": "Low income", "N8": "Absent parenting",
}
PROVIDER = {
    "PR0": "Parent or person with parental responsibility", "PR1": "Own provision (council)",
    "PR2": "Other local authority", "PR3": "Other public provision", "PR4": "Private provision",
    "PR5": "Voluntary or third sector", "PRO": "Own provision",
}
REASON_END = {
    "E11": "Adopted (consent)", "E12": "Adopted (placement order)", "E13": "Left care to live with parents",
    "E14": "Accommodation on remand ended", "E15": "Age assessment: not a child",
    "E16": "Child moved abroad", "E17": "Aged 18 or over, living with former foster carers",
    "E2": "Died", "E3": "Care taken over by another council", "E41": "Residence order (to parents)",
    "E43": "Special guardianship order (former foster carers)", "E44": "Special guardianship order (other)",
    "E45": "Special guardianship order (former foster carers) - now", "E46": "Special guardianship order (other) - now",
    "E47": "Special guardianship order (relatives)", "E48": "Special guardianship order (other)",
    "E4A": "Returned home: part of care planning", "E4B": "Returned home: not part of care planning",
    "E5": "Moved into independent living (supportive)", "E6": "Moved into independent living (no support)",
    "E7": "Residential care funded by adult services", "E8": "Period of care ended for any other reason",
    "E9": "Sentenced to custody", "X1": "Episode ceased, care continues",
}
PLACE_CHANGE = {
    "CARPL": "Change to or from a carer's circumstances", "CLOSE": "Provider closed",
    "ALLEG": "Allegation against carer", "STAND": "Standards of care concern",
    "APPRR": "Approval of carer removed", "CREQB": "Carer request (child's behaviour)",
    "CREQO": "Carer request (other)", "CHILD": "Child's wishes", "LAREQ": "Council request",
    "PLACE": "Change to planned placement", "CUSTOD": "Custody", "OTHER": "Other",
}
PARTICIPATION = {
    "PN0": "Child under 4 at the review", "PN1": "Attended and spoke for themselves",
    "PN2": "Attended; an advocate spoke for them", "PN3": "Attended; conveyed views non-verbally",
    "PN4": "Attended but did not speak", "PN5": "Did not attend; an advocate spoke for them",
    "PN6": "Did not attend; sent views another way", "PN7": "Did not attend or convey views",
}
ETHNICITY = {
    "WBRI": "White British", "WIRI": "White Irish", "WOTH": "Any other White background",
    "WIRT": "Traveller of Irish heritage", "WROM": "Gypsy or Roma", "MWBC": "White and Black Caribbean",
    "MWBA": "White and Black African", "MWAS": "White and Asian", "MOTH": "Any other mixed background",
    "AIND": "Indian", "APKN": "Pakistani", "ABAN": "Bangladeshi", "AOTH": "Any other Asian background",
    "BCRB": "Black Caribbean", "BAFR": "Black African", "BOTH": "Any other Black background",
    "CHNE": "Chinese", "OOTH": "Any other ethnic group", "REFU": "Refused", "NOBT": "Not yet obtained",
}
SEX = {"M": "Male", "F": "Female", "U": "Not known", "1": "Male", "2": "Female"}
IROS = [("IRO01", "Ruth Okafor"), ("IRO02", "Tom Ellis")]


def coded(table, code):
    if code is None or code == "":
        return None
    return {"code": code, "label": table.get(code, code)}


def run(hearth, store, *args):
    out = subprocess.run([hearth, "--store", store, *args], capture_output=True, text=True)
    if not out.stdout.strip():
        raise SystemExit(f"hearth {' '.join(args)} printed nothing: {out.stderr}")
    return json.loads(out.stdout)


def age_on(dob, day):
    d = dt.date.fromisoformat(dob)
    return day.year - d.year - ((day.month, day.day) < (d.month, d.day))


def write(name, body):
    path = os.path.join(OUT, name)
    with open(path, "w") as f:
        json.dump(body, f, separators=(",", ":"), ensure_ascii=False)
        f.write("\n")
    return os.path.getsize(path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hearth", default="/work/main/build/release/bin/hearth")
    ap.add_argument("--store", default="sqlite:/tmp/fe-mine.db")
    ap.add_argument("--worker", default="SW9429", help="demo-worker's professional id")
    a = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)
    db = sqlite3.connect(a.store.removeprefix("sqlite:"))

    scorecard = run(a.hearth, a.store, "scorecard", "--format", "json")
    suppressed = run(a.hearth, a.store, "scorecard", "--suppressed", "--format", "json")
    indicators = run(a.hearth, a.store, "indicators", "list", "--format", "json")
    rules = run(a.hearth, a.store, "rules", "list", "--format", "json")
    worklist = run(a.hearth, a.store, "worklist", "--format", "json")
    imports = run(a.hearth, a.store, "imports", "--format", "json")
    findings = run(a.hearth, a.store, "validate", "--la", "887", "--year", "2025-26", "--format", "json")
    as_of = dt.date.fromisoformat(scorecard["as_of"])

    # Scorecard: keep breakdowns only for the indicators with a target (the ones the Board is
    # asked about), and shorten the comparators' source notes, to keep the file small.
    # Four indicators per section, and breakdowns for a handful of them.
    per_section, keep_ids = {}, []
    for ind in scorecard["indicators"]:
        n = per_section.get(ind["section"], 0)
        if n < 4 or ind["id"] in ("placement_independent", "adopted", "convictions"):
            per_section[ind["section"]] = n + 1
            keep_ids.append(ind["id"])
    with_breakdowns = ("cla_count", "stability_short", "stability_long", "health_assessment", "leavers_eet")

    def trim_scorecard(sc):
        sc["indicators"] = [i for i in sc["indicators"] if i["id"] in keep_ids]
        for ind in sc["indicators"]:
            if ind["id"] not in with_breakdowns:
                ind["breakdowns"] = {}
            else:
                ind["breakdowns"] = {k: v for k, v in ind["breakdowns"].items() if k not in ("area", "team")}
            for c in ind["comparators"].values():
                src = c.get("source") or ""
                c["source"] = src.split(" via ")[0].split(" (reference/")[0]
        return sc
    sizes = {}
    sizes["scorecard.json"] = write("scorecard.json", trim_scorecard(scorecard))
    sizes["scorecard-suppressed.json"] = write("scorecard-suppressed.json", {
        i["id"]: {"value": i["value"], "numerator": i["numerator"], "denominator": i["denominator"],
                  "suppressed": i["suppressed"], "trend": [t["value"] for t in i["trend"]],
                  "years": [y["value"] for y in i["years"]]}
        for i in trim_scorecard(suppressed)["indicators"]})
    sizes["indicators.json"] = write("indicators.json", [i for i in indicators if i["id"] in keep_ids])

    # Children: demo-worker's caseload plus a few from every other team.
    alloc = db.execute(
        "select invo_person_id, invo_professional_id, invo_professional_team from local_allocations "
        "where la='887' and (invo_involvement_end_date is null or invo_involvement_end_date='') "
        "order by invo_person_id").fetchall()
    names = dict(db.execute("select prof_professional_id, prof_professional_name from local_professionals"))
    current = {}
    for child, prof, team in alloc:
        current.setdefault(child, (prof, team))
    chosen = [c for c, (p, _) in current.items() if p == a.worker]
    per_team = {}
    for c, (p, t) in current.items():
        if p != a.worker and per_team.get(t, 0) < 2:
            per_team[t] = per_team.get(t, 0) + 1
            chosen.append(c)
    # the children the validation findings name, so /data-quality links resolve
    for f in findings["findings"][:40]:
        if f.get("child_id") in current and f["child_id"] not in chosen and len(chosen) < 45:
            chosen.append(f["child_id"])

    year = db.execute("select max(collection_year) from ssda903_header").fetchone()[0]
    children, details = [], {}
    for n, cid in enumerate(chosen):
        h = db.execute("select sex, dob, ethnic, upn from ssda903_header where child=? "
                       "order by collection_year desc limit 1", (cid,)).fetchone()
        if not h:
            continue
        eps = db.execute(
            "select decom, rne, ls, cin, place, place_provider, dec, rec, reason_place_change "
            "from ssda903_episodes where child=? order by decom, collection_year", (cid,)).fetchall()
        seen, episodes = set(), []
        for e in eps:  # the same open episode appears in consecutive years' returns
            if e[0] in seen:
                episodes = [x for x in episodes if x["start"] != e[0]]
            seen.add(e[0])
            episodes.append({
                "start": e[0], "end": e[6], "reason_new": coded(REASON_NEW, e[1]),
                "legal_status": coded(LEGAL_STATUS, e[2]), "category_of_need": coded(CIN, e[3]),
                "placement": coded(PLACEMENT, e[4]), "provider": coded(PROVIDER, e[5]),
                "reason_end": coded(REASON_END, e[7]), "reason_place_change": coded(PLACE_CHANGE, e[8]),
            })
        if not episodes:
            continue
        last = episodes[-1]
        oc3 = db.execute("select 1 from ssda903_oc3 where child=? limit 1", (cid,)).fetchone()
        status = "looked_after" if last["end"] is None else ("care_leaver" if oc3 or age_on(h[1], as_of) >= 18 else "left_care")
        prof, team = current[cid]
        item = {
            "id": cid, "la": "887", "sex": {"code": h[0], "label": SEX.get(h[0], h[0])}, "age": age_on(h[1], as_of), "dob": h[1],
            "ethnicity": coded(ETHNICITY, h[2]), "status": status,
            "legal_status": last["legal_status"], "placement": last["placement"],
            "worker": {"id": prof, "name": names.get(prof, prof), "team": team},
            "overdue": sum(1 for w in worklist["overdue"] if w["child_id"] == cid),
        }
        children.append(item)
        reviews = [{"date": r[0], "participation": coded(PARTICIPATION, r[1])} for r in db.execute(
            "select distinct review, review_code from ssda903_reviews where child=? order by review", (cid,))]
        missing = [{"start": m[0], "end": m[1], "type": "missing" if m[2] == "M" else "away"} for m in db.execute(
            "select distinct mis_start, mis_end, missing from ssda903_missing where child=? order by mis_start", (cid,))]
        iro = IROS[n % 2]
        details[cid] = {
            "child": {**item, "upn_known": bool(h[3]) and h[3] not in ("UN1", "UN2", "UN3", "UN4", "UN5"),
                      "iro": {"id": iro[0], "name": iro[1]}},
            "episodes": episodes[-6:], "reviews": reviews[-8:], "missing": missing[-6:],
            "findings": [{"rule": f["code"], "severity": f["severity"], "message": f["message"],
                          "table": f["table"], "row": f["row"], "field": ",".join(f["fields"]),
                          "value": ", ".join(f"{k}={v}" for k, v in (f.get("values") or {}).items()),
                          "year": findings["collection_year"].replace("/", "-")}
                         for f in findings["findings"] if f.get("child_id") == cid][:5],
        }
    ids = {c["id"] for c in children}
    sizes["children.json"] = write("children.json", {"as_of": scorecard["as_of"], "items": children, "details": details})

    # Timescales for demo-worker's first three children and the young person; the mock builds
    # the others from the worklist rows.
    tl = {}
    yp = next((c for c in children if c["worker"]["id"] == a.worker and 15 <= c["age"] <= 17), children[0])
    for cid in [yp["id"]]:
        t = run(a.hearth, a.store, "timescales", "--child", cid, "--format", "json")
        t["items"] = t["items"][-25:]
        tl[cid] = t
    sizes["timescales.json"] = write("timescales.json", tl)

    wl = {k: v for k, v in worklist.items() if k not in ("overdue", "due_soon", "done_late", "workers")}
    for k in ("overdue", "due_soon", "done_late"):
        rows = [w for w in worklist[k] if w["child_id"] in ids]
        wl[k] = rows[:40] if k == "done_late" else rows
    sizes["worklist.json"] = write("worklist.json", wl)

    used = {f["code"] for f in findings["findings"]}
    keep = [r for r in rules if r["code"] in used] + [r for r in rules if r["code"] not in used][:25]
    sizes["rules.json"] = write("rules.json", sorted(keep, key=lambda r: r["code"]))
    sizes["imports.json"] = write("imports.json", imports)
    sizes["findings.json"] = write("findings.json", {
        "la": "887", "year": findings["collection_year"].replace("/", "-"),
        "findings": [{k: f.get(k) for k in ("child_id", "code", "fields", "file", "message", "row",
                                            "severity", "table", "values")}
                     for f in findings["findings"] if f.get("child_id") in ids][:60],
        "how_to_fix": {f["code"]: f["how_to_fix"] for f in findings["findings"]},
        "counts": {}})
    counts = {}
    for f in findings["findings"]:
        counts[f["code"]] = counts.get(f["code"], 0) + 1
    fx = json.load(open(os.path.join(OUT, "findings.json")))
    fx["counts"] = counts
    fx["total"] = len(findings["findings"])
    sizes["findings.json"] = write("findings.json", fx)
    sizes["demo.json"] = write("demo.json", {"worker": a.worker, "young_person": yp["id"],
                                             "manager_team": current[chosen[0]][1]})
    for k, v in sizes.items():
        print(f"{k:28} {v:>8}")
    print(f"{'total':28} {sum(sizes.values()):>8}")


if __name__ == "__main__":
    main()
