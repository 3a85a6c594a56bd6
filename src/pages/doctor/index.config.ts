export default definePageConfig({
  navigationBarTitleText: '医生名片',
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
