#!/bin/sh
# live-init.sh - /init of l0_live_guest.sh's initramfs (PID 1, busybox).  Kernel command line:
#   live.trans=virtio          mount the virtio-9p export tagged "lab" (trans=virtio)
#   live.trans=tcp             configure eth0 as live.ip=A/NN and mount 9P over TCP from
#                              live.server=ADDR, port live.port=N (default 564), aname live.aname
# then runs /live-wl.sh on /mnt, unmounts and powers off.  Every step prints "LIVE: ...".
export PATH=/bin:/sbin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
TRANS=virtio; IP=; SERVER=; PORT=564; ANAME=/
for w in $(cat /proc/cmdline); do
  case "$w" in
    live.trans=*) TRANS=${w#*=};; live.ip=*) IP=${w#*=};; live.server=*) SERVER=${w#*=};;
    live.port=*) PORT=${w#*=};; live.aname=*) ANAME=${w#*=};;
  esac
done
for m in $(cat /lib/modules/load-order); do insmod /lib/modules/$m 2>/dev/null || echo "LIVE: insmod $m failed"; done
if [ "$TRANS" = tcp ]; then
  ip link set lo up; ip link set eth0 up; ip addr add "$IP" dev eth0
  OPTS="trans=tcp,port=$PORT,version=9p2000.L,cache=none,aname=$ANAME"
  SRC=$SERVER
else
  OPTS="trans=virtio,version=9p2000.L,cache=none"
  SRC=lab
fi
echo "LIVE: mount -t 9p -o $OPTS $SRC /mnt"
if mount -t 9p -o "$OPTS" "$SRC" /mnt; then
  echo "LIVE-WORKLOAD-START"
  . /live-wl.sh
  echo "LIVE-WORKLOAD-END"
  sync
  umount /mnt || umount -l /mnt
  echo "LIVE: unmounted"
else
  echo "LIVE-MOUNT-FAILED"
fi
poweroff -f
