import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import HospitalPage from '../../src/pages/hospital';
import { fail, installBackend } from './fake-backend';
import { doctor, hospitalDetail, page } from './fixtures';
import { setRouterParams, taro } from './taro-fake';

function backendFor(detail = hospitalDetail({ phone: '021-64041990；021-64041991' })) {
  return installBackend({
    getHospital: () => detail,
    listDoctors: (input) =>
      page(
        input.department === '消化科'
          ? [doctor({ id: 'd2', name: '消化科的赵医生', department: '消化科' })]
          : [
              doctor({ id: 'd1', name: '心内科的王医生' }),
              doctor({ id: 'd2', name: '消化科的赵医生', department: '消化科' }),
            ],
      ),
  });
}

describe('hospital page', () => {
  test('shows the hospital, its departments, its doctors and where the data came from', async () => {
    setRouterParams({ id: 'h1' });
    const backend = backendFor();
    render(<HospitalPage />);

    expect(await screen.findByText('复旦大学附属中山医院')).toBeTruthy();
    expect(screen.getByText('三级甲等')).toBeTruthy();
    expect(screen.getByText('徐汇区')).toBeTruthy();
    expect(screen.getByText('枫林路180号')).toBeTruthy();
    expect(screen.getByText('心内科 1')).toBeTruthy();
    expect(screen.getByText('数据来源：上海市卫健委公开名录')).toBeTruthy();
    expect(await screen.findByText('心内科的王医生')).toBeTruthy();
    expect(backend.callsOf('getHospital')).toEqual([{ id: 'h1' }]);
    expect(backend.callsOf('listDoctors')).toEqual([{ hospitalId: 'h1', page: 1, pageSize: 20 }]);
    expect(taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '复旦大学附属中山医院' });
  });

  test('a department chip filters the doctor list', async () => {
    setRouterParams({ id: 'h1' });
    const backend = backendFor();
    render(<HospitalPage />);
    expect(await screen.findByText('心内科的王医生')).toBeTruthy();

    fireEvent.click(screen.getByText('消化科 1'));
    await waitFor(() => expect(screen.queryByText('心内科的王医生')).toBeNull());
    expect(await screen.findByText('消化科的赵医生')).toBeTruthy();
    expect(backend.callsOf('listDoctors')[1]).toEqual({
      hospitalId: 'h1',
      department: '消化科',
      page: 1,
      pageSize: 20,
    });
  });

  test('the phone row dials the first number', async () => {
    setRouterParams({ id: 'h1' });
    backendFor();
    render(<HospitalPage />);
    fireEvent.click(await screen.findByText('拨打'));
    expect(taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '021-64041990' });
  });

  test('a hospital that does not exist shows the server message', async () => {
    setRouterParams({ id: 'nope' });
    installBackend({
      getHospital: () => fail('NOT_FOUND', '医院不存在'),
      listDoctors: () => page([]),
    });
    render(<HospitalPage />);
    expect(await screen.findByText('医院不存在')).toBeTruthy();
    expect(screen.getByText('重试')).toBeTruthy();
  });

  test('no id in the link: nothing is fetched', () => {
    const backend = installBackend({});
    render(<HospitalPage />);
    expect(screen.getByText('未找到该医院')).toBeTruthy();
    expect(backend.calls).toEqual([]);
  });
});
