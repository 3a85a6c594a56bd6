import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { BookingProblem } from '../../../services/booking';
import { go, routes } from '../../../utils/routes';
import { bookingUrls } from './urls';

const LABEL: Record<NonNullable<BookingProblem['next']>, string> = {
  reschedule: '重新选择时段',
  refresh: '刷新',
  patients: '管理就诊人',
  identity: '去实名认证',
  mine: '查看我的预约',
  retry: '重试',
  login: '去登录',
};

/**
 * A refusal in words and the one thing to do about it. `onAction` handles the steps the
 * page itself can take (retry, refresh, another 就诊人, another slot); the rest navigate.
 */
export function ProblemNote(props: {
  problem: BookingProblem;
  onAction: (next: NonNullable<BookingProblem['next']>) => boolean;
  self: string;
}) {
  const { next, text } = props.problem;
  const act = () => {
    if (!next || props.onAction(next)) return;
    if (next === 'identity') go(routes.identity);
    else if (next === 'mine') go(bookingUrls.list);
    else if (next === 'login') go(routes.login(props.self));
    else void Taro.navigateBack();
  };
  return (
    <View className="booking-problem" role="alert">
      <Text className="booking-problem__text">{text}</Text>
      {next ? (
        <Button className="btn btn--small booking-problem__action" onClick={act}>
          {LABEL[next]}
        </Button>
      ) : null}
    </View>
  );
}
