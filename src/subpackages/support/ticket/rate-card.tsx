import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { rateTicket, type TicketSummary } from '../../../services/support';

export const rateOf = (ticketId: string, score: number, comment: string) =>
  rateTicket({ ticketId, score, ...(comment.trim() ? { comment } : {}) });

/** 评价 of a closed ticket: 1–5 once; afterwards what was given. */
export function RateCard(props: {
  ticket: TicketSummary;
  busy: boolean;
  onRate: (score: number, comment: string) => void;
}) {
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const { rating } = props.ticket;
  if (rating)
    return (
      <View className="support-card">
        <Text className="support-card__title">您的评价：{rating.score} 分</Text>
        {rating.comment ? <Text className="support-card__text">{rating.comment}</Text> : null}
      </View>
    );
  return (
    <View className="support-card">
      <Text className="support-card__title">为本次服务评分</Text>
      <View>
        {[1, 2, 3, 4, 5].map((n) => (
          <Text
            key={n}
            className={`support-choice ${score === n ? 'support-choice--on' : ''}`}
            onClick={() => setScore(n)}
          >
            {`${n} 分`}
          </Text>
        ))}
      </View>
      <Input
        className="support-textarea"
        placeholder="说说您的感受（选填）"
        value={comment}
        maxlength={200}
        onInput={(e) => setComment(e.detail.value)}
      />
      <View className="support-actions">
        <Button
          className="btn btn--primary btn--small"
          disabled={score === 0 || props.busy}
          onClick={() => {
            // WeChat may still deliver a tap on a disabled button.
            if (score > 0) props.onRate(score, comment);
          }}
        >
          提交评价
        </Button>
      </View>
    </View>
  );
}
