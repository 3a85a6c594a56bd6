// Neutral default: no platform privacy agreement (H5, jest).
export {
  AGREE_OPEN_TYPE,
  HAS_PLATFORM_CONTRACT,
  needsAuthorization,
  onNeedAuthorization,
  openContract,
} from './privacy.h5';
