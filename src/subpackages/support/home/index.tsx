import { Button, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { PrivacyHost } from '../../../components/privacy-host';
import { getConsent } from '../../../privacy/consent';
import { requireLogin } from '../../../session/require-login';
import { account, isTrusted, refreshAccount } from '../../../session/session';
import { listOpenSurveys, type SurveyListItem } from '../../../services/support';
import { go, routes } from '../../../utils/routes';
import { FAQ } from '../faq';
import '../support.css';

/** Opens `url` once logged in (登录 comes back to it). */
const withLogin = (url: string) =>
  void requireLogin(url).then((ok) => {
    if (ok) go(url);
  });

/**
 * 我的 → 客服与反馈 (CS, SEC; PIPL art. 50): 常见问题 for everyone, then 新建工单 and 我的工单
 * (an account is needed to answer the right person), WeChat's own 客服 on WeChat, and the
 * operator's open questionnaires. Nothing is asked of the server before a trusted login.
 */
export default function SupportHomePage() {
  const [open, setOpen] = useState<number | null>(null);
  const [surveys, setSurveys] = useState<SurveyListItem[]>([]);

  useDidShow(() => {
    if (getConsent().status !== 'agreed') return;
    void (async () => {
      // Opened from a link, the session is not loaded yet: ask who is logged in first.
      const state = account.get() ?? (await refreshAccount().catch(() => null));
      if (!isTrusted(state)) return;
      try {
        setSurveys((await listOpenSurveys()).items.filter((s) => !s.answered));
      } catch {
        // The questionnaires are optional: without them the page is complete.
        setSurveys([]);
      }
    })();
  });

  return (
    <View className="page support-home">
      <View className="support-card">
        <Text className="support-card__title">联系客服</Text>
        <Text className="support-card__text">
          使用问题、订单与退款、投诉、个人信息请求和个人信息泄露举报，都可以提交工单；每个工单都会显示预计答复日期。
        </Text>
        <View className="support-actions">
          <Button
            className="btn btn--primary btn--small"
            onClick={() => withLogin(routes.supportCreate)}
          >
            新建工单
          </Button>
          <Button className="btn btn--small" onClick={() => withLogin(routes.supportTickets)}>
            我的工单
          </Button>
          {process.env.TARO_ENV === 'weapp' ? (
            // WeChat's own 客服 session, beside the in-app tickets.
            <Button className="btn btn--small" openType="contact">
              微信在线客服
            </Button>
          ) : null}
        </View>
      </View>
      {surveys.length > 0 ? (
        <View className="support-card">
          <Text className="support-card__title">问卷调查</Text>
          {surveys.map((s) => (
            <View key={s.id} className="support-row" onClick={() => go(routes.survey(s.id))}>
              <Text className="support-row__title">{s.title}</Text>
              <Text className="support-row__meta">共 {s.questionCount} 题 · 自愿填写</Text>
            </View>
          ))}
        </View>
      ) : null}
      <View className="support-card">
        <Text className="support-card__title">常见问题</Text>
        {FAQ.map((item, i) => (
          <View
            key={item.question}
            className="support-row"
            onClick={() => setOpen(open === i ? null : i)}
          >
            <Text className="support-row__title">{item.question}</Text>
            {open === i ? <Text className="support-card__text">{item.answer}</Text> : null}
          </View>
        ))}
      </View>
      <PrivacyHost />
    </View>
  );
}
