/**
 * The doctor share card: its layout (pure) and the weapp adapter that paints it on an
 * offscreen canvas and exports a temp file, against a faked WeChat canvas.
 */
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  shareCardLayout,
  textWidth,
  type ShareCardInput,
} from '../../src/platform/share-card/layout';
import { drawShareCard as neutralDraw } from '../../src/platform/share-card';
import { drawShareCard } from '../../src/platform/share-card/share-card.weapp';
import { taro } from './taro-fake';

const card: ShareCardInput = {
  name: '王建国',
  title: '主任医师',
  department: '心内科',
  hospital: '复旦大学附属中山医院',
  rating: '4.8',
  price: '¥30',
  synthetic: false,
};

const texts = (c: ShareCardInput) => shareCardLayout(c).texts.map((t) => t.text);

describe('share card layout', () => {
  test('a 5:4 card with who, where, rating and price', () => {
    const layout = shareCardLayout(card);
    expect([layout.width, layout.height]).toEqual([500, 400]);
    expect(texts(card)).toEqual(
      expect.arrayContaining([
        '王建国',
        '主任医师',
        '心内科',
        '复旦大学附属中山医院',
        '评分 4.8',
        '图文咨询 ¥30',
      ]),
    );
    expect(layout.badge).toBeNull();
    expect(texts(card)).not.toContain('示例数据');
  });

  test('every line stays on the card; the title follows the name without overlapping', () => {
    const layout = shareCardLayout(card);
    for (const t of layout.texts) {
      expect(t.x).toBeGreaterThanOrEqual(0);
      expect(t.x + textWidth(t.text, t.size)).toBeLessThanOrEqual(CARD_WIDTH);
      expect(t.y).toBeGreaterThan(0);
      expect(t.y).toBeLessThanOrEqual(CARD_HEIGHT);
    }
    const [name, title] = layout.texts;
    expect(title.x).toBeGreaterThan(name.x + textWidth(name.text, name.size));
  });

  test('a long hospital name is cut with … inside the card', () => {
    const long = {
      ...card,
      hospital: '上海交通大学医学院附属第九人民医院黄浦分院口腔颌面外科中心',
    };
    const line = shareCardLayout(long).texts.find((t) => t.text.startsWith('上海交通大学'));
    expect(line?.text).toMatch(/…$/);
    expect(line!.text.length).toBeLessThan(long.hospital.length);
    expect(line!.x + textWidth(line!.text, line!.size)).toBeLessThanOrEqual(CARD_WIDTH - 40);
    expect(texts(card)).toContain('复旦大学附属中山医院'); // short names are not cut
  });

  test('a demo doctor carries the 示例数据 badge', () => {
    const layout = shareCardLayout({ ...card, synthetic: true });
    expect(texts({ ...card, synthetic: true })).toContain('示例数据');
    expect(layout.badge).not.toBeNull();
  });
});

function fakeCanvas() {
  const ctx = {
    fillStyle: '',
    font: '',
    textBaseline: '',
    fillRect: jest.fn(),
    fillText: jest.fn(),
  };
  return { ctx, canvas: { width: 500, height: 400, getContext: jest.fn(() => ctx) } };
}

function installCanvas(exported: Promise<unknown>) {
  const { ctx, canvas } = fakeCanvas();
  const api = {
    createOffscreenCanvas: jest.fn(() => canvas),
    canvasToTempFilePath: jest.fn(() => exported),
  };
  Object.assign(taro, api);
  return { ctx, canvas, ...api };
}

describe('weapp share card adapter', () => {
  test('paints the layout on a 500×400 offscreen 2D canvas and exports it as a png', async () => {
    const wx = installCanvas(Promise.resolve({ tempFilePath: 'wxfile://tmp/card.png' }));
    await expect(drawShareCard({ ...card, synthetic: true })).resolves.toBe(
      'wxfile://tmp/card.png',
    );
    expect(wx.createOffscreenCanvas).toHaveBeenCalledWith({ type: '2d', width: 500, height: 400 });
    expect(wx.canvas.getContext).toHaveBeenCalledWith('2d');
    expect(wx.canvasToTempFilePath).toHaveBeenCalledWith(
      expect.objectContaining({ canvas: wx.canvas, fileType: 'png', width: 500, height: 400 }),
    );
    const painted = wx.ctx.fillText.mock.calls.map((call: unknown[]) => call[0]);
    expect(painted).toEqual(texts({ ...card, synthetic: true }));
    expect(painted).toContain('示例数据');
  });

  test('an export failure yields no image rather than an error', async () => {
    installCanvas(Promise.reject({ errMsg: 'canvasToTempFilePath:fail' }));
    await expect(drawShareCard(card)).resolves.toBeNull();
  });

  test('a base library without offscreen canvas yields no image', async () => {
    Object.assign(taro, {
      createOffscreenCanvas: jest.fn(() => {
        throw new TypeError('createOffscreenCanvas is not a function');
      }),
      canvasToTempFilePath: jest.fn(),
    });
    await expect(drawShareCard(card)).resolves.toBeNull();
  });

  test('H5 and other platforms have no card image', async () => {
    await expect(neutralDraw(card)).resolves.toBeNull();
  });
});
