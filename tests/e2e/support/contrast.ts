import type { Locator } from 'playwright-core';

/**
 * The WCAG contrast ratio of an element's text against what is behind it (the nearest
 * ancestor with a background; a translucent text colour blended over it). 1 is invisible,
 * 21 black on white; 3 is the least for large text such as a button's label.
 */
export function textContrast(target: Locator): Promise<number> {
  return target.evaluate((el) => {
    const parse = (css: string) => {
      const [r, g, b, a = 1] = (css.match(/[\d.]+/g) ?? []).map(Number);
      return { r, g, b, a };
    };
    let node: Element | null = el;
    let back = { r: 255, g: 255, b: 255, a: 1 };
    while (node) {
      const bg = parse(getComputedStyle(node).backgroundColor);
      if (bg.a > 0) {
        back = bg;
        break;
      }
      node = node.parentElement;
    }
    const fg = parse(getComputedStyle(el).color);
    const mix = (f: number, b: number) => f * fg.a + b * (1 - fg.a);
    const text = { r: mix(fg.r, back.r), g: mix(fg.g, back.g), b: mix(fg.b, back.b) };
    const luminance = (c: { r: number; g: number; b: number }) => {
      const lin = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
    };
    const [hi, lo] = [luminance(text), luminance(back)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  });
}
