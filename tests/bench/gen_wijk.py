#!/usr/bin/env python3
# The reference workload's own file (workload version 1, see docs/WORKLOAD.md), unchanged but for this comment,
# so that the tests and the benchmark need nothing outside the repository.
"""gen_wijk.py - synthetic Dutch town ("wijk") network in the wijknet fieldwork format.

    gen_wijk.py --residents N --seed S --out DIR

writes DIR/nodes.csv, DIR/ties.csv, DIR/dataset.json and DIR/areas.geojson.
Standard library only; the output is byte-for-byte deterministic for a given
(--residents, --seed) pair and this file's GENERATOR_VERSION.

Model (see docs/WORKLOAD.md next to this file for how the data is used):
  * areas (buurten) of 1,500-3,000 residents, fake CBS-like codes BU99990001...,
    each a rectangular cell of a grid placed in a bounding box near 52.1N 5.1E;
  * households of size 1-5 (38% single-person), members share an address point;
    every pair in a household has a `household` tie;
  * `family` ties between households (same area or elsewhere, same language);
  * `neighbour` ties between households next to each other on a street or
    across it (households sit on serpentine "streets" inside the area cell);
  * `friend` ties with homophily on age band and language, ~80% within the area;
  * informal `group`s (1 per 150 residents) with `member` ties, kind-specific
    recruitment (a mosque recruits by language, a seniors' club by age, ...);
  * `professional`s (1 per 700 residents) with `support` ties to vulnerable
    residents (6%, vulnerable=1) and `collaboration` ties to groups and each other;
  * `organisation`s (1 per ~5 areas), `member` ties to their professionals and
    `referral` ties between organisations;
  * ~9% of residents are isolated (no informal tie); about a third of those are
    vulnerable and so keep a formal support tie;
  * ~0.5% of informal ties are reported twice (reversed order, small weight) so
    that readers must merge duplicates; the count is in dataset.json.
Weights are integers 1-10 (contacts per month).
"""
import argparse
import bisect
import json
import math
import os
import random
import sys
import time
from array import array

GENERATOR_VERSION = "1"

AGE_BANDS = ["0-17", "18-29", "30-44", "45-64", "65-79", "80+"]
LANGS = ["nl", "tr", "ar", "ber", "pl", "en", "pap", "so", "ti", "uk"]
# weights of the non-Dutch languages inside an area's non-Dutch share
LANG_OTHER_W = [0.0, 0.25, 0.18, 0.10, 0.12, 0.08, 0.08, 0.05, 0.05, 0.09]
INTERESTS = ["koken", "wandelen", "voetbal", "tuinieren", "lezen", "muziek",
             "handwerken", "fietsen", "geloof", "vrijwilligerswerk", "gaming",
             "dansen", "schilderen", "zwemmen", "kaarten", "taal", "koffie",
             "dieren", "techniek", "naaien"]
# interest weights per age band (index into AGE_BANDS)
_IW_BASE = [1.0] * len(INTERESTS)
_IW_AGE = {
    0: {"voetbal": 5, "gaming": 5, "dansen": 3, "zwemmen": 3, "muziek": 2, "geloof": 0.5,
        "kaarten": 0.2, "handwerken": 0.2, "koffie": 0.1, "vrijwilligerswerk": 0.2},
    1: {"voetbal": 3, "gaming": 3, "muziek": 2, "dansen": 2, "kaarten": 0.3, "handwerken": 0.3},
    2: {"koken": 2, "fietsen": 2, "voetbal": 1.5, "gaming": 1.5},
    3: {"tuinieren": 2, "wandelen": 2, "koken": 1.5, "vrijwilligerswerk": 1.5},
    4: {"tuinieren": 2.5, "wandelen": 2.5, "kaarten": 2.5, "handwerken": 2, "koffie": 2,
        "geloof": 2, "gaming": 0.2, "voetbal": 0.5, "dansen": 0.5},
    5: {"kaarten": 3, "koffie": 3, "handwerken": 2, "geloof": 2.5, "lezen": 2,
        "gaming": 0.1, "voetbal": 0.2, "dansen": 0.3, "zwemmen": 0.5, "fietsen": 0.5},
}
TIE_TYPES = ["household", "family", "neighbour", "friend", "member",
             "support", "collaboration", "referral"]
T_HOUSEHOLD, T_FAMILY, T_NEIGHBOUR, T_FRIEND, T_MEMBER, T_SUPPORT, T_COLLAB, T_REFERRAL = range(8)

# kind, weight, preferred age bands (None = all), preferred languages (None = all)
GROUP_KINDS = [
    ("kerk", 0.13, {3, 4, 5}, None),
    ("moskee", 0.07, {1, 2, 3, 4}, {"tr", "ar", "ber", "so"}),
    ("sportclub", 0.17, {0, 1, 2}, None),
    ("naaiclub", 0.06, {3, 4, 5}, None),
    ("bewonersinitiatief", 0.14, {2, 3, 4}, None),
    ("koor", 0.07, {3, 4, 5}, None),
    ("moestuin", 0.07, {2, 3, 4}, None),
    ("taalcafe", 0.07, None, {"tr", "ar", "ber", "pl", "en", "so", "ti", "uk"}),
    ("ouderensoos", 0.08, {4, 5}, None),
    ("jongerenclub", 0.06, {0, 1}, None),
    ("buurtkamer", 0.08, None, None),
]
PROF_ROLES = ["sociaal team", "opbouwwerk", "wijkverpleging", "jongerenwerk",
              "schuldhulp", "ouderenwerk"]
ORG_KINDS = ["welzijnsorganisatie", "sociaal team", "zorgorganisatie"]

LAT0, LON0 = 52.040, 5.020        # south-west corner of the town
DLAT, DLON = 0.0060, 0.0095       # one area cell: about 670 m x 650 m


def cumulative(ws):
    out, s = [], 0.0
    for w in ws:
        s += w
        out.append(s)
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--residents", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--isolated-share", type=float, default=0.09)
    ap.add_argument("--vulnerable-share", type=float, default=0.06)
    a = ap.parse_args(argv)
    N = a.residents
    if N < 10:
        ap.error("--residents must be at least 10")
    t_start = time.time()
    rnd = random.Random(a.seed)
    R = rnd.random

    def pick(lst):
        return lst[int(R() * len(lst))]

    def wpick(cum):
        return bisect.bisect_right(cum, R() * cum[-1])

    # ---------------------------------------------------------------- areas
    A = max(1, round(N / 2200))
    raw = [1500 + R() * 1500 for _ in range(A)]
    s = sum(raw)
    asize = [int(x * N / s) for x in raw]
    for i in range(N - sum(asize)):
        asize[i % A] += 1
    cols = math.ceil(math.sqrt(A))
    area_rc = [(i // cols, i % cols) for i in range(A)]
    area_code = ["BU9999%04d" % (i + 1) for i in range(A)]
    adj_areas = []
    for i in range(A):
        r0, c0 = area_rc[i]
        nb = []
        for j in range(max(0, i - cols - 1), min(A, i + cols + 2)):
            r1, c1 = area_rc[j]
            if j != i and abs(r1 - r0) <= 1 and abs(c1 - c0) <= 1:
                nb.append(j)
        adj_areas.append(nb or [i])
    area_lang_cum = []
    area_iso_factor = []
    for i in range(A):
        d = 0.05 + 0.6 * R() ** 1.5
        w = [(1 - d) if k == 0 else d * LANG_OTHER_W[k] for k in range(len(LANGS))]
        area_lang_cum.append(cumulative(w))
        area_iso_factor.append(0.5 + 1.5 * R())

    interest_cum = []
    for b in range(len(AGE_BANDS)):
        w = [_IW_AGE[b].get(x, 1.0) * _IW_BASE[k] for k, x in enumerate(INTERESTS)]
        interest_cum.append(cumulative(w))
    n_int_cum = cumulative([0.10, 0.35, 0.35, 0.20])

    # ----------------------------------------------------------- households
    HH_CUM = cumulative([0.38, 0.31, 0.13, 0.13, 0.05])
    SINGLE_AGE = cumulative([0, 0.22, 0.18, 0.27, 0.20, 0.13])
    COUPLE_AGE = cumulative([0, 0.12, 0.18, 0.30, 0.28, 0.12])
    PARENT_AGE = cumulative([0, 0.10, 0.55, 0.35, 0, 0])
    r_area = array("i")
    r_hh = array("i")
    r_age = array("b")
    r_lang = array("b")
    r_int = []
    hh_start = array("i")
    hh_size = array("b")
    hh_area = array("i")
    hh_lat = array("d")
    hh_lon = array("d")
    area_hh_first = []
    for ai in range(A):
        area_hh_first.append(len(hh_start))
        filled = 0
        lang_cum = area_lang_cum[ai]
        while filled < asize[ai]:
            size = min(wpick(HH_CUM) + 1, asize[ai] - filled)
            lang = wpick(lang_cum)
            if size == 1:
                ages = [wpick(SINGLE_AGE)]
            elif size == 2 and R() < 0.8:
                b = wpick(COUPLE_AGE)
                b2 = b if R() < 0.85 else max(1, min(5, b + (1 if R() < 0.5 else -1)))
                ages = [b, b2]
            else:
                b = wpick(PARENT_AGE)
                nadult = 1 if (size == 2 or R() < 0.2) else 2
                ages = [b] * nadult
                for _ in range(size - nadult):
                    ages.append(1 if (b == 3 and R() < 0.35) else 0)
            h = len(hh_start)
            hh_start.append(len(r_area))
            hh_size.append(size)
            hh_area.append(ai)
            for b in ages:
                r_area.append(ai)
                r_hh.append(h)
                r_age.append(b)
                r_lang.append(lang)
                k = wpick(n_int_cum)
                chosen = []
                for _ in range(k):
                    x = wpick(interest_cum[b])
                    if x not in chosen:
                        chosen.append(x)
                chosen.sort()
                r_int.append("|".join(INTERESTS[x] for x in chosen))
            filled += size
    area_hh_first.append(len(hh_start))
    H = len(hh_start)
    assert len(r_area) == N

    # positions: households on serpentine streets inside the area cell
    hh_pos = array("i", [0]) * H       # position inside the area's street order
    area_L = []
    for ai in range(A):
        h0, h1 = area_hh_first[ai], area_hh_first[ai + 1]
        nh = h1 - h0
        S = max(1, round(math.sqrt(nh / 4)))
        L = math.ceil(nh / S)
        area_L.append(L)
        row, col = area_rc[ai]
        for p in range(nh):
            st, i = divmod(p, L)
            c = i if st % 2 == 0 else L - 1 - i
            h = h0 + p
            hh_pos[h] = p
            hh_lat.append(LAT0 + (row + (st + 0.5 + 0.3 * (R() - 0.5)) / S) * DLAT)
            hh_lon.append(LON0 + (col + (c + 0.5 + 0.3 * (R() - 0.5)) / L) * DLON)

    # ----------------------------------------------------------- isolation
    iso = bytearray(N)
    singles = []
    AGE_ISO_W = [0.5, 0.8, 0.8, 1.2, 2.0, 3.0]
    for h in range(H):
        if hh_size[h] == 1:
            r = hh_start[h]
            w = AGE_ISO_W[r_age[r]] * area_iso_factor[r_area[r]]
            singles.append((R() ** (1.0 / w), r))
    singles.sort(reverse=True)
    n_iso = min(len(singles), round(a.isolated_share * N))
    for _, r in singles[:n_iso]:
        iso[r] = 1
    del singles

    # ----------------------------------------------------------- ties
    t_src = array("i")
    t_dst = array("i")
    t_typ = array("b")
    t_w = array("b")
    inf_deg = array("i", [0]) * N
    seen = set()

    def add(u, v, typ, w):
        t_src.append(u)
        t_dst.append(v)
        t_typ.append(typ)
        t_w.append(w)

    def add_rr(u, v, typ, w):
        """informal resident-resident tie, skipping duplicates and self-ties"""
        if u == v:
            return False
        key = u * N + v if u < v else v * N + u
        if key in seen:
            return False
        seen.add(key)
        add(u, v, typ, w)
        inf_deg[u] += 1
        inf_deg[v] += 1
        return True

    # household cliques (pairs inside one household never collide with others)
    for h in range(H):
        sz = hh_size[h]
        if sz > 1:
            s0 = hh_start[h]
            for i in range(s0, s0 + sz):
                for j in range(i + 1, s0 + sz):
                    seen.add(i * N + j)
                    add(i, j, T_HOUSEHOLD, 10 if R() < 0.7 else 8 + int(R() * 2))
                    inf_deg[i] += 1
                    inf_deg[j] += 1

    def adult_of(h):
        s0, sz = hh_start[h], hh_size[h]
        for _ in range(3):
            r = s0 + int(R() * sz)
            if r_age[r] > 0:
                return r
        return s0 + int(R() * sz)

    # household lists by (area, language) and by language, non-isolated only
    hh_by_area_lang = [dict() for _ in range(A)]
    hh_by_lang = {}
    for h in range(H):
        if hh_size[h] == 1 and iso[hh_start[h]]:
            continue
        lg = r_lang[hh_start[h]]
        hh_by_area_lang[hh_area[h]].setdefault(lg, []).append(h)
        hh_by_lang.setdefault(lg, []).append(h)

    FAM_CUM = cumulative([0.40, 0.35, 0.20, 0.05])
    for h in range(H):
        if hh_size[h] == 1 and iso[hh_start[h]]:
            continue
        lg = r_lang[hh_start[h]]
        for _ in range(wpick(FAM_CUM)):
            if R() < 0.6:
                h2 = pick(hh_by_area_lang[hh_area[h]][lg])
            else:
                h2 = pick(hh_by_lang[lg])
            if h2 != h:
                add_rr(adult_of(h), adult_of(h2), T_FAMILY, 2 + int(R() * 7))

    # neighbours: next households on the street, and across the street
    NB_P = (0.62, 0.34, 0.16)
    for ai in range(A):
        h0, h1 = area_hh_first[ai], area_hh_first[ai + 1]
        nh = h1 - h0
        L = area_L[ai]
        for p in range(nh):
            h = h0 + p
            if hh_size[h] == 1 and iso[hh_start[h]]:
                continue
            targets = []
            for off in (1, 2, 3):
                if p + off < nh and R() < NB_P[off - 1]:
                    targets.append(p + off)
            if R() < 0.22:
                st, i = divmod(p, L)
                c = i if st % 2 == 0 else L - 1 - i
                i2 = c if (st + 1) % 2 == 0 else L - 1 - c
                p2 = (st + 1) * L + i2
                if p2 < nh:
                    targets.append(p2)
            for p2 in targets:
                h2 = h0 + p2
                if hh_size[h2] == 1 and iso[hh_start[h2]]:
                    continue
                add_rr(adult_of(h), adult_of(h2), T_NEIGHBOUR, 1 + int(R() * 4))

    # friends: homophily on age band and language; mostly inside the area
    by_al = [dict() for _ in range(A)]     # (age, lang) -> residents
    by_a = [dict() for _ in range(A)]      # age -> residents
    by_area = [[] for _ in range(A)]
    for r in range(N):
        if iso[r]:
            continue
        ai = r_area[r]
        by_al[ai].setdefault((r_age[r], r_lang[r]), []).append(r)
        by_a[ai].setdefault(r_age[r], []).append(r)
        by_area[ai].append(r)
    FR_CUM = cumulative([0.10, 0.18, 0.27, 0.24, 0.15, 0.06])
    FR_W = [1, 1, 2, 2, 2, 3, 3, 4, 4, 5, 6, 8, 10]

    def friend_target(r):
        ai = r_area[r]
        if R() >= 0.8:
            ai = pick(adj_areas[ai]) if R() < 0.6 else int(R() * A)
        x = R()
        if x < 0.75:
            lst = by_al[ai].get((r_age[r], r_lang[r]))
        elif x < 0.90:
            lst = by_a[ai].get(r_age[r])
        else:
            lst = by_area[ai]
        if not lst:
            lst = by_area[ai] or by_area[r_area[r]]
        return pick(lst)

    for r in range(N):
        if iso[r]:
            continue
        for _ in range(wpick(FR_CUM)):
            for _try in range(3):
                c = friend_target(r)
                if r_hh[c] != r_hh[r] and add_rr(r, c, T_FRIEND, pick(FR_W)):
                    break

    # ------------------------------------------------------------- groups
    G = max(1, round(N / 150))
    gk_cum = cumulative([k[1] for k in GROUP_KINDS])
    lang_idx = {x: i for i, x in enumerate(LANGS)}
    g_area, g_kind, g_members = [], [], []
    for g in range(G):
        ai = int(R() * A)
        kind = wpick(gk_cum)
        size = int(min(400, max(5, round(35 * math.exp(0.8 * rnd.gauss(0, 1))))))
        _, _, ages, langs = GROUP_KINDS[kind]
        langs = None if langs is None else {lang_idx[x] for x in langs}
        members = []
        mset = set()
        pool_home = by_area[ai]
        tries = 0
        while len(members) < size and tries < size * 12:
            tries += 1
            pool = pool_home if R() < 0.8 else by_area[pick(adj_areas[ai])]
            if not pool:
                continue
            r = pick(pool)
            if r in mset:
                continue
            ok = True
            if ages is not None and r_age[r] not in ages and R() < 0.9:
                ok = False
            if ok and langs is not None and r_lang[r] not in langs and R() < 0.85:
                ok = False
            if ok:
                mset.add(r)
                members.append(r)
        g_area.append(ai)
        g_kind.append(kind)
        g_members.append(members)
    gid0 = N
    for g in range(G):
        for r in g_members[g]:
            add(r, gid0 + g, T_MEMBER, 1 + int(R() * R() * 8))
            inf_deg[r] += 1

    # non-isolated residents that ended up with no informal tie get one friend
    for r in range(N):
        if not iso[r] and inf_deg[r] == 0:
            for _try in range(10):
                c = friend_target(r)
                if r_hh[c] != r_hh[r] and add_rr(r, c, T_FRIEND, pick(FR_W)):
                    break

    # -------------------------------------------- organisations, professionals
    O = max(1, round(A / 5))
    area_org = [min(O - 1, ai * O // A) for ai in range(A)]
    org_res = [0] * O
    for ai in range(A):
        org_res[area_org[ai]] += asize[ai]
    P = max(1, round(N / 700))
    # professionals per organisation proportional to residents, at least one
    p_org = []
    for o in range(O):
        k = max(1, round(P * org_res[o] / N))
        p_org.extend([o] * k)
    P = len(p_org)
    pid0 = gid0 + G
    oid0 = pid0 + P
    org_profs = [[] for _ in range(O)]
    for p, o in enumerate(p_org):
        org_profs[o].append(p)
    org_areas = [[] for _ in range(O)]
    for ai in range(A):
        org_areas[area_org[ai]].append(ai)
    p_role = [int(R() * len(PROF_ROLES)) for _ in range(P)]
    p_area = [pick(org_areas[o]) for o in p_org]

    # vulnerable residents: ~1/3 of the isolated, the rest weighted to the old
    vul = bytearray(N)
    n_vul = round(a.vulnerable_share * N)
    iso_list = [r for r in range(N) if iso[r]]
    k_iso = min(len(iso_list), n_vul // 2, round(len(iso_list) * 0.35))
    for r in rnd.sample(iso_list, k_iso):
        vul[r] = 1
    VUL_AGE_W = [0.4, 0.6, 0.7, 1.0, 1.8, 3.5]
    keyed = []
    for r in range(N):
        if not iso[r]:
            w = VUL_AGE_W[r_age[r]] * (2.0 if inf_deg[r] <= 2 else 1.0)
            keyed.append((R() ** (1.0 / w), r))
    keyed.sort(reverse=True)
    for _, r in keyed[:max(0, n_vul - k_iso)]:
        vul[r] = 1
    del keyed

    for r in range(N):
        if vul[r]:
            o = area_org[r_area[r]]
            profs = org_profs[o]
            k = 2 if (R() < 0.2 and len(profs) > 1) else 1
            chosen = rnd.sample(profs, k) if k > 1 else [pick(profs)]
            for p in chosen:
                add(pid0 + p, r, T_SUPPORT, 1 + int(R() * 4))

    groups_of_org = [[] for _ in range(O)]
    for g in range(G):
        groups_of_org[area_org[g_area[g]]].append(g)
    pp_seen = set()
    for p in range(P):
        o = p_org[p]
        gl = groups_of_org[o]
        if gl:
            for g in sorted(set(rnd.sample(gl, min(len(gl), 2 + int(R() * 5))))):
                add(pid0 + p, gid0 + g, T_COLLAB, 1 + int(R() * 3))
        cols_ = org_profs[o]
        others = []
        if len(cols_) > 1:
            for _ in range(2 + int(R() * 2)):
                others.append(pick(cols_))
        if R() < 0.3 and O > 1:
            o2 = area_org[pick(adj_areas[org_areas[o][0]])]
            if o2 == o:
                o2 = (o + 1) % O
            others.append(pick(org_profs[o2]))
        for q in others:
            if q == p:
                continue
            key = (min(p, q), max(p, q))
            if key in pp_seen:
                continue
            pp_seen.add(key)
            add(pid0 + p, pid0 + q, T_COLLAB, 1 + int(R() * 6))
    for p in range(P):
        add(oid0 + p_org[p], pid0 + p, T_MEMBER, 8 + int(R() * 3))
    oo_seen = set()
    for o in range(O):
        for _ in range(1 + int(R() * 2)):
            o2 = int(R() * O)
            if o2 != o and (min(o, o2), max(o, o2)) not in oo_seen:
                oo_seen.add((min(o, o2), max(o, o2)))
                add(oid0 + o, oid0 + o2, T_REFERRAL, 1 + int(R() * 3))

    # ------------------------------------------ duplicates reported twice
    n_inf_ties = len(t_src)
    n_dup = 0
    dup_rows = []
    for i in range(n_inf_ties):
        if t_typ[i] in (T_FAMILY, T_FRIEND, T_NEIGHBOUR) and R() < 0.006:
            dup_rows.append(i)
    for i in dup_rows:
        add(t_dst[i], t_src[i], t_typ[i], 1 + int(R() * 2))
        n_dup += 1
    del seen

    # ------------------------------------------------------------- write
    os.makedirs(a.out, exist_ok=True)
    w_r = max(7, len(str(N)))
    ids = ["R%0*d" % (w_r, i + 1) for i in range(N)]
    ids += ["G%05d" % (g + 1) for g in range(G)]
    ids += ["P%05d" % (p + 1) for p in range(P)]
    ids += ["O%03d" % (o + 1) for o in range(O)]
    org_name_parts = ["Noord", "Oost", "Zuid", "West", "Centrum", "De Hoven", "Kanaleneiland",
                      "Vogelwijk", "Rivierenbuurt", "Schildersbuurt"]
    with open(os.path.join(a.out, "nodes.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("id,type,label,area,lat,lon,vulnerable,age_band,language,interests,household,kind\r\n")
        buf = []
        for r in range(N):
            h = r_hh[r]
            buf.append("%s,resident,,%s,%.6f,%.6f,%d,%s,%s,%s,H%07d,\r\n" % (
                ids[r], area_code[r_area[r]], hh_lat[h], hh_lon[h], vul[r],
                AGE_BANDS[r_age[r]], LANGS[r_lang[r]], r_int[r], h + 1))
            if len(buf) >= 100000:
                f.write("".join(buf))
                buf = []
        for g in range(G):
            ai = g_area[g]
            row, col = area_rc[ai]
            kind = GROUP_KINDS[g_kind[g]][0]
            buf.append("%s,group,%s %d,%s,%.6f,%.6f,0,,,,,%s\r\n" % (
                ids[gid0 + g], kind.capitalize(), g + 1, area_code[ai],
                LAT0 + (row + 0.1 + 0.8 * R()) * DLAT, LON0 + (col + 0.1 + 0.8 * R()) * DLON, kind))
        for p in range(P):
            ai = p_area[p]
            row, col = area_rc[ai]
            buf.append("%s,professional,Professional %d,%s,%.6f,%.6f,0,,,,,%s\r\n" % (
                ids[pid0 + p], p + 1, area_code[ai],
                LAT0 + (row + 0.5) * DLAT, LON0 + (col + 0.5) * DLON, PROF_ROLES[p_role[p]]))
        for o in range(O):
            ai = org_areas[o][0]
            row, col = area_rc[ai]
            kind = ORG_KINDS[o % len(ORG_KINDS)]
            buf.append("%s,organisation,%s %s %d,%s,%.6f,%.6f,0,,,,,%s\r\n" % (
                ids[oid0 + o], kind.capitalize(), org_name_parts[o % len(org_name_parts)], o + 1,
                area_code[ai], LAT0 + (row + 0.5) * DLAT, LON0 + (col + 0.5) * DLON, kind))
        f.write("".join(buf))
    n_ties = len(t_src)
    with open(os.path.join(a.out, "ties.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("source,target,type,weight\r\n")
        step = 200000
        for i0 in range(0, n_ties, step):
            f.write("".join(["%s,%s,%s,%d\r\n" % (ids[t_src[i]], ids[t_dst[i]], TIE_TYPES[t_typ[i]], t_w[i])
                             for i in range(i0, min(n_ties, i0 + step))]))

    features = []
    for ai in range(A):
        row, col = area_rc[ai]
        la0, lo0 = LAT0 + row * DLAT, LON0 + col * DLON
        ring = [[round(lo0, 6), round(la0, 6)], [round(lo0 + DLON, 6), round(la0, 6)],
                [round(lo0 + DLON, 6), round(la0 + DLAT, 6)], [round(lo0, 6), round(la0 + DLAT, 6)],
                [round(lo0, 6), round(la0, 6)]]
        features.append({"type": "Feature",
                         "properties": {"code": area_code[ai], "name": "Buurt %d" % (ai + 1),
                                        "residents": asize[ai]},
                         "geometry": {"type": "Polygon", "coordinates": [ring]}})
    with open(os.path.join(a.out, "areas.geojson"), "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection", "features": features}, f)

    # ------------------------------------------------------------- metadata
    type_counts = {t: 0 for t in TIE_TYPES}
    for t in t_typ:
        type_counts[TIE_TYPES[t]] += 1
    iso_final = sum(1 for r in range(N) if inf_deg[r] == 0)
    iso_support_only = sum(1 for r in range(N) if inf_deg[r] == 0 and vul[r])
    meta = {
        "title": "Synthetic town, %d residents (seed %d)" % (N, a.seed),
        "source": "synthetic: docs/WORKLOAD.md version %s" % GENERATOR_VERSION,
        "licence": "CC0-1.0",
        "collection_date": "2024-01-01",
        "directed": False,
        "generator": {"name": "gen_wijk.py", "version": GENERATOR_VERSION,
                      "residents": N, "seed": a.seed,
                      "isolated_share": a.isolated_share,
                      "vulnerable_share": a.vulnerable_share},
        "counts": {
            "nodes": N + G + P + O, "residents": N, "groups": G, "professionals": P,
            "organisations": O, "areas": A, "households": H,
            "single_person_households": sum(1 for h in range(H) if hh_size[h] == 1),
            "tie_rows": n_ties, "tie_rows_by_type": type_counts,
            "duplicate_rows": n_dup, "unique_ties": n_ties - n_dup,
            "residents_without_informal_tie": iso_final,
            "residents_without_informal_tie_but_support": iso_support_only,
            "vulnerable": sum(vul),
            "mean_resident_informal_degree": round(sum(inf_deg) / N, 4),
        },
    }
    with open(os.path.join(a.out, "dataset.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, indent=2)
        f.write("\n")
    sys.stderr.write("gen_wijk: %d nodes, %d tie rows (%d duplicate) in %.1f s -> %s\n" % (
        N + G + P + O, n_ties, n_dup, time.time() - t_start, a.out))


if __name__ == "__main__":
    main()
