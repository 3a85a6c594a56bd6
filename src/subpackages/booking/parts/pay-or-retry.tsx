import { Button } from '@tarojs/components';
import type { AppointmentData } from '../../../services/booking';
import { ProblemNote } from './problem';
import type { useAppointmentActions } from './use-appointment-actions';

/**
 * What the detail and result pages both offer under an appointment: the last action's
 * problem (with 刷新/重试 reloading the appointment) and 去支付 while it waits for an online
 * payment. `open` is how the pay page is opened from here.
 */
export function PayOrRetry(props: {
  a: AppointmentData;
  actions: ReturnType<typeof useAppointmentActions>;
  reload: () => Promise<void>;
  self: string;
  open: 'navigate' | 'redirect';
}) {
  const { a, actions } = props;
  return (
    <>
      {actions.problem ? (
        <ProblemNote
          problem={actions.problem}
          self={props.self}
          onAction={(next) => {
            if (next !== 'refresh' && next !== 'retry') return false;
            actions.setProblem(null);
            void props.reload();
            return true;
          }}
        />
      ) : null}
      {a.status === 'pending_payment' && a.payAt === 'online' ? (
        <Button
          className="btn btn--primary btn--block"
          loading={actions.busy}
          disabled={actions.busy}
          onClick={() => void actions.pay(a, props.open)}
        >
          去支付
        </Button>
      ) : null}
    </>
  );
}
