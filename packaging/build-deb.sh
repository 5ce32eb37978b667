#!/usr/bin/env bash
# Builds an installable Debian package of the workbench with jpackage:
#   packaging/build-deb.sh            -> dist/lookaside_VERSION-1_amd64.deb
# It bundles a Java runtime (jlink of the JDK that runs it), installs under /opt/lookaside
# (launcher /opt/lookaside/bin/lookaside), adds a desktop entry in the Development menu and
# registers "Open with Lookaside" for .pcap, .pcapng and .fusedump files (MIME types
# application/vnd.tcpdump.pcap, application/x-pcapng, application/x-lookaside-fusedump).
# Needs a JDK 17+ with jpackage, Maven, and fakeroot + dpkg-deb (Debian: apt-get install fakeroot).
# packaging/resources/lookaside.desktop replaces jpackage's desktop entry, whose Exec line has no
# %F (the file "Open with" hands over would not reach the workbench).
# Not run by CI: it took 4.4 min on a loaded two-core machine and makes a 46 MB file.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
version="$(sed -n 's:.*<version>\([0-9][0-9.]*\)\(-SNAPSHOT\)\?</version>.*:\1:p' pom.xml | head -n 1)"
for tool in jpackage fakeroot dpkg-deb mvn; do
  command -v "$tool" >/dev/null || { echo "build-deb: $tool is needed" >&2; exit 1; }
done
# SKIP_BUILD=1: package the jars built already.
[ "${SKIP_BUILD:-0}" = 1 ] || mvn -B -q -DskipTests package
input="$(mktemp -d)"
trap 'rm -rf "$input"' EXIT
cp app/target/lookaside-app.jar "$input/"
cp app/target/lib/*.jar "$input/"
mkdir -p dist
rm -f dist/lookaside_"$version"*_amd64.deb
jpackage --type deb --dest dist \
  --name lookaside --app-version "$version" --vendor "Lookaside" \
  --description "Desktop workbench for 9P and FUSE traffic: decode, follow and analyse captures" \
  --input "$input" --main-jar lookaside-app.jar --main-class io.lookaside.app.workbench.Launcher \
  --icon packaging/lookaside.png --resource-dir packaging/resources \
  --java-options -Djava.awt.headless=true \
  --linux-shortcut --linux-menu-group "Development" --linux-app-category devel \
  --linux-package-deps "libpcap0.8, libgtk-3-0" \
  --file-associations packaging/pcap.properties \
  --file-associations packaging/pcapng.properties \
  --file-associations packaging/fusedump.properties
ls -l dist/*.deb
