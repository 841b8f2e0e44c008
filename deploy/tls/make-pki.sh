#!/bin/sh
# A private CA for the OVSDB port, the controller's server certificate, and one device
# certificate per serial (CN = serial). Usage:
#   deploy/tls/make-pki.sh DIR CONTROLLER_HOSTNAME [SERIAL...]
# Writes DIR/ca.pem + ca.key (keep ca.key offline), DIR/server.pem + server.key, and
# DIR/<serial>.pem + <serial>.key. See docs/deployment.md, "TLS for devices".
set -eu
dir=$1; host=$2; shift 2
mkdir -p "$dir"; cd "$dir"
umask 077

if [ ! -f ca.key ]; then
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3650 \
    -subj "/CN=OpenSync controller device CA" -keyout ca.key -out ca.pem \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign
fi

issue() { # name subject-cn extended-key-usage [subjectAltName]
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
    -subj "/CN=$2" -keyout "$1.key" -out "$1.csr"
  printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=%s\n%s' "$3" "${4:-}" > "$1.ext"
  openssl x509 -req -in "$1.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -days "${DAYS:-825}" \
    -extfile "$1.ext" -out "$1.pem"
  rm -f "$1.csr" "$1.ext"
}

case $host in
  *[!0-9.]*) san="DNS:$host" ;;
  *) san="IP:$host" ;;
esac
issue server "$host" serverAuth "subjectAltName=$san"
for serial in "$@"; do issue "$serial" "$serial" clientAuth; done
chmod 644 ca.pem server.pem
