import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { MessageText } from './message-text';
import './index.css';

interface Message {
  id: string;
  mine: boolean;
  sender: 'patient' | 'doctor';
  kind: 'text' | 'image';
  text: string | null;
  image: { key: string; url: string | null } | null;
  links: ReadonlyArray<{ start: number; end: number; safe: boolean }>;
}

/** One message; mine on the right. Pictures open full size on tap. */
export function MessageBubble({ message }: { message: Message }) {
  const side = message.mine ? 'mine' : 'theirs';
  const url = message.image?.url ?? null;
  return (
    <View className={`bubble-row bubble-row--${side}`} data-testid="message">
      <Text className="bubble__who">{message.sender === 'doctor' ? '医生' : '患者'}</Text>
      <View className={`bubble bubble--${side}`}>
        {message.kind === 'image' ? (
          url ? (
            <Image
              className="bubble__image"
              src={url}
              mode="widthFix"
              onClick={() => void Taro.previewImage({ urls: [url] })}
            />
          ) : (
            <Text className="muted">[图片已过期]</Text>
          )
        ) : (
          <MessageText text={message.text ?? ''} links={message.links} />
        )}
      </View>
    </View>
  );
}

/** A message of mine still on its way, or failed with 重发. */
export function PendingBubble(props: {
  text?: string;
  preview?: string;
  state: 'sending' | 'failed';
  error: string | null;
  onResend: () => void;
}) {
  return (
    <View className="bubble-row bubble-row--mine" data-testid="pending">
      <View className="bubble bubble--mine bubble--pending">
        {props.preview ? (
          <Image className="bubble__image" src={props.preview} mode="widthFix" />
        ) : (
          <Text>{props.text}</Text>
        )}
      </View>
      {props.state === 'sending' ? (
        <Text className="bubble__state muted">发送中…</Text>
      ) : (
        <View className="bubble__state">
          <Text className="field__error">{props.error ?? '发送失败'}</Text>
          <Text className="bubble__resend" onClick={props.onResend}>
            重发
          </Text>
        </View>
      )}
    </View>
  );
}
