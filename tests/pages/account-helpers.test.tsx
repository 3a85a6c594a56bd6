/**
 * The account pages' small rules (REG, IDV): what a phone looks like once normalised, when
 * a rate-limited send may be retried, which redirects 登录 accepts, and the ID checks the
 * form runs before anything is sent.
 */
import { idCheckChar } from '../../contract/user/id-number';
import {
  accountErrorText,
  needsNewCode,
  resendWait,
  retryAfterText,
} from '../../src/session/messages';
import { readRedirect } from '../../src/session/require-login';
import {
  idNumberError,
  identityNameError,
  nicknameError,
  normalizePhone,
  todayInChina,
} from '../../contract/user/rules';
import { ServiceError } from '../../src/services/errors';

test('phones: spaces, dashes and +86 go; the rest is left for the check', () => {
  expect(normalizePhone('+86 138-0013-8000')).toBe('13800138000');
  expect(normalizePhone('0086 13800138000')).toBe('13800138000');
  expect(normalizePhone('86 1380013 8000')).toBe('13800138000');
  expect(normalizePhone('12345')).toBe('12345');
});

test('retry times: seconds, minutes, then a clock time today or tomorrow', () => {
  const noon = new Date(2024, 4, 1, 12, 0, 0);
  expect(retryAfterText(42, noon)).toBe('42 秒后');
  expect(retryAfterText(61, noon)).toBe('2 分钟后');
  expect(retryAfterText(3 * 3600, noon)).toBe('今天 15:00 后');
  expect(retryAfterText(12 * 3600 + 60, noon)).toBe('明天 00:01 后');
});

test('error sentences: attempts left, lock-out, limits', () => {
  const mismatch = new ServiceError('INVALID_ARGUMENT', 'x', {
    reason: 'code_mismatch',
    attemptsLeft: 3,
  });
  expect(accountErrorText(mismatch)).toBe('验证码错误，还可尝试 3 次');
  expect(needsNewCode(mismatch)).toBe(false);
  const locked = new ServiceError('INVALID_ARGUMENT', 'x', { reason: 'code_locked' });
  expect(needsNewCode(locked)).toBe(true);
  const taken = new ServiceError('CONFLICT', 'x', { reason: 'phone_taken' });
  expect(accountErrorText(taken)).toBe('该手机号已绑定其他账号');
  const field = new ServiceError('INVALID_ARGUMENT', 'data.phone: 请输入 11 位中国大陆手机号', {
    issues: [{ path: 'data.phone', message: '请输入 11 位中国大陆手机号' }],
  });
  expect(accountErrorText(field)).toBe('请输入 11 位中国大陆手机号');
  const daily = new ServiceError('RATE_LIMITED', 'x', {
    limit: 'ip_daily',
    retryAfterSeconds: 9000,
  });
  expect(resendWait(daily)).toBe(0);
  const cooldown = new ServiceError('RATE_LIMITED', 'x', {
    limit: 'phone_cooldown',
    retryAfterSeconds: 30,
  });
  expect(resendWait(cooldown)).toBe(30);
});

test('redirects: only our own pages, however the platform encoded them', () => {
  const page = '/pages/doctor/index?id=d1';
  expect(readRedirect(page)).toBe(page);
  expect(readRedirect(encodeURIComponent(page))).toBe(page);
  expect(readRedirect(encodeURIComponent(encodeURIComponent(page)))).toBe(page);
  for (const bad of [
    'https://evil.example/',
    '//evil.example/x',
    'javascript:alert(1)',
    '',
    undefined,
  ]) {
    expect(readRedirect(bad)).toBeNull();
  }
});

test('nicknames: 1–20 characters (code points, as the server counts) after trimming, nothing invisible', () => {
  expect(nicknameError('小王')).toBeNull();
  expect(nicknameError('😀' + '一'.repeat(19))).toBeNull();
  expect(nicknameError('😀' + '一'.repeat(20))).toBe('昵称最多 20 个字');
  expect(nicknameError(' '.repeat(3))).toBe('昵称不能为空');
  expect(nicknameError('一'.repeat(21))).toBe('昵称最多 20 个字');
  expect(nicknameError('小\u200b王')).toBe('昵称不能包含控制字符或不可见字符');
});

test('names: Chinese characters, · between parts', () => {
  expect(identityNameError('张三')).toBeNull();
  expect(identityNameError('买买提·艾力')).toBeNull();
  expect(identityNameError('张')).toBe('姓名须为 2–20 个汉字');
  expect(identityNameError('·张三')).not.toBeNull();
  expect(identityNameError('Zhang')).not.toBeNull();
});

test('ID numbers: check digit, region, calendar date, not in the future, adult', () => {
  const id = (first17: string) => first17 + idCheckChar(first17);
  const now = new Date('2024-05-01T04:00:00Z');
  expect(idNumberError(id('11010519491231002'), now)).toBeNull();
  expect(idNumberError(id('11010519491231002').toLowerCase(), now)).toBeNull();
  expect(idNumberError('110105194912310021', now)).toMatch(/校验位|格式/);
  expect(idNumberError(id('99010519491231002'), now)).toBe('身份证号码的地区码不存在');
  expect(idNumberError(id('11010519490230002'), now)).toBe('身份证号码中的出生日期无效');
  expect(idNumberError(id('11010520240502002'), now)).toBe('出生日期不能晚于今天');
  expect(idNumberError(id('11010520100101002'), now)).toBe('未满 18 周岁，请由监护人添加为就诊人');
  // China's day: 23:30 UTC on 30 April is already 1 May in Shanghai.
  expect(todayInChina(new Date('2024-04-30T23:30:00Z'))).toBe('2024-05-01');
});
