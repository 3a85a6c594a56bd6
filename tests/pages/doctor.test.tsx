import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import DoctorPage from '../../src/pages/doctor';
import { givenLoggedIn } from './consult-fixtures';
import { fail, installBackend } from './fake-backend';
import { doctorDetail } from './fixtures';
import { fire, setRouterParams, taro } from './taro-fake';

describe('doctor card page', () => {
  test('renders the card: who, where, what they treat, price, rating', async () => {
    setRouterParams({ id: 'd1' });
    const backend = installBackend({ getDoctor: () => doctorDetail() });
    render(<DoctorPage />);

    expect(await screen.findByText('王建国')).toBeTruthy();
    expect(screen.getByText('主任医师')).toBeTruthy();
    expect(screen.getByText('心内科')).toBeTruthy();
    expect(screen.getByText(/复旦大学附属中山医院/)).toBeTruthy();
    expect(screen.getByText('冠心病')).toBeTruthy();
    expect(screen.getByText('高血压')).toBeTruthy();
    expect(screen.getByText('¥30')).toBeTruthy();
    expect(screen.getByText('4.8')).toBeTruthy();
    expect(screen.getByText('1234')).toBeTruthy();
    expect(screen.queryByText('示例数据')).toBeNull();
    expect(backend.callsOf('getDoctor')).toEqual([{ id: 'd1' }]);
  });

  test('generated demo doctors say so', async () => {
    setRouterParams({ id: 'd1' });
    installBackend({ getDoctor: () => doctorDetail({ synthetic: true, consultPrice: 0 }) });
    render(<DoctorPage />);
    expect(await screen.findByText('示例数据')).toBeTruthy();
    expect(screen.getByText(/示例数据，并非真实医生/)).toBeTruthy();
    expect(screen.getByText('免费')).toBeTruthy();
  });

  test('tapping the hospital opens its page; 图文咨询 asks a logged-out user to log in first', async () => {
    setRouterParams({ id: 'd1' });
    installBackend({ getDoctor: () => doctorDetail() });
    render(<DoctorPage />);
    fireEvent.click(await screen.findByText(/复旦大学附属中山医院/));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/hospital/index?id=h1' });

    fireEvent.click(screen.getByText(/图文咨询 ¥30/));
    const form = '/subpackages/consult/create/index?doctorId=d1';
    await waitFor(() =>
      expect(taro.navigateTo).toHaveBeenLastCalledWith({
        url: `/subpackages/account/login/index?redirect=${encodeURIComponent(form)}`,
      }),
    );
  });

  test('a logged-in user goes straight from 图文咨询 to the form', async () => {
    setRouterParams({ id: 'd1' });
    givenLoggedIn();
    installBackend({ getDoctor: () => doctorDetail() });
    render(<DoctorPage />);
    fireEvent.click(await screen.findByText(/图文咨询 ¥30/));
    await waitFor(() =>
      expect(taro.navigateTo).toHaveBeenLastCalledWith({
        url: '/subpackages/consult/create/index?doctorId=d1',
      }),
    );
  });

  test('sharing to a chat or Moments carries the card title and only the doctor id', async () => {
    setRouterParams({ id: 'd1' });
    installBackend({ getDoctor: () => doctorDetail() });
    render(<DoctorPage />);
    await screen.findByText('王建国');

    const [message] = await fire('onShareAppMessage', { from: 'menu' });
    expect(message).toEqual({
      title: '王建国 主任医师 · 复旦大学附属中山医院',
      path: '/pages/doctor/index?id=d1',
    });
    const [timeline] = await fire('onShareTimeline');
    expect(timeline).toEqual({ title: '王建国 主任医师 · 复旦大学附属中山医院', query: 'id=d1' });
  });

  test('a failed load shows the error; 重试 tries again', async () => {
    setRouterParams({ id: 'd1' });
    let attempts = 0;
    installBackend({
      getDoctor: () => {
        attempts += 1;
        return attempts === 1 ? fail('INTERNAL', '服务暂时不可用') : doctorDetail();
      },
    });
    render(<DoctorPage />);
    expect(await screen.findByText('服务暂时不可用')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('王建国')).toBeTruthy();
  });
});
