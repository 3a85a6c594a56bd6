import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { Fit } from '../../platform/image-upload/types';
import { getRecordAttachment, type RecordData } from '../../services/records';

/** Reports and prescriptions must stay legible when zoomed, yet go as one ≤ 2 MB call. */
export const RECORD_PHOTO_FIT: Fit = { maxSide: 1600, quality: 0.8 };

type Attachment = RecordData['attachments'][number];

/**
 * Where each picture can be shown from: the short-lived link when the store gives one,
 * else the bytes fetched once through getAttachment (CloudBase links cannot decrypt).
 */
function useSources(recordId: string, attachments: Attachment[]) {
  const [sources, setSources] = useState<Record<string, string>>({});
  useEffect(() => {
    let cancelled = false;
    for (const a of attachments) {
      if (a.contentType === 'application/pdf') continue;
      if (a.url) {
        setSources((s) => ({ ...s, [a.id]: a.url as string }));
        continue;
      }
      void getRecordAttachment({ recordId, attachmentId: a.id })
        .then((file) => {
          if (!cancelled)
            setSources((s) => ({
              ...s,
              [a.id]: `data:${file.contentType};base64,${file.contentBase64}`,
            }));
        })
        .catch(() => undefined);
    }
    return () => {
      cancelled = true;
    };
  }, [recordId, attachments]);
  return sources;
}

/** The record's files; a tap shows a picture full-screen, × removes it (after a confirm). */
export function AttachmentGrid(props: {
  record: RecordData;
  onRemove?: (attachmentId: string) => void;
}) {
  const sources = useSources(props.record.id, props.record.attachments);
  const images = props.record.attachments.filter((a) => sources[a.id]);
  const preview = (id: string) =>
    void Taro.previewImage({
      current: sources[id],
      urls: images.map((a) => sources[a.id]),
    }).catch(() => undefined);
  return (
    <View className="attachment-grid">
      {props.record.attachments.map((a) => (
        <View key={a.id} className="attachment-grid__item" data-testid="attachment">
          {a.contentType === 'application/pdf' ? (
            <Text>PDF 文件</Text>
          ) : sources[a.id] ? (
            <Image
              className="attachment-grid__img"
              src={sources[a.id]}
              mode="aspectFill"
              aria-label="查看附件大图"
              onClick={() => preview(a.id)}
            />
          ) : (
            <Text className="muted">加载中…</Text>
          )}
          {props.onRemove ? (
            <Text
              className="attachment-grid__remove"
              aria-label="删除附件"
              onClick={() => props.onRemove?.(a.id)}
            >
              ×
            </Text>
          ) : null}
        </View>
      ))}
    </View>
  );
}
