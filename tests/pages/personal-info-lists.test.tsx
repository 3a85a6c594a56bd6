/**
 * Issue 11 point 6 (工信部信管函〔2021〕292号): 隐私设置 → 个人信息清单 shows 《已收集个人信息清单》
 * and 《与第三方共享个人信息清单》 as generated from the manifest, reading them sends nothing in
 * browse-only mode, and after consent the page shows what is kept about me (PIPL art. 44).
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { collectedList, sharedList } from '../../contract/privacy/lists';
import PrivacySettingsPage from '../../src/pages/privacy-settings';
import PersonalInfoListsPage from '../../src/subpackages/privacy/lists';
import { givenConsent } from './consent-fixtures';
import { installBackend } from './fake-backend';
import { taro } from './taro-fake';

const lists = (mine: Array<{ description: string; clauses: string[]; count: number }> | null) => ({
  collected: collectedList(),
  shared: sharedList(),
  mine,
});

test('隐私设置 links to the lists: the fourth tap from 首页 (我的 → 设置 → 隐私设置 → 清单)', async () => {
  givenConsent('agreed');
  installBackend({}, {});
  render(<PrivacySettingsPage />);
  fireEvent.click(await screen.findByText('个人信息清单'));
  expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/subpackages/privacy/lists/index' });
});

test('browse-only: both lists, every row with its purpose and scene, and not one request', async () => {
  givenConsent('declined');
  const backend = installBackend({}, {});
  render(<PersonalInfoListsPage />);
  expect(screen.getAllByTestId('collected-row')).toHaveLength(collectedList().length);
  expect(screen.getAllByTestId('shared-row')).toHaveLength(sharedList().length);
  // The sensitive categories the user types in are on the list, marked as such.
  expect(screen.getAllByText('敏感个人信息').length).toBe(
    collectedList().filter((r) => r.sensitive).length,
  );
  expect(screen.getAllByText('腾讯云短信').length).toBeGreaterThan(0);
  expect(screen.getByText('您尚未同意隐私政策：我们没有保存您的个人信息。')).toBeTruthy();
  expect(backend.calls).toEqual([]);
});

test('after consent: what is kept about me, by category and count', async () => {
  givenConsent('agreed');
  const backend = installBackend(
    {},
    {
      'privacy.personalInfoLists': () =>
        lists([
          { description: '隐私政策同意记录', clauses: ['POL'], count: 2 },
          { description: '咨询记录', clauses: ['CS'], count: 1 },
        ]),
    },
  );
  render(<PersonalInfoListsPage />);
  await waitFor(() => expect(screen.getAllByTestId('mine-row')).toHaveLength(2));
  expect(screen.getByText('隐私政策同意记录')).toBeTruthy();
  expect(screen.getByText('2 条')).toBeTruthy();
  expect(backend.callsTo('privacy').map((c) => c.action)).toEqual(['personalInfoLists']);
});

test('a failed read says so and retries; nothing is invented', async () => {
  givenConsent('agreed');
  let fail = true;
  installBackend(
    {},
    {
      'privacy.personalInfoLists': () => {
        if (fail) return { failure: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' } };
        return lists([]);
      },
    },
  );
  render(<PersonalInfoListsPage />);
  const retry = await screen.findByText('重试');
  fail = false;
  fireEvent.click(retry);
  await screen.findByText('目前没有保存与您相关的个人信息记录。');
});
