#!/usr/bin/env bash
# Debian packages the tests need: Chromium for the browser tests, CJK fonts, LibreOffice to render .docx.
# Installs what is missing when run as root; otherwise says what to install. Never downloads a browser.
set -euo pipefail
packages=(chromium fonts-noto-cjk fonts-arphic-ukai libreoffice-writer-nogui poppler-utils)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "缺少系统软件包 / missing Debian packages: ${missing[*]}" >&2
  echo "请运行 / run: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "正在安装 / installing: ${missing[*]}" >&2
DEBIAN_FRONTEND=noninteractive apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
