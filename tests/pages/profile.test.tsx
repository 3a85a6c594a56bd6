/**
 * 个人资料 (CAM, ALB): the nickname is checked (1–20 characters) before it is sent; the
 * avatar asks for nothing before the tap, asks the camera only for 拍照, explains a refusal
 * with a way to the settings and uploads nothing then. Runs with the weapp permission and
 * media adapters (as WeChat would); the picture's shrinking is the platform's and is faked.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import ProfilePage from '../../src/subpackages/account/profile';
import { prepareImage } from '../../src/platform/image-upload';
import { account } from '../../src/session/session';
import { forgetAccount, loggedIn, profile, TINY_PNG } from './account-fixtures';
import { givenConsent } from './consent-fixtures';
import { installBackend } from './fake-backend';
import { button, type } from './forms';
import { taro } from './taro-fake';

jest.mock('../../src/platform/permissions', () =>
  jest.requireActual('../../src/platform/permissions/permissions.weapp'),
);
jest.mock('../../src/platform/media', () =>
  jest.requireActual('../../src/platform/media/media.weapp'),
);
jest.mock('../../src/platform/image-upload', () => jest.requireActual('./image-upload-fake'));

const NICKNAME = '1–20 个字';

function profileBackend() {
  return installBackend(
    {},
    {
      'user.me': () => loggedIn({ nickname: '助医用户1234' }),
      'user.updateProfile': (input) =>
        profile({
          nickname: input.nickname ?? '助医用户1234',
          avatarUrl: input.avatar ? '/files/new-avatar' : null,
        }),
    },
  );
}
const updates = (b: ReturnType<typeof profileBackend>) =>
  b
    .callsTo('user')
    .filter((c) => c.action === 'updateProfile')
    .map((c) => c.data);

beforeEach(() => {
  forgetAccount();
  givenConsent('agreed');
  (prepareImage as jest.Mock).mockClear();
});

async function renderProfile() {
  render(<ProfilePage />);
  await screen.findByText('更换头像');
}

describe('nickname', () => {
  test.each([
    ['', '昵称不能为空'],
    ['   ', '昵称不能为空'],
    ['一二三四五六七八九十一二三四五六七八九十一', '昵称最多 20 个字'],
  ])('%j is refused before anything is sent: %s', async (value, message) => {
    const backend = profileBackend();
    await renderProfile();
    await type(NICKNAME, value);
    fireEvent.click(button('保存昵称'));
    expect(await screen.findByText(message)).toBeTruthy();
    expect(updates(backend)).toEqual([]);
  });

  test('20 characters, trimmed, are saved and 我的 shows the new name', async () => {
    const backend = profileBackend();
    await renderProfile();
    await type(NICKNAME, '  一二三四五六七八九十一二三四五六七八九十  ');
    fireEvent.click(button('保存昵称'));
    await waitFor(() =>
      expect(taro.showToast).toHaveBeenCalledWith({ title: '昵称已保存', icon: 'success' }),
    );
    expect(updates(backend)).toEqual([{ nickname: '一二三四五六七八九十一二三四五六七八九十' }]);
    expect(account.get()?.profile?.nickname).toBe('一二三四五六七八九十一二三四五六七八九十');
  });
});

describe('avatar', () => {
  test('nothing is asked before the user taps 更换头像', async () => {
    profileBackend();
    await renderProfile();
    expect(taro.getSetting).not.toHaveBeenCalled();
    expect(taro.authorize).not.toHaveBeenCalled();
    expect(taro.showActionSheet).not.toHaveBeenCalled();
  });

  test('拍照 with the camera refused before: explained, with 去设置, and nothing uploaded', async () => {
    const backend = profileBackend();
    taro.getSetting.mockResolvedValue({ authSetting: { 'scope.camera': false } });
    taro.showModal.mockResolvedValue({ confirm: false, cancel: true });
    await renderProfile();
    fireEvent.click(button('更换头像'));

    expect(await screen.findByText(/更换头像需要使用相机/)).toBeTruthy();
    expect(taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '未允许使用相机', confirmText: '去设置' }),
    );
    expect(taro.authorize).not.toHaveBeenCalled();
    expect(taro.chooseMedia).not.toHaveBeenCalled();
    expect(prepareImage).not.toHaveBeenCalled();
    expect(updates(backend)).toEqual([]);

    taro.openSetting.mockResolvedValue({ authSetting: { 'scope.camera': true } });
    fireEvent.click(button('去设置'));
    await waitFor(() => expect(taro.openSetting).toHaveBeenCalledTimes(1));
  });

  test('从相册选择: the picture is shrunk and uploaded as base64 with its type', async () => {
    const backend = profileBackend();
    taro.showActionSheet.mockResolvedValue({ tapIndex: 1 });
    taro.chooseMedia.answer = {
      ok: { tempFiles: [{ tempFilePath: 'wxfile://tmp/me.jpg', size: 3_000_000 }] },
    };
    const { container } = render(<ProfilePage />);
    fireEvent.click(await screen.findByText('更换头像'));
    await waitFor(() =>
      expect(taro.showToast).toHaveBeenCalledWith({ title: '头像已更新', icon: 'success' }),
    );
    expect(taro.chooseMedia).toHaveBeenCalledWith(
      expect.objectContaining({ count: 1, sourceType: ['album'] }),
    );
    expect(prepareImage).toHaveBeenCalledWith('wxfile://tmp/me.jpg', {
      maxSide: 512,
      quality: 0.85,
    });
    expect(updates(backend)).toEqual([
      { avatar: { contentBase64: TINY_PNG, contentType: 'image/png' } },
    ]);
    // Album picking is WeChat's own picker: no scope was asked for it.
    expect(taro.authorize).not.toHaveBeenCalled();
    await waitFor(() =>
      expect(container.querySelector('img')?.getAttribute('src')).toBe('/files/new-avatar'),
    );
  });

  test('the sheet dismissed: nothing happens', async () => {
    const backend = profileBackend();
    taro.showActionSheet.mockRejectedValue({ errMsg: 'showActionSheet:fail cancel' });
    await renderProfile();
    fireEvent.click(button('更换头像'));
    expect(screen.getByText('上传中…')).toBeTruthy();
    await waitFor(() => expect(taro.showActionSheet).toHaveBeenCalled());
    // Positive signal that the tap has run to its end: the button is no longer busy.
    expect(await screen.findByText('更换头像')).toBeTruthy();
    expect(taro.chooseMedia).not.toHaveBeenCalled();
    expect(updates(backend)).toEqual([]);
  });
});
