import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { IdentityView } from '../../../../contract/user';
import { accountErrorText } from '../../../session/messages';
import { handleAccountError } from '../../../session/require-login';
import { identityNameError, idNumberError } from '../../../../contract/user/rules';
import { Field, FieldGroup } from '../../../components/field';
import type { ImageUpload } from '../../../platform/image-upload/types';
import { toServiceError } from '../../../services/errors';
import { submitIdentity } from '../../../services/user';
import { routes } from '../../../utils/routes';
import { PhotoField } from './photo-field';

interface Errors {
  name?: string | null;
  idNumber?: string | null;
  idPhoto?: string | null;
  facePhoto?: string | null;
}

/**
 * IDV: name, ID number, ID photo and face photo, each checked here as the server will —
 * a number with a wrong check digit or a future birth date never leaves the phone.
 */
export function IdentityForm({ onSubmitted }: { onSubmitted: (view: IdentityView) => void }) {
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [idPhoto, setIdPhoto] = useState<ImageUpload | null>(null);
  const [facePhoto, setFacePhoto] = useState<ImageUpload | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // On leaving a filled field: its mistake shows at once, before 提交.
  const check = (field: keyof Errors, error: string | null) =>
    setErrors((x) => ({ ...x, [field]: error || null }));

  const submit = async () => {
    if (busy) return;
    const found: Errors = {
      name: identityNameError(name),
      idNumber: idNumberError(idNumber),
      idPhoto: idPhoto ? null : '请上传身份证人像面照片',
      facePhoto: facePhoto ? null : '请上传本人人脸照片',
    };
    setErrors(found);
    setMessage(null);
    if (Object.values(found).some(Boolean) || !idPhoto || !facePhoto) return;
    setBusy(true);
    try {
      onSubmitted(
        await submitIdentity({
          name: name.trim(),
          idNumber: idNumber.trim().toUpperCase(),
          idPhoto,
          facePhoto,
          consent: true,
        }),
      );
    } catch (error) {
      const e = toServiceError(error);
      if (!handleAccountError(e, routes.identity)) setMessage(accountErrorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="identity-form">
      <FieldGroup>
        <Field label="姓名" error={errors.name}>
          <Input
            className="field__input"
            type="text"
            maxlength={20}
            placeholder="与身份证一致"
            value={name}
            onInput={(e) => setName(e.detail.value)}
            onBlur={(e) => check('name', e.detail.value && identityNameError(e.detail.value))}
          />
        </Field>
        <Field label="身份证号" error={errors.idNumber}>
          <Input
            className="field__input"
            type="idcard"
            maxlength={18}
            placeholder="18 位身份证号码"
            value={idNumber}
            onInput={(e) => setIdNumber(e.detail.value)}
            onBlur={(e) => check('idNumber', e.detail.value && idNumberError(e.detail.value))}
          />
        </Field>
      </FieldGroup>
      <View className="account-card">
        <PhotoField
          label="身份证照片"
          hint="人像面，四角完整、文字清晰"
          value={idPhoto}
          onChange={setIdPhoto}
          error={errors.idPhoto}
        />
        <PhotoField
          label="人脸照片"
          hint="本人正脸，光线充足"
          value={facePhoto}
          onChange={setFacePhoto}
          error={errors.facePhoto}
        />
      </View>
      {message ? <Text className="account-error">{message}</Text> : null}
      <Button
        className="btn btn--block btn--primary identity-form__submit"
        disabled={busy}
        onClick={() => void submit()}
      >
        {busy ? '提交中…' : '提交认证'}
      </Button>
    </View>
  );
}
