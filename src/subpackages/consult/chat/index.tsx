import { ScrollView, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { handleAccountError } from '../../../session/require-login';
import { CallBar } from '../../../components/call/call-bar';
import { MessageBubble, PendingBubble } from '../../../components/consult/message-bubble';
import { StatusBanner } from '../../../components/consult/status-banner';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/list-states';
import { PrivacyHost } from '../../../components/privacy-host';
import { routes } from '../../../utils/routes';
import { ChatActions } from './actions';
import { Composer } from './composer';
import { ChatHeader } from './header';
import { SharedRecords } from './shared-records';
import { useChat } from './use-chat';
import './index.css';

/** One consult's chat, for the patient and the doctor alike (the server says which `role`). */
export default function ConsultChatPage() {
  const id = useRouter().params.id ?? '';
  const chat = useChat(id);
  const { consult, loadError, refresh } = chat;

  // Coming back from 模拟支付 or WeChat Pay: the state may have changed.
  useDidShow(() => {
    if (id) void refresh();
  });
  useEffect(() => {
    if (id) void refresh();
  }, [id, refresh]);
  useEffect(() => {
    if (loadError) handleAccountError(loadError, routes.consultChat(id));
  }, [loadError, id]);

  if (!id) return <EmptyState text="未找到该咨询" />;
  if (!consult && loadError) {
    return <ErrorState error={loadError} onRetry={() => void refresh()} />;
  }
  if (!consult) return <ListSkeleton rows={3} />;
  // A new anchor id per message count: scrollIntoView scrolls only when its value changes.
  const end = `chat-end-${chat.messages.length + chat.pending.length}`;
  return (
    <View className="chat">
      <StatusBanner consult={consult} />
      {consult.type === 'video' ? (
        <CallBar consult={consult} onCallEnded={() => void refresh()} />
      ) : null}
      <ScrollView className="chat__scroll" scrollY scrollIntoView={end}>
        <ChatHeader consult={consult} />
        <SharedRecords consult={consult} />
        {chat.messages.map((m) => (
          <MessageBubble key={m.id} message={m} />
        ))}
        {chat.pending.map((p) => (
          <PendingBubble
            key={p.clientMsgId}
            text={'text' in p.content ? p.content.text : undefined}
            preview={'preview' in p.content ? p.content.preview : undefined}
            state={p.state}
            error={p.error}
            onResend={() => void chat.resend(p)}
          />
        ))}
        <View id={end} />
      </ScrollView>
      <ChatActions
        consult={consult}
        onChanged={(next) => (next ? chat.setConsult(next) : void refresh())}
      />
      {consult.status === 'active' ? <Composer onSend={(c) => void chat.send(c)} /> : null}
      <PrivacyHost />
    </View>
  );
}
