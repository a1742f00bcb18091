#!/usr/bin/env python3
"""reblock.py -- forge a linked program's cuckoo-linked block (issue 8).

    reblock.py IN OUT [--bytes ADDR HEX]... [--drop-func NAME]... [--types FILE]
               [--objects FILE]

Copies the i386 ELF program IN to OUT after: writing the bytes HEX at the
virtual address ADDR (0x...) for each --bytes; taking the .cuckoo.types
text from FILE instead of IN (--types: a block to graft onto a program
that has none); adding a .cuckoo.objects section with the contents of
FILE (--objects: the objects of another program); deleting the `func` records of NAME from the last block
(the cuckoo-linked one); and recomputing every `section NAME sha256:HEX`
line of that block from OUT's allocated sections, as cuckoo-ld computes
them (tld/manifest.c: the bytes, or zeros for NOBITS).  The result is a
program whose block agrees with its bytes: what the program audit must
not believe.  Needs objcopy.
"""
import hashlib, os, struct, subprocess, sys, tempfile

def sections(b):
    shoff, = struct.unpack_from('<I', b, 0x20)
    shentsize, shnum, shstrndx = struct.unpack_from('<HHH', b, 0x2e)
    hdr = [struct.unpack_from('<IIIIIIIIII', b, shoff + i * shentsize) for i in range(shnum)]
    stroff = hdr[shstrndx][4]
    out = []
    for h in hdr:
        name = bytes(b[stroff + h[0]:b.index(0, stroff + h[0])]).decode()
        out.append(dict(name=name, type=h[1], flags=h[2], addr=h[3], off=h[4], size=h[5]))
    return out

def sha(b, s):
    if s['type'] == 8:  # SHT_NOBITS
        return hashlib.sha256(bytes(s['size'])).hexdigest()
    return hashlib.sha256(bytes(b[s['off']:s['off'] + s['size']])).hexdigest()

def section_lines(b):
    return ['section %s sha256:%s' % (s['name'], sha(b, s))
            for s in sections(b) if s['flags'] & 2 and s['type'] != 0]

def main(argv):
    src, dst = argv[1], argv[2]
    patches, drops, types, objects = [], [], None, None
    i = 3
    while i < len(argv):
        if argv[i] == '--bytes':
            patches.append((int(argv[i + 1], 0), bytes.fromhex(argv[i + 2]))); i += 3
        elif argv[i] == '--drop-func':
            drops.append(argv[i + 1]); i += 2
        elif argv[i] == '--types':
            types = argv[i + 1]; i += 2
        elif argv[i] == '--objects':
            objects = argv[i + 1]; i += 2
        else:
            sys.exit('reblock.py: bad argument ' + argv[i])
    b = bytearray(open(src, 'rb').read())
    secs = sections(b)
    for addr, data in patches:
        for s in secs:
            if s['flags'] & 2 and s['type'] != 8 and s['addr'] <= addr < s['addr'] + s['size']:
                o = s['off'] + addr - s['addr']
                b[o:o + len(data)] = data
                break
        else:
            sys.exit('reblock.py: no section holds 0x%x' % addr)
    tmp = tempfile.mkdtemp()
    mid = os.path.join(tmp, 'mid')
    open(mid, 'wb').write(b)
    if types is None:
        types = os.path.join(tmp, 'types')
        subprocess.check_call(['objcopy', '--dump-section', '.cuckoo.types=' + types, src])
        op = '--update-section'
    else:
        op = '--add-section'
    lines = open(types).read().split('\n')
    start = max(k for k, l in enumerate(lines) if l.startswith('cuckoo-linked '))
    head, block = lines[:start], lines[start:]
    kept = [l for l in block if not l.startswith('section ')
            and not (l.startswith('func ') and (l.split()[-1] in drops or '*' in drops))]
    at = max(k for k, l in enumerate(kept) if l.startswith(('input ', 'producer '))) + 1
    new = head + kept[:at] + section_lines(b) + kept[at:]
    forged = os.path.join(tmp, 'forged')
    open(forged, 'w').write('\n'.join(new))
    extra = ['--add-section', '.cuckoo.objects=' + objects] if objects else []
    subprocess.check_call(['objcopy', op, '.cuckoo.types=' + forged] + extra + [mid, dst])
    # objcopy must not have moved an allocated byte: the block matches OUT
    if section_lines(bytearray(open(dst, 'rb').read())) != section_lines(b):
        sys.exit('reblock.py: objcopy changed an allocated section')
    os.chmod(dst, 0o755)

main(sys.argv)
