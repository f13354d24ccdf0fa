// Debian's Chromium, started the same way by every browser test, the page benchmark and the web/ dev scripts:
// headless, no sandbox (CI runs as root), no GPU, and no background network calls (this network refuses them).
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

/** `extraArgs`: e.g. a host mapping and trust for a test certificate (the https tunnel in the OAuth tests). */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', ...extraArgs] });
}
