/**
 * The doctor share card's layout, as data: what text goes where on a 500×400 (5:4, the
 * ratio WeChat's chat card shows) canvas. Pure, so it is tested without a canvas; the
 * platform adapter only paints what this returns.
 */
export interface ShareCardInput {
  name: string;
  title: string;
  department: string;
  hospital: string;
  /** Already formatted: "4.6". */
  rating: string;
  /** Already formatted: "¥30" / "免费". */
  price: string;
  /** Demo doctors carry the 示例数据 badge on the card too, not only on the page. */
  synthetic: boolean;
}

export interface CardText {
  text: string;
  x: number;
  y: number;
  size: number;
  color: string;
  bold?: boolean;
}

export interface CardLayout {
  width: number;
  height: number;
  background: string;
  texts: CardText[];
  /** A filled rounded box behind the 示例数据 text, when there is one. */
  badge: { x: number; y: number; width: number; height: number; color: string } | null;
}

export const CARD_WIDTH = 500;
export const CARD_HEIGHT = 400;
const PAD = 40;
const INK = '#1f2329';
const MUTED = '#646a73';
const ACCENT = '#1677ff';

/** Canvas text cannot be measured here: CJK glyphs are ~1em wide, Latin/digits ~0.6em. */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) em += ch.charCodeAt(0) <= 0xff ? 0.6 : 1;
  return em * size;
}

/** Cuts text that would overflow maxWidth, ending it with "…". */
export function fitText(text: string, size: number, maxWidth: number): string {
  if (textWidth(text, size) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 0 && textWidth(`${chars.join('')}…`, size) > maxWidth) chars.pop();
  return `${chars.join('')}…`;
}

export function shareCardLayout(card: ShareCardInput): CardLayout {
  const inner = CARD_WIDTH - PAD * 2;
  const name = fitText(card.name, 48, inner * 0.6);
  const titleX = PAD + textWidth(name, 48) + 16;
  const texts: CardText[] = [
    { text: name, x: PAD, y: 70, size: 48, color: INK, bold: true },
    { text: card.title, x: titleX, y: 90, size: 26, color: MUTED },
    { text: fitText(card.department, 28, inner), x: PAD, y: 150, size: 28, color: INK },
    { text: fitText(card.hospital, 28, inner), x: PAD, y: 200, size: 28, color: MUTED },
    { text: `评分 ${card.rating}`, x: PAD, y: 290, size: 32, color: INK, bold: true },
    {
      text: `图文咨询 ${card.price}`,
      x: PAD + inner / 2,
      y: 290,
      size: 32,
      color: ACCENT,
      bold: true,
    },
    { text: '上海助医 · 医生名片', x: PAD, y: 360, size: 22, color: MUTED },
  ];
  let badge: CardLayout['badge'] = null;
  if (card.synthetic) {
    const badgeX = CARD_WIDTH - PAD - 120;
    badge = { x: badgeX, y: 330, width: 120, height: 40, color: '#fff3e0' };
    texts.push({ text: '示例数据', x: badgeX + 12, y: 360, size: 24, color: '#e65100' });
  }
  return { width: CARD_WIDTH, height: CARD_HEIGHT, background: '#ffffff', texts, badge };
}
