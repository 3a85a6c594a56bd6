import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import HomePage from '../../src/pages/home';
import { setBrowserLocation } from './browser-location';
import { givenConsent } from './consent-fixtures';
import { fail, installBackend } from './fake-backend';
import { doctor, hospital, page, recommendHandlers } from './fixtures';
import { fire, taro } from './taro-fake';

describe('home (LOC)', () => {
  // A returning user who agreed to the policy; browse-only mode is in consent-sheet.test.tsx.
  beforeEach(() => givenConsent('agreed'));

  test('location blocked: default recommendations, the reason, and a way to turn it on', async () => {
    const getCurrentPosition = setBrowserLocation({ kind: 'blocked' });
    const backend = installBackend({ ...recommendHandlers, nearby: () => ({ items: [] }) });
    render(<HomePage />);

    expect(await screen.findByText('推荐医院甲')).toBeTruthy();
    expect(screen.getByText('推荐医生乙')).toBeTruthy();
    expect(screen.getByText('未开启定位，为您展示默认推荐')).toBeTruthy();
    expect(screen.getByText('推荐医院')).toBeTruthy();
    expect(backend.callsOf('nearby')).toEqual([]);
    // A remembered "no" is not asked again.
    expect(getCurrentPosition).not.toHaveBeenCalled();
    expect(backend.callsOf('recommend')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'hospital' }),
        expect.objectContaining({ kind: 'doctor' }),
      ]),
    );

    fireEvent.click(screen.getByText('去开启'));
    await waitFor(() => expect(taro.showModal).toHaveBeenCalled());
  });

  test('never asked: no location request on load after 同意, one on tapping 开启定位 (issue 11 point 4)', async () => {
    const getCurrentPosition = setBrowserLocation({
      kind: 'fix',
      lat: 31.21,
      lng: 121.44,
      state: 'prompt',
    });
    const backend = installBackend({
      ...recommendHandlers,
      nearby: (input) =>
        input.kind === 'hospital'
          ? {
              items: [
                {
                  kind: 'hospital',
                  distanceMeters: 850,
                  hospital: hospital({ id: 'n1', name: '近的医院' }),
                },
              ],
            }
          : { items: [] },
    });
    render(<HomePage />);

    // The default recommendations and a clear entry; nothing asked, nothing sent.
    expect(await screen.findByText('推荐医院甲')).toBeTruthy();
    expect(screen.getByText('为您展示默认推荐，开启定位可查看附近的医院和医生')).toBeTruthy();
    const entry = screen.getByText('开启定位');
    expect(getCurrentPosition).not.toHaveBeenCalled();
    expect(backend.callsOf('nearby')).toEqual([]);

    fireEvent.click(entry);
    expect(await screen.findByText('近的医院')).toBeTruthy();
    expect(getCurrentPosition).toHaveBeenCalledTimes(1);
    expect(backend.callsOf('nearby')).toEqual([
      { lat: 31.21, lng: 121.44, kind: 'hospital', limit: 5 },
      { lat: 31.21, lng: 121.44, kind: 'doctor', limit: 5 },
    ]);
    expect(screen.queryByText('开启定位')).toBeNull();
  });

  test('never asked, then refused at the prompt: recommendations and 去开启', async () => {
    setBrowserLocation({ kind: 'position-error', code: 1 });
    const backend = installBackend({ ...recommendHandlers, nearby: () => ({ items: [] }) });
    render(<HomePage />);
    fireEvent.click(await screen.findByText('开启定位'));
    expect(await screen.findByText('未开启定位，为您展示默认推荐')).toBeTruthy();
    expect(screen.getByText('去开启')).toBeTruthy();
    expect(backend.callsOf('nearby')).toEqual([]);
  });

  test('a grant given earlier is used on load: nearby hospitals and doctors, nearest first, with distance', async () => {
    const getCurrentPosition = setBrowserLocation({ kind: 'fix', lat: 31.21, lng: 121.44 });
    const backend = installBackend({
      ...recommendHandlers,
      nearby: (input) =>
        input.kind === 'hospital'
          ? {
              items: [
                {
                  kind: 'hospital',
                  distanceMeters: 850,
                  hospital: hospital({ id: 'n1', name: '近的医院' }),
                },
                {
                  kind: 'hospital',
                  distanceMeters: 12345,
                  hospital: hospital({ id: 'n2', name: '远的医院' }),
                },
              ],
            }
          : {
              items: [
                {
                  kind: 'doctor',
                  distanceMeters: 900,
                  doctor: doctor({ id: 'nd', name: '附近的医生' }),
                },
              ],
            },
    });
    render(<HomePage />);

    expect(await screen.findByText('近的医院')).toBeTruthy();
    expect(screen.getByText('850m')).toBeTruthy();
    expect(screen.getByText('12.3km')).toBeTruthy();
    expect(screen.getByText('附近的医生')).toBeTruthy();
    expect(screen.getByText('附近医院')).toBeTruthy();
    expect(screen.queryByText(/为您展示默认推荐/)).toBeNull();
    expect(getCurrentPosition).toHaveBeenCalled();
    expect(backend.callsOf('nearby')).toEqual([
      { lat: 31.21, lng: 121.44, kind: 'hospital', limit: 5 },
      { lat: 31.21, lng: 121.44, kind: 'doctor', limit: 5 },
    ]);
    expect(backend.callsOf('recommend')).toEqual([]);
    // Nearest first, as the server ordered them.
    const names = screen.getAllByText(/的医院$/).map((n) => n.textContent);
    expect(names).toEqual(['近的医院', '远的医院']);
  });

  test('granted but nothing nearby: recommendations, saying why', async () => {
    setBrowserLocation({ kind: 'fix', lat: 39.9, lng: 116.4 });
    installBackend({ ...recommendHandlers, nearby: () => ({ items: [] }) });
    render(<HomePage />);
    expect(await screen.findByText('推荐医院甲')).toBeTruthy();
    expect(screen.getByText('您附近暂无收录的医院和医生，为您展示默认推荐')).toBeTruthy();
    expect(screen.queryByText('去开启')).toBeNull();
  });

  test('a browser without geolocation still gets recommendations', async () => {
    setBrowserLocation({ kind: 'no-api' });
    installBackend(recommendHandlers);
    render(<HomePage />);
    expect(await screen.findByText('推荐医生乙')).toBeTruthy();
    expect(screen.getByText(/无法获取您的位置/)).toBeTruthy();
  });

  test('a failed feed shows the error and 重试 loads it again', async () => {
    setBrowserLocation({ kind: 'blocked' });
    let attempts = 0;
    installBackend({
      ...recommendHandlers,
      recommend: (input) => {
        attempts += 1;
        if (attempts <= 2) return fail('INTERNAL', '服务繁忙，请稍后再试');
        return recommendHandlers.recommend(input);
      },
    });
    render(<HomePage />);
    expect(await screen.findByText('服务繁忙，请稍后再试')).toBeTruthy();
    expect(screen.queryByText('推荐医院甲')).toBeNull();
    fireEvent.click(screen.getAllByText('重试')[0]);
    expect(await screen.findByText('推荐医院甲')).toBeTruthy();
  });

  test('全部医院 pages in on reaching the bottom, and stops at the end', async () => {
    setBrowserLocation({ kind: 'blocked' });
    const backend = installBackend({
      ...recommendHandlers,
      listHospitals: (input) =>
        input.page === 2
          ? page([hospital({ id: 'p2', name: '第二页医院' })], 2, false)
          : page([hospital({ id: 'p1', name: '第一页医院' })], 1, true),
    });
    render(<HomePage />);
    expect(await screen.findByText('第一页医院')).toBeTruthy();
    expect(screen.getByText('上拉加载更多')).toBeTruthy();

    await act(() => fire('onReachBottom'));
    expect(await screen.findByText('第二页医院')).toBeTruthy();
    expect(screen.getByText('第一页医院')).toBeTruthy();
    expect(screen.getByText('没有更多了')).toBeTruthy();

    await act(() => fire('onReachBottom'));
    expect(backend.callsOf('listHospitals').map((c) => c.page)).toEqual([1, 2]);
  });

  test('pull-down refresh reloads and then stops the spinner', async () => {
    setBrowserLocation({ kind: 'blocked' });
    const backend = installBackend(recommendHandlers);
    render(<HomePage />);
    expect(await screen.findByText('推荐医院甲')).toBeTruthy();
    await act(async () => {
      await fire('onPullDownRefresh');
    });
    expect(taro.stopPullDownRefresh).toHaveBeenCalledTimes(1);
    expect(backend.callsOf('recommend')).toHaveLength(4);
    expect(backend.callsOf('listHospitals')).toHaveLength(2);
    expect(screen.getByText('推荐医院甲')).toBeTruthy();
  });
});
