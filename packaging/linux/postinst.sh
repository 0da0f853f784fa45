#!/bin/sh
# Debian postinst: a dedicated user for the kiosk session, device rules, and the cage unit.
set -e
id easydo >/dev/null 2>&1 || useradd --system --create-home --groups lp,dialout,scanner,video easydo
install -m 0644 "/opt/Easy-Do Terminal/resources/packaging/99-easydo-devices.rules" /etc/udev/rules.d/ 2>/dev/null || true
udevadm control --reload-rules 2>/dev/null || true
install -m 0644 "/opt/Easy-Do Terminal/resources/packaging/easydo-kiosk.service" /etc/systemd/system/ 2>/dev/null || true
systemctl daemon-reload 2>/dev/null || true
systemctl enable easydo-kiosk.service 2>/dev/null || true
