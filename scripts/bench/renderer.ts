// The renderer's weight and the login screen's first paint in headless Chromium (Debian's).
import { chromium } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface RendererFigures {
  initialJsGzipKB: number;
  totalJsGzipKB: number;
  totalAssetsGzipKB: number;
  firstContentfulPaintMs: number | null;
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

/** Gzip sizes: the JS index.html loads at once (script + modulepreload), all JS, all assets. */
export function bundleSizes(rendererDir: string): Omit<RendererFigures, 'firstContentfulPaintMs'> {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="(?:\.?\/)?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const assets = readdirSync(join(rendererDir, 'assets'));
  const gz = (file: string) => gzipSync(readFileSync(join(rendererDir, file)), { level: 9 }).length;
  return {
    initialJsGzipKB: kb(initial.reduce((s, f) => s + gz(f), 0)),
    totalJsGzipKB: kb(assets.filter((a) => a.endsWith('.js')).reduce((s, a) => s + gz(`assets/${a}`), 0)),
    totalAssetsGzipKB: kb(assets.reduce((s, a) => s + gz(`assets/${a}`), 0)),
  };
}

/** Median first-contentful-paint of `runs` fresh loads of the login screen. */
export async function firstPaint(url: string, runs = 5): Promise<number | null> {
  if (!existsSync('/usr/bin/chromium')) return null;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const paints: number[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      const fcp = await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null, null, { timeout: 10_000 });
      paints.push(Number(await fcp.jsonValue()));
      await context.close();
    }
    paints.sort((a, b) => a - b);
    return Math.round(paints[Math.floor(paints.length / 2)]!);
  } finally {
    await browser.close();
  }
}
