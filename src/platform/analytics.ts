// Neutral default (H5, jest): our own telemetry function.
export { createAnalytics } from './analytics.h5';
