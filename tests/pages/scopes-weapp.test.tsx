/**
 * LOC, CAM, ALB, MIC on WeChat: every scope in each state a user can leave it in — what the
 * feature shows and which WeChat APIs were called. The weapp adapters run as the build
 * would pick them (`*.weapp.ts`), over the fake Taro.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import HomePage from '../../src/pages/home';
import PrivacySettingsPage from '../../src/pages/privacy-settings';
import { saveImage, pickImages } from '../../src/platform/media/media.weapp';
import { askFor } from '../../src/platform/permissions/flow';
import { givenConsent } from './consent-fixtures';
import { installBackend } from './fake-backend';
import { doctor, hospital, page } from './fixtures';
import { allowed, STATES, type State } from './scope-states';
import { taro } from './taro-fake';

jest.mock('../../src/platform/permissions', () =>
  jest.requireActual('../../src/platform/permissions/permissions.weapp'),
);
jest.mock('../../src/platform/location', () =>
  jest.requireActual('../../src/platform/location/location.weapp'),
);

function given(scope: string, state: State) {
  const remembered = state === 'previously denied' ? false : state === 'granted' ? true : undefined;
  taro.getSetting.mockResolvedValue({
    authSetting: remembered === undefined ? {} : { [scope]: remembered },
  });
  if (state === 'never asked → deny') {
    taro.authorize.mockRejectedValue({ errMsg: 'authorize:fail auth deny' });
  }
  // The user reads the explanation and taps 暂不: nothing may re-prompt on its own.
  taro.showModal.mockResolvedValue({ confirm: false, cancel: true });
}

const asked = (state: State) => state.startsWith('never asked');

beforeEach(() => givenConsent('agreed'));

describe('location (LOC): the home page', () => {
  const catalog = {
    recommend: (input: { kind: 'hospital' | 'doctor' }) =>
      input.kind === 'hospital'
        ? { items: [{ kind: 'hospital' as const, hospital: hospital({ name: '推荐医院甲' }) }] }
        : { items: [{ kind: 'doctor' as const, doctor: doctor() }] },
    nearby: (input: { kind: 'hospital' | 'doctor' }) =>
      input.kind === 'hospital'
        ? {
            items: [
              {
                kind: 'hospital' as const,
                distanceMeters: 850,
                hospital: hospital({ name: '附近医院甲' }),
              },
            ],
          }
        : { items: [] },
    listHospitals: () => page([]),
  };

  test.each(STATES)('%s', async (state) => {
    given('scope.userLocation', state);
    taro.getLocation.mockResolvedValue({ latitude: 31.2, longitude: 121.45 });
    const backend = installBackend(catalog);
    render(<HomePage />);

    if (asked(state)) {
      // Issue 11 point 4: nothing is asked on load; the user taps 开启定位 when they want it.
      expect(await screen.findByText('推荐医院甲')).toBeTruthy();
      expect(taro.authorize).not.toHaveBeenCalled();
      expect(taro.getLocation).not.toHaveBeenCalled();
      expect(backend.callsOf('nearby')).toEqual([]);
      fireEvent.click(screen.getByText('开启定位'));
    }
    if (allowed(state)) {
      expect(await screen.findByText('附近医院甲')).toBeTruthy();
      expect(screen.getByText('850m')).toBeTruthy();
      expect(taro.getLocation).toHaveBeenCalledWith({ type: 'wgs84' });
    } else {
      expect(await screen.findByText('推荐医院甲')).toBeTruthy();
      expect(screen.getByText('未开启定位，为您展示默认推荐')).toBeTruthy();
      expect(screen.getByText('去开启')).toBeTruthy();
      expect(taro.getLocation).not.toHaveBeenCalled();
      expect(backend.callsOf('nearby')).toEqual([]);
    }
    // Read without asking on load; read again by the request itself when one is made.
    expect(taro.getSetting).toHaveBeenCalledTimes(state === 'previously denied' ? 1 : 2);
    expect(taro.authorize).toHaveBeenCalledTimes(asked(state) ? 1 : 0);
    // Home explains inline; it never opens settings or a dialog by itself.
    expect(taro.openSetting).not.toHaveBeenCalled();
    expect(taro.showModal).not.toHaveBeenCalled();
  });

  test('去开启 opens WeChat settings; turned on there, nearby results load', async () => {
    given('scope.userLocation', 'previously denied');
    taro.openSetting.mockResolvedValue({ authSetting: { 'scope.userLocation': true } });
    taro.getLocation.mockResolvedValue({ latitude: 31.2, longitude: 121.45 });
    installBackend(catalog);
    render(<HomePage />);
    taro.getSetting.mockResolvedValue({ authSetting: { 'scope.userLocation': true } });
    fireEvent.click(await screen.findByText('去开启'));
    expect(await screen.findByText('附近医院甲')).toBeTruthy();
    expect(taro.openSetting).toHaveBeenCalledTimes(1);
    expect(taro.authorize).not.toHaveBeenCalled();
  });
});

describe('camera (CAM): taking a photo', () => {
  test.each(STATES)('%s', async (state) => {
    given('scope.camera', state);
    taro.chooseMedia.answer = {
      ok: { tempFiles: [{ tempFilePath: 'wxfile://tmp/1.jpg', size: 2048 }] },
    };
    const result = await pickImages({ count: 3, source: 'camera' });

    if (allowed(state)) {
      expect(result).toEqual({
        status: 'picked',
        images: [{ path: 'wxfile://tmp/1.jpg', size: 2048 }],
      });
      expect(taro.chooseMedia).toHaveBeenCalledWith(
        expect.objectContaining({ count: 3, mediaType: ['image'], sourceType: ['camera'] }),
      );
      expect(taro.showModal).not.toHaveBeenCalled();
    } else {
      expect(result).toMatchObject({ status: 'denied' });
      expect(taro.chooseMedia).not.toHaveBeenCalled();
      expect(taro.showModal).toHaveBeenCalledWith(
        expect.objectContaining({
          title: '未允许使用相机',
          content: expect.stringContaining('拍摄照片用于修改头像和图文咨询'),
          confirmText: '去设置',
        }),
      );
    }
    expect(taro.authorize).toHaveBeenCalledTimes(asked(state) ? 1 : 0);
    if (asked(state)) expect(taro.authorize).toHaveBeenCalledWith({ scope: 'scope.camera' });
    expect(taro.openSetting).not.toHaveBeenCalled();
  });

  test('the explanation’s 去设置 opens WeChat settings, and a camera turned on there is used', async () => {
    given('scope.camera', 'previously denied');
    taro.showModal.mockResolvedValue({ confirm: true, cancel: false });
    taro.openSetting.mockResolvedValue({ authSetting: { 'scope.camera': true } });
    taro.chooseMedia.answer = {
      ok: { tempFiles: [{ tempFilePath: 'wxfile://tmp/2.jpg', size: 1 }] },
    };
    await expect(pickImages({ count: 1, source: 'camera' })).resolves.toMatchObject({
      status: 'picked',
    });
    expect(taro.openSetting).toHaveBeenCalledTimes(1);
  });

  test('closing the camera without a photo is a cancel, not an error', async () => {
    given('scope.camera', 'granted');
    taro.chooseMedia.answer = { fail: { errMsg: 'chooseMedia:fail cancel' } };
    await expect(pickImages({ count: 1, source: 'camera' })).resolves.toEqual({
      status: 'cancelled',
    });
  });
});

describe('album (ALB)', () => {
  test('picking from the album needs no scope: WeChat’s picker shows only what the user selects', async () => {
    taro.chooseMedia.answer = {
      ok: { tempFiles: Array.from({ length: 12 }, (_, i) => ({ tempFilePath: `p${i}`, size: i })) },
    };
    const result = await pickImages({ count: 20, source: 'album' });
    expect(taro.chooseMedia).toHaveBeenCalledWith(
      expect.objectContaining({ count: 9, sourceType: ['album'], mediaType: ['image'] }),
    );
    expect(result).toMatchObject({ status: 'picked' });
    expect(taro.getSetting).not.toHaveBeenCalled();
    expect(taro.authorize).not.toHaveBeenCalled();
  });

  test.each(STATES)('saving a picture: %s', async (state) => {
    given('scope.writePhotosAlbum', state);
    const result = await saveImage('wxfile://tmp/report.jpg');
    if (allowed(state)) {
      expect(result).toEqual({ status: 'granted' });
      expect(taro.saveImageToPhotosAlbum).toHaveBeenCalledWith(
        expect.objectContaining({ filePath: 'wxfile://tmp/report.jpg' }),
      );
      expect(taro.showModal).not.toHaveBeenCalled();
    } else {
      expect(result).toMatchObject({ status: 'denied' });
      expect(taro.saveImageToPhotosAlbum).not.toHaveBeenCalled();
      expect(taro.showModal).toHaveBeenCalledWith(
        expect.objectContaining({ title: '未允许使用相册' }),
      );
    }
    expect(taro.authorize).toHaveBeenCalledTimes(asked(state) ? 1 : 0);
    if (asked(state)) {
      expect(taro.authorize).toHaveBeenCalledWith({ scope: 'scope.writePhotosAlbum' });
    }
  });
});

describe('microphone (MIC): before a video consultation', () => {
  test.each(STATES)('%s', async (state) => {
    given('scope.record', state);
    const result = await askFor('microphone');
    expect(result.status).toBe(allowed(state) ? 'granted' : 'denied');
    expect(taro.authorize).toHaveBeenCalledTimes(asked(state) ? 1 : 0);
    if (asked(state)) expect(taro.authorize).toHaveBeenCalledWith({ scope: 'scope.record' });
    if (allowed(state)) expect(taro.showModal).not.toHaveBeenCalled();
    else {
      expect(taro.showModal).toHaveBeenCalledWith(
        expect.objectContaining({
          title: '未允许使用麦克风',
          content: expect.stringContaining('视频咨询'),
        }),
      );
    }
    expect(taro.openSetting).not.toHaveBeenCalled();
  });
});

describe('browse-only mode (POL): no scope is asked at all', () => {
  test.each([
    ['camera', () => pickImages({ count: 1, source: 'camera' })],
    ['album', () => pickImages({ count: 1, source: 'album' })],
    ['save', () => saveImage('p')],
    ['microphone', () => askFor('microphone')],
  ] as const)('%s: explains and offers the policy instead', async (_, use) => {
    givenConsent('declined');
    taro.showModal.mockResolvedValue({ confirm: true, cancel: false });
    await act(async () => {
      await expect(use()).resolves.toMatchObject({ status: 'denied' });
    });
    expect(taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '需要同意隐私政策', confirmText: '查看政策' }),
    );
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/privacy-policy/index' });
    expect(taro.getSetting).not.toHaveBeenCalled();
    expect(taro.authorize).not.toHaveBeenCalled();
    expect(taro.chooseMedia).not.toHaveBeenCalled();
    expect(taro.saveImageToPhotosAlbum).not.toHaveBeenCalled();
  });
});

describe('隐私设置 → 系统权限 on WeChat', () => {
  test('each scope with its state, read without asking; 去设置 opens WeChat settings', async () => {
    taro.getSetting.mockResolvedValue({
      authSetting: { 'scope.userLocation': true, 'scope.camera': false },
    });
    installBackend({});
    render(<PrivacySettingsPage />);
    const row = (label: string) =>
      screen
        .getByText(label, { exact: false, selector: '.permission-row__label' })
        .closest('.permission-row') as HTMLElement;
    await waitFor(() => expect(within(row('位置信息')).getByText(/已允许/)).toBeTruthy());
    expect(within(row('相机')).getByText(/未允许/)).toBeTruthy();
    expect(within(row('相册')).getByText(/使用时询问/)).toBeTruthy();
    expect(within(row('麦克风')).getByText(/使用时询问/)).toBeTruthy();
    expect(taro.authorize).not.toHaveBeenCalled();

    taro.openSetting.mockResolvedValue({ authSetting: { 'scope.camera': true } });
    taro.getSetting.mockResolvedValue({
      authSetting: { 'scope.userLocation': true, 'scope.camera': true },
    });
    fireEvent.click(within(row('相机')).getByText('去设置'));
    await waitFor(() => expect(within(row('相机')).getByText(/已允许/)).toBeTruthy());
    expect(taro.openSetting).toHaveBeenCalledTimes(1);
  });
});
