import { Button, Image, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { dataUrl, pickOneImage, type Refusal } from '../../../utils/pick-image';
import { RefusalNote } from '../../../components/refusal-note';
import { DOCUMENT_FIT, type ImageUpload } from '../../../platform/image-upload/types';

/**
 * IDV: one photo (ID card, face) from the camera or the album, through the permission
 * helper; shrunk before it is kept in memory for the submission, shown only here.
 */
export function PhotoField(props: {
  label: string;
  hint: string;
  value: ImageUpload | null;
  onChange: (image: ImageUpload) => void;
  error?: string | null;
}) {
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const pick = async () => {
    if (busy) return;
    setBusy(true);
    setRefusal(null);
    setMessage(null);
    try {
      const outcome = await pickOneImage(DOCUMENT_FIT);
      if (outcome.status === 'ready') props.onChange(outcome.image);
      else if (outcome.status === 'refused') setRefusal(outcome.refusal);
      else if (outcome.status === 'error') setMessage(outcome.reason);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="photo-field">
      <View className="photo-field__row">
        <View className="photo-field__body">
          <Text className="photo-field__label">{props.label}</Text>
          <Text className="muted">{props.hint}</Text>
        </View>
        {props.value ? (
          <Image className="photo-field__thumb" src={dataUrl(props.value)} mode="aspectFill" />
        ) : null}
        <Button className="btn btn--small photo-field__pick" onClick={() => void pick()}>
          {busy ? '处理中…' : props.value ? '重新选择' : '拍照/上传'}
        </Button>
      </View>
      {refusal ? <RefusalNote refusal={refusal} feature="上传认证照片" /> : null}
      {message || props.error ? (
        <Text className="field__error">{message ?? props.error}</Text>
      ) : null}
    </View>
  );
}
