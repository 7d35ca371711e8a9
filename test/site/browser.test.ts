/**
 * The site in a real browser (Chromium, headless, offline), opened from disk as a reader would open it:
 * every page loads with no console error and no failed or external request; anchors land on their unit;
 * search finds a requirement by a word of its text; the synoptic table's header stays in view while
 * scrolling; axe-core finds no serious or critical WCAG 2.1 A/AA violation. Screenshots of the home page
 * and of a version page are written to out/browser/ (kept as CI artefacts, not compared).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseStandards } from '../../src/parse/index.js';
import { runCli, ROOT } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';
import { launchChromium, requireChromium, type Browser } from './browser.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SCREENSHOTS = path.join(ROOT, 'out', 'browser');

interface Problems {
  console: string[];
  failed: string[];
  external: string[];
}

describe.runIf(requireChromium())('the site in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let site: string;
  const problems: Problems = { console: [], failed: [], external: [] };
  const url = (file: string) => pathToFileURL(path.join(site, file)).href;

  beforeAll(async () => {
    site = path.join(tempDir(), 'site');
    const built = await runCli(['site', 'vtp', '-o', site], { cwd: ROOT });
    expect(built.code, built.stderr).toBe(0);
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.console.push(`${m.type()}: ${m.text()} (${page.url()})`);
    });
    page.on('pageerror', (e) => problems.console.push(`uncaught: ${e.message} (${page.url()})`));
    page.on('requestfailed', (r) => problems.failed.push(`${r.url()}: ${r.failure()?.errorText ?? ''}`));
    page.on('request', (r) => {
      if (!r.url().startsWith('file://') && !r.url().startsWith('data:')) problems.external.push(r.url());
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  // No test may leave a console error or a failed or external request behind.
  afterEach(() => {
    expect(problems).toEqual({ console: [], failed: [], external: [] });
  });

  const pages = () => fs.readdirSync(site).filter((f) => f.endsWith('.html')).sort();

  it('loads every page with no console error, no failed request and no external request', async () => {
    expect(pages().length).toBeGreaterThanOrEqual(9);
    for (const file of pages()) {
      await page.goto(url(file), { waitUntil: 'load' });
      const lang = await page.evaluate(() => document.documentElement.lang);
      expect(lang, file).toMatch(/^(ro|en)$/);
      // Every same-page link of the table of contents lands on an element.
      const missing = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLAnchorElement>('nav.toc a[href^="#"]')].map((a) => decodeURIComponent(a.hash.slice(1))).filter((id) => !document.getElementById(id)),
      );
      expect(missing, file).toEqual([]);
    }
    // The search page, which loads the index and MiniSearch, with a query.
    await page.goto(`${url('cautare.html')}?q=ghid`, { waitUntil: 'load' });
    expect(problems).toEqual({ console: [], failed: [], external: [] });
  });

  it('lands on a unit from its anchor: requirement, standard, module, indicator, the format\'s lower-case alias', async () => {
    for (const [anchor, id] of [
      ['#S4.2', 'S4.2'],
      ['#standardul-3', 'standardul-3'],
      ['#modulul-ii', 'modulul-ii'],
      ['#Im2S4.2', 'Im2S4.2'],
      ['#s4-2', 's4-2'],
    ] as const) {
      await page.goto(`${url('2016-02.html')}${anchor}`, { waitUntil: 'load' });
      const box = await page.evaluate((target) => {
        const el = document.getElementById(target)!;
        const r = el.getBoundingClientRect();
        return { top: r.top, scrollY: window.scrollY, target: document.querySelector(':target')?.id ?? null };
      }, id);
      expect(box.target, anchor).toBe(id);
      expect(box.scrollY, anchor).toBeGreaterThan(0);
      expect(Math.abs(box.top), anchor).toBeLessThan(24);
    }
    // On a phone the table of contents starts folded, above the text, and the anchor still lands.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(url('index.html'), { waitUntil: 'load' }); // a new load, not a jump within the page
    await page.goto(`${url('2016-02.html')}#S4.2`, { waitUntil: 'load' });
    const phone = await page.evaluate(() => ({ open: document.querySelector('nav.toc details')!.hasAttribute('open'), top: document.getElementById('S4.2')!.getBoundingClientRect().top, width: document.documentElement.scrollWidth }));
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(phone.open).toBe(false);
    expect(Math.abs(phone.top)).toBeLessThan(24);
    expect(phone.width).toBeLessThanOrEqual(390);
    // A cross-reference in the text is a link that lands on the unit it names.
    await page.goto(url('2016-02.html'), { waitUntil: 'load' });
    const reference = await page.evaluate(() => {
      const a = [...document.querySelectorAll<HTMLAnchorElement>('article.requirement p a[href^="#S"]')][0]!;
      return { href: a.getAttribute('href')!, text: a.textContent };
    });
    expect(reference.href).toBe(`#${reference.text}`);
    await page.click(`article.requirement p a[href="${reference.href}"] >> nth=0`);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(reference.text);
    // The synoptic table: a unit's row, and one collapsed into a run of unchanged units.
    await page.goto(`${url('sinoptic-2015-09-2016-02.html')}#standardul-5`, { waitUntil: 'load' });
    expect(await page.evaluate(() => document.querySelector(':target')?.tagName)).toBe('TR');
    await page.goto(`${url('sinoptic-2015-09-2016-02.html')}#S19.1`, { waitUntil: 'load' });
    const collapsed = await page.evaluate(() => {
      const el = document.getElementById('S19.1')!;
      return { row: el.closest('tr')!.className, top: el.getBoundingClientRect().top, height: window.innerHeight };
    });
    expect(collapsed.row).toBe('collapsed');
    expect(collapsed.top).toBeGreaterThan(0);
    expect(collapsed.top).toBeLessThan(collapsed.height / 2);
  });

  it('finds a requirement by a word of its text, typed with or without diacritics', async () => {
    // A word that occurs in the text of one requirement of 2016-02 only.
    const doc = parseStandards(fs.readFileSync(path.join(ROOT, 'standards/vtp/2016-02.md'), 'utf8'));
    const requirements = doc.modules.flatMap((m) => m.standards.flatMap((s) => s.requirements));
    const words = new Map<string, Set<string>>();
    for (const r of requirements) {
      const text = r.text.map((b) => JSON.stringify(b)).join(' ');
      for (const w of new Set(text.match(/\p{L}{9,}/gu) ?? [])) words.set(w.toLowerCase(), (words.get(w.toLowerCase()) ?? new Set()).add(r.idText));
    }
    const [word, ids] = [...words].find(([w, set]) => set.size === 1 && /[ăâîșț]/.test(w))!;
    const id = [...ids][0]!;
    await page.goto(url('index.html'), { waitUntil: 'load' });
    await page.fill('#q-header', word);
    await page.press('#q-header', 'Enter');
    await page.waitForURL(/cautare\.html\?q=/);
    await page.waitForSelector('ol.results li');
    const hrefs = await page.evaluate(() => [...document.querySelectorAll<HTMLAnchorElement>('ol.results a')].map((a) => a.getAttribute('href')));
    expect(hrefs).toContain(`2016-02.html#${id}`);
    // Without diacritics, as typed on a phone without a Romanian keyboard.
    const plain = word.normalize('NFD').replace(/\p{M}/gu, '');
    await page.fill('#q', plain);
    await page.waitForFunction((expected) => [...document.querySelectorAll('ol.results a')].some((a) => a.getAttribute('href') === expected), `2016-02.html#${id}`);
    // The result leads to the requirement.
    await page.click(`ol.results a[href="2016-02.html#${id}"]`);
    await page.waitForURL(new RegExp(`2016-02\\.html#${id.replace('.', '\\.')}$`));
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(id);
    // And by its id.
    await page.goto(`${url('cautare.html')}?q=S4.2`, { waitUntil: 'load' });
    await page.waitForSelector('ol.results li');
    expect(await page.evaluate(() => document.querySelector('ol.results a')?.getAttribute('href'))).toMatch(/^2016-0[24]\.html#S4\.2$|^2015-09\.html#S4\.2$/);
  });

  it('keeps the synoptic table header in view while scrolling', async () => {
    await page.goto(url('sinoptic-2015-09-2016-02.html'), { waitUntil: 'load' });
    const before = await page.evaluate(() => document.querySelector('table.synoptic thead th')!.getBoundingClientRect().top);
    expect(before).toBeGreaterThan(100);
    for (const fraction of [0.3, 0.6, 0.9]) {
      const box = await page.evaluate(async (f) => {
        window.scrollTo(0, (document.documentElement.scrollHeight - window.innerHeight) * f);
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        const th = document.querySelector('table.synoptic thead th')!.getBoundingClientRect();
        const firstRow = document.querySelector('table.synoptic tbody tr')!.getBoundingClientRect();
        return { thTop: th.top, thBottom: th.bottom, firstRow: firstRow.top, scrollY: window.scrollY };
      }, fraction);
      expect(box.scrollY).toBeGreaterThan(500);
      expect(box.firstRow).toBeLessThan(0);
      expect(Math.abs(box.thTop)).toBeLessThan(1);
      expect(box.thBottom).toBeGreaterThan(20);
    }
  });

  it('has no serious or critical accessibility violation (axe-core: WCAG 2.1 A and AA, 2.2 AA, best practices) on a page of each kind', async () => {
    // One page of each kind (the pages of a kind are made by the same code); axe takes seconds on a long page.
    const kinds = ['index.html', 'cautare.html', '2016-02.html', 'sinoptic-2015-09-2016-02.html', 'observatii-2015-09-workshop.html'];
    expect(kinds.every((f) => pages().includes(f))).toBe(true);
    const found: string[] = [];
    for (const file of kinds) {
      await page.goto(url(file), { waitUntil: 'load' });
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
        // preload: false — axe would fetch the stylesheets, which file:// forbids.
        const result = await axe.run(document, { preload: false, resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, where: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
      });
      for (const v of violations) if (v.impact === 'serious' || v.impact === 'critical') found.push(`${file}: ${v.id} (${v.impact}) at ${v.where.join(', ')}`);
    }
    expect(found).toEqual([]);
  });

  it('keeps the skip link first and visible on focus, and prints without the navigation', async () => {
    await page.goto(url('2016-02.html'), { waitUntil: 'load' });
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const a = document.activeElement as HTMLAnchorElement;
      return { href: a.getAttribute('href'), top: a.getBoundingClientRect().top, target: Boolean(document.querySelector(a.getAttribute('href')!)) };
    });
    expect(skip).toEqual({ href: '#continut', top: 0, target: true });
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('continut');
    await page.emulateMedia({ media: 'print' });
    const hidden = await page.evaluate(() => ['nav.toc', 'form.search', 'header.site nav'].map((s) => getComputedStyle(document.querySelector(s)!).display));
    expect(hidden).toEqual(['none', 'none', 'none']);
    await page.emulateMedia({ media: 'screen' });
  });

  it('counts down an open consultation, and serves an English twin in English: lang attributes, labels, search results marked', async () => {
    // A workspace with the bundled set and an English twin of 2016-02 (labels translated as a translator would).
    const ws = tempDir();
    fs.cpSync(path.join(ROOT, 'standards'), path.join(ws, 'standards'), { recursive: true });
    // Posted today (the reader's day), so that the consultation is open: ten calendar days left.
    const now = new Date();
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    const config = fs.readFileSync(path.join(ROOT, 'stdraft.config.yaml'), 'utf8').replace(/^  posted:\n    '2016-02': '[\d-]+'\n/m, `  posted:\n    '2016-02': '${today}'\n`);
    expect(config).toContain(`'2016-02': '${today}'`);
    fs.writeFileSync(path.join(ws, 'stdraft.config.yaml'), config);
    const ro = fs.readFileSync(path.join(ROOT, 'standards/vtp/2016-02.md'), 'utf8');
    const en = ro
      .replace(/^lang: ro$/m, 'lang: en')
      .replace(/^title: .*$/m, 'title: Minimum quality standards for the assistance and protection services for victims of trafficking in persons')
      .replace(/^# Modulul /gm, '# Module ')
      .replace(/^## Standardul /gm, '## Standard ')
      .replace(/\*\*Rezultate așteptate:\*\*/g, '**Expected results:**')
      .replace(/\*\*Indicatori:\*\*/g, '**Indicators:**')
      .replace(/^(Centrul dispune de un ghid[^\n]*)$/m, '$1 The guide is also available as a leaflet.');
    fs.writeFileSync(path.join(ws, 'standards/vtp/2016-02.en.md'), en);
    const built = await runCli(['site', '-o', 'site'], { cwd: ws });
    expect(built.code, built.stderr).toBe(0);
    const twin = (file: string) => pathToFileURL(path.join(ws, 'site', file)).href;
    await page.goto(twin('index.html'), { waitUntil: 'load' });
    expect(await page.evaluate(() => document.querySelector('.countdown')?.textContent)).toBe('Mai sunt 10 zile.');
    await page.goto(url('index.html'), { waitUntil: 'load' });
    expect(await page.evaluate(() => document.querySelector('.countdown')?.textContent)).toBe('Termenul s-a încheiat la 3 martie 2016.');
    await page.goto(`${twin('2016-02.en.html')}#module-ii`, { waitUntil: 'load' });
    const facts = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      target: document.querySelector(':target')?.id,
      skip: document.querySelector('.skip')?.textContent,
      back: document.querySelector('a[hreflang="ro"]')?.getAttribute('lang'),
      heading: document.querySelector('#standard-1 h3')?.textContent,
    }));
    expect(facts).toEqual({ lang: 'en', target: 'module-ii', skip: 'Skip to content', back: 'ro', heading: 'Standard 1. Informarea' });
    await page.goto(twin('2016-02.html'), { waitUntil: 'load' });
    expect(await page.evaluate(() => document.querySelector('link[rel="alternate"]')?.getAttribute('hreflang'))).toBe('en');
    await page.goto(`${twin('cautare.html')}?q=leaflet`, { waitUntil: 'load' });
    await page.waitForSelector('ol.results li');
    const result = await page.evaluate(() => {
      const a = document.querySelector<HTMLAnchorElement>('ol.results a')!;
      return { href: a.getAttribute('href'), lang: a.lang };
    });
    expect(result.href).toMatch(/^2016-02\.en\.html#S1\.\d$/);
    expect(result.lang).toBe('en');
  });

  it('takes screenshots of the home page and of a version page (out/browser/)', async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const shots = [
      ['index.html', 'home.png', true],
      ['2016-02.html#S4.2', 'version-2016-02.png', false],
      ['sinoptic-2015-09-2016-02.html#standardul-5', 'synoptic-2015-09-2016-02.png', false],
    ] as const;
    for (const [file, name, full] of shots) {
      const [name0, hash = ''] = file.split('#');
      await page.goto(`${url(name0!)}${hash ? `#${hash}` : ''}`, { waitUntil: 'load' });
      await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: full });
    }
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(url('index.html'), { waitUntil: 'load' }); // a new load, not a jump within the page
    await page.goto(`${url('2016-02.html')}#S4.2`, { waitUntil: 'load' });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'version-2016-02-phone.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
    for (const name of ['home.png', 'version-2016-02.png', 'version-2016-02-phone.png']) {
      const png = fs.readFileSync(path.join(SCREENSHOTS, name));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.length).toBeGreaterThan(10_000);
    }
  });
});
