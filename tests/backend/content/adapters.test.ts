/** Issue 15 §7: the WeChat calls exactly as sent (openapi mocked, no network), and the local rules. */
import {
  createCloudContentSecurity,
  type SecurityOpenApi,
} from '../../../backend/adapters/cloudbase/content-security';
import { CONTENT_RULES, ruleBroken } from '../../../backend/content/rules';
import { localContentSecurity } from '../../../backend/content/local';
import { silentLogger } from '../../../backend/ports/logger';

function mockOpenApi() {
  const msgSecCheck = jest.fn<
    ReturnType<SecurityOpenApi['security']['msgSecCheck']>,
    Parameters<SecurityOpenApi['security']['msgSecCheck']>
  >();
  const mediaCheckAsync = jest.fn<
    ReturnType<SecurityOpenApi['security']['mediaCheckAsync']>,
    Parameters<SecurityOpenApi['security']['mediaCheckAsync']>
  >();
  const port = createCloudContentSecurity(
    { security: { msgSecCheck, mediaCheckAsync } },
    silentLogger,
  );
  return { msgSecCheck, mediaCheckAsync, port };
}

describe('CloudBase: security.msgSecCheck v2', () => {
  it('sends openid, scene, version 2 and the content; answers suggest and label', async () => {
    const { msgSecCheck, port } = mockOpenApi();
    msgSecCheck.mockResolvedValueOnce({
      errCode: 0,
      errMsg: 'ok',
      result: { suggest: 'risky', label: 20006 },
      traceId: 't1',
    });
    await expect(
      port.checkText({ openid: 'o-alice', scene: 'comment', text: '你好' }),
    ).resolves.toEqual({ suggest: 'risky', label: 20006 });
    expect(msgSecCheck).toHaveBeenCalledTimes(1);
    expect(msgSecCheck).toHaveBeenCalledWith({
      openid: 'o-alice',
      scene: 2,
      version: 2,
      content: '你好',
    });
  });

  it('uses scene 1 for profile text and passes a pass verdict through', async () => {
    const { msgSecCheck, port } = mockOpenApi();
    msgSecCheck.mockResolvedValueOnce({ errCode: 0, result: { suggest: 'pass', label: 100 } });
    await expect(
      port.checkText({ openid: 'o-a', scene: 'profile', text: '小明' }),
    ).resolves.toEqual({ suggest: 'pass', label: 100 });
    expect(msgSecCheck.mock.calls[0]?.[0].scene).toBe(1);
  });

  it('a refused call or an unknown verdict is an error, never a pass', async () => {
    const { msgSecCheck, port } = mockOpenApi();
    msgSecCheck.mockResolvedValueOnce({ errCode: 61010, errMsg: 'user not visited' });
    await expect(port.checkText({ openid: 'o', scene: 'comment', text: 'x' })).rejects.toThrow(
      '61010',
    );
    msgSecCheck.mockResolvedValueOnce({ errCode: 0, result: { suggest: 'maybe' } });
    await expect(port.checkText({ openid: 'o', scene: 'comment', text: 'x' })).rejects.toThrow();
    msgSecCheck.mockRejectedValueOnce(new Error('network'));
    await expect(port.checkText({ openid: 'o', scene: 'comment', text: 'x' })).rejects.toThrow(
      'network',
    );
  });
});

describe('CloudBase: security.mediaCheckAsync v2', () => {
  it('sends the image url, media type 2, version 2, scene and openid; answers the trace id', async () => {
    const { mediaCheckAsync, port } = mockOpenApi();
    mediaCheckAsync.mockResolvedValueOnce({ errCode: 0, traceId: 'trace-9' });
    await expect(
      port.checkImageAsync({ openid: 'o-alice', scene: 'profile', url: 'https://x.example/a.png' }),
    ).resolves.toEqual({ traceId: 'trace-9' });
    expect(mediaCheckAsync).toHaveBeenCalledWith({
      mediaUrl: 'https://x.example/a.png',
      mediaType: 2,
      version: 2,
      scene: 1,
      openid: 'o-alice',
    });
  });

  it('a refusal is an error', async () => {
    const { mediaCheckAsync, port } = mockOpenApi();
    mediaCheckAsync.mockResolvedValueOnce({ errCode: 45009, errMsg: 'quota' });
    await expect(
      port.checkImageAsync({ openid: 'o', scene: 'comment', url: 'https://x/a.png' }),
    ).rejects.toThrow('45009');
  });
});

describe('local rules', () => {
  it.each([
    '加我微信详聊',
    '加 V 信 私聊',
    'ＶＸ：zhuyi_8888',
    '直接转账到我个人账户更便宜',
    '祖传秘方，包治百病',
    '可以代开处方',
    '兼职日结刷单',
  ])('flags %s', async (text) => {
    expect(ruleBroken(text)).not.toBeNull();
    await expect(
      localContentSecurity.checkText({ openid: 'o', scene: 'comment', text }),
    ).resolves.toMatchObject({ suggest: 'risky' });
  });

  it.each([
    '乳腺结节 3 类需要手术吗',
    '担心得了性病，想做检查',
    '堕胎后两周还在出血',
    '艾滋病窗口期多久',
    '避孕药漏服怎么办',
    '我的微信绑定的手机号换了',
    '医生，药费可以医保报销吗？',
  ])('passes %s', async (text) => {
    expect(ruleBroken(text)).toBeNull();
    await expect(
      localContentSecurity.checkText({ openid: 'o', scene: 'comment', text }),
    ).resolves.toEqual({ suggest: 'pass', label: 0 });
  });

  it('every rule says why it is there', () => {
    for (const rule of CONTENT_RULES) expect(rule.why.length).toBeGreaterThan(2);
  });

  it('images: no local image rules, so nothing is pending', async () => {
    await expect(
      localContentSecurity.checkImageAsync({ openid: 'o', scene: 'comment', url: 'u' }),
    ).resolves.toEqual({ traceId: null });
  });
});
