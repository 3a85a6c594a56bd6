/**
 * 预约挂号 pages (issue 13) over a fake transport: the schedule's states, 确认预约 with the
 * 就诊人 picker, every refusal in words with a next step, the 模拟支付 page, 我的预约 and
 * cancelling with the rule and the refund shown.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import DoctorPage from '../../src/pages/doctor';
import ConfirmPage from '../../src/subpackages/booking/confirm';
import DetailPage from '../../src/subpackages/booking/detail';
import ListPage from '../../src/subpackages/booking/list';
import PayPage from '../../src/subpackages/booking/pay';
import SchedulePage from '../../src/subpackages/booking/schedule';
import { appointment, schedule } from './booking-fixtures';
import { consultBackend, Failure, givenLoggedIn } from './consult-fixtures';
import { FATHER, patientView } from './patient-fixtures';
import { setRouterParams, taro } from './taro-fake';

const SELF = patientView();
const patients = () => ({ items: [SELF, FATHER], max: 10 });
const confirmUrl = '/subpackages/booking/confirm/index?doctorId=d1&slotId=s_20261201_am_d1';

beforeEach(() => givenLoggedIn());

describe('schedule', () => {
  test('each period says when, the fee and places left, or 约满/停诊/未放号 with a countdown', async () => {
    setRouterParams({ doctorId: 'd1' });
    consultBackend({ 'booking.schedule': () => schedule() });
    render(<SchedulePage />);
    const rows = await screen.findAllByTestId('slot-row');
    expect(rows).toHaveLength(3);
    expect(within(rows[0]).getByText(/剩余 7 个/)).toBeTruthy();
    expect(within(rows[1]).getByText('约满')).toBeTruthy();
    expect(within(rows[2]).getByText('停诊')).toBeTruthy();
    expect(screen.getByText(/就诊前一个工作日 18:00 前可免费取消/)).toBeTruthy();
    expect(screen.getByText(/90 天内爽约 3 次/)).toBeTruthy();

    fireEvent.click(screen.getByLabelText('2026-12-15 未放号'));
    expect(await screen.findByText(/还有 01:(29|30):\d\d 放号/)).toBeTruthy();
    expect(screen.queryByText('预约')).toBeNull();
  });

  test('a call the server shed under load is asked again after its Retry-After', async () => {
    setRouterParams({ doctorId: 'd1' });
    let n = 0;
    consultBackend({
      'booking.schedule': () => {
        if (++n === 1)
          throw new Failure('RATE_LIMITED', '服务繁忙，请稍后重试', { retryAfterSeconds: 1 });
        return schedule();
      },
    });
    render(<SchedulePage />);
    expect(await screen.findAllByTestId('slot-row', {}, { timeout: 4000 })).toHaveLength(3);
    expect(n).toBe(2);
  });

  test('预约 opens 确认预约 for that slot', async () => {
    setRouterParams({ doctorId: 'd1' });
    consultBackend({ 'booking.schedule': () => schedule() });
    render(<SchedulePage />);
    fireEvent.click(await screen.findByText('预约'));
    await waitFor(() => expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: confirmUrl }));
  });

  test('a hospital without online booking says so, with no slots', async () => {
    setRouterParams({ doctorId: 'd1' });
    consultBackend({
      'booking.schedule': () => schedule({ available: false, days: [], rules: null }),
    });
    render(<SchedulePage />);
    expect(await screen.findByText(/暂未开通线上预约/)).toBeTruthy();
    expect(screen.queryByTestId('slot-row')).toBeNull();
  });
});

describe('the doctor page', () => {
  test('shows 预约挂号 only where the hospital takes bookings', async () => {
    setRouterParams({ id: 'd1' });
    consultBackend({ 'booking.schedule': () => schedule() });
    render(<DoctorPage />);
    fireEvent.click(await screen.findByText('预约挂号'));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({
      url: '/subpackages/booking/schedule/index?doctorId=d1',
    });
  });

  test('no 预约挂号 when schedule says unavailable', async () => {
    setRouterParams({ id: 'd1' });
    const backend = consultBackend({ 'booking.schedule': () => schedule({ available: false }) });
    render(<DoctorPage />);
    await screen.findByText(/图文咨询 ¥30/);
    await waitFor(() => expect(backend.calls.some((c) => c.action === 'schedule')).toBe(true));
    expect(screen.queryByText('预约挂号')).toBeNull();
  });
});

describe('确认预约', () => {
  const launch = (id: string) => ({
    appointmentId: id,
    status: 'pending_payment',
    payment: {
      kind: 'sandbox',
      orderId: id,
      sandboxUrl: `/subpackages/booking/pay/index?orderId=${id}`,
    },
  });

  test('books for the chosen 就诊人 and goes to 模拟支付', async () => {
    setRouterParams({ doctorId: 'd1', slotId: 's_20261201_am_d1' });
    const backend = consultBackend({
      'booking.schedule': () => schedule(),
      'patients.list': patients,
      'booking.book': () => appointment({ status: 'pending_payment', visitCode: null }),
      'booking.pay': () => launch('a0000001'),
    });
    render(<ConfirmPage />);
    expect(await screen.findByText(/12月1日 周二 上午 08:00–12:00/)).toBeTruthy();
    expect(screen.getByText(/实名制预约/, { selector: '.muted' })).toBeTruthy();
    fireEvent.click(await screen.findByLabelText('王* 父母'));
    fireEvent.click(screen.getByText(/确认预约 ¥30/));
    await waitFor(() =>
      expect(taro.redirectTo).toHaveBeenLastCalledWith({
        url: '/subpackages/booking/pay/index?orderId=a0000001',
      }),
    );
    const [book] = backend.calls.filter((c) => c.action === 'book').map((c) => c.data);
    expect(book).toEqual({
      slotId: 's_20261201_am_d1',
      patientId: FATHER.id,
      clientRequestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
    });
  });

  test('a lost answer retried keeps the same request id (no second place)', async () => {
    setRouterParams({ doctorId: 'd1', slotId: 's_20261201_am_d1' });
    let n = 0;
    const backend = consultBackend({
      'booking.schedule': () => schedule(),
      'patients.list': patients,
      'booking.book': () => {
        if (++n === 1)
          throw new Failure('INTERNAL', '医院系统暂时无法连接，请稍后重试', {
            reason: 'his_unavailable',
          });
        return appointment();
      },
    });
    render(<ConfirmPage />);
    await screen.findByLabelText('张* 本人');
    fireEvent.click(screen.getByText(/确认预约/));
    expect(await screen.findByText('医院系统暂时无法连接，请稍后重试')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalled());
    const ids = backend.calls.filter((c) => c.action === 'book').map((c) => c.data.clientRequestId);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
    expect(taro.redirectTo).toHaveBeenLastCalledWith({
      url: '/subpackages/booking/result/index?id=a0000001',
    });
  });

  test.each([
    ['slot_full', '该时段已约满', '重新选择时段'],
    ['same_doctor_day', '该就诊人当天已预约该医生', '查看我的预约'],
    ['patient_no_document', '请先为就诊人完善有效身份证件', '管理就诊人'],
    [
      'department_week_limit',
      '该就诊人本周在该科室的预约已达上限（每周最多 3 个）',
      '查看我的预约',
    ],
  ])('%s is said in words with a next step', async (reason, text, next) => {
    setRouterParams({ doctorId: 'd1', slotId: 's_20261201_am_d1' });
    consultBackend({
      'booking.schedule': () => schedule(),
      'patients.list': patients,
      'booking.book': () => {
        throw new Failure('FAILED_PRECONDITION', 'x', { reason, limit: 3 });
      },
    });
    render(<ConfirmPage />);
    await screen.findByLabelText('张* 本人');
    fireEvent.click(screen.getByText(/确认预约/));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(text)).toBeTruthy();
    expect(within(alert).getByText(next)).toBeTruthy();
    expect(taro.redirectTo).not.toHaveBeenCalled();
  });

  test('the account’s daily quota is said as the server says it, without a retry', async () => {
    setRouterParams({ doctorId: 'd1', slotId: 's_20261201_am_d1' });
    let books = 0;
    consultBackend({
      'booking.schedule': () => schedule(),
      'patients.list': patients,
      'booking.book': () => {
        books++;
        throw new Failure('RATE_LIMITED', '今日预约操作次数已达上限，请明天再试', {
          limit: 'booking_daily',
          retryAfterSeconds: 3600,
        });
      },
    });
    render(<ConfirmPage />);
    await screen.findByLabelText('张* 本人');
    fireEvent.click(screen.getByText(/确认预约/));
    expect(await screen.findByText('今日预约操作次数已达上限，请明天再试')).toBeTruthy();
    expect(books).toBe(1);
  });

  test('suspended: until when, and no button that cannot help', async () => {
    setRouterParams({ doctorId: 'd1', slotId: 's_20261201_am_d1' });
    consultBackend({
      'booking.schedule': () => schedule(),
      'patients.list': patients,
      'booking.book': () => {
        throw new Failure('FAILED_PRECONDITION', 'x', {
          reason: 'suspended',
          suspendedUntil: '2027-02-28T16:00:00.000Z',
        });
      },
    });
    render(<ConfirmPage />);
    await screen.findByLabelText('张* 本人');
    fireEvent.click(screen.getByText(/确认预约/));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('因爽约次数过多，该就诊人暂停预约，3月1日 00:00后可再预约');
    expect(within(alert).queryByRole('button')).toBeNull();
  });
});

describe('模拟支付', () => {
  test('确认支付 answers the sandbox and opens the result', async () => {
    setRouterParams({ orderId: 'a0000001' });
    const backend = consultBackend({
      'booking.get': () => appointment({ status: 'pending_payment', visitCode: null }),
      'booking.sandboxConfirm': () => appointment(),
    });
    render(<PayPage />);
    expect(await screen.findByText('本地测试环境 · 不会产生真实扣款')).toBeTruthy();
    fireEvent.click(screen.getByText('确认支付'));
    await waitFor(() =>
      expect(taro.redirectTo).toHaveBeenLastCalledWith({
        url: '/subpackages/booking/result/index?id=a0000001',
      }),
    );
    expect(backend.calls.find((c) => c.action === 'sandboxConfirm')?.data).toEqual({
      appointmentId: 'a0000001',
      outcome: 'paid',
    });
  });
});

describe('我的预约 and its detail', () => {
  test('the tabs list upcoming, past and cancelled', async () => {
    const backend = consultBackend({
      'booking.list': (d) => ({
        items:
          d.status === 'cancelled'
            ? [appointment({ status: 'cancelled', statusLabel: '已取消' })]
            : [appointment()],
        nextCursor: null,
      }),
    });
    render(<ListPage />);
    expect(await screen.findByText('待就诊', { selector: '.booking-status' })).toBeTruthy();
    fireEvent.click(screen.getByText('已取消'));
    expect(await screen.findByText('已取消', { selector: '.booking-status' })).toBeTruthy();
    expect(backend.calls.filter((c) => c.action === 'list').map((c) => c.data.status)).toEqual([
      'upcoming',
      'cancelled',
    ]);
  });

  test('取消预约 says the rule and the refund first, then shows the refund', async () => {
    setRouterParams({ id: 'a0000001' });
    let cancelled = false;
    consultBackend({
      'booking.get': () =>
        cancelled
          ? appointment({
              status: 'cancelled',
              statusLabel: '已取消',
              visitCode: null,
              cancellable: false,
              refund: { amountFen: 3000, status: 'done' },
            })
          : appointment(),
      'booking.cancel': () => {
        cancelled = true;
        return appointment({ status: 'cancelled' });
      },
    });
    render(<DetailPage />);
    expect((await screen.findByTestId('visit-code')).textContent).toBe('123456');
    fireEvent.click(screen.getByText('取消预约'));
    await waitFor(() =>
      expect(taro.showModal).toHaveBeenCalledWith(
        expect.objectContaining({
          content: expect.stringContaining(
            '11月30日 18:00 前可免费取消。挂号费 ¥30 将全额原路退回',
          ),
        }),
      ),
    );
    expect((await screen.findByTestId('refund')).textContent).toBe('已退款 ¥30，原路退回');
    expect(screen.queryByText('取消预约')).toBeNull();
  });

  test('past the cutoff: no 取消预约, the rule instead; a refusal names the deadline', async () => {
    setRouterParams({ id: 'a0000001' });
    consultBackend({ 'booking.get': () => appointment({ cancellable: false }) });
    render(<DetailPage />);
    expect(await screen.findByText(/已过免费取消时间，无法在线取消/)).toBeTruthy();
    expect(screen.queryByText('取消预约')).toBeNull();
  });
});
