/** 医生工作台: an unbound account enters its invite code; a bound one sees its queue count. */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import WorkbenchPage from '../../src/subpackages/workbench/home';
import { forgetAccount } from './account-fixtures';
import { consultBackend, Failure, givenLoggedIn } from './consult-fixtures';
import { button, type } from './forms';
import { taro } from './taro-fake';

const card = {
  id: 'd1',
  name: '王建国',
  title: '主任医师' as const,
  department: '心内科',
  hospitalName: '复旦大学附属中山医院',
  consultPrice: 3000,
};

beforeEach(givenLoggedIn);
afterEach(forgetAccount);

test('a wrong code is explained; the right one binds and shows the workbench', async () => {
  let bound = false;
  const b = consultBackend({
    'consult.workbench': () => ({ doctor: bound ? card : null, waiting: 2, active: 1 }),
    'consult.bindDoctor': (d) => {
      if (d.code !== 'ABCD-EFGH-JKMN') {
        throw new Failure('INVALID_ARGUMENT', '邀请码无效', { reason: 'invite_invalid' });
      }
      bound = true;
      return { doctor: card };
    },
    'consult.list': () => ({ items: [], nextCursor: null }),
  });
  render(<WorkbenchPage />);
  await type('医生邀请码', 'WRONG-CODE');
  fireEvent.click(button('绑定'));
  expect(await screen.findByText('邀请码无效、已过期或已被使用')).toBeTruthy();

  await type('医生邀请码', 'ABCD-EFGH-JKMN');
  fireEvent.click(button('绑定'));
  expect(await screen.findByText('查看待接诊（2）')).toBeTruthy();
  expect(b.of('bindDoctor')).toEqual([{ code: 'WRONG-CODE' }, { code: 'ABCD-EFGH-JKMN' }]);
  expect(await screen.findByText('还没有接诊的咨询')).toBeTruthy();
  expect(b.of('list')).toEqual([{ as: 'doctor' }]);

  fireEvent.click(button('查看待接诊（2）'));
  await waitFor(() =>
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/workbench/queue/index' }),
  );
});
