import { Button, Image, Text, View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import { Sheet } from '../../../components/sheet';
import { useAsync } from '../../../hooks/use-async';
import type { ConsultViewData } from '../../../services/consult';
import {
  getSharedAttachment,
  getSharedRecord,
  listShares,
  recordErrorText,
  sharedRecords,
  unshareRecord,
  type RecordData,
} from '../../../services/records';
import { formatLocalDateTime } from '../../../utils/format';

/** The doctor's view of one shared record; each opening is logged for the patient (SEC). */
function SharedRecordSheet(props: { consultId: string; record: RecordData; onClose: () => void }) {
  const r = props.record;
  const [images, setImages] = useState<Record<string, string>>({});
  const open = (attachmentId: string) =>
    void getSharedAttachment({ consultId: props.consultId, recordId: r.id, attachmentId })
      .then((f) =>
        setImages((m) => ({
          ...m,
          [attachmentId]: `data:${f.contentType};base64,${f.contentBase64}`,
        })),
      )
      .catch(() => undefined);
  return (
    <Sheet
      title={`${r.kind} · ${r.date}`}
      actions={
        <Button className="btn btn--block" onClick={props.onClose}>
          关闭
        </Button>
      }
    >
      <Text className="muted">
        {r.hospital.name}
        {r.department ? ` · ${r.department}` : ''}
      </Text>
      {r.diagnosis ? <Text>诊断：{r.diagnosis}</Text> : null}
      {r.notes ? <Text>{r.notes}</Text> : null}
      {r.attachments.map((a, i) =>
        images[a.id] ? (
          <Image key={a.id} src={images[a.id]} mode="widthFix" className="shared-record__img" />
        ) : (
          <Text key={a.id} className="shared-record__open" onClick={() => open(a.id)}>
            查看附件 {i + 1}
          </Text>
        ),
      )}
    </Sheet>
  );
}

/**
 * SEC: the records shared with this consult. The patient sees what the doctor can see and
 * until when, and may revoke each; the doctor sees the list and opens one at a time.
 */
export function SharedRecords({ consult }: { consult: ConsultViewData }) {
  const doctor = consult.role === 'doctor';
  const load = useCallback(
    () => (doctor ? sharedRecords : listShares)({ consultId: consult.id }),
    [doctor, consult.id],
  );
  const shares = useAsync(consult.patient.kind === 'patient' ? load : null);
  const [open, setOpen] = useState<RecordData | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  if (shares.status !== 'ready' || shares.data.shares.length === 0) return null;

  const act = (p: Promise<unknown>) =>
    void p.then(() => setMessage(null)).catch((e: unknown) => setMessage(recordErrorText(e)));
  const { visibleUntil } = shares.data;
  return (
    <View className="shared-records">
      <Text className="section__title">{doctor ? '患者分享的病历' : '已分享给医生的病历'}</Text>
      {visibleUntil ? (
        <Text className="muted">医生可查看至 {formatLocalDateTime(visibleUntil)}</Text>
      ) : null}
      {shares.data.shares.map((s) => (
        <View key={s.recordId} className="shared-records__row" data-testid="shared-record">
          <Text>
            {s.date} {s.kind}
          </Text>
          {doctor ? (
            <Text
              className="shared-record__open"
              onClick={() =>
                act(getSharedRecord({ consultId: consult.id, recordId: s.recordId }).then(setOpen))
              }
            >
              查看
            </Text>
          ) : (
            <Text
              className="shared-record__open"
              onClick={() =>
                act(
                  unshareRecord({ consultId: consult.id, recordId: s.recordId }).then(() =>
                    shares.reload(),
                  ),
                )
              }
            >
              撤回
            </Text>
          )}
        </View>
      ))}
      {message ? <Text className="field__error">{message}</Text> : null}
      {open ? (
        <SharedRecordSheet consultId={consult.id} record={open} onClose={() => setOpen(null)} />
      ) : null}
    </View>
  );
}
