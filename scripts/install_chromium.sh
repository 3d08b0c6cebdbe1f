#!/usr/bin/env bash
# Debian's Chromium for the browser tests (Playwright drives it; no browser is downloaded), and a
# Chinese font so that pages and screenshots show the reports' characters.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && dpkg -s fonts-wqy-zenhei >/dev/null 2>&1; then exit 0; fi
SUDO=""
[ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
packages="chromium fonts-wqy-zenhei"
$SUDO apt-get install -y -q $packages >/dev/null 2>&1 || { $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q $packages >/dev/null; }
command -v chromium >/dev/null 2>&1 || { echo "无法安装 chromium（浏览器测试需要）" >&2; exit 1; }
