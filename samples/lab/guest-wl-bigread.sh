# guest-wl-bigread.sh - large files and executables over 9P, sourced by guest-init.sh: what
# the page cache and readahead change.  One shell chrooted into the 9P root (a Debian rootfs),
# so each exec and shared library is paged in over 9P (page faults on as, objdump, perl and
# their libraries); then files are read in the ways readahead tells apart: tar (sequential
# read(2)s of 10 KiB records over small and large files), dd with 4 KiB blocks (sequential,
# page sized) and dd of single pages at scattered offsets (random).  A few MB of file data
# with cache=none, so the capture stays small.
mount -t proc proc /mnt/proc
for pass in $(seq 1 $PASSES); do
  chroot /mnt /bin/sh -c '
    echo "LAB-PHASE exec pass='$pass'"
    printf "\t.text\n\t.globl f\nf:\tret\n" > /tmp/bigread.s && as -o /tmp/bigread.o /tmp/bigread.s
    objdump -d /tmp/bigread.o | wc -l
    perl -e "print 6*7, qq(\n)"
    rm -f /tmp/bigread.s /tmp/bigread.o
    echo "LAB-PHASE tar pass='$pass'"
    cd / && tar cf - usr/share/perl5 usr/lib/x86_64-linux-gnu/libisl.so.23.2.0 | wc -c
    echo "LAB-PHASE dd-seq pass='$pass'"
    dd if=/usr/lib/x86_64-linux-gnu/libcrypto.so.3 of=/dev/null bs=4096 count=150
    echo "LAB-PHASE dd-random pass='$pass'"
    for k in 5 97 31 250 13 180 66 140 400 222; do
      dd if=/usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30 of=/dev/null bs=4096 skip=$k count=1 2>/dev/null
    done
    echo "LAB-PHASE reread pass='$pass'"
    tar cf - usr/share/perl5 | wc -c
    echo "LAB-PHASE exec-again pass='$pass'"
    perl -e "print 6*7, qq(\n)"
  ' 2>&1
done
umount /mnt/proc
true
