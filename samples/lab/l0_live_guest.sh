#!/bin/bash
# l0_live_guest.sh - the small guest the live-capture tests boot: Debian's kernel and a
# busybox initramfs that mounts 9P either over virtio (trans=virtio, QEMU's virtio-9p) or
# over TCP through its virtio-net NIC, runs live-wl.sh on it and powers off.
# No debootstrap: the guest needs only busybox.  Everything goes to work/live/ (git-ignored).
# Idempotent and quick: each step is skipped when its output exists (--force rebuilds the
# initramfs).  Prints the two paths on its last line:  KERNEL INITRD
#
# Kernel: whatever linux-image-amd64 depends on today (apt-cache), fetched with
# apt-get download + dpkg -x, never installed on the host.
set -euo pipefail
LAB=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT=$LAB/work/live
FORCE=${1:-}
mkdir -p "$OUT"
for p in busybox-static cpio kmod; do
  dpkg -s "$p" >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$p" >&2
done

# ---- the kernel -------------------------------------------------------------
KPKG=$(apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-/{print $2; exit}')
[ -n "$KPKG" ] || { echo "l0_live_guest: apt-cache knows no linux-image-amd64 (apt-get update?)" >&2; exit 1; }
KVER=${KPKG#linux-image-}
KDIR=$OUT/kernel-$KVER
if [ ! -e "$KDIR/boot/vmlinuz-$KVER" ]; then
  rm -rf "$OUT/kpkg" "$KDIR"; mkdir -p "$OUT/kpkg"
  (cd "$OUT/kpkg" && apt-get download "$KPKG" >&2)
  dpkg -x "$OUT"/kpkg/"$KPKG"_*.deb "$KDIR"
  rm -rf "$OUT/kpkg"
  depmod -b "$KDIR" "$KVER"
fi

# ---- the initramfs ------------------------------------------------------------
INITRD=$OUT/initramfs-$KVER.cpio.gz
if [ -n "$FORCE" ] || [ ! -e "$INITRD" ] || [ "$LAB/live-init.sh" -nt "$INITRD" ] || [ "$LAB/live-wl.sh" -nt "$INITRD" ]; then
  IR=$OUT/initramfs
  rm -rf "$IR"; mkdir -p "$IR"/{bin,sbin,proc,sys,dev,mnt,tmp,lib/modules}
  cp /bin/busybox "$IR/bin/busybox"
  for a in $(/bin/busybox --list); do [ "$a" = busybox ] || ln -sf busybox "$IR/bin/$a"; done
  MD=$KDIR/lib/modules/$KVER
  : > "$IR/lib/modules/load-order"
  declare -A seen=()
  add_mod() {   # add_mod NAME: the module and its dependencies, dependencies first
    local path deps d
    path=$(awk -F: -v m="$1" '{n=$1; sub(".*/","",n); sub("\\.ko.*$","",n); gsub("-","_",n)} n==m {print $1; exit}' "$MD/modules.dep")
    [ -n "$path" ] || { echo "module $1 not found" >&2; exit 1; }
    [ -n "${seen[$path]:-}" ] && return; seen[$path]=1
    deps=$(awk -F': *' -v p="$path" '$1==p {print $2; exit}' "$MD/modules.dep")
    for d in $deps; do d=${d##*/}; d=${d%%.ko*}; add_mod "${d//-/_}"; done
    case $path in
      *.ko.xz) xz -dc "$MD/$path" > "$IR/lib/modules/$(basename "${path%.xz}")" ;;
      *) cp "$MD/$path" "$IR/lib/modules/" ;;
    esac
    basename "${path%.xz}" >> "$IR/lib/modules/load-order"
  }
  for m in virtio_pci virtio_net 9pnet_fd 9pnet_virtio 9p; do add_mod "$m"; done
  cp "$LAB/live-init.sh" "$IR/init"; chmod +x "$IR/init"
  cp "$LAB/live-wl.sh" "$IR/live-wl.sh"
  (cd "$IR" && find . | cpio -o -H newc --quiet | gzip -1) > "$INITRD.tmp"
  mv "$INITRD.tmp" "$INITRD"
  rm -rf "$IR"
fi
echo "$KDIR/boot/vmlinuz-$KVER $INITRD"
