import { Image, Text, View } from '@tarojs/components';
import { MAX_CONSULT_PHOTOS } from '../../../../contract/consult/items';
import { RefusalNote } from '../../../components/refusal-note';
import type { usePhotoUploads } from './use-photo-uploads';
// The photo grid's look, shared with the chat's pictures.
import '../../../components/consult/index.css';

type Uploads = ReturnType<typeof usePhotoUploads>;

const STATE_TEXT = { uploading: '上传中…', done: '', error: '上传失败' } as const;

/** Up to nine photos, each with its upload state; a failed one offers 重试. */
export function PhotoPicker({ uploads }: { uploads: Uploads }) {
  const { photos, refusal, add, remove, retry } = uploads;
  return (
    <View className="section">
      <View className="section__title">
        病情照片（选填，{photos.length}/{MAX_CONSULT_PHOTOS}）
      </View>
      <View className="photo-grid">
        {photos.map((p) => (
          <View key={p.id} className={`photo-grid__item photo--${p.state}`} data-testid="photo">
            <Image className="photo-grid__img" src={p.path} mode="aspectFill" />
            {p.state !== 'done' ? (
              <Text className="photo__state">{STATE_TEXT[p.state]}</Text>
            ) : null}
            {p.state === 'error' ? (
              <Text className="photo__retry" onClick={() => retry(p)}>
                重试
              </Text>
            ) : null}
            <Text className="photo__remove" aria-label="删除图片" onClick={() => remove(p.id)}>
              ×
            </Text>
          </View>
        ))}
        {photos.length < MAX_CONSULT_PHOTOS ? (
          <View className="photo-grid__item photo-grid__add" onClick={() => void add()}>
            <Text>＋ 添加图片</Text>
          </View>
        ) : null}
      </View>
      {photos.some((p) => p.state === 'error') ? (
        <Text className="field__error">
          {photos.find((p) => p.state === 'error')?.error ?? '上传失败'}，点“重试”再传一次
        </Text>
      ) : null}
      {refusal ? <RefusalNote refusal={refusal} feature="上传病情照片" /> : null}
    </View>
  );
}
