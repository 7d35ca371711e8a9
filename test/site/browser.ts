/**
 * A real browser for the site's tests: Debian's Chromium driven by playwright-core (which downloads no
 * browser), headless, with a fresh profile and no background networking (the tests run offline).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { it } from 'vitest';
import { chromium, type BrowserContext } from 'playwright-core';
import { hasCommand } from '../render/docx.js';

/** The Chromium to drive: $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else `chromium` on the PATH. */
export function chromiumPath(): string | null {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv;
  if (fs.existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return hasCommand('chromium') ? 'chromium' : null;
}

/**
 * Call at the top of a `describe` that needs Chromium: true when it is installed. When it is not, it
 * registers a test that fails under CI (where .ci/run installs it) or a skipped one elsewhere, and returns false.
 */
export function requireChromium(): boolean {
  if (chromiumPath()) return true;
  if (process.env['CI']) {
    it('needs Chromium in CI', () => {
      throw new Error('chromium is missing: install it (apt-get install chromium; see .ci/run)');
    });
  } else {
    it.skip('skipped: Chromium is not installed here (apt-get install chromium)', () => {});
  }
  return false;
}

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  close: () => Promise<void>;
}

/** Chromium with a fresh profile (--user-data-dir), removed on close. */
export async function launchChromium(): Promise<Browser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'stdraft-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath()!,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
