/** The production SmsSender: the exact Tencent Cloud SDK calls, never the network. */
import {
  createTencentSmsSender,
  tencentSmsConfigFromEnv,
} from '../../../../backend/adapters/cloudbase/tencent-sms';

const mockSendSms = jest.fn();
const mockClient = jest.fn().mockImplementation(() => ({ SendSms: mockSendSms }));
// The factory runs before the consts above exist, so it reaches them only when called.
jest.mock('tencentcloud-sdk-nodejs-sms/tencentcloud/services/sms/v20210111/sms_client', () => ({
  Client: jest.fn((config: unknown) => mockClient(config)),
}));

const ENV = {
  TENCENT_SMS_SDK_APP_ID: '1400000001',
  TENCENT_SMS_SIGN_NAME: '上海助医',
  TENCENT_SMS_TEMPLATE_ID: '2000001',
  TENCENTCLOUD_SECRET_ID: 'AKIDtest',
  TENCENTCLOUD_SECRET_KEY: 'secret-test',
};

beforeEach(() => {
  mockSendSms.mockReset();
  mockClient.mockClear();
});

describe('configuration from the environment only', () => {
  it('reads every setting, region ap-guangzhou by default', () => {
    expect(tencentSmsConfigFromEnv(ENV)).toEqual({
      sdkAppId: '1400000001',
      signName: '上海助医',
      templateId: '2000001',
      secretId: 'AKIDtest',
      secretKey: 'secret-test',
      stopTemplateId: null,
      region: 'ap-guangzhou',
    });
  });

  it('none set → null (the local outbox is used); half set → an error naming what is missing', () => {
    expect(tencentSmsConfigFromEnv({})).toBeNull();
    expect(() => tencentSmsConfigFromEnv({ ...ENV, TENCENTCLOUD_SECRET_KEY: '' })).toThrow(
      /half configured: set TENCENTCLOUD_SECRET_KEY/,
    );
  });
});

describe('sending', () => {
  const sender = () => createTencentSmsSender(tencentSmsConfigFromEnv(ENV)!);

  it('builds the client with the credential and region, then calls SendSms with the template', async () => {
    mockSendSms.mockResolvedValue({
      SendStatusSet: [{ Code: 'Ok', Message: 'send success', PhoneNumber: '+8613812345678' }],
      RequestId: 'r1',
    });
    await sender().send({
      phone: '13812345678',
      code: '042917',
      purpose: 'register',
      ttlMinutes: 5,
    });
    expect(mockClient).toHaveBeenCalledWith({
      credential: { secretId: 'AKIDtest', secretKey: 'secret-test' },
      region: 'ap-guangzhou',
      profile: { httpProfile: { endpoint: 'sms.tencentcloudapi.com', reqTimeout: 10 } },
    });
    expect(mockSendSms).toHaveBeenCalledTimes(1);
    expect(mockSendSms).toHaveBeenCalledWith({
      PhoneNumberSet: ['+8613812345678'],
      SmsSdkAppId: '1400000001',
      SignName: '上海助医',
      TemplateId: '2000001',
      TemplateParamSet: ['042917', '5'],
    });
  });

  it('sends booking’s 停诊 notice with its own template, and has no notice channel without one', async () => {
    mockSendSms.mockResolvedValue({ SendStatusSet: [{ Code: 'Ok' }] });
    expect(sender().sendNotice).toBeUndefined();
    const withStop = createTencentSmsSender(
      tencentSmsConfigFromEnv({ ...ENV, TENCENT_SMS_STOP_TEMPLATE_ID: '2000002' })!,
    );
    await withStop.sendNotice!({
      phone: '13812345678',
      kind: 'appointment_stopped',
      params: ['张医生', '2026-12-01 上午'],
    });
    expect(mockSendSms).toHaveBeenCalledWith(
      expect.objectContaining({
        TemplateId: '2000002',
        TemplateParamSet: ['张医生', '2026-12-01 上午'],
      }),
    );
  });

  it('a refused number rejects, with Tencent’s code', async () => {
    mockSendSms.mockResolvedValue({
      SendStatusSet: [{ Code: 'LimitExceeded.PhoneNumberDailyLimit', Message: 'daily limit' }],
    });
    await expect(
      sender().send({ phone: '13812345678', code: '1', purpose: 'register', ttlMinutes: 5 }),
    ).rejects.toThrow(/LimitExceeded\.PhoneNumberDailyLimit/);
  });

  it('an SDK error rejects', async () => {
    mockSendSms.mockRejectedValue(new Error('AuthFailure.SecretIdNotFound'));
    await expect(
      sender().send({ phone: '13812345678', code: '1', purpose: 'register', ttlMinutes: 5 }),
    ).rejects.toThrow(/AuthFailure/);
  });
});
