# Minimal HPROF reader: attributes each object's shallow size to the top of its unique-referrer chain.
# Usage: python3 bench/tools/heap_owners.py DUMP.hprof CLIENTS [CLASS [SAMPLE_MODULO]]
#   prints bytes per client by owning class; with CLASS, also who references CLASS and a few
#   referrer chains (one instance in SAMPLE_MODULO). Dumps come from -Dbench.heapdump=true.
import sys, struct, collections, mmap
path = sys.argv[1]
f = open(path, 'rb'); m = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
p = m.find(b'\0') + 1
idsize = struct.unpack('>I', m[p:p+4])[0]; p += 12
assert idsize == 8
U4 = struct.Struct('>I'); U8 = struct.Struct('>Q'); U2 = struct.Struct('>H')
TSIZE = {2: 8, 4: 1, 5: 2, 6: 4, 7: 8, 8: 1, 9: 2, 10: 4, 11: 8}
RSIZE = {2: 4, 4: 1, 5: 2, 6: 4, 7: 8, 8: 1, 9: 2, 10: 4, 11: 8}
PNAME = {4: 'boolean[]', 5: 'char[]', 6: 'float[]', 7: 'double[]', 8: 'byte[]', 9: 'short[]', 10: 'int[]', 11: 'long[]'}
strings = {}; classname = {}; classes = {}
objclass = {}; size = {}; refs = {}
roots = set()
def al(n): return (n + 7) & ~7
end = len(m)
while p < end:
    tag = m[p]; length = U4.unpack_from(m, p + 5)[0]; p += 9; body = p; p += length
    if tag == 0x01:
        strings[U8.unpack_from(m, body)[0]] = m[body+8:body+length].decode('utf8', 'replace')
    elif tag == 0x02:
        cid = U8.unpack_from(m, body + 4)[0]; nid = U8.unpack_from(m, body + 16)[0]
        classname[cid] = strings.get(nid, '?').replace('/', '.')
    elif tag in (0x0C, 0x1C):
        q = body; stop = body + length
        while q < stop:
            st = m[q]; q += 1
            if st == 0xFF: roots.add(U8.unpack_from(m, q)[0]); q += 8
            elif st == 0x01: roots.add(U8.unpack_from(m, q)[0]); q += 16
            elif st in (0x02, 0x03, 0x08): roots.add(U8.unpack_from(m, q)[0]); q += 16
            elif st in (0x04, 0x06): roots.add(U8.unpack_from(m, q)[0]); q += 12
            elif st in (0x05, 0x07): roots.add(U8.unpack_from(m, q)[0]); q += 8
            elif st == 0x20:
                cid = U8.unpack_from(m, q)[0]; sup = U8.unpack_from(m, q + 12)[0]
                q += 8 + 4 + 6 * 8; isz = U4.unpack_from(m, q)[0]; q += 4
                n = U2.unpack_from(m, q)[0]; q += 2
                for _ in range(n):
                    t = m[q + 2]; q += 3 + TSIZE[t]
                n = U2.unpack_from(m, q)[0]; q += 2
                statics = []
                for _ in range(n):
                    t = m[q + 8]
                    if t == 2: statics.append(U8.unpack_from(m, q + 9)[0])
                    q += 9 + TSIZE[t]
                n = U2.unpack_from(m, q)[0]; q += 2
                fields = []
                for _ in range(n):
                    fields.append((strings.get(U8.unpack_from(m, q)[0], '?'), m[q + 8])); q += 9
                classes[cid] = (sup, fields, isz)
                refs[cid] = statics; objclass[cid] = 'class ' ; size[cid] = 0
            elif st == 0x21:
                oid = U8.unpack_from(m, q)[0]; cid = U8.unpack_from(m, q + 12)[0]; nb = U4.unpack_from(m, q + 20)[0]
                q += 24; objclass[oid] = cid; size[oid] = al(12 + nb)
                refs[oid] = (q, nb)  # decoded lazily
                q += nb
            elif st == 0x22:
                oid = U8.unpack_from(m, q)[0]; n = U4.unpack_from(m, q + 12)[0]; acid = U8.unpack_from(m, q + 16)[0]
                q += 24; objclass[oid] = acid; size[oid] = al(16 + 4 * n)
                refs[oid] = [x for x in struct.unpack_from('>%dQ' % n, m, q) if x]
                q += 8 * n
            elif st == 0x23:
                oid = U8.unpack_from(m, q)[0]; n = U4.unpack_from(m, q + 12)[0]; t = m[q + 16]
                q += 17; objclass[oid] = PNAME[t]; size[oid] = al(16 + RSIZE[t] * n); q += TSIZE[t] * n
            else:
                raise SystemExit('unknown subrecord %x at %d' % (st, q))
print('objects', len(objclass), file=sys.stderr)
layout = {}
def fields_of(cid):
    if cid in layout: return layout[cid]
    out = []; c = cid
    while c and c in classes:
        sup, fields, _ = classes[c]; out.extend(fields); c = sup
    layout[cid] = out; return out
def outrefs(oid):
    r = refs.get(oid)
    if isinstance(r, tuple):
        q, nb = r; res = []
        for name, t in fields_of(objclass[oid]):
            if t == 2:
                v = U8.unpack_from(m, q)[0]
                if v: res.append((name, v))
            q += TSIZE[t]
        return res
    return [(None, v) for v in (r or [])]
def cname(oid):
    c = objclass.get(oid)
    if isinstance(c, str): return c
    return classname.get(c, '?')
incount = collections.Counter(); parent = {}; pfield = {}
anyref = {}
who = sys.argv[3] if len(sys.argv) > 3 else None
whoref = collections.Counter()
for oid in objclass:
    for name, v in outrefs(oid):
        if v in objclass:
            if who and cname(v) == who:
                whoref[cname(oid) + '.' + str(name)] += 1
            incount[v] += 1
            anyref.setdefault(v, (oid, name))
            if incount[v] == 1: parent[v] = oid; pfield[v] = name
            else: parent.pop(v, None)
def top(oid):
    path = []
    seen = 0
    while oid in parent and seen < 200 and oid not in roots:
        path.append(cname(oid)); oid = parent[oid]; seen += 1
    return oid
if who:
    print('referrers of', who)
    for k, v in whoref.most_common(20):
        print('%8d  %s' % (v, k))
if who:
    shown = 0
    for oid in objclass:
        if cname(oid) == who and shown < 6 and (len(sys.argv) < 5 or hash(oid) % int(sys.argv[4]) == 0):
            shown += 1; chain = []; o = oid
            for _ in range(12):
                if o not in anyref: break
                r, fld = anyref[o]; chain.append('%s.%s' % (cname(r), fld)); o = r
            print('  ' + ' <- '.join(chain))
owner_size = collections.Counter(); owner_count = collections.Counter()
detail = collections.defaultdict(collections.Counter)
for oid in objclass:
    t = top(oid); k = cname(t)
    owner_size[k] += size[oid]; detail[k][cname(oid)] += size[oid]
    if t == oid: owner_count[k] += 1
n = int(sys.argv[2]) if len(sys.argv) > 2 else 1
total = sum(size.values())
print('total shallow MB %.1f; per client (n=%d) KB %.2f' % (total / 1e6, n, total / n / 1024))
for k, v in owner_size.most_common(45):
    print('%9.0f B/client %7d tops  %s   <- %s' % (v / n, owner_count[k], k, ', '.join('%s %.0f' % (c, s / n) for c, s in detail[k].most_common(4))))
