import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { SENSITIVE_INFO_NOTICE } from '../../../../contract/consult/items';
import {
  DUE_WORKING_DAYS,
  PRIVACY_KIND_LABELS,
  PRIVACY_KINDS,
  TICKET_CATEGORIES,
  TICKET_TEXT_MAX,
  type PrivacyKind,
  type TicketCategory,
} from '../../../../contract/support/items';
import { PrivacyHost } from '../../../components/privacy-host';
import { handleAccountError } from '../../../session/require-login';
import { toServiceError } from '../../../services/errors';
import { createTicket, supportErrorText } from '../../../services/support';
import { routes } from '../../../utils/routes';
import { useAccountPage } from '../../account/use-account-page';
import '../support.css';

const SELF = routes.supportCreate;
const chars = (s: string) => [...s.trim()].length;

/**
 * 新建工单 (CS, SEC; PIPL art. 50): a category, for 个人信息与隐私 which request it is, and
 * the words. The answer time is said before sending; 个人信息泄露举报 is acknowledged at once.
 */
export default function SupportCreatePage() {
  const state = useAccountPage(SELF);
  const [category, setCategory] = useState<TicketCategory | null>(null);
  const [privacyKind, setPrivacyKind] = useState<PrivacyKind | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const isPrivacy = category === '个人信息与隐私';
  const ready =
    state !== null && category !== null && (!isPrivacy || privacyKind !== null) && chars(text) > 0;

  const send = async () => {
    if (!ready || sending || category === null) return;
    setSending(true);
    setError(null);
    try {
      const { ticket } = await createTicket({
        category,
        text,
        ...(isPrivacy && privacyKind ? { privacyKind } : {}),
      });
      void Taro.redirectTo({ url: routes.supportTicket(ticket.id) });
    } catch (e) {
      if (!handleAccountError(toServiceError(e), SELF)) setError(supportErrorText(e));
    } finally {
      setSending(false);
    }
  };

  return (
    <View className="page support-create">
      <View className="support-card">
        <Text className="support-card__title">问题类型</Text>
        <View>
          {TICKET_CATEGORIES.map((c) => (
            <Text
              key={c}
              className={`support-choice ${category === c ? 'support-choice--on' : ''}`}
              onClick={() => setCategory(c)}
            >
              {c}
            </Text>
          ))}
        </View>
        {isPrivacy ? (
          <View>
            {PRIVACY_KINDS.map((k) => (
              <Text
                key={k}
                className={`support-choice ${privacyKind === k ? 'support-choice--on' : ''}`}
                onClick={() => setPrivacyKind(k)}
              >
                {PRIVACY_KIND_LABELS[k]}
              </Text>
            ))}
          </View>
        ) : null}
        {category ? (
          <Text className="support-card__text">
            {category === '个人信息泄露举报'
              ? '最高优先级：提交后立即确认收到，1 个工作日内联系您。'
              : `预计 ${DUE_WORKING_DAYS[category]} 个工作日内答复。`}
          </Text>
        ) : null}
      </View>
      <View className="support-card">
        <Text className="support-card__title">问题描述</Text>
        <Textarea
          className="support-textarea"
          placeholder="请描述您遇到的问题"
          value={text}
          maxlength={TICKET_TEXT_MAX}
          onInput={(e) => setText(e.detail.value)}
        />
        <Text className="support-row__meta">
          {chars(text)}/{TICKET_TEXT_MAX}
        </Text>
        {/* PI: no sensitive data unrelated to the question in free text. */}
        <Text className="support-card__text">{SENSITIVE_INFO_NOTICE}</Text>
        {error ? <Text className="support-error">{error}</Text> : null}
        <View className="support-actions">
          <Button
            className="btn btn--primary btn--block"
            disabled={!ready || sending}
            loading={sending}
            onClick={() => void send()}
          >
            提交工单
          </Button>
        </View>
      </View>
      <PrivacyHost />
    </View>
  );
}
