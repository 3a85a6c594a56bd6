/**
 * Every capability's twins export the same names with the same types: an import of
 * `platform/<cap>` gets <cap>.weapp in WeChat and <cap>.h5 in the browser, so a signature
 * that drifts in one twin must fail here (tsc), not in the build that was not tried.
 * A new capability folder adds its line (tests/unit/platform-layout.test.ts checks that).
 */
import type * as AnalyticsH5 from './analytics/analytics.h5';
import type * as AnalyticsWeapp from './analytics/analytics.weapp';
import type * as AvatarButtonH5 from './avatar-button/avatar-button.h5';
import type * as AvatarButtonWeapp from './avatar-button/avatar-button.weapp';
import type * as CallLiveH5 from './call-live/call-live.h5';
import type * as CallLiveWeapp from './call-live/call-live.weapp';
import type * as CloudH5 from './cloud/cloud.h5';
import type * as CloudWeapp from './cloud/cloud.weapp';
import type * as ConsultLiveH5 from './consult-live/consult-live.h5';
import type * as ConsultLiveWeapp from './consult-live/consult-live.weapp';
import type * as DeviceH5 from './device/device.h5';
import type * as DeviceWeapp from './device/device.weapp';
import type * as ImageUploadH5 from './image-upload/image-upload.h5';
import type * as ImageUploadWeapp from './image-upload/image-upload.weapp';
import type * as LocationH5 from './location/location.h5';
import type * as LocationWeapp from './location/location.weapp';
import type * as MapH5 from './map/map.h5';
import type * as MapWeapp from './map/map.weapp';
import type * as MediaH5 from './media/media.h5';
import type * as MediaWeapp from './media/media.weapp';
import type * as PermissionsH5 from './permissions/permissions.h5';
import type * as PermissionsWeapp from './permissions/permissions.weapp';
import type * as PhoneButtonH5 from './phone-button/phone-button.h5';
import type * as PhoneButtonWeapp from './phone-button/phone-button.weapp';
import type * as PrivacyH5 from './privacy/privacy.h5';
import type * as PrivacyWeapp from './privacy/privacy.weapp';
import type * as RandomH5 from './random/random.h5';
import type * as RandomWeapp from './random/random.weapp';
import type * as ShareCardH5 from './share-card/share-card.h5';
import type * as ShareCardWeapp from './share-card/share-card.weapp';
import type * as TabBarH5 from './tab-bar/tab-bar.h5';
import type * as TabBarWeapp from './tab-bar/tab-bar.weapp';
import type * as VideoCallH5 from './video-call/video-call.h5';
import type * as VideoCallWeapp from './video-call/video-call.weapp';
import type * as SubscribeH5 from './subscribe/subscribe.h5';
import type * as SubscribeWeapp from './subscribe/subscribe.weapp';

/** true when A and B are assignable both ways: the same exports, the same signatures. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;

export type Twins = [
  Holds<Same<typeof AnalyticsH5, typeof AnalyticsWeapp>>,
  Holds<Same<typeof AvatarButtonH5, typeof AvatarButtonWeapp>>,
  Holds<Same<typeof CallLiveH5, typeof CallLiveWeapp>>,
  Holds<Same<typeof CloudH5, typeof CloudWeapp>>,
  Holds<Same<typeof ConsultLiveH5, typeof ConsultLiveWeapp>>,
  Holds<Same<typeof DeviceH5, typeof DeviceWeapp>>,
  Holds<Same<typeof ImageUploadH5, typeof ImageUploadWeapp>>,
  Holds<Same<typeof LocationH5, typeof LocationWeapp>>,
  Holds<Same<typeof MapH5, typeof MapWeapp>>,
  Holds<Same<typeof MediaH5, typeof MediaWeapp>>,
  Holds<Same<typeof PermissionsH5, typeof PermissionsWeapp>>,
  Holds<Same<typeof PhoneButtonH5, typeof PhoneButtonWeapp>>,
  Holds<Same<typeof PrivacyH5, typeof PrivacyWeapp>>,
  Holds<Same<typeof RandomH5, typeof RandomWeapp>>,
  Holds<Same<typeof ShareCardH5, typeof ShareCardWeapp>>,
  Holds<Same<typeof TabBarH5, typeof TabBarWeapp>>,
  Holds<Same<typeof VideoCallH5, typeof VideoCallWeapp>>,
  Holds<Same<typeof SubscribeH5, typeof SubscribeWeapp>>,
];
