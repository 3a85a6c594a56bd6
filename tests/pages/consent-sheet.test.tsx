/**
 * POL, SCOPE: the consent sheet at first launch, the two real choices, and browse-only mode.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { CURRENT_POLICY, POLICY_VERSION } from '../../contract/privacy/policy';
import DoctorPage from '../../src/pages/doctor';
import HomePage from '../../src/pages/home';
import SearchPage from '../../src/pages/search';
import { settled } from '../../src/privacy/consent';
import { startPrivacy } from '../../src/privacy/launch';
import { setBrowserLocation } from './browser-location';
import { givenConsent, serverState, storedConsent } from './consent-fixtures';
import { fail, installBackend } from './fake-backend';
import { doctorDetail, hospital, page, recommendHandlers } from './fixtures';
import { fire, setRouterParams, taro } from './taro-fake';

const catalog = {
  ...recommendHandlers,
  nearby: () => ({ items: [] }),
  search: () =>
    page([{ kind: 'hospital' as const, hospital: hospital({ id: 'h9', name: '瑞金医院' }) }]),
};

function privacyServer(
  recordConsent: () => ReturnType<typeof serverState> | ReturnType<typeof fail> = () =>
    serverState(),
) {
  return {
    'privacy.recordConsent': recordConsent,
    'privacy.withdrawConsent': () => serverState({ policy: false }),
    'telemetry.track': () => ({ accepted: 1 }),
  };
}

describe('first launch (POL)', () => {
  test('the supplement follows the policy in the same sheet, as the server filled it', async () => {
    const backend = installBackend(catalog, privacyServer());
    render(<HomePage />);
    const sheet = await screen.findByRole('dialog');
    expect(sheet.textContent).toContain('《上海助医用户隐私政策协议》及《隐私政策补充说明》');
    await waitFor(() => expect(sheet.textContent).toContain('四、存储地点'));
    expect(sheet.textContent).toContain('【待运营者填写：运营者名称】');
    expect(backend.supplementReads.count).toBe(1);
  });

  test('a consent to the policy alone (before the supplement) is asked again', async () => {
    givenConsent('agreed', { version: CURRENT_POLICY.version });
    installBackend(catalog, privacyServer());
    render(<HomePage />);
    expect(await screen.findByRole('dialog')).toBeTruthy();
    expect(POLICY_VERSION).toContain(CURRENT_POLICY.version);
    expect(POLICY_VERSION).not.toBe(CURRENT_POLICY.version);
  });

  test('the supplement failing to load says so and retries', async () => {
    let down = true;
    installBackend(catalog, {
      ...privacyServer(),
      'privacy.getSupplement': () =>
        down
          ? fail('INTERNAL', '服务暂时不可用')
          : { version: 'v', text: '隐私政策补充说明\n一、联系与投诉' },
    });
    render(<HomePage />);
    await screen.findByText('《隐私政策补充说明》加载失败，请检查网络后重试。');
    down = false;
    fireEvent.click(screen.getAllByText('重试').at(-1)!);
    await screen.findByText('一、联系与投诉');
  });

  test('the sheet shows the whole policy: title, 更新日期, 生效日期 and every heading', async () => {
    installBackend(catalog, privacyServer());
    render(<HomePage />);
    const sheet = await screen.findByRole('dialog');
    expect(sheet.textContent).toContain(CURRENT_POLICY.title);
    expect(sheet.textContent).toContain('更新日期：2022年1月22日');
    expect(sheet.textContent).toContain('生效日期：2022年1月22日');
    const headings = CURRENT_POLICY.blocks.filter((b) => b.kind !== 'paragraph');
    expect(headings.length).toBeGreaterThan(10);
    for (const h of headings) expect(sheet.textContent).toContain(h.text);
    // The last line of the text too: the whole policy, not an excerpt.
    expect(sheet.textContent).toContain('操作步骤：我的-设置-账号设置-注销账号');
    // Two real choices, nothing pre-ticked, no single "我知道了".
    expect(screen.getByText('同意')).toBeTruthy();
    expect(screen.getByText('不同意')).toBeTruthy();
    expect(screen.queryByText('我知道了')).toBeNull();
    // In the browser it is a plain button (WeChat's openType is weapp-only: wx-privacy.test).
    expect(screen.getByText('同意').closest('taro-button-core')?.hasAttribute('open-type')).toBe(
      false,
    );
    for (const s of sheet.querySelectorAll('taro-switch-core')) {
      expect(s.getAttribute('checked')).toBe('false');
    }
  });

  test('nothing personal is read while the sheet waits: no location, no privacy, no telemetry', async () => {
    const getCurrentPosition = setBrowserLocation({ kind: 'fix', lat: 31.2, lng: 121.4 });
    const backend = installBackend(catalog, privacyServer());
    render(<HomePage />);
    await screen.findByText('名录医院一');
    await act(() => fire('componentDidShow'));
    expect(getCurrentPosition).not.toHaveBeenCalled();
    expect(backend.calls.map((c) => c.fn)).toEqual(['catalog']);
  });

  test('同意 records the consent on the server and on the device, then locates', async () => {
    const getCurrentPosition = setBrowserLocation({ kind: 'fix', lat: 31.21, lng: 121.44 });
    const backend = installBackend(catalog, privacyServer());
    render(<HomePage />);
    fireEvent.click(await screen.findByText('同意'));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await act(() => settled());
    expect(backend.callsTo('privacy')).toEqual([
      {
        fn: 'privacy',
        action: 'recordConsent',
        data: {
          policyVersion: POLICY_VERSION,
          items: { device: false, analytics: false, thirdParty: { trtc: false } },
        },
      },
    ]);
    expect(storedConsent()).toMatchObject({
      policyVersion: POLICY_VERSION,
      decision: 'agreed',
      items: { device: false, analytics: false, thirdParty: { trtc: false } },
      synced: true,
    });
    expect(typeof storedConsent()?.at).toBe('string');
    await waitFor(() => expect(getCurrentPosition).toHaveBeenCalled());
  });

  test('the optional switches start off; the ones switched on are recorded with 同意', async () => {
    const backend = installBackend(catalog, privacyServer());
    const { container } = render(<HomePage />);
    await screen.findByRole('dialog');
    const analytics = container.querySelectorAll('taro-switch-core input')[1] as HTMLInputElement;
    fireEvent.click(analytics);
    fireEvent.click(screen.getByText('同意'));
    await act(() => settled());
    expect(backend.callsTo('privacy')[0].data).toEqual({
      policyVersion: POLICY_VERSION,
      items: { device: false, analytics: true, thirdParty: { trtc: false } },
    });
  });

  test('the server failing to record keeps the local agreement and retries at next launch', async () => {
    let attempts = 0;
    const backend = installBackend(
      catalog,
      privacyServer(() => {
        attempts += 1;
        return attempts === 1 ? fail('INTERNAL', '服务暂时不可用') : serverState();
      }),
    );
    render(<HomePage />);
    fireEvent.click(await screen.findByText('同意'));
    await act(() => settled());
    // Browsing goes on with the agreement in force.
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(storedConsent()).toMatchObject({ decision: 'agreed', synced: false });

    // The next launch reads the record back and retries.
    await act(async () => {
      startPrivacy();
      await settled();
    });
    expect(backend.callsTo('privacy').map((c) => c.action)).toEqual([
      'recordConsent',
      'recordConsent',
    ]);
    expect(storedConsent()).toMatchObject({ decision: 'agreed', synced: true });
  });

  test('a stored decision for an older policy version shows the sheet again', async () => {
    givenConsent('agreed', { version: '2020-01-01' });
    installBackend(catalog, privacyServer());
    render(<HomePage />);
    expect(await screen.findByRole('dialog')).toBeTruthy();
  });

  test('a stored decision for this version: no sheet', async () => {
    givenConsent('declined');
    installBackend(catalog, privacyServer());
    render(<HomePage />);
    await screen.findByText('推荐医院甲');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  test('a shared doctor card opened first shows the sheet over the card', async () => {
    setRouterParams({ id: 'd1' });
    installBackend({ getDoctor: () => doctorDetail() }, privacyServer());
    render(<DoctorPage />);
    expect(await screen.findByText('王建国')).toBeTruthy();
    expect(screen.getByRole('dialog').textContent).toContain('生效日期');
  });
});

describe('不同意 → browse-only mode (POL, LOC, SCOPE)', () => {
  test('home: recommendations with the reason, no location asked, nothing sent to privacy or telemetry', async () => {
    const getCurrentPosition = setBrowserLocation({ kind: 'fix', lat: 31.2, lng: 121.4 });
    const backend = installBackend(catalog, privacyServer());
    render(<HomePage />);
    fireEvent.click(await screen.findByText('不同意'));

    expect(await screen.findByText('推荐医院甲')).toBeTruthy();
    expect(screen.getByText('未同意隐私政策，为您展示默认推荐')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    await act(() => fire('componentDidShow'));
    await act(() => settled());
    expect(getCurrentPosition).not.toHaveBeenCalled();
    expect(taro.getLocation).not.toHaveBeenCalled();
    expect(taro.getSetting).not.toHaveBeenCalled();
    expect(backend.callsOf('nearby')).toEqual([]);
    expect(backend.calls.filter((c) => c.fn !== 'catalog')).toEqual([]);
    expect(storedConsent()).toMatchObject({ policyVersion: POLICY_VERSION, decision: 'declined' });

    fireEvent.click(screen.getByText('查看隐私政策'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/privacy-policy/index' });
  });

  test('search works and sends nothing but the search', async () => {
    givenConsent('declined');
    const backend = installBackend(catalog, privacyServer());
    const { container } = render(<SearchPage />);
    const input = await waitFor(() => {
      const el = container.querySelector('input');
      if (!el) throw new Error('no input');
      return el;
    });
    fireEvent.input(input, { target: { value: '瑞金' } });
    expect(await screen.findByText('瑞金医院')).toBeTruthy();
    await act(() => fire('componentDidShow'));
    // Positive signal that the page has had its chance to send anything on show: a later
    // search goes out. Whatever the page sent before would be recorded ahead of it.
    fireEvent.input(input, { target: { value: '中山' } });
    await waitFor(() => expect(backend.callsOf('search')).toHaveLength(2));
    expect(backend.callsOf('search')[1]).toMatchObject({ q: '中山' });
    // Suggestions as you type (issue 17) are part of searching: the same browse-only catalog.
    const sent = backend.calls.map((c) => `${c.fn}.${c.action}`);
    expect(sent.filter((c) => c !== 'catalog.suggest')).toEqual([
      'catalog.search',
      'catalog.search',
    ]);
  });
});
