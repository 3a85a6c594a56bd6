import { Button, Text, View } from '@tarojs/components';
import { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { Doctor } from '../../../contract/catalog';
import { EmptyState, ErrorState, ListSkeleton } from '../../components/list-states';
import { PrivacyHost } from '../../components/privacy-host';
import { useAsync } from '../../hooks/use-async';
import { usePageView } from '../../privacy/analytics';
import { useConsent } from '../../privacy/use-consent';
import { getSchedule } from '../../services/booking';
import { getDoctor } from '../../services/catalog';
import { formatCount, formatPrice, formatRating, initialOf } from '../../utils/format';
import { requireLogin } from '../../session/require-login';
import { go, routes } from '../../utils/routes';
import { copyLink, shareMessage, shareTimeline } from './share';
import { useShareCard } from './use-share-card';
import './index.css';

/** 图文咨询 needs an account: 登录 first (it comes back to the form), then the form. */
async function consult(doctorId: string, type: 'text' | 'video' = 'text'): Promise<void> {
  const url = routes.consultCreate(doctorId, type);
  if (await requireLogin(url)) go(url);
}

/**
 * 预约挂号 only where the doctor's hospital has a booking adapter (or the demo catalogue):
 * `schedule` says so; no answer, no button (issue 13). Asked only after 同意 (POL: before it
 * the card sends nothing but the catalog call; booking needs an account, hence consent, anyway).
 */
function useBookable(doctorId: string): boolean {
  const agreed = useConsent().status === 'agreed';
  const [bookable, setBookable] = useState(false);
  useEffect(() => {
    let live = true;
    setBookable(false);
    if (doctorId && agreed)
      getSchedule({ doctorId, days: 1 }).then(
        (s) => live && setBookable(s.available),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [doctorId, agreed]);
  return bookable;
}

function DoctorProfile({ doctor, bookable }: { doctor: Doctor; bookable: boolean }) {
  return (
    <View className="page doctor">
      <View className="doctor-head">
        <View className="doctor-head__avatar">
          <Text>{initialOf(doctor.name)}</Text>
        </View>
        <View className="doctor-head__body">
          <View className="doctor-head__title">
            <Text className="doctor-head__name">{doctor.name}</Text>
            <Text className="doctor-head__rank">{doctor.title}</Text>
            {doctor.synthetic ? <Text className="badge badge--demo">示例数据</Text> : null}
          </View>
          <Text className="doctor-head__dept">{doctor.department}</Text>
          <Text
            className="doctor-head__hospital"
            onClick={() => go(routes.hospital(doctor.hospital.id))}
          >
            {doctor.hospital.name}
            {doctor.hospital.grade ? ` · ${doctor.hospital.grade}` : ''} ›
          </Text>
        </View>
      </View>
      {doctor.synthetic ? (
        <Text className="doctor__demo-note">该医生为演示用的示例数据，并非真实医生。</Text>
      ) : null}
      <View className="doctor-stats">
        <View className="doctor-stats__item">
          <Text className="doctor-stats__value">{formatRating(doctor.rating)}</Text>
          <Text className="muted">评分</Text>
        </View>
        <View className="doctor-stats__item">
          <Text className="doctor-stats__value">{formatCount(doctor.consultCount)}</Text>
          <Text className="muted">咨询量</Text>
        </View>
        <View className="doctor-stats__item">
          <Text className="doctor-stats__value">{formatPrice(doctor.consultPrice)}</Text>
          <Text className="muted">图文咨询</Text>
        </View>
      </View>
      {doctor.specialties.length > 0 ? (
        <View className="section">
          <View className="section__title">擅长</View>
          <View className="doctor__tags">
            {doctor.specialties.map((s) => (
              <Text key={s} className="doctor__tag">
                {s}
              </Text>
            ))}
          </View>
        </View>
      ) : null}
      {doctor.bio ? (
        <View className="section">
          <View className="section__title">简介</View>
          <Text className="doctor__bio">{doctor.bio}</Text>
        </View>
      ) : null}
      <View className="doctor__actions">
        {process.env.TARO_ENV === 'h5' ? (
          <Button className="btn doctor__share" onClick={() => void copyLink(doctor.id)}>
            复制链接
          </Button>
        ) : null}
        {bookable ? (
          <Button
            className="btn doctor__book"
            onClick={() => go(routes.bookingSchedule(doctor.id))}
          >
            预约挂号
          </Button>
        ) : null}
        <Button
          className="btn btn--primary doctor__consult"
          onClick={() => void consult(doctor.id)}
        >
          图文咨询 {formatPrice(doctor.consultPrice)}
        </Button>
        {/* 视频咨询 only when offered and the operator has video on (else `video` is null). */}
        {doctor.video ? (
          <Button
            className="btn btn--primary doctor__video"
            onClick={() => void consult(doctor.id, 'video')}
          >
            视频咨询 {formatPrice(doctor.video.price)}
          </Button>
        ) : null}
      </View>
    </View>
  );
}

export default function DoctorPage() {
  const id = useRouter().params.id ?? '';
  const load = useCallback(() => getDoctor({ id }), [id]);
  const doctor = useAsync(id ? load : null);
  const bookable = useBookable(id);

  const cardImage = useShareCard(doctor.data);
  useShareAppMessage(() => shareMessage(doctor.data, id, cardImage));
  useShareTimeline(() => shareTimeline(doctor.data, id, cardImage));
  usePageView('doctor');

  // A shared card may be the first page the app opens: the consent sheet shows here too.
  const page = (content: ReactNode) => (
    <>
      {content}
      <PrivacyHost />
    </>
  );
  if (!id) return page(<EmptyState text="未找到该医生" />);
  if (doctor.status === 'error') {
    return page(<ErrorState error={doctor.error} onRetry={() => void doctor.reload()} />);
  }
  if (doctor.status !== 'ready') return page(<ListSkeleton rows={2} />);
  return page(<DoctorProfile doctor={doctor.data} bookable={bookable} />);
}
