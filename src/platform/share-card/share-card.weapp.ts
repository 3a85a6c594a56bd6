import Taro from '@tarojs/taro';
import { shareCardLayout, type CardLayout, type ShareCardInput } from './layout';

/** The part of WeChat's 2D context the card uses (Taro types it as an empty interface). */
interface Context2D {
  fillStyle: string;
  font: string;
  textBaseline: string;
  fillRect(x: number, y: number, width: number, height: number): void;
  fillText(text: string, x: number, y: number): void;
}

function paint(ctx: Context2D, layout: CardLayout): void {
  ctx.fillStyle = layout.background;
  ctx.fillRect(0, 0, layout.width, layout.height);
  if (layout.badge) {
    ctx.fillStyle = layout.badge.color;
    ctx.fillRect(layout.badge.x, layout.badge.y, layout.badge.width, layout.badge.height);
  }
  ctx.textBaseline = 'alphabetic';
  for (const t of layout.texts) {
    ctx.font = `${t.bold ? 'bold ' : ''}${t.size}px sans-serif`;
    ctx.fillStyle = t.color;
    ctx.fillText(t.text, t.x, t.y);
  }
}

/**
 * Paints the card on an offscreen 2D canvas (base library ≥ 2.16.1) and exports it to a
 * temp file. Any failure (old base library, export error) is null: sharing never waits
 * on the picture, WeChat falls back to a page screenshot.
 */
export async function drawShareCard(card: ShareCardInput): Promise<string | null> {
  try {
    const layout = shareCardLayout(card);
    const canvas = Taro.createOffscreenCanvas({
      type: '2d',
      width: layout.width,
      height: layout.height,
    });
    paint(canvas.getContext('2d') as unknown as Context2D, layout);
    const res = await Taro.canvasToTempFilePath({
      // WeChat takes an OffscreenCanvas here; Taro's type only names the <canvas> node.
      canvas: canvas as unknown as Taro.Canvas,
      fileType: 'png',
      width: layout.width,
      height: layout.height,
      destWidth: layout.width,
      destHeight: layout.height,
    });
    return res.tempFilePath || null;
  } catch {
    return null;
  }
}
