import { Button, Image, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { IDENTITY_FAIL_REASONS } from '../../../../contract/user/items';
import type { IdentityView } from '../../../../contract/user';
import { dataUrl } from '../../../utils/pick-image';
import { handleAccountError } from '../../../session/require-login';
import type { ImageUpload } from '../../../platform/image-upload/types';
import { toServiceError } from '../../../services/errors';
import { getIdentityPhoto } from '../../../services/user';
import { formatLocalDateTime } from '../../../utils/format';
import { routes } from '../../../utils/routes';

type Which = 'idPhoto' | 'facePhoto';
const PHOTO_LABELS: Record<Which, string> = { idPhoto: '身份证照片', facePhoto: '人脸照片' };

/** One photo, fetched only when its owner asks (getIdentityPhoto), kept only on screen. */
function PhotoViewer({ which }: { which: Which }) {
  const [photo, setPhoto] = useState<ImageUpload | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const toggle = async () => {
    if (photo) {
      setPhoto(null);
      return;
    }
    try {
      setPhoto(await getIdentityPhoto({ which }));
      setMessage(null);
    } catch (error) {
      const e = toServiceError(error);
      if (!handleAccountError(e, routes.identity)) setMessage(e.message);
    }
  };

  return (
    <View className="identity-photo">
      <Button className="btn btn--small" onClick={() => void toggle()}>
        {photo ? `隐藏${PHOTO_LABELS[which]}` : `查看${PHOTO_LABELS[which]}`}
      </Button>
      {photo ? (
        <Image className="identity-photo__image" src={dataUrl(photo)} mode="widthFix" />
      ) : null}
      {message ? <Text className="field__error">{message}</Text> : null}
    </View>
  );
}

/**
 * IDV after submission: only the masked name and ID number and the result — with the
 * reason when it failed, and a way to submit again. Never the plaintext.
 */
export function IdentityResult({ view, onRetry }: { view: IdentityView; onRetry: () => void }) {
  const verified = view.status === 'verified';
  return (
    <View className="account-card identity-result">
      <View className="identity-result__status">
        <Text className="account-card__title">实名认证</Text>
        <Text className={`tag ${verified ? 'tag--ok' : 'tag--bad'}`}>
          {verified ? '已认证' : '未通过'}
        </Text>
      </View>
      {!verified && view.reason ? (
        <Text className="account-error identity-result__reason">
          原因：{IDENTITY_FAIL_REASONS[view.reason]}
        </Text>
      ) : null}
      <View className="identity-result__row">
        <Text className="identity-result__label">姓名</Text>
        <Text>{view.nameMasked}</Text>
      </View>
      <View className="identity-result__row">
        <Text className="identity-result__label">身份证号</Text>
        <Text>{view.idMasked}</Text>
      </View>
      {view.submittedAt ? (
        <View className="identity-result__row">
          <Text className="identity-result__label">提交时间</Text>
          <Text>{formatLocalDateTime(view.submittedAt)}</Text>
        </View>
      ) : null}
      {view.consentAt ? (
        <Text className="muted identity-result__consent">
          您已于 {formatLocalDateTime(view.consentAt)} 单独同意《敏感个人信息处理规则》
        </Text>
      ) : null}
      <View className="identity-result__photos">
        <PhotoViewer which="idPhoto" />
        <PhotoViewer which="facePhoto" />
      </View>
      {verified ? null : (
        <Button className="btn btn--primary identity-result__retry" onClick={onRetry}>
          重新认证
        </Button>
      )}
    </View>
  );
}
