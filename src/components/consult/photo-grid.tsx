import { Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import './index.css';

interface Photo {
  key: string;
  url: string | null;
}

/** Pictures of a consult: tap to view full size (the links are short-lived, made per viewer). */
export function PhotoGrid({ photos }: { photos: readonly Photo[] }) {
  const urls = photos.map((p) => p.url).filter((u): u is string => !!u);
  if (photos.length === 0) return null;
  return (
    <View className="photo-grid">
      {photos.map((p) =>
        p.url ? (
          <Image
            key={p.key}
            className="photo-grid__item"
            src={p.url}
            mode="aspectFill"
            onClick={() => void Taro.previewImage({ urls, current: p.url ?? undefined })}
          />
        ) : (
          <View key={p.key} className="photo-grid__item photo-grid__item--missing">
            图片已过期
          </View>
        ),
      )}
    </View>
  );
}
