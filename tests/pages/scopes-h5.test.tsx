/**
 * CAM, MIC, ALB in the browser: the H5 adapter over navigator.permissions, getUserMedia and
 * a file input. A remembered "block" is never prompted again; the browser owns the prompt.
 */
import { pickImages } from '../../src/platform/media/media.h5';
import { askFor } from '../../src/platform/permissions/flow';
import { check, ensure } from '../../src/platform/permissions/permissions.h5';
import { givenConsent } from './consent-fixtures';
import { allowed, STATES, type State } from './scope-states';
import { taro } from './taro-fake';

function browser(state: State) {
  const query = jest.fn(async () => ({
    state: state === 'previously denied' ? 'denied' : state === 'granted' ? 'granted' : 'prompt',
  }));
  const stop = jest.fn();
  const getUserMedia = jest.fn(async () => {
    if (state === 'never asked → deny') throw new DOMException('denied', 'NotAllowedError');
    return { getTracks: () => [{ stop }] };
  });
  Object.defineProperty(navigator, 'permissions', { value: { query }, configurable: true });
  Object.defineProperty(navigator, 'mediaDevices', {
    value: { getUserMedia },
    configurable: true,
  });
  return { query, getUserMedia, stop };
}

beforeEach(() => {
  givenConsent('agreed');
  taro.showModal.mockResolvedValue({ confirm: false, cancel: true });
});
afterEach(() => {
  Object.defineProperty(navigator, 'mediaDevices', { value: undefined, configurable: true });
});

describe.each([
  ['camera', { video: true }, '相机'],
  ['microphone', { audio: true }, '麦克风'],
] as const)('%s in the browser', (scope, constraints, label) => {
  test.each(STATES)('%s', async (state) => {
    const api = browser(state);
    const result = await askFor(scope);
    expect(result.status).toBe(allowed(state) ? 'granted' : 'denied');
    expect(api.query).toHaveBeenCalledWith({ name: scope });
    if (state === 'previously denied') expect(api.getUserMedia).not.toHaveBeenCalled();
    else expect(api.getUserMedia).toHaveBeenCalledWith(constraints);
    // The test stream is closed at once: asking is not recording.
    if (allowed(state)) expect(api.stop).toHaveBeenCalled();
    if (allowed(state)) expect(taro.showModal).not.toHaveBeenCalled();
    else {
      expect(taro.showModal).toHaveBeenCalledWith(
        expect.objectContaining({ title: `未允许使用${label}`, confirmText: '查看方法' }),
      );
    }
  });
});

test('a browser without a camera: unavailable, not denied', async () => {
  const api = browser('never asked → grant');
  api.getUserMedia.mockRejectedValue(new DOMException('none', 'NotFoundError'));
  await expect(ensure('camera', '拍照')).resolves.toMatchObject({ status: 'unavailable' });
});

test('the settings page reads each state without prompting', async () => {
  const api = browser('previously denied');
  await expect(check('camera')).resolves.toBe('denied');
  await expect(check('album')).resolves.toBe('unsupported');
  expect(api.getUserMedia).not.toHaveBeenCalled();
});

describe('picking pictures (ALB, CAM) through a file input', () => {
  let inputs: HTMLInputElement[];
  beforeEach(() => {
    inputs = [];
    Object.defineProperty(URL, 'createObjectURL', {
      value: jest.fn((f: File) => `blob:${f.name}`),
      configurable: true,
    });
  });

  function whenOpened(files: File[] | 'cancel') {
    jest.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (
      this: HTMLInputElement,
    ) {
      inputs.push(this);
      if (files === 'cancel') {
        this.dispatchEvent(new Event('cancel'));
        return;
      }
      Object.defineProperty(this, 'files', { value: files, configurable: true });
      this.dispatchEvent(new Event('change'));
    });
  }
  afterEach(() => jest.restoreAllMocks());

  const file = (name: string) => new File(['x'.repeat(10)], name, { type: 'image/jpeg' });

  test('album: images only, several, at most the count asked', async () => {
    whenOpened([file('a.jpg'), file('b.jpg'), file('c.jpg')]);
    const result = await pickImages({ count: 2, source: 'album' });
    expect(result).toEqual({
      status: 'picked',
      images: [
        { path: 'blob:a.jpg', size: 10 },
        { path: 'blob:b.jpg', size: 10 },
      ],
    });
    expect(inputs[0].accept).toBe('image/*');
    expect(inputs[0].multiple).toBe(true);
    expect(inputs[0].hasAttribute('capture')).toBe(false);
  });

  test('camera: the phone opens its camera instead of the gallery', async () => {
    whenOpened([file('photo.jpg')]);
    await expect(pickImages({ count: 1, source: 'camera' })).resolves.toMatchObject({
      status: 'picked',
    });
    expect(inputs[0].getAttribute('capture')).toBe('environment');
    expect(inputs[0].multiple).toBe(false);
  });

  test('closing the picker is a cancel', async () => {
    whenOpened('cancel');
    await expect(pickImages({ count: 1, source: 'album' })).resolves.toEqual({
      status: 'cancelled',
    });
  });

  test('browse-only: no picker opens; the policy is offered instead', async () => {
    givenConsent('declined');
    whenOpened([file('a.jpg')]);
    await expect(pickImages({ count: 1, source: 'album' })).resolves.toMatchObject({
      status: 'denied',
    });
    expect(inputs).toEqual([]);
    expect(taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '需要同意隐私政策' }),
    );
  });
});
