import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import {
  SENSITIVE_CONSENTS,
  type SensitiveConsent,
} from '../../../contract/privacy/sensitive-consents';
import { CheckRow } from '../check-row';
import { Sheet } from '../sheet';

/**
 * PIPL art. 29/31 (issue 11 points 1–2): the separate consent's own screen — purpose,
 * necessity and effect, then a box that starts unticked. 同意 stays disabled until the user
 * ticks it; 暂不同意 closes with nothing recorded.
 */
export function SensitiveConsentSheet(props: {
  item: SensitiveConsent;
  busy?: boolean;
  onAgree: () => void;
  onDecline: () => void;
}) {
  const text = SENSITIVE_CONSENTS[props.item];
  const [ticked, setTicked] = useState(false);
  return (
    <Sheet
      title={text.title}
      className="sensitive-consent"
      actions={
        <>
          <Button className="btn btn--block" onClick={props.onDecline}>
            暂不同意
          </Button>
          <Button
            className="btn btn--primary btn--block"
            disabled={!ticked}
            loading={props.busy}
            onClick={() => ticked && props.onAgree()}
          >
            同意并继续
          </Button>
        </>
      }
    >
      <View className="sensitive-consent__body">
        <Text className="section__title">处理目的</Text>
        <Text>{text.purpose}</Text>
        <Text className="section__title">必要性</Text>
        <Text>{text.necessity}</Text>
        <Text className="section__title">对您的影响</Text>
        <Text>{text.effect}</Text>
        <Text className="muted">{text.withdrawal}</Text>
      </View>
      <CheckRow checked={ticked} onChange={setTicked}>
        {text.checkbox}
      </CheckRow>
    </Sheet>
  );
}

/** The reason codes of contract/privacy/requirements.ts this sheet answers. */
export function sensitiveItemFor(reason: unknown): SensitiveConsent | null {
  if (reason === 'health_consent_required') return 'health';
  if (reason === 'guardian_consent_required') return 'guardian';
  return null;
}
