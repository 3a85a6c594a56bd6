import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { MAX_RECORD_ATTACHMENTS } from '../../../../contract/records/items';
import { RefusalNote } from '../../../components/refusal-note';
import type { ImageUpload } from '../../../platform/image-upload/types';
import { dataUrl, pickOneImage, type Refusal } from '../../../utils/pick-image';
import { RECORD_PHOTO_FIT } from '../attachments';

/** CAM, ALB: photos of the report or prescription, picked one at a time (camera asked only now). */
export function usePickedPhotos(room: number = MAX_RECORD_ATTACHMENTS) {
  const [photos, setPhotos] = useState<ImageUpload[]>([]);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const add = async () => {
    if (photos.length >= room) {
      void Taro.showToast({ title: `每条病历最多 ${MAX_RECORD_ATTACHMENTS} 个附件`, icon: 'none' });
      return;
    }
    const picked = await pickOneImage(RECORD_PHOTO_FIT);
    if (picked.status === 'refused') setRefusal(picked.refusal);
    else if (picked.status === 'error') void Taro.showToast({ title: picked.reason, icon: 'none' });
    else if (picked.status === 'ready') {
      setRefusal(null);
      setPhotos((list) => [...list, picked.image]);
    }
  };
  const remove = (index: number) => setPhotos((list) => list.filter((_, i) => i !== index));
  return { photos, refusal, add, remove, room };
}

export function PickedPhotos({ picked }: { picked: ReturnType<typeof usePickedPhotos> }) {
  return (
    <View className="section">
      <View className="section__title">
        照片（选填，{picked.photos.length}/{picked.room}）
      </View>
      <View className="attachment-grid">
        {picked.photos.map((p, i) => (
          <View key={i} className="attachment-grid__item" data-testid="picked-photo">
            <Image className="attachment-grid__img" src={dataUrl(p)} mode="aspectFill" />
            <Text
              className="attachment-grid__remove"
              aria-label="删除图片"
              onClick={() => picked.remove(i)}
            >
              ×
            </Text>
          </View>
        ))}
        {picked.photos.length < picked.room ? (
          <View className="attachment-grid__item" onClick={() => void picked.add()}>
            <Text>＋ 添加照片</Text>
          </View>
        ) : null}
      </View>
      {picked.refusal ? <RefusalNote refusal={picked.refusal} feature="上传病历照片" /> : null}
    </View>
  );
}
