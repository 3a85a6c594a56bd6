import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import HomePage from '../../src/pages/home';
import HospitalPage from '../../src/pages/hospital';
import { setBrowserLocation } from './browser-location';
import { givenConsent } from './consent-fixtures';
import { installBackend } from './fake-backend';
import { doctor, hospital, hospitalDetail, page, recommendHandlers } from './fixtures';
import { setRouterParams } from './taro-fake';

// Issue 17 point 1: 全部医院 and doctor lists can be filtered and ordered.

describe('全部医院 filters and sort', () => {
  beforeEach(() => givenConsent('agreed'));

  test('district, grade and department narrow the list; the choice shows on the tab', async () => {
    setBrowserLocation({ kind: 'blocked' });
    const backend = installBackend({
      ...recommendHandlers,
      listHospitals: (input) =>
        page([
          hospital({
            id: 'x',
            name: `医院:${input.district ?? '全市'}:${input.department ?? '全科'}`,
          }),
        ]),
    });
    render(<HomePage />);
    expect(await screen.findByText('医院:全市:全科')).toBeTruthy();
    expect(backend.callsOf('listHospitals')[0]).toEqual({ page: 1, pageSize: 20 });

    fireEvent.click(screen.getByText('区域'));
    fireEvent.click(screen.getByText('黄浦区'));
    expect(await screen.findByText('医院:黄浦区:全科')).toBeTruthy();
    fireEvent.click(screen.getByText('科室'));
    fireEvent.click(screen.getByText('儿科'));
    expect(await screen.findByText('医院:黄浦区:儿科')).toBeTruthy();
    expect(backend.callsOf('listHospitals').at(-1)).toEqual({
      district: '黄浦区',
      department: '儿科',
      page: 1,
      pageSize: 20,
    });
    // 不限 takes a filter off again.
    fireEvent.click(screen.getByText('黄浦区'));
    fireEvent.click(screen.getByText('不限'));
    expect(await screen.findByText('医院:全市:儿科')).toBeTruthy();
  });

  test('距离最近 is offered only with a location, and sends it', async () => {
    setBrowserLocation({ kind: 'blocked' });
    installBackend(recommendHandlers);
    const blocked = render(<HomePage />);
    expect(await screen.findByText('名录医院一')).toBeTruthy();
    expect(screen.getByText('等级优先')).toBeTruthy();
    expect(screen.queryByText('距离最近')).toBeNull();
    blocked.unmount();

    setBrowserLocation({ kind: 'fix', lat: 31.21, lng: 121.44 });
    const backend = installBackend({ ...recommendHandlers, nearby: () => ({ items: [] }) });
    render(<HomePage />);
    fireEvent.click(await screen.findByText('距离最近'));
    await waitFor(() =>
      expect(backend.callsOf('listHospitals').at(-1)).toEqual({
        sort: 'distance',
        lat: 31.21,
        lng: 121.44,
        page: 1,
        pageSize: 20,
      }),
    );
  });
});

describe('doctor list order on the hospital page', () => {
  test('评分最高 and 价格最低 ask the server for that order', async () => {
    setRouterParams({ id: 'h1' });
    const backend = installBackend({
      getHospital: () => hospitalDetail(),
      listDoctors: (input) => page([doctor({ id: 'd', name: `医生:${input.sort ?? 'title'}` })]),
    });
    render(<HospitalPage />);
    expect(await screen.findByText('医生:title')).toBeTruthy();
    fireEvent.click(screen.getByText('评分最高'));
    expect(await screen.findByText('医生:rating')).toBeTruthy();
    fireEvent.click(screen.getByText('价格最低'));
    expect(await screen.findByText('医生:price')).toBeTruthy();
    expect(backend.callsOf('listDoctors').at(-1)).toEqual({
      hospitalId: 'h1',
      sort: 'price',
      page: 1,
      pageSize: 20,
    });
  });
});
