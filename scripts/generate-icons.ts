// Renders build/icon.svg to the PNGs electron-builder packages (Linux icon set, and the 1024 px
// master it turns into .icns/.ico) with the Chromium the e2e tests use: no image tool to install.
// Run: node scripts/generate-icons.ts
import { chromium } from 'playwright';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

const BUILD = join(import.meta.dirname, '..', 'build');
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

async function main(): Promise<void> {
  const svg = await readFile(join(BUILD, 'icon.svg'), 'utf8');
  const browser = await chromium.launch({
    executablePath: process.env['CUELINE_CHROMIUM'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    await mkdir(join(BUILD, 'icons'), { recursive: true });
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      const html = `<html><body style="margin:0;background:transparent">${svg.replace(
        '<svg ',
        `<svg style="display:block;width:${size}px;height:${size}px" `,
      )}</body></html>`;
      await page.setContent(html);
      const out = size === 1024 ? join(BUILD, 'icon.png') : join(BUILD, 'icons', `${size}x${size}.png`);
      await page.screenshot({ path: out, omitBackground: true });
      await page.close();
      process.stdout.write(`${out}\n`);
    }
  } finally {
    await browser.close();
  }
}

await main();
