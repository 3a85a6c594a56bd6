import { Button, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { MESSAGE_TEXT_MAX_CHARS, SENSITIVE_INFO_NOTICE } from '../../../../contract/consult/items';
import { dataUrl, pickOneImage } from '../../../utils/pick-image';
import { RefusalNote } from '../../../components/refusal-note';
import type { Refusal } from '../../../utils/pick-image';
import { consultErrorText, uploadAttachment } from '../../../services/consult';
import { CONSULT_PHOTO_FIT } from '../create/use-photo-uploads';
import type { Pending } from './use-chat';

/** The input bar: PI notice above, text of 1–2000 characters, or one picture. */
export function Composer({ onSend }: { onSend: (content: Pending['content']) => void }) {
  const [text, setText] = useState('');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [uploading, setUploading] = useState(false);

  const sendText = () => {
    const value = text.trim();
    if (!value) return;
    if ([...value].length > MESSAGE_TEXT_MAX_CHARS) {
      void Taro.showToast({ title: `消息不能超过 ${MESSAGE_TEXT_MAX_CHARS} 字`, icon: 'none' });
      return;
    }
    setText('');
    onSend({ text: value });
  };

  const sendImage = async () => {
    const picked = await pickOneImage(CONSULT_PHOTO_FIT);
    if (picked.status === 'refused') setRefusal(picked.refusal);
    if (picked.status === 'error') void Taro.showToast({ title: picked.reason, icon: 'none' });
    if (picked.status !== 'ready') return;
    setRefusal(null);
    setUploading(true);
    try {
      const { key } = await uploadAttachment({ image: picked.image });
      onSend({ imageKey: key, preview: dataUrl(picked.image) });
    } catch (e) {
      void Taro.showToast({ title: consultErrorText(e), icon: 'none' });
    } finally {
      setUploading(false);
    }
  };

  return (
    <View className="composer">
      <View className="pi-notice" role="note">
        {SENSITIVE_INFO_NOTICE}
      </View>
      {refusal ? <RefusalNote refusal={refusal} feature="发送图片" /> : null}
      <View className="composer__row">
        <Button className="btn btn--small" loading={uploading} onClick={() => void sendImage()}>
          图片
        </Button>
        <Textarea
          className="composer__input"
          placeholder="输入消息"
          value={text}
          autoHeight
          maxlength={MESSAGE_TEXT_MAX_CHARS}
          onInput={(e) => setText(e.detail.value)}
        />
        <Button className="btn btn--primary btn--small composer__send" onClick={sendText}>
          发送
        </Button>
      </View>
    </View>
  );
}
