/** SVG → PNG for the Word report, with resvg (a maintained Rust renderer shipped as prebuilt packages). */
import fs from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

export interface Picture {
  png: Uint8Array;
  /** Size of the SVG in CSS pixels (the PNG is `scale` times larger, for print). */
  width: number;
  height: number;
}

/** The fonts the charts name, where Debian and most Linux systems put them. */
const FONT_FILES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
];
let fonts: string[] | null = null;

/**
 * The chart fonts when they are found (each picture then loads two or four files), else every system font
 * (each picture then parses them all, which a report of many pictures pays for in time and memory).
 */
function fontOptions(): { loadSystemFonts: boolean; fontFiles?: string[]; defaultFontFamily: string; sansSerifFamily: string } {
  fonts ??= FONT_FILES.filter((file) => fs.existsSync(file));
  const family = fonts.some((f) => f.includes('DejaVu')) ? 'DejaVu Sans' : 'Liberation Sans';
  return fonts.length > 0
    ? { loadSystemFonts: false, fontFiles: fonts, defaultFontFamily: family, sansSerifFamily: family }
    : { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' };
}

export function rasterise(svg: string, scale = 2): Picture {
  const resvg = new Resvg(svg, { fitTo: { mode: 'zoom', value: scale }, font: fontOptions(), background: '#ffffff' });
  const rendered = resvg.render();
  return { png: new Uint8Array(rendered.asPng()), width: resvg.width, height: resvg.height };
}
