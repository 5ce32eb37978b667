# live-wl.sh - the guest workload of the live-capture tests (sourced by live-init.sh, the
# export on /mnt): a walk, lookups of missing names, a readlink, reads and a write.
M=/mnt
ls -lR $M > /dev/null
for i in 1 2 3 4 5; do stat $M/missing_$i > /dev/null 2>&1; done
readlink $M/link || true
cat $M/hello.txt
echo "written by the guest" > $M/guest-wrote.txt
cat $M/guest-wrote.txt > /dev/null
echo "LIVE-WL-DONE"
