#!/usr/bin/env bash
# System packages and services the tests use (Debian 12). Idempotent. Runs as root; from another user it
# re-runs itself through sudo (a root-only machine, like CI's, has no sudo and needs none).
#   chromium: E2E (Playwright drives Debian's build, never a downloaded browser)
#   socat: pseudo-terminal pairs for real serial I/O; sane-utils: SANE test scanner; cups + cups-pdf: A4 printing
#   tesseract-ocr(+chi-sim): OCR benchmark reference; poppler-utils: pdftotext; fonts-noto-cjk: CJK fallback font
#   udev, libusb: serialport listing and node-hid; xvfb: headed screenshots when wanted
#   mosquitto (+clients), openssl: the fleet's MQTT broker; tests start their own instances with their own CA and ACLs
set -euo pipefail
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup-system.sh: run as root (no sudo on this machine)" >&2; exit 1; }
  exec sudo -E bash "$0" "$@"
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends \
  chromium socat sane-utils cups cups-client printer-driver-cups-pdf tesseract-ocr tesseract-ocr-chi-sim \
  xvfb fonts-noto-cjk udev libusb-1.0-0 poppler-utils imagemagick mosquitto mosquitto-clients openssl ca-certificates python3 make g++ >/dev/null

# CUPS with a cups-pdf queue named PDF (the A4 printing tests print to it).
mkdir -p /run/cups
if ! pgrep -x cupsd >/dev/null; then cupsd; fi
for _ in $(seq 1 30); do lpstat -r >/dev/null 2>&1 && break; sleep 1; done
lpadmin -p PDF -v cups-pdf:/ -E -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd
cupsenable PDF
cupsaccept PDF
echo "system ready: chromium $(chromium --version 2>/dev/null | awk '{print $2}'), CUPS queue PDF"
