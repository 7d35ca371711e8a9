/** SVG → PNG for the Word report, with resvg (a maintained Rust renderer shipped as prebuilt packages). */
import { Resvg } from '@resvg/resvg-js';

export interface Picture {
  png: Uint8Array;
  /** Size of the SVG in CSS pixels (the PNG is `scale` times larger, for print). */
  width: number;
  height: number;
}

export function rasterise(svg: string, scale = 2): Picture {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
    background: '#ffffff',
  });
  const rendered = resvg.render();
  return { png: new Uint8Array(rendered.asPng()), width: resvg.width, height: resvg.height };
}
