/**
 * The doctor page shares its card image once drawn, and never waits for it: before the
 * image is ready (or if drawing fails) the share goes out without imageUrl.
 */
import { act, render, screen, waitFor } from '@testing-library/react';
import DoctorPage from '../../src/pages/doctor';
import { drawShareCard } from '../../src/platform/share-card';
import { installBackend } from './fake-backend';
import { doctorDetail } from './fixtures';
import { fire, setRouterParams } from './taro-fake';

jest.mock('../../src/platform/share-card', () => ({ drawShareCard: jest.fn() }));
const draw = drawShareCard as jest.MockedFunction<typeof drawShareCard>;

const title = '王建国 主任医师 · 复旦大学附属中山医院';

async function openCard() {
  setRouterParams({ id: 'd1' });
  installBackend({ getDoctor: () => doctorDetail({ synthetic: true }) });
  render(<DoctorPage />);
  await screen.findByText('王建国');
}

test('shares without an image until the card is drawn, then with it', async () => {
  let finish: (path: string | null) => void = () => undefined;
  draw.mockImplementation(() => new Promise((resolve) => (finish = resolve)));
  await openCard();

  await waitFor(() => expect(draw).toHaveBeenCalled());
  expect(draw).toHaveBeenLastCalledWith({
    name: '王建国',
    title: '主任医师',
    department: '心内科',
    hospital: '复旦大学附属中山医院',
    rating: '4.8',
    price: '¥30',
    synthetic: true,
  });
  const [before] = await fire('onShareAppMessage', { from: 'menu' });
  expect(before).toEqual({ title, path: '/pages/doctor/index?id=d1' });

  finish('wxfile://tmp/card.png');
  await waitFor(async () => {
    const [message] = await fire('onShareAppMessage', { from: 'menu' });
    expect(message).toEqual({
      title,
      path: '/pages/doctor/index?id=d1',
      imageUrl: 'wxfile://tmp/card.png',
    });
  });
  const [timeline] = await fire('onShareTimeline');
  expect(timeline).toEqual({ title, query: 'id=d1', imageUrl: 'wxfile://tmp/card.png' });
});

test('a card that could not be drawn still shares, without imageUrl', async () => {
  draw.mockResolvedValue(null);
  await openCard();
  await waitFor(() => expect(draw).toHaveBeenCalled());
  // Positive signal: the drawing has settled (the page's handler on it ran first, being
  // attached first), so the share below is the one made after drawing failed.
  await act(async () => {
    await draw.mock.results.at(-1)?.value;
  });
  const [message] = await fire('onShareAppMessage', { from: 'menu' });
  expect(message).toEqual({ title, path: '/pages/doctor/index?id=d1' });
});
